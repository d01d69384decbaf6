import Foundation
import MotCuaForms

/// A dossier entry that passed every check that needs no store state.
private struct ImportCandidate {
    var offset: UInt64
    var dossier: Dossier
    var hash: Digest
    /// Where the bundle holds the form copy (nil: the copy is already here).
    var formOffset: UInt64?
}

extension DossierStore {
    /// Dossiers written per journal append (and per lock hold) by an import.
    static let importBatch = 256

    /// Adds a bundle's dossiers to this queue. Each entry is judged on its
    /// own: a damaged, altered, invalid or conflicting entry, or one whose
    /// form copy cannot be loaded or linted, is rejected with its reason and
    /// the others go on. The bundle is read entry by entry (never whole),
    /// and every form is loaded, linted and every dossier checked *before*
    /// the store lock is taken, so a slow or hostile form never holds up the
    /// kiosk. A dossier whose receipt code already belongs to another dossier
    /// is imported and kept aside at once, with the reason (F6). Idempotent.
    /// Nothing in the bundle ever names a file: form copies are stored under
    /// the digest computed here.
    public func importBundle(from path: String, operatorID: String, now: Timestamp? = nil) throws -> ImportReport {
        let at = now ?? .now
        let fd = try FileIO.open(path, flags: O_RDONLY)
        defer { FileIO.close(fd) }
        let reader = try BundleReader(fd: fd, path: path)
        let bundleHash = try reader.sha256()
        var report = ImportReport()

        // 1. Find the entries (keeping offsets, not bytes).
        var formAt: [Digest: UInt64] = [:]
        var dossierAt: [(offset: UInt64, header: JSONObject)] = []
        var sawHeader = false
        let damaged = try reader.walk { offset, payload in
            guard let (h, body) = try? RecordPayload.split(payload) else {
                report.rejected.append("entry at byte \(offset): its header is not readable")
                return
            }
            if h["format"]?.stringValue == BundleFormat.format { sawHeader = true; return }
            switch h["k"]?.stringValue {
            case "form":
                guard let body, let hash = h["sha256"]?.stringValue.flatMap(Digest.init(hex:)), SHA256.hash(body) == hash else {
                    report.rejected.append("form entry at byte \(offset): altered or damaged (its content does not match its checksum)")
                    return
                }
                guard formAt[hash] != nil || formAt.count < BundleReader.maxForms else {
                    report.rejected.append("form entry at byte \(offset): more than \(BundleReader.maxForms) forms in one bundle; skipped")
                    return
                }
                formAt[hash] = formAt[hash] ?? offset
            case "dossier":
                guard body != nil else {
                    report.rejected.append("dossier entry at byte \(offset): it has no content")
                    return
                }
                guard dossierAt.count < BundleReader.maxDossiers else {
                    report.rejected.append("dossier entry at byte \(offset): more than \(BundleReader.maxDossiers) dossiers in one bundle; skipped")
                    return
                }
                dossierAt.append((offset, h))
            case "end":
                break
            default:
                report.rejected.append("entry at byte \(offset): unknown kind of entry")
            }
        }
        guard sawHeader || !dossierAt.isEmpty || !formAt.isEmpty else {
            throw StoreError.invalidArgument("\(path) is not a MotCua bundle (no readable entries)")
        }
        for r in damaged { report.rejected.append("bytes \(r.lowerBound)..<\(r.upperBound): a damaged or cut-short entry (checksum mismatch), skipped") }

        // 2. Judge each dossier alone, without the lock: its bytes, its form
        //    (loaded and linted once per form), its answers, its language.
        var candidates: [ImportCandidate] = []
        for e in dossierAt {
            switch judge(e.offset, e.header, reader: reader, formAt: formAt) {
            case .success(let c): candidates.append(c)
            case .failure(let reason): report.rejected.append(reason.description)
            }
        }

        // 3. Under the lock, a batch at a time: ids and receipt codes against
        //    the queue and core store, then form copies and one append.
        var accepted: [String: Digest] = [:]
        var receipts: [String: String] = [:]
        var start = 0
        while start < candidates.count {
            let batch = candidates[start..<min(start + DossierStore.importBatch, candidates.count)]
            start += batch.count
            try lock.withLock {
                try refresh(.all)
                try admit(batch, reader: reader, bundleHash: bundleHash, at: at, operatorID: operatorID,
                          accepted: &accepted, receipts: &receipts, report: &report)
            }
        }
        return report
    }

    private struct Rejection: Error, CustomStringConvertible {
        var description: String
    }

    /// Every check of one dossier entry that needs no store state.
    private func judge(_ offset: UInt64, _ header: JSONObject, reader: BundleReader, formAt: [Digest: UInt64]) -> Result<ImportCandidate, Rejection> {
        let label = "dossier entry at byte \(offset)"
        guard let payload = try? reader.payload(at: offset), let body = (try? RecordPayload.split(payload))?.body,
              let hash = header["sha256"]?.stringValue.flatMap(Digest.init(hex:)), SHA256.hash(body) == hash else {
            return .failure(Rejection(description: "\(label): altered or damaged (its content does not match its checksum)"))
        }
        let dossier: Dossier
        do { dossier = try Dossier(bytes: body) } catch {
            return .failure(Rejection(description: "\(label): \(error)"))
        }
        let name = "dossier \(dossier.receipt)"
        guard header["id"]?.stringValue == dossier.id else {
            return .failure(Rejection(description: "\(name): the entry's id does not match the dossier inside it"))
        }
        let formOffset = formAt[dossier.formHash]
        guard formOffset != nil || forms.has(dossier.formHash) else {
            return .failure(Rejection(description: "\(name): needs form \(dossier.formID) \(dossier.formVersion), which is neither in the bundle nor here"))
        }
        let verdict: CheckResult
        do {
            let form = try prepared(dossier.formHash) {
                guard let offset = formOffset else { return try forms.load(dossier.formHash) }
                guard let p = try reader.payload(at: offset), let b = try RecordPayload.split(p).body, SHA256.hash(b) == dossier.formHash else {
                    throw StoreError.unusableForm("the bundle's copy changed while it was read")
                }
                return Data(b)
            }
            try form.requireLanguage(dossier.language)
            verdict = form.check(dossier.answers, dossier.language, dossier.submittedAt)
        } catch let e as StoreError {
            if case .invalidArgument = e { return .failure(Rejection(description: "\(name): \(e)")) }
            return .failure(Rejection(description: "\(name): its form cannot be used: \(e)"))
        } catch {
            return .failure(Rejection(description: "\(name): its form cannot be used: \(error)"))
        }
        if case .invalid(let issues) = verdict {
            return .failure(Rejection(description: "\(name): does not pass its form's rules: " + issues.map(\.description).joined(separator: "; ")))
        }
        return .success(ImportCandidate(offset: offset, dossier: dossier, hash: hash, formOffset: formOffset))
    }

    /// Adds a batch of judged dossiers (call under the lock, queue and core loaded).
    private func admit(_ batch: ArraySlice<ImportCandidate>, reader: BundleReader, bundleHash: Digest, at: Timestamp, operatorID: String,
                       accepted: inout [String: Digest], receipts: inout [String: String], report: inout ImportReport) throws {
        var records: [(header: JSONObject, body: [UInt8]?)] = []
        var formsToStore: [Digest: UInt64] = [:]
        for c in batch {
            let d = c.dossier
            let name = "dossier \(d.receipt)"
            if let existing = queue.item(id: d.id) {
                if existing.contentHash == c.hash { report.alreadyPresent.append(d.receipt) } else {
                    report.rejected.append("\(name): conflict, this queue already holds other content under dossier id \(d.id)")
                }
                continue
            }
            if let earlier = accepted[d.id] {
                if earlier != c.hash { report.rejected.append("\(name): the bundle holds two different dossiers with id \(d.id)") }
                continue
            }
            // Read again and check again: the file may have changed since step 2.
            guard let payload = try reader.payload(at: c.offset), let body = try RecordPayload.split(payload).body, SHA256.hash(body) == c.hash else {
                report.rejected.append("\(name): the bundle changed while it was read; skipped")
                continue
            }
            if let offset = c.formOffset, !forms.has(d.formHash) { formsToStore[d.formHash] = offset }
            accepted[d.id] = c.hash
            records.append((journalHeader(.import, seq: queue.lastSeq + records.count + 1, at: at, operatorID: operatorID,
                                          dossierMembers(d, contentHash: c.hash) + [("bundle", .string(bundleHash.hex))]), body))
            if let holder = receiptHolderLocked(d.receipt, other: d.id, chain: d.chain) ?? receipts[d.receipt].flatMap({ $0 == d.chain ? nil : $0 }) {
                let reason = DossierStore.receiptConflictReason(d.receipt, holder: holder)
                records.append((journalHeader(.setAside, seq: queue.lastSeq + records.count + 1, at: at, operatorID: operatorID,
                                              [("id", .string(d.id)), ("reason", .string(reason)), ("codes", .string("conflict"))]), nil))
                report.keptAside.append("\(d.receipt) \(d.id): \(reason)")
            } else {
                receipts[d.receipt] = d.chain  // later versions of one chain share its code
                report.imported.append(d.receipt)
            }
        }
        for (hash, offset) in formsToStore {
            guard let p = try reader.payload(at: offset), let b = try RecordPayload.split(p).body, SHA256.hash(b) == hash else {
                throw StoreError.invalidArgument("the bundle's form copy \(hash.hex.prefix(12))… changed while it was read; nothing of this batch was imported")
            }
            try forms.store(Data(b))
        }
        try appendJournal(records)
    }
}
