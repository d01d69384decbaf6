import Foundation
import MotCuaForms

/// The exact bytes of a form file and their SHA-256, computed once when the
/// form is loaded (a form with its lists inlined is a few hundred kilobytes:
/// hashing it on every submit would cost more than the fsync).
public struct FormFile: Sendable {
    public let data: Data
    public let sha256: Digest

    public init(_ data: Data) {
        self.data = data
        sha256 = SHA256.hash(data)
    }
}

/// A finished interview handed to the outbox.
public struct SubmitRequest: Sendable {
    /// The form file the answers were made with.
    public var form: FormFile
    public var answers: JSONValue
    /// Language of the interview ("vi", "en"); validation messages use it.
    public var language: String
    /// The id made when the interview started; nil makes a new one.
    public var dossierID: String?
    public var operatorID: String
    /// The submit time; nil = now. Tests fix it.
    public var now: Timestamp?
    /// Set when this dossier corrects or supplements an earlier one (`DossierLink`).
    public var correction: CorrectionRequest?

    public init(form: FormFile, answers: JSONValue, language: String = "vi", dossierID: String? = nil,
                operatorID: String, now: Timestamp? = nil, correction: CorrectionRequest? = nil) {
        self.form = form
        self.answers = answers
        self.language = language
        self.dossierID = dossierID
        self.operatorID = operatorID
        self.now = now
        self.correction = correction
    }
}

/// The store's acknowledgement of a submit: the dossier id and the receipt
/// code it was given, durable on disk. Not the citizen's slip: the desk
/// turns it into a `Receipt` (MotCuaInterview) with the interview's facts.
public struct Submission: Sendable, Equatable {
    public var id: String
    public var receipt: String
    public var formID: String
    public var formVersion: String
    public var submittedAt: Timestamp
    /// Set for a correction or supplement.
    public var link: DossierLink? = nil
    /// Soft checks that did not pass (shown, not blocking).
    public var warnings: [CheckIssue]
}

public enum SubmitOutcome: Sendable {
    /// Durable on disk: written and fsynced before this was returned.
    case submitted(Submission)
    /// The same dossier id with the same answers was submitted before: its
    /// receipt, and nothing written (a retry after a crash is harmless).
    case alreadySubmitted(Submission)
    /// The answers do not pass the form's rules; nothing was written.
    case invalid([CheckIssue])
}

extension DossierStore {
    /// Validates and queues a dossier. Returns only once the dossier is
    /// durable: its record is appended to queue.log and fsynced (one fsync;
    /// the first dossier made with a form version not seen before also
    /// writes that form's copy, atomically). Throws `StoreError` on a full
    /// disk or other I/O failure, having changed nothing.
    public func submit(_ request: SubmitRequest) throws -> SubmitOutcome {
        try submit(batch: [request])[0]
    }

    /// Queues several dossiers with one write and one fsync (a kiosk
    /// catching up on paper forms; the benchmark building a large store).
    /// One outcome per request, in order; all or none are written. Throws,
    /// writing nothing, if one id comes twice with different answers.
    public func submit(batch requests: [SubmitRequest]) throws -> [SubmitOutcome] {
        var outcomes: [SubmitOutcome?] = []
        var checked: [(request: SubmitRequest, form: PreparedForm, answers: CheckedAnswers, at: Timestamp)] = []
        for request in requests {
            let now = request.now ?? .now
            if let id = request.dossierID, !DossierID.isValid(id) {
                throw StoreError.invalidArgument("dossier id \"\(id)\" must be 8 to 64 characters of a-z, 0-9 and '-'")
            }
            let form = try prepared(request.form.sha256) { request.form.data }
            try form.requireLanguage(request.language)
            switch form.check(request.answers, request.language, now) {
            case .invalid(let issues):
                outcomes.append(.invalid(issues))
            case .valid(let c):
                outcomes.append(nil)
                checked.append((request, form, c, now))
            }
        }
        guard !checked.isEmpty else { return outcomes.compactMap { $0 } }
        let corrects = checked.contains { $0.request.correction != nil }
        return try lock.withLock {
            try refresh(corrects ? .all : .queue, completeAudit: false)
            var records: [(header: JSONObject, body: [UInt8]?)] = []
            var results: [SubmitOutcome] = []
            var counters: [String: Int] = [:]
            var pending: [String: Int] = [:]
            for (request, form, answers, now) in checked {
                let id = request.dossierID ?? DossierID.make()
                if let existing = queue.item(id: id) {
                    results.append(try resubmission(existing, formHash: request.form.sha256, answers: answers.answers, warnings: answers.warnings))
                    continue
                }
                if let earlier = pending[id] {
                    guard case .submitted(let r) = results[earlier], checked[earlier].answers.answers == answers.answers,
                          checked[earlier].request.form.sha256 == request.form.sha256 else {
                        throw StoreError.conflict("dossier \(id) comes twice in one batch with different answers; nothing was submitted")
                    }
                    results.append(.alreadySubmitted(r))
                    continue
                }
                try forms.store(request.form)
                if let correction = request.correction {
                    guard checked.count == 1 else { throw StoreError.invalidArgument("a correction is submitted on its own, not in a batch") }
                    let (link, receipt) = try correctionLink(correction, formID: form.formID)
                    let dossier = Dossier(id: id, receipt: receipt, formID: form.formID, formVersion: form.formVersion, formHash: request.form.sha256,
                                          language: request.language, kiosk: kioskID, operatorID: request.operatorID,
                                          submittedAt: now, answers: answers.answers, link: link)
                    let body = JSONBytes.encode(dossier.json)
                    records.append((journalHeader(.submit, seq: queue.lastSeq + 1, at: now, operatorID: request.operatorID,
                                                  dossierMembers(dossier, contentHash: SHA256.hash(body))), body))
                    results.append(.submitted(Submission(id: id, receipt: receipt, formID: dossier.formID, formVersion: dossier.formVersion,
                                                            submittedAt: now, link: link, warnings: answers.warnings)))
                    continue
                }
                let day = now.vietnamDate
                let key = ReceiptCode.dayKey(unit: receiptUnit, day: day)
                // The next code of this kiosk's own sequence that nobody holds
                // (an imported dossier may carry one); never past the format's bound.
                var sequence = counters[key] ?? queue.nextReceiptSequence(dayKey: key)
                while sequence <= ReceiptCode.maxSequence, !queue.items(receipt: ReceiptCode.make(unit: receiptUnit, day: day, sequence: sequence)).isEmpty {
                    sequence += 1
                }
                guard sequence <= ReceiptCode.maxSequence else {
                    throw StoreError.conflict("receipt numbers for \(key) are used up (\(ReceiptCode.maxSequence)); nothing was submitted")
                }
                counters[key] = sequence + 1
                let receipt = ReceiptCode.make(unit: receiptUnit, day: day, sequence: sequence)
                // The store's own reader must accept every code it hands out (F7).
                guard ReceiptCode.parse(receipt) != nil else {
                    throw StoreError.invalidArgument("receipt code \(receipt) would be malformed; check the kiosk id and agency code")
                }
                let dossier = Dossier(id: id, receipt: receipt,
                                      formID: form.formID, formVersion: form.formVersion, formHash: request.form.sha256,
                                      language: request.language, kiosk: kioskID, operatorID: request.operatorID,
                                      submittedAt: now, answers: answers.answers)
                let body = JSONBytes.encode(dossier.json)
                records.append((journalHeader(.submit, seq: queue.lastSeq + records.count + 1, at: now, operatorID: request.operatorID,
                                              dossierMembers(dossier, contentHash: SHA256.hash(body))), body))
                pending[id] = results.count
                results.append(.submitted(Submission(id: id, receipt: dossier.receipt, formID: dossier.formID,
                                                        formVersion: dossier.formVersion, submittedAt: now, warnings: answers.warnings)))
            }
            try appendJournal(records, deferAudit: true)
            var next = results.makeIterator()
            return outcomes.compactMap { $0 ?? next.next() }
        }
    }

    /// Journal members shared by submit and import records.
    func dossierMembers(_ d: Dossier, contentHash: Digest) -> [(String, JSONValue)] {
        [("id", .string(d.id)), ("receipt", .string(d.receipt)), ("formID", .string(d.formID)),
         ("formVersion", .string(d.formVersion)), ("formHash", .string(d.formHash.hex)),
         ("sha256", .string(contentHash.hex)), ("submittedAt", .int(Int(d.submittedAt.milliseconds)))] + (d.link?.members ?? [])
    }

    /// A second submit under an id already queued: harmless when it carries
    /// the same form and answers (the kiosk retrying after a crash), a
    /// conflict otherwise. Never a second dossier.
    private func resubmission(_ existing: QueueItem, formHash: Digest, answers: JSONValue, warnings: [CheckIssue]) throws -> SubmitOutcome {
        let stored = try Dossier(bytes: try body(of: existing))
        guard stored.formHash == formHash, stored.answers == answers else {
            throw StoreError.conflict("dossier \(existing.id) was already submitted (receipt \(existing.receipt)) with other answers; it was not changed")
        }
        return .alreadySubmitted(Submission(id: existing.id, receipt: existing.receipt, formID: existing.formID,
                                               formVersion: existing.formVersion, submittedAt: existing.submittedAt, link: stored.link,
                                               warnings: warnings))
    }
}
