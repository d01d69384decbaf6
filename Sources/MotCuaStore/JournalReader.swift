import Foundation
import MotCuaForms

/// One record of queue.log as `motcua report` reads it: what happened, when,
/// by whom, to which dossier. Read from the journal itself, never from the
/// queue snapshot or the store index, so a report cannot differ from the
/// logs whatever became of the derived files.
public struct JournalEntry: Sendable {
    /// The record kind (`submit`, `import`, `delivered`, `set-aside`, ...;
    /// kinds added later are passed on as they are).
    public let kind: String
    public let at: Timestamp
    /// The operator the record (and so its audit entry) names; "unknown" when none.
    public let operatorID: String
    public let kiosk: String
    /// Nil for records about no single dossier (`export`).
    public let dossierID: String?
    /// For `submit` and `import`: when the citizen submitted, and the form.
    public let submittedAt: Timestamp?
    public let formID: String?
    public let formHash: Digest?
    /// The header's other members, for kinds this type does not know
    /// (a correction names the dossier it corrects).
    public let header: JSONObject
}

extension DossierStore {
    /// Every good record of queue.log in order, with the dossier's exact
    /// bytes for `submit` and `import` records (valid only inside `visit`).
    /// Frames failing their checksum are skipped, as everywhere; a record
    /// whose header lacks `k` or `at` is skipped too (verify reports it).
    public func readJournal(_ visit: (JournalEntry, UnsafeRawBufferPointer?) throws -> Void) throws {
        _ = try readJournal(after: nil, visit)
    }

    /// The same for the records after `position` when queue.log still holds
    /// the prefix it describes (checked as a snapshot is: a good frame with
    /// the recorded checksum ends there), else for every record, and then says
    /// so (`fromStart`). `end` is where a derived file reading on should resume.
    public func readJournal(after position: JournalPosition?,
                            _ visit: (JournalEntry, UnsafeRawBufferPointer?) throws -> Void) throws -> (fromStart: Bool, end: JournalPosition) {
        try lock.withLock {
            let resumed = position.flatMap { Snapshot.matches($0.anchor, queueLog) ? $0 : nil }
            var first = resumed == nil
            var end = resumed ?? JournalPosition(coveredEnd: 0, lastFrameOffset: 0, lastChecksum: .zero)
            _ = try queueLog.scan(from: resumed?.coveredEnd ?? 0) { v in
                end = JournalPosition(coveredEnd: v.end, lastFrameOffset: v.offset, lastChecksum: v.checksum)
                if first { first = false; return }  // the log's own header frame
                guard let (h, body) = try? RecordPayload.split(v.payload),
                      let kind = h["k"]?.stringValue, let at = h["at"]?.intValue else { return }
                let dossier = kind == JournalKind.submit.rawValue || kind == JournalKind.import.rawValue
                let entry = JournalEntry(
                    kind: kind, at: Timestamp(milliseconds: Int64(at)),
                    operatorID: h["op"]?.stringValue ?? "unknown", kiosk: h["kiosk"]?.stringValue ?? "",
                    dossierID: h["id"]?.stringValue,
                    submittedAt: dossier ? Timestamp(milliseconds: Int64(h["submittedAt"]?.intValue ?? at)) : nil,
                    formID: dossier ? h["formID"]?.stringValue : nil,
                    formHash: dossier ? h["formHash"]?.stringValue.flatMap(Digest.init(hex:)) : nil,
                    header: h)
                try visit(entry, dossier ? body : nil)
            }
            return (resumed == nil, end)
        }
    }

    /// A file derived from queue.log alone (kept beside the queue snapshot,
    /// owner-only, and like it never trusted blindly): its body and the
    /// journal position it covers, or nil when missing, damaged, of another
    /// kind. Whether queue.log still holds the prefix it covers is for
    /// `readJournal(after:)` to decide, under the lock.
    public func readDerived(_ name: String, kind: UInt8) -> (JournalPosition, ByteReader)? {
        guard let (anchor, reader) = Snapshot.read(path: directory + "/" + name, kind: kind) else { return nil }
        return (JournalPosition(anchor), reader)
    }

    /// Writes a derived file (atomically, without fsync: losing it loses nothing).
    public func writeDerived(_ name: String, kind: UInt8, position: JournalPosition, body: ByteWriter) throws {
        try Snapshot.write(path: directory + "/" + name, kind: kind, anchor: position.anchor, body: body)
    }

    /// The exact bytes of the form copy a dossier was made with, when present.
    public func formCopy(_ hash: Digest) -> Data? {
        FileManager.default.contents(atPath: directory + "/" + DossierStore.formsName + "/" + hash.hex + ".json")
    }
}

/// Where a reader of queue.log stopped: the end of the last frame it read,
/// where that frame starts, and its checksum (a snapshot's anchor).
public struct JournalPosition: Sendable, Equatable {
    public let coveredEnd: UInt64
    public let lastFrameOffset: UInt64
    public let lastChecksum: Digest

    init(coveredEnd: UInt64, lastFrameOffset: UInt64, lastChecksum: Digest) {
        self.coveredEnd = coveredEnd; self.lastFrameOffset = lastFrameOffset; self.lastChecksum = lastChecksum
    }
    init(_ a: Snapshot.Anchor) { self.init(coveredEnd: a.coveredEnd, lastFrameOffset: a.lastFrameOffset, lastChecksum: a.lastChecksum) }
    var anchor: Snapshot.Anchor { .init(coveredEnd: coveredEnd, lastFrameOffset: lastFrameOffset, lastChecksum: lastChecksum) }
}
