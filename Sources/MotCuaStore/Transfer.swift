import Foundation
import MotCuaForms

/// What an export wrote.
public struct ExportReport: Sendable {
    public var dossiers: Int
    public var forms: Int
    public var bytes: Int
    /// SHA-256 of the whole bundle file (recorded in the journal and audit).
    public var sha256: Digest
}

/// What an import did: every entry is imported, found already present, or
/// rejected with a reason; a damaged entry never stops the others.
public struct ImportReport: Sendable {
    /// Receipt codes of the dossiers added to the queue.
    public var imported: [String] = []
    /// Receipt codes of dossiers already in the queue with the same content.
    public var alreadyPresent: [String] = []
    /// One clear message per rejected entry or damaged region.
    public var rejected: [String] = []
    /// Dossiers imported but kept aside at once, with the reason: their
    /// receipt code already belongs to another dossier (F6). Nothing is lost;
    /// `queue status` shows them and an officer decides.
    public var keptAside: [String] = []
}

/// The bundle file (docs/STORE.md): frames as in the logs; a header frame,
/// one frame per form copy, one per dossier (its exact bytes), an end frame.
/// Every entry carries its own checksums, so damage is found per entry.
enum BundleFormat {
    static let format = "motcua-bundle/1"
}

extension DossierStore {
    /// Writes the dossiers not yet delivered (queued, failed, delivering) and
    /// the form copies they need into one file at `path` (atomically, 0600).
    /// Their queue state does not change: a dossier delivered from here and
    /// also from the machine that imports the bundle is stored once, because
    /// the core store is idempotent by dossier id.
    public func exportBundle(to path: String, operatorID: String, now: Timestamp? = nil) throws -> ExportReport {
        let at = now ?? .now
        return try lock.withLock {
            try refresh(.queue)
            let items = queue.items.filter { [.queued, .failed, .delivering].contains($0.state) }
            var formHashes: [Digest] = []
            for item in items where !formHashes.contains(item.formHash) { formHashes.append(item.formHash) }
            var out: [UInt8] = []
            let head: JSONValue = ["format": .string(BundleFormat.format), "created": .string(at.iso8601), "kiosk": .string(kioskID),
                                   "dossiers": .int(items.count), "forms": .int(formHashes.count)]
            _ = Frame.encode(RecordPayload.make(head), into: &out)
            for hash in formHashes {
                let data = try forms.load(hash)
                let h: JSONValue = ["k": "form", "sha256": .string(hash.hex)]
                _ = Frame.encode(RecordPayload.make(h, body: [UInt8](data)), into: &out)
            }
            for item in items {
                let h: JSONValue = ["k": "dossier", "id": .string(item.id), "receipt": .string(item.receipt), "sha256": .string(item.contentHash.hex)]
                _ = Frame.encode(RecordPayload.make(h, body: try body(of: item)), into: &out)
            }
            let end: JSONValue = ["k": "end", "dossiers": .int(items.count), "forms": .int(formHashes.count)]
            _ = Frame.encode(RecordPayload.make(end), into: &out)
            // Room for the export's journal record and audit entry first: on a
            // full disk nothing is written and the export fails (F11).
            try reserveAudit(forNewRecords: 1)
            // No named copy of the bundle survives a kill (F12).
            try UnnamedTempFile.write(path, bytes: out)
            let sha = SHA256.hash(out)
            try appendJournal([(journalHeader(.export, seq: queue.lastSeq + 1, at: at, operatorID: operatorID,
                                              [("count", .int(items.count)), ("bundle", .string(sha.hex))]), nil)])
            return ExportReport(dossiers: items.count, forms: formHashes.count, bytes: out.count, sha256: sha)
        }
    }
}
