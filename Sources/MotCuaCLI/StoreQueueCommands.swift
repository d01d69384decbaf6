import Foundation
import MotCuaStore

/// `motcua queue status [--all] | deliver [--limit N] | retry ID | export FILE | import FILE`,
/// each with `[--data-dir D] [--kiosk K] [--operator O]`.
public func runQueueCommand(_ args: [String]) -> Int32 {
    let usage = usageLine(queueUsage)
    guard let sub = args.first, let line = StoreCommandLine(Array(args.dropFirst()), command: "queue \(sub)", valued: ["--limit", "--to"], switches: ["--all"]) else {
        Console.err(usage)
        return 2
    }
    let wantsOne = ["retry", "export", "import"].contains(sub)
    guard ["status", "deliver"].contains(sub) ? line.positional.isEmpty : (wantsOne && line.positional.count == 1) else {
        Console.err(usage)
        return 2
    }
    return withStore("queue \(sub)", line) { store in
        switch sub {
        case "status": return try queueStatus(store, all: line.flags.contains("--all"))
        case "deliver":
            var limit: Int?
            if let l = line.values["--limit"] {
                guard let n = Int(l), n > 0 else { throw StoreError.invalidArgument("--limit takes a positive number") }
                limit = n
            }
            return try deliver(store, operatorID: line.operatorName, limit: limit, to: try line.destination(store))
        case "retry":
            let item = try store.retry(line.positional[0], operatorID: line.operatorName)
            Console.out(Console.safe("\(item.receipt) \(item.id) queued again"))
            return 0
        case "export":
            let r = try store.exportBundle(to: line.positional[0], operatorID: line.operatorName)
            Console.out(Console.safe("exported \(r.dossiers) dossier\(r.dossiers == 1 ? "" : "s") and \(r.forms) form\(r.forms == 1 ? "" : "s") to \(line.positional[0]) (\(r.bytes) bytes, sha256 \(r.sha256.hex))"))
            return 0
        default:
            let r = try store.importBundle(from: line.positional[0], operatorID: line.operatorName)
            for receipt in r.imported { Console.out(Console.safe("imported \(receipt)")) }
            for receipt in r.alreadyPresent { Console.out(Console.safe("already here \(receipt)")) }
            for reason in r.keptAside { Console.out(Console.safe("kept aside \(reason)")) }
            for reason in r.rejected { Console.out(Console.safe("rejected: \(reason)")) }
            Console.err("\(r.imported.count) imported, \(r.alreadyPresent.count) already here, \(r.keptAside.count) kept aside, \(r.rejected.count) rejected")
            return r.rejected.isEmpty && r.keptAside.isEmpty ? 0 : 1
        }
    }
}

private func queueStatus(_ store: DossierStore, all: Bool) throws -> Int32 {
    let s = try store.queueSummary()
    let counts = QueueItemState.allCases.map { "\($0.rawValue) \(s.counts[$0] ?? 0)" }.joined(separator: ", ")
    // Dossiers delivered to a shared core or a receiver are not in the local core store:
    // say where they went, so "core store 0" does not read as a failed delivery.
    var elsewhere: [String: Int] = [:]
    for item in s.items where item.state == .delivered { if let to = item.deliveredTo { elsewhere[to, default: 0] += 1 } }
    let away = elsewhere.sorted { $0.key < $1.key }.map { "; delivered elsewhere \($0.value) to \($0.key)" }.joined()
    Console.out(Console.safe("\(counts); core store on this machine \(s.storedDossiers) dossier\(s.storedDossiers == 1 ? "" : "s")"
        + (s.storeConflicts > 0 ? ", \(s.storeConflicts) conflict\(s.storeConflicts == 1 ? "" : "s") kept aside" : "") + away))
    for item in s.items where all || item.state != .delivered {
        var text = "\(item.receipt) \(item.id) \(item.state.rawValue)"
        if item.attempts > 0 { text += " attempts \(item.attempts)" }
        if item.state == .failed, let next = item.nextRetry { text += " next \(next.vietnamDisplay)" }
        if let e = item.lastError, item.state == .failed || item.state == .setAside { text += ": \(e)" }
        Console.out(Console.safe(text))
    }
    return 0
}

private func deliver(_ store: DossierStore, operatorID: String, limit: Int?, to destination: (any DeliveryDestination)?) throws -> Int32 {
    if let destination { Console.err(Console.safe("delivering to \(destination.label)")) }
    let r = try store.deliver(operatorID: operatorID, limit: limit, to: destination)
    for f in r.failed { Console.out(Console.safe("failed \(f.receipt): \(f.reason); next attempt \(f.nextRetry?.vietnamDisplay ?? "-")")) }
    for f in r.setAside { Console.out(Console.safe("set aside \(f.receipt): \(f.reason)")) }
    Console.out("delivered \(r.delivered.count), already stored \(r.alreadyStored.count), failed \(r.failed.count), set aside \(r.setAside.count), waiting \(r.waiting)")
    return r.failed.isEmpty && r.setAside.isEmpty ? 0 : 1
}
