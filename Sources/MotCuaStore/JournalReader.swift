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
        try lock.withLock {
            var first = true
            _ = try queueLog.scanAll { v in
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
        }
    }

    /// The exact bytes of the form copy a dossier was made with, when present.
    public func formCopy(_ hash: Digest) -> Data? {
        FileManager.default.contents(atPath: directory + "/" + DossierStore.formsName + "/" + hash.hex + ".json")
    }
}
