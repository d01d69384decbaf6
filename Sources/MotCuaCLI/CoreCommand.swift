import Foundation
import MotCuaDesk
import MotCuaStore

/// `motcua core init --to URL`: creates or migrates the shared core store's
/// schema in PostgreSQL (idempotent). Without `--to`: `MOTCUA_DELIVER_TO`,
/// else `core`, else `deliverTo` in settings.json.
public func runCoreCommand(_ args: [String]) -> Int32 {
    let usage = usageLine(coreUsage)
    guard args.first == "init", let line = StoreCommandLine(Array(args.dropFirst()), command: "core init", valued: ["--to"]),
          line.positional.isEmpty else {
        Console.err(usage)
        return 2
    }
    do {
        var url = line.values["--to"] ?? ProcessInfo.processInfo.environment["MOTCUA_DELIVER_TO"].flatMap { $0.isEmpty ? nil : $0 }
        if url == nil, let dir = try? DataDirectory.resolve(flag: line.dataDir, environment: ProcessInfo.processInfo.environment) {
            let settings = readSettings(dir)
            url = settings?["core"]?.stringValue ?? settings?["deliverTo"]?.stringValue
        }
        guard let url else {
            Console.err(usage)
            return 2
        }
        let (before, after) = try PostgresSchema.initialize(url: url)
        Console.out(Console.safe(before == after
            ? "the shared core store at \(ConnInfo.redacted(url)) is up to date (schema version \(after))"
            : "the shared core store at \(ConnInfo.redacted(url)) is at schema version \(after) (was \(before))"))
        return 0
    } catch {
        Console.err(Console.safe("motcua core init: \(error)"))
        return 2
    }
}
