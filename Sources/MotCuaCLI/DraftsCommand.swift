import Foundation
import MotCuaForms
import MotCuaStore

/// `motcua drafts list|show ID|discard ID`.
public func runDraftsCommand(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "drafts"), let verb = line.positional.first else {
        Console.err(usageLine(draftsUsage))
        return 2
    }
    do {
        let drafts = try FileDraftStore(dataDirectory: try DataDirectory.resolve(flag: line.dataDir))
        switch (verb, line.positional.count) {
        case ("list", 1):
            for d in try drafts.list() {
                let name = d.applicantName.map { Console.safe($0) } ?? "—"
                Console.out("\(d.id)  \(Console.safe(d.formID))  \(name)  \(d.updatedAt.vietnamDisplay)")
            }
            return 0
        case ("show", 2):
            guard let d = try drafts.load(line.positional[1]) else { Console.err("motcua drafts: no draft \(Console.safe(line.positional[1]))"); return 1 }
            Console.out("id: \(d.id)\nform: \(Console.safe(d.formID)) \(Console.safe(d.formVersion)) (\(Console.safe(d.formPath)))\nupdated: \(d.updatedAt.vietnamDisplay)")
            for (k, v) in d.answers.pairs { Console.out(Console.safe("\(k): \(v.serialized())")) }
            return 0
        case ("discard", 2):
            try drafts.discard(line.positional[1])
            Console.out("discarded \(Console.safe(line.positional[1]))")
            return 0
        default:
            Console.err(usageLine(draftsUsage))
            return 2
        }
    } catch {
        Console.err(Console.safe("motcua drafts: \(error)"))
        return 2
    }
}
