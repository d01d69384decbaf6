import Foundation
import MotCuaForms

/// Where a dossier is in the outbox. `delivered`, `setAside` and `superseded`
/// are the ends; `queue retry` brings a set-aside or failed one back to `queued`.
/// (The order is the snapshot's encoding: new states go last.)
public enum QueueItemState: String, Sendable, CaseIterable {
    case queued
    case delivering
    case delivered
    case failed
    case setAside = "set-aside"
    /// Replaced by a correction before it was delivered: kept, never delivered.
    case superseded
}

/// One dossier in the outbox, as rebuilt from the queue journal.
public struct QueueItem: Sendable {
    public let id: String
    public let receipt: String
    public let formID: String
    public let formVersion: String
    public let formHash: Digest
    /// SHA-256 of the dossier's exact JSON bytes.
    public let contentHash: Digest
    public let submittedAt: Timestamp
    public internal(set) var state: QueueItemState
    /// Delivery attempts since submission or the last manual retry.
    public internal(set) var attempts: Int
    public internal(set) var lastError: String?
    public internal(set) var nextRetry: Timestamp?
    public internal(set) var updatedAt: Timestamp
    /// The version this one replaces (a correction or supplement), its chain's
    /// first id (its own for a first version) and its number in the chain.
    public let supersedes: String?
    public let chain: String
    public let version: Int
    /// The id of the version that replaced this one, once one did.
    public internal(set) var supersededBy: String?
    /// Where it was delivered when not to this machine's core store: the
    /// `delivered` record's `to` (a URL without its password); nil for local.
    public internal(set) var deliveredTo: String? = nil
    /// Offset of the record holding the dossier's bytes in queue.log.
    let recordOffset: UInt64
    /// Offsets of every journal record about this dossier, oldest first.
    var history: [UInt64]
}

/// The journal's record kinds (the `k` member of each header).
enum JournalKind: String {
    case submit, `import`, delivering, delivered, failed, setAside = "set-aside", retry, export
    /// An officer's act at the desk (`DeskEvent`): in the audit chain, no change of state.
    case desk
}

/// The outbox's state: a pure function of queue.log, rebuilt by replaying its
/// records (from a snapshot's end when one matches). Replay also notes every
/// inconsistency, which `verify` reports; a normal run has none.
struct QueueState {
    private(set) var items: [QueueItem] = []
    private(set) var byID: [String: Int] = [:]
    /// Every dossier holding a receipt code: one, except where an import
    /// met a receipt already taken (the newcomer is set aside, F6).
    private(set) var byReceipt: [String: [Int]] = [:]
    /// Highest receipt sequence this store issued itself per "UNIT-YYMMDD":
    /// imported dossiers never advance it (F7).
    private(set) var receiptCounters: [String: Int] = [:]
    /// Offset of each journal record, by sequence number − 1 (for audit repair).
    private(set) var recordOffsets: [UInt64] = []
    private(set) var problems: [String] = []
    /// Re-hash each dossier body on replay (verify). Normal opens rely on the
    /// frame checksum, which already covers the body.
    var checkContent = false

    var lastSeq: Int { recordOffsets.count }

    func item(id: String) -> QueueItem? { byID[id].map { items[$0] } }

    /// The dossier with this id, else the one holding this receipt code (the
    /// latest version when a chain holds it). Throws when dossiers of several
    /// chains hold the receipt: never picks one silently.
    func item(_ idOrReceipt: String) throws -> QueueItem? {
        if let i = byID[idOrReceipt] { return items[i] }
        return try ReceiptChains.latest(items(receipt: idOrReceipt), receipt: idOrReceipt, id: \.id, chain: \.chain, version: \.version)
    }

    /// Every queued dossier holding receipt code `receipt`, oldest first.
    func items(receipt: String) -> [QueueItem] { (byReceipt[receipt.uppercased()] ?? []).map { items[$0] } }

    /// The id of a dossier of another chain than `chain` already holding `receipt`, if any.
    func receiptHolder(_ receipt: String, other id: String, chain: String) -> String? {
        items(receipt: receipt).first { $0.id != id && $0.chain != chain }?.id
    }

    func nextReceiptSequence(dayKey: String) -> Int { (receiptCounters[dayKey] ?? 0) + 1 }

    /// Applies one journal record read at `offset` (header parsed, body bytes if any).
    mutating func apply(_ h: JSONObject, offset: UInt64, body: UnsafeRawBufferPointer?) throws {
        let seq = try h.int("seq")
        if seq != lastSeq + 1 { problems.append("queue.log: record at offset \(offset) has sequence \(seq), expected \(lastSeq + 1)") }
        recordOffsets.append(offset)
        guard let kind = JournalKind(rawValue: try h.string("k")) else {
            problems.append("queue.log: unknown record kind at offset \(offset)")
            return
        }
        let at = Timestamp(milliseconds: Int64(try h.int("at")))
        if kind == .export { return }
        if kind == .desk {
            // About a dossier: part of its history (`dossiers show`); its state stays as it was.
            if let id = h["id"]?.stringValue, let index = byID[id] { items[index].history.append(offset) }
            return
        }
        let id = try h.string("id")
        if kind == .submit || kind == .import {
            try addDossier(h, id: id, at: at, offset: offset, body: body, counts: kind == .submit)
            if let link = try? DossierLink.read(h) { supersede(link.supersedes, by: id, at: at, offset: offset) }
            return
        }
        guard let index = byID[id] else {
            problems.append("queue.log: record at offset \(offset) is about unknown dossier \(id)")
            return
        }
        var item = items[index]
        let from = item.state
        func require(_ allowed: [QueueItemState]) {
            if !allowed.contains(from) { problems.append("queue.log: dossier \(id) went from \(from.rawValue) to \(kind.rawValue) at offset \(offset)") }
        }
        switch kind {
        case .delivering:
            require([.queued, .failed, .delivering])
            item.state = .delivering
            item.attempts = h["attempt"]?.intValue ?? item.attempts + 1
        case .delivered:
            require([.delivering])
            item.state = .delivered
            item.nextRetry = nil
            item.deliveredTo = h["to"]?.stringValue
        case .failed:
            require([.delivering])
            item.state = .failed
            item.lastError = h["error"]?.stringValue
            item.nextRetry = h["next"]?.intValue.map { Timestamp(milliseconds: Int64($0)) }
        case .setAside:
            require([.delivering, .queued, .failed])
            item.state = .setAside
            item.lastError = h["reason"]?.stringValue
            item.nextRetry = nil
        case .retry:
            require([.failed, .setAside, .delivering])
            item.state = .queued
            item.attempts = 0
            item.nextRetry = nil
        case .submit, .import, .export, .desk:
            break
        }
        item.updatedAt = at
        item.history.append(offset)
        items[index] = item
    }

    /// A correction's submit record takes its predecessor out of the queue
    /// when it was not delivered yet (the record itself is the only mark, so
    /// no power cut can separate the two); a delivered one only learns who
    /// supplements it. A predecessor only in the core store is not in `items`.
    private mutating func supersede(_ old: String, by new: String, at: Timestamp, offset: UInt64) {
        guard let index = byID[old] else { return }
        var item = items[index]
        item.supersededBy = new
        switch item.state {
        case .queued, .failed, .setAside:
            item.state = .superseded
            item.nextRetry = nil
        case .delivered:
            break
        case .delivering, .superseded:
            problems.append("queue.log: dossier \(old) was \(item.state.rawValue) when \(new) superseded it at offset \(offset)")
        }
        item.updatedAt = at
        item.history.append(offset)
        items[index] = item
    }

    private mutating func addDossier(_ h: JSONObject, id: String, at: Timestamp, offset: UInt64, body: UnsafeRawBufferPointer?, counts: Bool) throws {
        let hash = try h.digest("sha256")
        if checkContent, let body, SHA256.hash(body) != hash {
            problems.append("queue.log: dossier \(id) at offset \(offset) does not match its content hash")
        }
        if byID[id] != nil {
            problems.append("queue.log: dossier \(id) appears twice (again at offset \(offset))")
            return
        }
        let receipt = try h.string("receipt")
        let link: DossierLink?
        do { link = try DossierLink.read(h) } catch {
            problems.append("queue.log: dossier \(id) at offset \(offset) has a malformed link: \(error)")
            link = nil
        }
        let item = QueueItem(id: id, receipt: receipt, formID: try h.string("formID"), formVersion: try h.string("formVersion"),
                             formHash: try h.digest("formHash"), contentHash: hash,
                             submittedAt: Timestamp(milliseconds: Int64(h["submittedAt"]?.intValue ?? Int(at.milliseconds))),
                             state: .queued, attempts: 0, lastError: nil, nextRetry: nil, updatedAt: at,
                             supersedes: link?.supersedes, chain: link?.first ?? id, version: link?.version ?? 1, supersededBy: nil,
                             recordOffset: offset, history: [offset])
        byID[id] = items.count
        byReceipt[receipt, default: []].append(items.count)
        items.append(item)
        if counts, let (key, n) = ReceiptCode.parse(receipt) { receiptCounters[key] = max(receiptCounters[key] ?? 0, n) }
    }

    // MARK: snapshot

    /// 2: receipt counters count only this store's own submits (F7); 3:
    /// each item's link (issue 16). An older snapshot is rebuilt from the journal.
    static let snapshotKind: UInt8 = 3

    func encode() -> ByteWriter {
        var w = ByteWriter()
        w.u32(UInt32(items.count))
        for it in items {
            w.string(it.id); w.string(it.receipt); w.string(it.formID); w.string(it.formVersion)
            w.digest(it.formHash); w.digest(it.contentHash); w.i64(it.submittedAt.milliseconds)
            w.u8(UInt8(QueueItemState.allCases.firstIndex(of: it.state) ?? 0))
            w.int(it.attempts); w.optionalString(it.lastError)
            w.i64(it.nextRetry?.milliseconds ?? Int64.min); w.i64(it.updatedAt.milliseconds)
            w.u64(it.recordOffset)
            w.optionalString(it.supersedes); w.string(it.chain); w.int(it.version); w.optionalString(it.supersededBy)
            w.u32(UInt32(it.history.count))
            for o in it.history { w.u64(o) }
        }
        w.u32(UInt32(receiptCounters.count))
        for (k, v) in receiptCounters.sorted(by: { $0.key < $1.key }) { w.string(k); w.int(v) }
        w.u32(UInt32(recordOffsets.count))
        for o in recordOffsets { w.u64(o) }
        return w
    }

    static func decode(_ r: inout ByteReader) throws -> QueueState {
        var s = QueueState()
        let n = Int(try r.u32())
        s.items.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.string(), receipt = try r.string(), formID = try r.string(), formVersion = try r.string()
            let formHash = try r.digest(), content = try r.digest(), submitted = try r.i64()
            let stateIndex = Int(try r.u8())
            guard stateIndex < QueueItemState.allCases.count else { throw ByteReader.Overrun() }
            let attempts = try r.int(), lastError = try r.optionalString()
            let next = try r.i64(), updated = try r.i64(), recordOffset = try r.u64()
            let supersedes = try r.optionalString(), chain = try r.string(), version = try r.int(), supersededBy = try r.optionalString()
            let hn = Int(try r.u32())
            var history: [UInt64] = []
            history.reserveCapacity(hn)
            for _ in 0..<hn { history.append(try r.u64()) }
            s.byID[id] = s.items.count
            s.byReceipt[receipt, default: []].append(s.items.count)
            s.items.append(QueueItem(id: id, receipt: receipt, formID: formID, formVersion: formVersion, formHash: formHash,
                                     contentHash: content, submittedAt: Timestamp(milliseconds: submitted),
                                     state: QueueItemState.allCases[stateIndex], attempts: attempts, lastError: lastError,
                                     nextRetry: next == Int64.min ? nil : Timestamp(milliseconds: next),
                                     updatedAt: Timestamp(milliseconds: updated), supersedes: supersedes, chain: chain, version: version,
                                     supersededBy: supersededBy, recordOffset: recordOffset, history: history))
        }
        for _ in 0..<Int(try r.u32()) { s.receiptCounters[try r.string()] = try r.int() }
        let m = Int(try r.u32())
        s.recordOffsets.reserveCapacity(m)
        for _ in 0..<m { s.recordOffsets.append(try r.u64()) }
        return s
    }
}
