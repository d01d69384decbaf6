import Foundation
import MotCuaForms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of `verify`: problems make it fail; repairs are what opening
/// fixed on its own (the remains of an interrupted write, a stale index).
public struct VerifyReport: Sendable {
    public var problems: [String] = []
    public var repairs: [String] = []
    /// Worth knowing, not a failure: receipt conflicts kept aside, the
    /// audit trail behind because the disk was full.
    public var notes: [String] = []
    public var journalRecords = 0
    public var queuedDossiers = 0
    public var storedDossiers = 0
    public var storeConflicts = 0
    public var auditEntries = 0
    public var formCopies = 0
    /// Delivered to a remote destination (PostgreSQL, HTTPS), so not in store.log.
    public var deliveredElsewhere = 0
    public var isOK: Bool { problems.isEmpty }
}

extension DossierStore {
    /// Reads every record of every file: frame checksums, content hashes,
    /// the queue's state machine, the audit chain and its match with the
    /// journal, the core store against its index and the queue, the form
    /// copies, and file permissions. Rewrites a stale snapshot (a repair).
    public func verify() throws -> VerifyReport {
        try lock.withLock {
            try refresh(.all)
            var report = VerifyReport()
            removeLeftoverTemporaryFiles()
            report.repairs += DataDirectory.tightenModes(directory)

            // The queue, replayed from nothing.
            var fresh = QueueState()
            fresh.checkContent = true
            var expected: [JSONObject] = []
            var unreadable: [String] = []
            // Dossiers whose `delivered` record names a remote destination
            // (PostgreSQL, HTTPS): they live there, not in store.log.
            var deliveredElsewhere: [String: String] = [:]
            var first = true
            let q = try queueLog.scanAll { v in
                if first { first = false; return }
                do {
                    let (h, body) = try RecordPayload.split(v.payload)
                    try fresh.apply(h, offset: v.offset, body: body)
                    if h["k"]?.stringValue == JournalKind.delivered.rawValue, let id = h["id"]?.stringValue {
                        deliveredElsewhere[id] = h["to"]?.stringValue
                    }
                    expected.append(AuditLog.projection(of: h, seq: fresh.lastSeq))
                } catch {
                    unreadable.append("queue.log: unreadable record at offset \(v.offset): \(error)")
                }
            }
            report.problems += unreadable + fresh.problems
            report.problems += q.damaged.map { "queue.log: damaged bytes \($0.lowerBound)..<\($0.upperBound) (a record there is lost)" }
            if q.tornTail != nil { report.problems.append("queue.log: an incomplete record at its end") }
            if fresh.items.map(\.id) != queue.items.map(\.id) || zip(fresh.items, queue.items).contains(where: { $0.state != $1.state || $0.attempts != $1.attempts }) {
                queue = fresh
                report.repairs.append("the queue snapshot was stale; rebuilt it from queue.log")
            }
            try? writeSnapshot()
            report.journalRecords = fresh.lastSeq
            report.queuedDossiers = fresh.items.count

            // The audit trail against the journal.
            let trail = try audit.verifyAll(expected: expected)
            report.problems += trail.issues
            if trail.missing > 0 {
                // Entries not yet written because the disk is full are owed,
                // not lost: the journal holds them and the next operation with
                // space writes them. Missing for any other reason is damage.
                if let behind = auditBehind, behind.isDiskFull, trail.issues.isEmpty {
                    report.notes.append("\(trail.missing) audit entries not yet written because the disk was full; the journal holds them and they are written as soon as there is space")
                } else {
                    report.problems.append("audit.log: \(trail.missing) journal record(s) have no audit entry")
                }
            }
            report.auditEntries = audit.count

            // The core store, rebuilt from its records and compared.
            let (rebuilt, s, storeProblems) = try core.rebuiltIndex()
            report.problems += storeProblems
            report.problems += s.damaged.map { "store.log: damaged bytes \($0.lowerBound)..<\($0.upperBound) (a record there is lost)" }
            if s.tornTail != nil { report.problems.append("store.log: an incomplete record at its end") }
            let sameIndex = rebuilt.entries.count == core.index.entries.count
                && zip(rebuilt.entries, core.index.entries).allSatisfy { $0.id == $1.id && $0.contentHash == $1.contentHash && $0.offset == $1.offset }
            if !sameIndex {
                core.replaceIndex(rebuilt)
                report.repairs.append("the store index did not match store.log; rebuilt it")
            }
            report.storedDossiers = rebuilt.entries.count
            report.storeConflicts = rebuilt.conflictCount
            var elsewhere: [String: Int] = [:]
            for item in fresh.items where item.state == .delivered {
                if let destination = deliveredElsewhere[item.id] {
                    // Its bytes were checked against its hash on replay above;
                    // the destination keeps and checks its own copy.
                    elsewhere[destination, default: 0] += 1
                    if let e = rebuilt.entry(id: item.id), e.contentHash != item.contentHash {
                        report.problems.append("dossier \(item.id) (receipt \(item.receipt)) differs between the queue and the core store")
                    }
                    continue
                }
                guard let e = rebuilt.entry(id: item.id) else {
                    report.problems.append("dossier \(item.id) (receipt \(item.receipt)) is marked delivered but the core store does not hold it")
                    continue
                }
                if e.contentHash != item.contentHash {
                    report.problems.append("dossier \(item.id) (receipt \(item.receipt)) differs between the queue and the core store")
                }
            }

            for (destination, n) in elsewhere.sorted(by: { $0.key < $1.key }) {
                report.notes.append("\(n) dossier(s) were delivered to \(destination): their copies there are checked by motcua dossiers verify --core URL (PostgreSQL) or by the receiver")
            }
            report.deliveredElsewhere = elsewhere.values.reduce(0, +)

            let receipts = receiptFindings(queue: fresh, index: rebuilt)
            report.problems += receipts.problems
            report.notes += receipts.notes

            // Form copies: each named by its content; each one a dossier needs present.
            let copies = try forms.audit()
            report.formCopies = copies.count
            for c in copies where !c.good { report.problems.append("forms/\(c.name): damaged (its content does not match its name)") }
            let good = Set(copies.filter(\.good).map(\.name))
            for hash in Set(fresh.items.map(\.formHash)) where !good.contains(hash.hex + ".json") {
                report.problems.append("forms/\(hash.hex).json is missing: dossiers made with it cannot be re-validated")
            }

            report.problems += permissionProblems()
            report.repairs = repairs + report.repairs
            repairs = []
            return report
        }
    }

    /// Files and directories that are not owner-only.
    func permissionProblems() -> [String] {
        var out: [String] = []
        var dirs = [directory, directory + "/" + DossierStore.formsName, directory + "/drafts"]
        if let c = options.coreStoreDirectory { dirs.append(c) }
        for dir in dirs {
            var st = stat()
            if stat(dir, &st) == 0, st.st_mode & 0o777 != 0o700 {
                out.append("\(dir) has permissions \(String(st.st_mode & 0o777, radix: 8)), expected 700")
            }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                let path = dir + "/" + name
                guard lstat(path, &st) == 0 else { continue }
                let kind = st.st_mode & S_IFMT
                if kind == S_IFREG, st.st_mode & 0o777 != 0o600 {
                    out.append("\(path) has permissions \(String(st.st_mode & 0o777, radix: 8)), expected 600")
                } else if kind == S_IFDIR, !dirs.contains(path), st.st_mode & 0o777 != 0o700 {
                    out.append("\(path) has permissions \(String(st.st_mode & 0o777, radix: 8)), expected 700")
                }
            }
        }
        return out
    }

    /// Removes temporary files left by a process killed while writing a form
    /// copy or snapshot. Those are written only under the lock, which we
    /// hold, so any that exist belong to a dead process.
    func removeLeftoverTemporaryFiles() {
        for dir in [directory, directory + "/" + DossierStore.formsName, coreDirectory] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(".") && name.contains(".tmp-") {
                FileIO.unlink(dir + "/" + name)
            }
        }
    }
}

extension CoreStore {
    /// Replaces the index (after verify rebuilt it) and saves it.
    func replaceIndex(_ rebuilt: StoreIndex) {
        setIndex(rebuilt)
        try? writeSnapshot()
    }
}
