import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaStore

/// The shared core store to read, when one is set: `--core`, else
/// `MOTCUA_CORE`, else `core` in settings.json; nil = the local data directory.
func sharedCoreURL(_ line: StoreCommandLine, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    sharedCoreURL(line, environment: environment,
                  settings: (try? DataDirectory.resolve(flag: line.dataDir, environment: environment)).flatMap(readSettings))
}

/// The same with settings already read (the kiosk's `Desk` holds them); they are
/// looked at only when neither the option nor the environment names a core.
func sharedCoreURL(_ line: StoreCommandLine, environment: [String: String], settings: @autoclosure () -> JSONValue?) -> String? {
    if let u = line.values["--core"] { return u }
    if let u = environment["MOTCUA_CORE"], !u.isEmpty { return u }
    return settings()?["core"]?.stringValue
}

/// `dossiers list|show|verify` against PostgreSQL: any desk finds a
/// dossier filed at another. One psql session for the whole command.
func runSharedCoreCommand(_ sub: String, _ line: StoreCommandLine, url: String) -> Int32 {
    do {
        let core = try PostgresCore(url: url)
        defer { core.session.close() }
        switch sub {
        case "list":
            let found = try core.dossiers(search: line.values["--search"])
            for d in found {
                Console.out(Console.safe("\(d.receipt) \(d.id) \(d.formID) \(d.formVersion) \(d.deliveredAt.vietnamDisplay) \(d.names.joined(separator: "; "))"))
            }
            Console.err("\(found.count) dossier\(found.count == 1 ? "" : "s")" + (found.count == core.limit ? " (the newest \(core.limit))" : ""))
            return 0
        case "show":
            guard let d = try core.details(line.positional[0]) else {
                Console.err(Console.safe("motcua dossiers show: no dossier \(line.positional[0]) in \(core.label)"))
                return 1
            }
            printDetails(d, json: line.flags.contains("--json"), language: line.values["--lang"] ?? "en", store: nil)
            return 0
        default:
            let v = try core.verify()
            for p in v.problems { Console.out(Console.safe("PROBLEM: \(p)")) }
            let summary = "\(v.dossiers) dossiers, \(v.forms) form copies, schema version \(v.schemaVersion) in \(core.label)"
            Console.out(Console.safe(v.isOK ? "ok: \(summary); every content hash verified" : "FAILED: \(v.problems.count) problem\(v.problems.count == 1 ? "" : "s"); \(summary)"))
            return v.isOK ? 0 : 1
        }
    } catch {
        Console.err(Console.safe("motcua dossiers \(sub): \(error)"))
        return 2
    }
}
