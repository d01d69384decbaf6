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
}

/// The bundle file (docs/STORE.md): frames as in the logs; a header frame,
/// one frame per form copy, one per dossier (its exact bytes), an end frame.
/// Every entry carries its own checksums, so damage is found per entry.
enum BundleFormat {
    static let format = "motcua-bundle/1"
    /// Bundles larger than this are refused before reading (a USB stick of junk).
    static let maxBytes = 1 << 31
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
            try FileIO.writeAtomically(path, bytes: out)
            let sha = SHA256.hash(out)
            try appendJournal([(journalHeader(.export, seq: queue.lastSeq + 1, at: at, operatorID: operatorID,
                                              [("count", .int(items.count)), ("bundle", .string(sha.hex))]), nil)])
            return ExportReport(dossiers: items.count, forms: formHashes.count, bytes: out.count, sha256: sha)
        }
    }

    /// Adds a bundle's dossiers to this queue: one fsync for all of them
    /// (plus one per form copy not seen before). Idempotent; damaged,
    /// altered, invalid or conflicting entries are rejected one by one with
    /// a reason. Nothing in the bundle ever names a file: form copies are
    /// stored under the digest computed here.
    public func importBundle(from path: String, operatorID: String, now: Timestamp? = nil) throws -> ImportReport {
        let at = now ?? .now
        let fd = try FileIO.open(path, flags: O_RDONLY)
        defer { FileIO.close(fd) }
        let size = try FileIO.size(fd, path: path)
        guard size <= UInt64(BundleFormat.maxBytes) else { throw StoreError.invalidArgument("\(path) is too large to be a bundle (\(size) bytes)") }
        let bytes = try FileIO.pread(fd, offset: 0, count: Int(size), path: path)
        let bundleHash = SHA256.hash(bytes)

        var report = ImportReport()
        var bundleForms: [Digest: [UInt8]] = [:]
        var entries: [(header: JSONObject, body: [UInt8], offset: UInt64)] = []
        var sawHeader = false
        let outcome = bytes.withUnsafeBytes { buf in
            Frame.scan(buf, base: 0) { v in
                guard let (h, body) = try? RecordPayload.split(v.payload) else {
                    report.rejected.append("entry at byte \(v.offset): its header is not readable")
                    return
                }
                if h["format"]?.stringValue == BundleFormat.format { sawHeader = true; return }
                switch h["k"]?.stringValue {
                case "form":
                    guard let body, let hash = h["sha256"]?.stringValue.flatMap(Digest.init(hex:)), SHA256.hash(body) == hash else {
                        report.rejected.append("form entry at byte \(v.offset): altered or damaged (its content does not match its checksum)")
                        return
                    }
                    bundleForms[hash] = Array(body)
                case "dossier":
                    guard let body else {
                        report.rejected.append("dossier entry at byte \(v.offset): it has no content")
                        return
                    }
                    entries.append((h, Array(body), v.offset))
                case "end":
                    break
                default:
                    report.rejected.append("entry at byte \(v.offset): unknown kind of entry")
                }
            }
        }
        guard sawHeader || !entries.isEmpty || !bundleForms.isEmpty else {
            throw StoreError.invalidArgument("\(path) is not a MotCua bundle (no readable entries)")
        }
        for r in outcome.damaged { report.rejected.append("bytes \(r.lowerBound)..<\(r.upperBound): a damaged entry (checksum mismatch), skipped") }
        if let t = outcome.tornTail { report.rejected.append("bytes \(t.lowerBound)..<\(t.upperBound) at the end: damaged or cut short, skipped") }

        return try lock.withLock {
            try refresh(.queue)
            var records: [(header: JSONObject, body: [UInt8]?)] = []
            var accepted: [String: Digest] = [:]
            var neededForms: [Digest] = []
            for e in entries {
                let label = "dossier entry at byte \(e.offset)"
                guard let hash = e.header["sha256"]?.stringValue.flatMap(Digest.init(hex:)), SHA256.hash(e.body) == hash else {
                    report.rejected.append("\(label): altered or damaged (its content does not match its checksum)")
                    continue
                }
                let dossier: Dossier
                do { dossier = try Dossier(bytes: e.body) } catch {
                    report.rejected.append("\(label): \(error)")
                    continue
                }
                let name = "dossier \(dossier.receipt)"
                guard e.header["id"]?.stringValue == dossier.id else {
                    report.rejected.append("\(name): the entry's id does not match the dossier inside it")
                    continue
                }
                if let existing = queue.item(dossier.id), existing.id == dossier.id {
                    if existing.contentHash == hash { report.alreadyPresent.append(dossier.receipt) } else {
                        report.rejected.append("\(name): conflict, this queue already holds other content under dossier id \(dossier.id)")
                    }
                    continue
                }
                if let earlier = accepted[dossier.id] {
                    if earlier != hash { report.rejected.append("\(name): the bundle holds two different dossiers with id \(dossier.id)") }
                    continue
                }
                let formBytes = bundleForms[dossier.formHash]
                guard formBytes != nil || forms.has(dossier.formHash) else {
                    report.rejected.append("\(name): needs form \(dossier.formID) \(dossier.formVersion), which is neither in the bundle nor here")
                    continue
                }
                let verdict: CheckResult
                do {
                    let form = try prepared(dossier.formHash) { try formBytes.map { Data($0) } ?? forms.load(dossier.formHash) }
                    verdict = form.check(dossier.answers, dossier.language, dossier.submittedAt)
                } catch {
                    report.rejected.append("\(name): its form cannot be used: \(error)")
                    continue
                }
                if case .invalid(let issues) = verdict {
                    report.rejected.append("\(name): does not pass its form's rules: " + issues.map(\.description).joined(separator: "; "))
                    continue
                }
                if formBytes != nil, !neededForms.contains(dossier.formHash) { neededForms.append(dossier.formHash) }
                accepted[dossier.id] = hash
                let header = journalHeader(.import, seq: queue.lastSeq + records.count + 1, at: at, operatorID: operatorID,
                                           dossierMembers(dossier, contentHash: hash) + [("bundle", .string(bundleHash.hex))])
                records.append((header, e.body))
                report.imported.append(dossier.receipt)
            }
            for hash in neededForms { try forms.store(Data(bundleForms[hash]!)) }
            try appendJournal(records)
            return report
        }
    }
}
