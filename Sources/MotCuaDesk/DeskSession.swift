// One interview at a desk, with its draft: the form loaded and linted once when the session
// opens, the draft locked while the session lives, saved after every confirmed answer,
// and the finished dossier queued in the desk's store with the form's stored copy, made
// once. Both front ends run interviews through this.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

public final class DeskSession {
    public let desk: Desk
    public let loaded: LoadedForm
    public let formPath: String
    public private(set) var draft: Draft
    /// This interview's hold on its draft, released when the session goes away.
    public let lock: DraftLock
    public let messages: Messages
    /// Read when the interview starts, so a missing or unreadable holidays
    /// file stops it with a message rather than a receipt counting weekends only.
    public let holidays: HolidayCalendar
    /// Who works this interview, for the audit log (the signed-in operator at a kiosk).
    public let operatorName: String
    /// The form as the store keeps it, prepared at the first submit.
    private var storedCopy: FormFile?
    /// The interview has shown its review: an answer changed from now on is a desk event.
    private var reviewSeen = false

    /// `language`: nil keeps the draft's own.
    init(desk: Desk, draft: Draft, lock: DraftLock, formPath: String, language: String?, operatorID: String) throws {
        self.desk = desk
        operatorName = operatorID
        self.lock = lock
        self.formPath = formPath
        holidays = try desk.installation.holidays()
        switch FormEngine.loadForm(at: formPath) {
        case .success(let l): loaded = l
        case .failure(let e): throw StoreError.unusableForm(e.description)
        }
        var d = draft
        d.formID = loaded.form.id
        d.formVersion = loaded.form.version
        d.formPath = formPath
        if let language { d.language = language }
        self.draft = d
        messages = desk.installation.messages(d.language)
    }

    public var today: CalendarDate? { desk.today }

    /// What this interview corrects or supplements, when it does (its submit makes the new version).
    public var correction: CorrectionRequest? { draft.correction }

    public func makeInterview() -> Interview {
        let ctx = EvaluationContext(today: today ?? EvaluationContext.today(), language: messages.language, form: loaded.form)
        let v = Validator(form: loaded.form, context: ctx, messages: messages)
        var i = Interview(form: loaded.form, validator: v, answers: draft.answers, finishedRepeats: Set(draft.finishedRepeats))
        // A correction opens on the review of the earlier answers: the officer picks what
        // to change (Enter keeps an answer) and submits from there.
        if draft.correction != nil { i.openReview() }
        if i.cursor == .review { reviewSeen = true }  // a resumed finished draft, a correction
        return i
    }

    /// Saves the draft atomically (before the next question appears).
    public func save(_ i: Interview) throws {
        let changedAfterReview = reviewSeen && i.answers != draft.answers
        var d = draft
        d.answers = i.answers
        d.finishedRepeats = i.finishedRepeats.sorted()
        d.applicantName = applicantName(i)
        d.updatedAt = .now
        try desk.drafts.save(d)
        draft = d
        if changedAfterReview {
            // In the audit chain (operator, draft id; never the answer). The answer is saved either
            // way: a journal that cannot take the event must not stop the interview.
            try? desk.store.recordDeskEvent(.answerChanged, operatorID: operatorName, draftID: d.id)
        }
        if i.cursor == .review { reviewSeen = true }
    }

    public func applicantName(_ i: Interview) -> String? { DeskSession.applicantName(i.form, i.answers) }

    static func applicantName(_ form: Form, _ answers: JSONObject) -> String? {
        for f in form.allFields where f.format == .name {
            if let s = answers[f.id]?.stringValue, !s.isEmpty { return s }
        }
        return nil
    }

    /// Writes the draft as it opened, before any answer: a correction's reason and what it
    /// replaces are on disk once its review shows, so a kiosk killed there leaves a draft
    /// that reopens as the same correction (not an empty lock file and nothing else).
    func saveOpened() throws {
        var d = draft
        d.applicantName = DeskSession.applicantName(loaded.form, d.answers)
        d.updatedAt = .now
        try desk.drafts.save(d)
        draft = d
    }

    /// Queues the dossier and gives the citizen's receipt: its facts from the interview, the
    /// agency and QR contents from the desk's settings. Both front ends print this one.
    public func submitReceipt(_ i: Interview, officer: String? = nil) throws -> Receipt {
        let r = try submit(i)
        return desk.settings.receipt(i, r.receipt, dossierID: r.id, at: r.submittedAt, holidays: holidays, officer: officer, link: r.link)
    }

    /// Queues the dossier (durable before this returns) and drops the draft; the store's
    /// receipt (its code, id and time), from which the front end prints its receipt.
    public func submit(_ i: Interview) throws -> Submission {
        let file: FormFile
        if let storedCopy { file = storedCopy } else {
            file = try StoreForms.formFile(at: formPath, loaded: true)
            storedCopy = file
        }
        let request = SubmitRequest(form: file, answers: .object(i.answers), language: messages.language,
                                    dossierID: draft.id, operatorID: operatorName, now: today.map(Holidays.now(on:)),
                                    correction: draft.correction)
        let receipt: Submission
        switch try desk.store.submit(request) {
        case .submitted(let r), .alreadySubmitted(let r): receipt = r
        case .invalid(let issues): throw StoreError.invalidArgument(issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
        }
        try? desk.drafts.discard(draft.id, holding: lock)
        return receipt
    }
}
