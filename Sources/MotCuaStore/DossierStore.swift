import Foundation
import MotCuaForms

/// Tunables of the outbox. The defaults suit a kiosk; tests shorten them.
public struct StoreOptions: Sendable {
    /// Delivery attempts before a dossier is set aside with the last error.
    public var maxAttempts = 6
    /// Wait after the first failed attempt; doubled after each further one.
    public var backoffBase: Double = 60
    /// Longest wait between attempts.
    public var backoffCap: Double = 6 * 3600
    /// Dossiers per delivery batch (one lock hold, three fsyncs).
    public var batchSize = 256
    /// Where the core store lives; nil = the data directory itself.
    public var coreStoreDirectory: String?

    public init() {}

    /// The wait after attempt number `attempt` (1-based) failed.
    public func backoff(afterAttempt attempt: Int) -> Double {
        min(backoffCap, backoffBase * pow(2, Double(max(0, attempt - 1))))
    }
}

/// The data directory as one object: the outbox (queue.log), the core store
/// (store.log), the audit trail (audit.log) and the form copies (forms/).
///
/// Every public method takes the directory's lock, first reads whatever other
/// processes appended since (repairing the remains of an interrupted write),
/// does its work, and releases the lock. So a kiosk and a delivery run can
/// use one directory at once, and a process killed at any moment leaves it
/// consistent. Not thread-safe: one object per thread (each has its own lock
/// description, so two objects in one process exclude each other too).
public final class DossierStore {
    public let directory: String
    public let kioskID: String
    /// The agency code receipts begin with (QCVN 102:2016), when one is set.
    public let agencyCode: String?
    public let options: StoreOptions

    let checker: DossierChecker
    let lock: FileLock
    let queueLog: RecordLog
    let audit: AuditLog
    let forms: FormCopies
    /// The outbox state; valid once `refresh` was asked for `.queue`.
    var queue = QueueState()
    private var queueLoaded = false
    /// The core store, opened (its index loaded) on first use: submitting
    /// never needs it, and looking a dossier up never needs the queue.
    private var coreStore: CoreStore?
    var formCache: PreparedFormCache
    /// Held around each delivery batch (`deliver.lock`), so two deliverers never
    /// send the same dossier at once while the data lock is free for submits.
    var deliveryLock: FileLock?
    /// Journal records read since the queue snapshot.
    var uncovered = 0
    /// Headers of journal records this object appended whose audit entries
    /// are not written yet, by sequence number (saves reading them back).
    var pendingAudit: [Int: JSONObject] = [:]
    /// Why the audit trail could not be completed the last time it was
    /// tried (nil once it is complete): verify tells a full disk from damage.
    var auditBehind: StoreError?
    /// What had to be repaired since this object was opened (shown by verify).
    public internal(set) var repairs: [String] = []

    static let queueLogName = "queue.log"
    static let queueSnapshotName = "queue.snapshot"
    static let auditLogName = "audit.log"
    static let lockName = "lock"
    static let deliveryLockName = "deliver.lock"
    static let formsName = "forms"
    /// Submits leave their audit entries to the next other operation, or
    /// write them together once this many are waiting (see AuditLog).
    static let auditBatch = 64

    /// Opens (creating when needed) the data directory at `directory`.
    /// Cheap: the queue state and the core store's index are loaded by the
    /// first operation that needs them.
    public init(directory: String, kioskID: String = KioskID.defaultID, agencyCode: String? = nil, checker: DossierChecker,
                options: StoreOptions = StoreOptions()) throws {
        guard KioskID.isValid(kioskID) else { throw StoreError.invalidArgument("kiosk id \"\(kioskID)\" must be 2 to 8 letters A-Z or digits") }
        if let agencyCode, !AgencyCode.isValid(agencyCode) { _ = try AgencyCode.normalize(agencyCode) }
        self.directory = directory
        self.kioskID = kioskID
        self.agencyCode = agencyCode
        self.checker = checker
        self.options = options
        formCache = PreparedFormCache(checker: checker)
        try FileIO.ensureDirectory(directory)
        let lock = try FileLock(path: directory + "/" + DossierStore.lockName)
        self.lock = lock
        (queueLog, audit, forms) = try lock.withLock {
            (try RecordLog(path: directory + "/" + DossierStore.queueLogName, kind: "queue"),
             try AuditLog(path: directory + "/" + DossierStore.auditLogName),
             try FormCopies(directory: directory + "/" + DossierStore.formsName))
        }
        if let core = options.coreStoreDirectory { try FileIO.ensureDirectory(core) }
        try lock.withLock {
            removeLeftoverTemporaryFiles()
            repairs += DataDirectory.tightenModes(directory)
            // Create the core store's log now (its index loads later), so that
            // reading works even once the disk is full.
            _ = try RecordLog(path: coreDirectory + "/" + CoreStore.logName, kind: "store")
        }
    }

    /// The unit part of the receipt codes this kiosk issues.
    var receiptUnit: String { ReceiptCode.unit(agency: agencyCode, kiosk: kioskID) }

    var snapshotPath: String { directory + "/" + DossierStore.queueSnapshotName }
    var snapshotDue: Bool { Snapshot.due(uncovered: uncovered, total: queue.lastSeq) }
    var coreDirectory: String { options.coreStoreDirectory ?? directory }

    /// The core store; only after `refresh` was asked for `.core`.
    var core: CoreStore {
        guard let coreStore else { preconditionFailure("DossierStore.core used before refresh(.core)") }  // a programming error, not input
        return coreStore
    }

    /// What an operation needs brought up to date.
    struct Needs: OptionSet {
        let rawValue: Int
        static let queue = Needs(rawValue: 1)
        static let core = Needs(rawValue: 2)
        static let all: Needs = [.queue, .core]
    }

    /// Loads (first time) and brings up to date what `needs` names, reading
    /// what anyone appended since and cutting off the remains of an
    /// interrupted write. With the queue comes the audit trail, completed
    /// from the journal where a crash or a run of submits left it short
    /// (`completeAudit` false: only once `auditBatch` entries wait, without
    /// fsync; the submit path). Call under the lock.
    func refresh(_ needs: Needs, completeAudit: Bool = true) throws {
        if needs.contains(.queue) {
            let firstLoad = !queueLoaded
            if firstLoad {
                loadSnapshot()
                queueLoaded = true
            }
            if let removed = try queueLog.catchUp(visit: { v in
                let (h, body) = try RecordPayload.split(v.payload)
                try queue.apply(h, offset: v.offset, body: body)
                uncovered += 1
            }) {
                repairs.append("removed \(removed) bytes of an interrupted write at the end of queue.log")
            }
            if firstLoad, snapshotDue { try? writeSnapshot() }
            // The submit path reads the audit trail only when it is about to write to it.
            if completeAudit || queue.lastSeq - audit.lastSource >= DossierStore.auditBatch {
                if let removed = try audit.catchUp() { repairs.append("removed \(removed) bytes of an interrupted write at the end of audit.log") }
            }
            let waiting = queue.lastSeq - audit.lastSource
            if waiting > 0, completeAudit || waiting >= DossierStore.auditBatch {
                // Best effort: on a full disk the trail stays short (verify says
                // why) rather than making every command, even a status, fail.
                do {
                    try writePendingAudit(sync: completeAudit)
                    if auditBehind != nil { repairs.append("wrote \(waiting) audit entries a full disk had held back") }
                    auditBehind = nil
                } catch let e as StoreError {
                    auditBehind = e
                }
            }
            // An audit trail ahead of the journal means queue.log lost records: verify reports it.
        }
        if needs.contains(.core) {
            if let core = coreStore {
                let before = core.repairs.count
                try core.catchUp()
                repairs += core.repairs.dropFirst(before)
            } else {
                let core = try CoreStore(directory: coreDirectory)
                repairs += core.repairs
                coreStore = core
            }
        }
    }

    // MARK: journal

    /// A journal record header: kind, sequence, time, the record's own
    /// members, then who and where.
    func journalHeader(_ kind: JournalKind, seq: Int, at: Timestamp, operatorID: String, _ members: [(String, JSONValue)]) -> JSONObject {
        var h = JSONObject()
        h["k"] = .string(kind.rawValue)
        h["seq"] = .int(seq)
        h["at"] = .int(Int(at.milliseconds))
        for (k, v) in members { h[k] = v }
        h["op"] = .string(operatorID)
        h["kiosk"] = .string(kioskID)
        return h
    }

    /// Appends journal records (one write, one fsync) and applies them to the
    /// in-memory state. Then, unless `deferAudit` (submit), writes their
    /// audit entries with an fsync. A failed audit write does not fail the
    /// operation: the journal is durable and the next operation completes
    /// the trail from it. Returns the offsets.
    @discardableResult
    func appendJournal(_ records: [(header: JSONObject, body: [UInt8]?)], deferAudit: Bool = false) throws -> [UInt64] {
        // An operation that writes its audit entries must be able to: the
        // space for them is reserved before the journal changes, so a full
        // disk fails the operation here, having written nothing (F11).
        guard !records.isEmpty else { return [] }
        let payloads = records.map { RecordPayload.make(.object($0.header), body: $0.body) }
        if !deferAudit {
            try reserveAudit(forNewRecords: records.count, journalBytes: payloads.reduce(0) { $0 + $1.count + Frame.headerSize })
        }
        let placed = try queueLog.append(payloads)
        for (i, r) in records.enumerated() {
            if let body = r.body {
                try body.withUnsafeBytes { try queue.apply(r.header, offset: placed[i].offset, body: $0) }
            } else {
                try queue.apply(r.header, offset: placed[i].offset, body: nil)
            }
            uncovered += 1
        }
        for r in records { if let seq = r.header["seq"]?.intValue { pendingAudit[seq] = r.header } }
        if !deferAudit {
            // Space was reserved; should the write still meet a full disk, the
            // operation says so (its journal record is durable, and the next
            // operation completes the trail from it). Other failures stay best
            // effort, as before: the next locked operation completes the trail.
            do {
                try writePendingAudit(sync: true)
                auditBehind = nil
            } catch let e as StoreError {
                auditBehind = e
                if e.isDiskFull { throw e }
            }
        } else if queue.lastSeq - audit.lastSource >= DossierStore.auditBatch {
            // Another process may have written entries since this object last read the trail.
            _ = try? audit.catchUp()
            try? writePendingAudit(sync: false)
        }
        if !deferAudit, snapshotDue { try? writeSnapshot() }
        return placed.map(\.offset)
    }

    /// Writes the audit entries of every journal record that has none yet,
    /// oldest first (another process's deferred ones included, read back
    /// from the journal), in one write.
    func writePendingAudit(sync: Bool) throws {
        defer { pendingAudit.removeAll() }
        guard audit.lastSource < queue.lastSeq else { return }
        let missing = try (audit.lastSource + 1...queue.lastSeq).map { seq -> (seq: Int, header: JSONObject) in
            if let h = pendingAudit[seq] { return (seq, h) }
            return (seq, try RecordPayload.split(try queueLog.read(at: queue.recordOffsets[seq - 1])).header)
        }
        try audit.append(missing, sync: sync)
    }

    /// The dossier bytes of a queue item, checked against its content hash.
    /// (`read` verifies the frame checksum, which covers the body; the
    /// content hash itself was checked when the record was first read.)
    func body(of item: QueueItem) throws -> [UInt8] {
        let (header, body) = try RecordPayload.split(try queueLog.read(at: item.recordOffset))
        guard let body, header["sha256"]?.stringValue == item.contentHash.hex else {
            throw StoreError.badDataDirectory("queue.log: the record of dossier \(item.id) does not match its content hash")
        }
        return body
    }

    // MARK: snapshot

    func loadSnapshot() {
        guard let (anchor, reader) = Snapshot.read(path: snapshotPath, kind: QueueState.snapshotKind) else {
            if FileIO.exists(snapshotPath) { repairs.append("the queue snapshot was unreadable; rebuilt the queue from queue.log") }
            return
        }
        guard Snapshot.matches(anchor, queueLog) else {
            repairs.append("the queue snapshot did not match queue.log; rebuilt the queue from it")
            return
        }
        var r = reader
        guard let state = try? QueueState.decode(&r),
              let auditEnd = try? r.u64(), let auditLast = try? r.u64(), let auditSum = try? r.digest(),
              let auditCount = try? r.int(), let auditSource = try? r.int() else {
            repairs.append("the queue snapshot was unreadable; rebuilt the queue from queue.log")
            return
        }
        queue = state
        queueLog.resume(at: anchor.coveredEnd, lastFrameOffset: anchor.lastFrameOffset, lastChecksum: anchor.lastChecksum)
        let auditAnchor = Snapshot.Anchor(coveredEnd: auditEnd, lastFrameOffset: auditLast, lastChecksum: auditSum)
        if Snapshot.matches(auditAnchor, audit.log) {
            audit.resume(.init(snapshot: auditAnchor, count: auditCount, lastSource: auditSource))
        }
    }

    func writeSnapshot() throws {
        var w = queue.encode()
        let a = audit.anchor
        w.u64(a.snapshot.coveredEnd); w.u64(a.snapshot.lastFrameOffset); w.digest(a.snapshot.lastChecksum)
        w.int(a.count); w.int(a.lastSource)
        try Snapshot.write(path: snapshotPath, kind: QueueState.snapshotKind,
                           anchor: .init(coveredEnd: queueLog.end, lastFrameOffset: queueLog.lastFrameOffset, lastChecksum: queueLog.lastChecksum),
                           body: w)
        uncovered = 0
    }

    /// The checker's verdict on `answers` against the form with `hash`.
    func prepared(_ hash: Digest, data: () throws -> Data) throws -> PreparedForm {
        switch formCache.form(hash, data: data) {
        case .success(let f): return f
        case .failure(let e): throw e
        }
    }
}
