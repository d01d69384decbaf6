import Foundation
import MotCuaForms

/// The audit trail: one entry per queue journal record (what happened, when,
/// which operator at which kiosk, which dossier id and receipt), and never any
/// answer, name or ID number, so it can be handed to an auditor as it is.
/// Each entry carries the checksum of the frame before it, so changing,
/// removing or reordering an entry breaks the chain from there on.
///
/// The queue journal is the source of truth: an audit entry is a fixed
/// projection of a journal record. Submit fsyncs only the journal (one fsync
/// per dossier); the audit entry is written right after without its own
/// fsync, and every locked operation first appends whatever entries a crash
/// lost, so the trail is always complete once anyone has opened the store.
final class AuditLog {
    let log: RecordLog
    /// Entries read or written so far.
    private(set) var count = 0
    /// The journal sequence number the last entry describes.
    private(set) var lastSource = 0
    private(set) var problems: [String] = []

    init(path: String) throws {
        log = try RecordLog(path: path, kind: "audit")
    }

    struct Anchor {
        var snapshot: Snapshot.Anchor
        var count: Int
        var lastSource: Int
    }

    var anchor: Anchor {
        Anchor(snapshot: .init(coveredEnd: log.end, lastFrameOffset: log.lastFrameOffset, lastChecksum: log.lastChecksum),
               count: count, lastSource: lastSource)
    }

    func resume(_ a: Anchor) {
        log.resume(at: a.snapshot.coveredEnd, lastFrameOffset: a.snapshot.lastFrameOffset, lastChecksum: a.snapshot.lastChecksum)
        count = a.count
        lastSource = a.lastSource
    }

    /// Reads entries appended since last time, checking the chain as it goes.
    /// Returns the bytes of an interrupted write it removed, if any.
    @discardableResult
    func catchUp() throws -> UInt64? {
        var prev = log.lastChecksum
        let removed = try log.catchUp { v in
            let (h, _) = try RecordPayload.split(v.payload)
            if h["prev"]?.stringValue != prev.hex { problems.append("audit.log: the chain is broken at offset \(v.offset)") }
            count += 1
            let src = h["src"]?.intValue ?? -1
            if src != lastSource + 1 { problems.append("audit.log: entry at offset \(v.offset) describes journal record \(src), expected \(lastSource + 1)") }
            lastSource = src
            prev = v.checksum
        }
        if !log.damaged.isEmpty { problems.append("audit.log: \(log.damaged.count) damaged region(s)") }
        return removed
    }

    /// The entry for journal record `seq` with header `h`: every member is
    /// chosen here, so no personal data can slip in through a new journal field.
    static func projection(of h: JSONObject, seq: Int) -> JSONObject {
        var e = JSONObject()
        e["src"] = .int(seq)
        e["at"] = h["at"] ?? .null
        // A desk record is audited as what the officer did ("printed", "signed-in").
        e["event"] = h["k"]?.stringValue == JournalKind.desk.rawValue ? (h["event"] ?? .null) : (h["k"] ?? .null)
        for key in ["id", "receipt"] { if let v = h[key] { e[key == "id" ? "dossier" : key] = v } }
        if let f = h["formID"]?.stringValue, let v = h["formVersion"]?.stringValue { e["form"] = .string("\(f)@\(v)") }
        // A correction names the version it replaces (ids only: the reason may hold personal data).
        for key in ["attempt", "outcome", "to", "codes", "count", "bundle", "error", "draft", "supersedes", "version"] { if let v = h[key] { e[key] = v } }
        e["operator"] = h["op"] ?? .null
        e["kiosk"] = h["kiosk"] ?? .null
        return e
    }

    /// Appends the entries for journal records `(seq, header)`, chaining each
    /// to the one before. `sync` is false only on submit (see the type's note).
    func append(_ records: [(seq: Int, header: JSONObject)], sync: Bool) throws {
        guard !records.isEmpty else { return }
        var payloads: [[UInt8]] = []
        var prev = log.lastChecksum
        var n = count
        for (seq, h) in records {
            var e = JSONObject()
            e["prev"] = .string(prev.hex)
            e["n"] = .int(n + 1)
            for (k, v) in AuditLog.projection(of: h, seq: seq).pairs { e[k] = v }
            let payload = RecordPayload.make(.object(e))
            payloads.append(payload)
            // The checksum the next entry must name: that of this frame.
            var scratch: [UInt8] = []
            prev = Frame.encode(payload, into: &scratch)
            n += 1
        }
        try log.append(payloads, sync: sync)
        count = n
        lastSource = records[records.count - 1].seq
    }

    /// Checks the whole file from its first entry: chain, numbering, and that
    /// entry i describes journal record i exactly (via `expected`, the
    /// projections of the journal's records in order).
    func verifyAll(expected: [JSONObject]) throws -> (issues: [String], missing: Int) {
        var issues: [String] = []
        var prev: Digest? = nil
        var index = 0
        let outcome = try log.scanAll { v in
            defer { prev = v.checksum }
            guard let before = prev else { return }  // the header frame
            guard let (h, _) = try? RecordPayload.split(v.payload) else {
                issues.append("audit.log: unreadable entry at offset \(v.offset)")
                return
            }
            if h["prev"]?.stringValue != before.hex { issues.append("audit.log: the chain is broken at offset \(v.offset) (an entry was changed, removed or inserted)") }
            if h["n"]?.intValue != index + 1 { issues.append("audit.log: entry at offset \(v.offset) is numbered \(h["n"]?.intValue ?? -1), expected \(index + 1)") }
            var body = h
            body["prev"] = nil
            body["n"] = nil
            if index >= expected.count {
                issues.append("audit.log: entry \(index + 1) describes no journal record")
            } else if body != expected[index] || body.keys != expected[index].keys {
                issues.append("audit.log: entry \(index + 1) does not match journal record \(index + 1)")
            }
            index += 1
        }
        for r in outcome.damaged { issues.append("audit.log: damaged bytes \(r.lowerBound)..<\(r.upperBound)") }
        if outcome.tornTail != nil { issues.append("audit.log: an interrupted write at its end") }
        return (issues, max(0, expected.count - index))
    }
}

extension DossierStore {
    /// Reserves room in audit.log for the entries still owed (deferred ones
    /// included) plus `n` new journal records (512 bytes each: an entry is
    /// 300 to 400), and `journalBytes` in queue.log for those records.
    /// Throws a disk-full error when there is none.
    func reserveAudit(forNewRecords n: Int, journalBytes: Int = 512) throws {
        let owed = max(0, queue.lastSeq - audit.lastSource) + n
        try audit.log.ensureSpace(for: UInt64(owed) * 512)
        try queueLog.ensureSpace(for: UInt64(journalBytes))
    }
}
