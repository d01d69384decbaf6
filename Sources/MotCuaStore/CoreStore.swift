import Foundation
import MotCuaForms

/// A dossier handed to the core store by delivery (the protocol's type; tests use the old name).
typealias Delivery = OutgoingDossier

/// What the core store did with one delivered dossier.
enum AcceptOutcome: Equatable {
    /// Newly stored.
    case stored
    /// The same content was already stored under this id: nothing changed.
    case alreadyStored
    /// Other content is stored under this id: the new one is kept aside in
    /// the store's log as a conflict record and never replaces the first.
    case conflict(existing: Digest)
    /// Another dossier id already holds this receipt code: nothing is
    /// written; the queue keeps the newcomer aside (F6).
    case receiptTaken(by: String)
}

/// Where delivered dossiers live: store.log, append-only, one record per
/// dossier id (plus conflict records), each with its SHA-256; and its index
/// snapshot store.index. Callers hold the data directory lock.
final class CoreStore {
    static let logName = "store.log"
    static let indexName = "store.index"
    let directory: String
    let log: RecordLog
    private(set) var index = StoreIndex()
    /// Records read since the snapshot (or since a rebuild).
    private(set) var uncovered = 0
    /// What opening had to repair (shown by verify and the CLI).
    private(set) var repairs: [String] = []
    private(set) var problems: [String] = []

    init(directory: String) throws {
        self.directory = directory
        try FileIO.ensureDirectory(directory)
        log = try RecordLog(path: directory + "/" + CoreStore.logName, kind: "store")
        if let (anchor, reader) = Snapshot.read(path: indexPath, kind: StoreIndex.snapshotKind), Snapshot.matches(anchor, log) {
            var r = reader
            if let loaded = try? StoreIndex.decode(&r) {
                index = loaded
                log.resume(at: anchor.coveredEnd, lastFrameOffset: anchor.lastFrameOffset, lastChecksum: anchor.lastChecksum)
            } else {
                repairs.append("the store index snapshot was unreadable; rebuilt it from store.log")
            }
        } else if FileIO.exists(indexPath) {
            repairs.append("the store index snapshot did not match store.log; rebuilt it")
        }
        try catchUp()
        if snapshotDue || repairs.contains(where: { $0.contains("index") }) { try? writeSnapshot() }
    }

    var indexPath: String { directory + "/" + CoreStore.indexName }
    var snapshotDue: Bool { Snapshot.due(uncovered: uncovered, total: index.entries.count) }

    /// Indexes records appended since last time (by this or another process).
    func catchUp() throws {
        let removed = try log.catchUp { v in
            try apply(v.payload, offset: v.offset)
            uncovered += 1
        }
        if let removed { repairs.append("removed \(removed) bytes of an interrupted write at the end of store.log") }
    }

    private func apply(_ payload: UnsafeRawBufferPointer, offset: UInt64) throws {
        let (h, _) = try RecordPayload.split(payload)
        if let problem = index.ingest(try StoreRecord(h, offset: offset)) { problems.append(problem) }
    }

    /// Stores a batch with one write and one fsync. Idempotent by dossier id.
    func accept(_ batch: [Delivery], at now: Timestamp) throws -> [AcceptOutcome] {
        var outcomes: [AcceptOutcome] = []
        var payloads: [[UInt8]] = []
        var pending: [String: Digest] = [:]
        var pendingConflicts = Set<String>()
        var pendingReceipts: [String: (id: String, chain: String)] = [:]
        for d in batch {
            let existing = index.byID[d.id].map { index.entries[$0].contentHash } ?? pending[d.id]
            if let existing {
                if existing == d.contentHash {
                    outcomes.append(.alreadyStored)
                    continue
                }
                outcomes.append(.conflict(existing: existing))
                let key = d.id + "/" + d.contentHash.hex
                if index.conflicts[d.id]?.contains(d.contentHash) == true || pendingConflicts.contains(key) { continue }
                pendingConflicts.insert(key)
                let h: JSONValue = ["k": "conflict", "id": .string(d.id), "sha256": .string(d.contentHash.hex),
                                    "existing": .string(existing.hex), "at": .int(Int(now.milliseconds))]
                payloads.append(RecordPayload.make(h, body: d.body))
                continue
            }
            let chain = d.link?.first ?? d.id
            if let holder = receiptHolder(d.receipt, other: d.id, chain: chain)
                ?? pendingReceipts[d.receipt].flatMap({ $0.chain == chain ? nil : $0.id }) {
                outcomes.append(.receiptTaken(by: holder))
                continue
            }
            pending[d.id] = d.contentHash
            pendingReceipts[d.receipt] = (d.id, chain)
            outcomes.append(.stored)
            let h: [(String, JSONValue)] = [
                ("k", "dossier"), ("id", .string(d.id)), ("receipt", .string(d.receipt)), ("formID", .string(d.formID)),
                ("formVersion", .string(d.formVersion)), ("formHash", .string(d.formHash.hex)), ("sha256", .string(d.contentHash.hex)),
                ("at", .int(Int(now.milliseconds))), ("names", .array(d.names.map { .string($0) })),
                ("ids", .array(d.personalIDs.map { .string($0) })),
                ("phones", .array(d.phones.map { .string($0) })), ("submittedAt", .int(Int(d.submittedAt.milliseconds))),
            ]
            payloads.append(RecordPayload.make(.object(JSONObject(h + (d.link?.members ?? []))), body: d.body))
        }
        let placed = try log.append(payloads)
        // Index exactly what was written, from the bytes written.
        for (i, p) in payloads.enumerated() {
            try p.withUnsafeBytes { try apply($0, offset: placed[i].offset) }
            uncovered += 1
        }
        if snapshotDue { try? writeSnapshot() }
        return outcomes
    }

    /// The id of a stored dossier other than `id` that holds `receipt`.
    func receiptHolder(_ receipt: String, other id: String, chain: String) -> String? {
        index.receiptHolder(receipt, other: id, chain: chain)
    }

    func setIndex(_ rebuilt: StoreIndex) { index = rebuilt }

    /// Entries matching a search (the index builds its word index on first use).
    func search(_ query: String) -> [Int] { index.search(query) }

    /// The best `limit` entries for a ranked search (`StoreIndex.candidates`).
    func candidates(_ query: String, limit: Int) -> [Int] { index.candidates(query, limit: limit) }

    /// Entries holding a personal ID number (the index builds that map on first use).
    func lookup(personalID number: String) -> [Int] { index.lookup(personalID: number) }

    /// Saves the index with the log position it covers.
    func writeSnapshot() throws {
        let anchor = Snapshot.Anchor(coveredEnd: log.end, lastFrameOffset: log.lastFrameOffset, lastChecksum: log.lastChecksum)
        try Snapshot.write(path: indexPath, kind: StoreIndex.snapshotKind, anchor: anchor, body: index.encode())
        uncovered = 0
    }

    /// Builds the index from store.log alone (for verify and the benchmark).
    func rebuiltIndex() throws -> (StoreIndex, Frame.ScanOutcome, [String]) {
        let scratch = CoreStoreRebuild()
        var first = true
        let outcome = try log.scanAll { v in
            if first { first = false; return }  // the header frame
            scratch.visit(v)
        }
        return (scratch.index, outcome, scratch.problems)
    }

    /// The dossier bytes stored under `id` (checksum verified on read).
    func body(of entry: StoreIndex.Entry) throws -> [UInt8] {
        let (header, body) = try RecordPayload.split(try log.read(at: entry.offset))
        guard let body, header["sha256"]?.stringValue == entry.contentHash.hex else {
            throw StoreError.badDataDirectory("store.log: the record of dossier \(entry.id) does not match its content hash")
        }
        return body
    }
}

/// One store.log record, as the index sees it.
enum StoreRecord {
    case dossier(StoreIndex.Entry)
    case conflict(id: String, hash: Digest)
    case unknown(offset: UInt64)

    init(_ h: JSONObject, offset: UInt64) throws {
        let id = try h.string("id")
        let hash = try h.digest("sha256")
        switch try h.string("k") {
        case "dossier":
            let delivered = Int64(try h.int("at"))
            let link = try? DossierLink.read(h)
            self = .dossier(.init(id: id, receipt: try h.string("receipt"), formID: try h.string("formID"),
                                  formVersion: try h.string("formVersion"), contentHash: hash, offset: offset,
                                  deliveredAt: delivered, names: h.strings("names"), personalIDs: h.strings("ids"),
                                  // Records from before phones and submission times were kept: none, and the delivery time.
                                  phones: h.strings("phones"), submittedAt: h["submittedAt"]?.intValue.map(Int64.init) ?? delivered,
                                  supersedes: link?.supersedes, first: link?.first, version: link?.version ?? 1))
        case "conflict":
            self = .conflict(id: id, hash: hash)
        default:
            self = .unknown(offset: offset)
        }
    }
}

extension StoreIndex {
    /// Adds a record; returns a problem instead when it contradicts the index.
    mutating func ingest(_ record: StoreRecord) -> String? {
        switch record {
        case .dossier(let e):
            if byID[e.id] != nil { return "store.log: a second record for dossier \(e.id) at offset \(e.offset)" }
            add(e)
        case .conflict(let id, let hash):
            addConflict(id: id, hash: hash)
        case .unknown(let offset):
            return "store.log: unknown record kind at offset \(offset)"
        }
        return nil
    }
}

/// Rebuild state kept in a class so the scan's closure can update it.
private final class CoreStoreRebuild {
    var index = StoreIndex()
    var problems: [String] = []

    /// Like `CoreStore.apply`, but also checks each body against its content hash.
    func visit(_ v: Frame.Visit) {
        do {
            let (h, body) = try RecordPayload.split(v.payload)
            guard let body, SHA256.hash(body) == (try h.digest("sha256")) else {
                problems.append("store.log: the record at offset \(v.offset) does not match its content hash")
                return
            }
            if let problem = index.ingest(try StoreRecord(h, offset: v.offset)) { problems.append(problem) }
        } catch {
            problems.append("store.log: unreadable record at offset \(v.offset): \(error)")
        }
    }
}
