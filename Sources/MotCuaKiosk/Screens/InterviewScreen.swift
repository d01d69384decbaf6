// One interview on screen: the guided questions (or a page at a time in fast mode), a
// repeat's list of items, the review, and the help. The engine decides what is asked;
// this screen only turns keys into engine transitions and saves the draft after every
// confirmed answer, before the next question is drawn. Views are in InterviewView.swift.
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaText

/// What the app does after the interview screen handled a key.
enum InterviewOutcome: Equatable {
    case stay
    /// F10: the draft is saved; leave the interview.
    case leave
    /// The dossier is queued: show its receipt.
    case submitted(Receipt)
}

struct InterviewScreen {
    var session: FormSession { didSet { stepsTotal = session.interview.progress.total } }
    /// The "17" of "Bước 3/17", worked out when the interview changes rather than at every
    /// frame: walking the form for it was a sixth of each keystroke's time in a text field.
    private(set) var stepsTotal: Int
    var editor: FieldEditor?
    /// The highlighted row of a repeat's list (items, then "add", then "done").
    var repeatHighlight = 0
    /// Del was pressed on this item: Enter removes it, any other key keeps it.
    var pendingRemoval: Int?
    var review: ReviewState?
    /// The interview as it was when F2 opened the review, so Esc returns to that question.
    var beforeReview: Interview?
    /// Fast mode: the whole page as one form, Tab and Shift-Tab between fields.
    var fast = false
    var showHelp = false
    var notice: Notice?
    /// Earlier dossiers like this one, shown before submitting (DuplicateWarning.swift).
    var duplicates: [EarlierDossier]?
    var typing: InputMethod
    let style: TonePlacementStyle
    let strings: KioskStrings
    /// The question's label, hint and message wrapped for the last frame (QuestionLayout.swift).
    let wrapMemo = QuestionWrapMemo()

    init(session: FormSession, typing: InputMethod, style: TonePlacementStyle, strings: KioskStrings, fast: Bool = false) {
        self.session = session; self.typing = typing; self.style = style; self.strings = strings
        stepsTotal = session.interview.progress.total
        self.fast = fast
        arrive()
    }

    var interview: Interview { session.interview }
    var m: Messages { session.interview.validator.messages }

    // MARK: Keys

    mutating func update(_ key: Key) -> InterviewOutcome {
        if showHelp { showHelp = false; return .stay }  // any key closes the help
        if key == .resize { return .stay }
        if duplicates != nil { return updateDuplicates(key) }
        notice = nil
        switch KioskKey.command(key, among: [.leave, .help, .review, .fast, .typing, .submit]) {
        case .leave?:
            persist()
            return .leave
        case .help?:
            showHelp = true
            return .stay
        case .review?:
            if review == nil { openReview() }
            return .stay
        case .submit?:
            // Mid-interview too: the review says what is still missing, highlights the first
            // (Enter goes there), or asks to confirm a complete dossier.
            if review == nil { openReview() }
            return updateReview(key)
        case .fast?:
            fast.toggle()
            if fast { skipNotesForward() }
            refreshEditor()
            return .stay
        case .typing?:
            typing = typing == .telex ? .vni : typing == .vni ? .off : .telex
            let (method, style) = (typing, style)
            editor?.setTyping(method, style: style)
            return .stay
        default: break
        }
        if review != nil { return updateReview(key) }
        if interview.currentField?.type == .repeat { updateRepeat(key); return .stay }
        updateQuestion(key)
        return .stay
    }

    private mutating func updateQuestion(_ key: Key) {
        guard var ed = editor else { return }
        if key == .escape { goBack(); return }
        if fast && key == .backTab { if commit(moving: false) { goBack() }; return }
        if fast && key == .tab { commit(moving: true); return }
        let action = ed.widget.update(key)
        if action == .handled { ed.message = nil }
        if let refusal = ed.widget.refusalMessage(m) {  // the text gate said no: say why
            ed.message = refusal; ed.messageIsError = true
        }
        editor = ed
        if action == .submit { commit(moving: true) }
    }

    /// Gives the input's content to the engine. Accepted: saved, then on to the next
    /// question (a warning first shows under the input; Enter again goes on). Returns
    /// whether the answer was taken (or there was nothing to take).
    @discardableResult
    private mutating func commit(moving: Bool) -> Bool {
        guard let f = interview.currentField, var ed = editor else { return true }
        if f.type == .note {
            if moving { session.interview.advance(); arrive() }
            return true
        }
        let value: JSONValue
        switch ed.reading(f, m) {
        case .invalid(let text):
            ed.message = text; ed.messageIsError = true
            // Refused before the engine saw it (an impossible date, a malformed number): typing
            // replaces it, as after the engine's refusal. A date still missing digits keeps
            // taking them.
            if !ed.widget.keepsTypingAfterRefusal { ed.selectText() }
            editor = ed
            return false
        case .value(let v): value = v
        }
        // Nothing new to give the engine (the shared policy: an unchanged answer that is
        // settled, or Shift-Tab over an unchanged field): just move.
        guard case .answer(let given) = interview.step(for: value, moving: moving, warningSeen: ed.acknowledged) else {
            if moving { session.interview.advance(); arrive() }
            return true
        }
        switch session.interview.answer(given, warnings: .underTheAnswer) {
        case .accepted(let warning):
            persist()
            if let warning {
                // Back on the question just answered: the warning shows right under it.
                var shown = FieldEditor(interview, strings: strings, typing: typing, style: style)
                shown?.message = warning.message
                shown?.messageIsError = false
                shown?.acknowledged = interview.currentAnswer
                editor = shown
                return true
            }
            if moving { arrive() } else { refreshEditor() }
            return true
        case .confirmAgain:
            ed.clear(interview, strings: strings, typing: typing, style: style)
            ed.message = m.text("kiosk.confirm.again")
            ed.messageIsError = false
            editor = ed
            return false
        case .rejected(let issue):
            ed.message = issue.message
            ed.messageIsError = true
            ed.selectText()
            editor = ed
            return false
        }
    }

    private mutating func goBack() {
        if session.interview.back() {
            if fast { skipNotesBackward() }
            arrive(forward: false)
        } else {
            notice = Notice(text: m.text("plain.back.first"), isError: false)
        }
    }

    // MARK: Repeats

    /// Rows of a repeat's list: one per item, "add" while below the maximum, "done".
    enum RepeatRow: Equatable { case item(Int), add, done }

    func repeatRows() -> [RepeatRow] {
        guard case .field(let rid) = interview.cursor, let f = interview.form.field(rid) else { return [] }
        let n = interview.itemCount(rid)
        var rows = (0..<n).map(RepeatRow.item)
        if f.maxCount.map({ n < $0 }) ?? true { rows.append(.add) }
        rows.append(.done)
        return rows
    }

    private mutating func updateRepeat(_ key: Key) {
        let rows = repeatRows()
        guard !rows.isEmpty else { return }
        repeatHighlight = min(repeatHighlight, rows.count - 1)
        if let i = pendingRemoval {
            pendingRemoval = nil
            guard key == .enter else { return }  // kept
            session.interview.removeItem(i)
            persist()
            if notice == nil { notice = Notice(text: m.text("kiosk.repeat.removed"), isError: false) }
            return
        }
        switch key {
        case .up: repeatHighlight = max(0, repeatHighlight - 1)
        case .down, .tab: repeatHighlight = min(rows.count - 1, repeatHighlight + 1)
        case .home: repeatHighlight = 0
        case .end: repeatHighlight = rows.count - 1
        case .escape: goBack()
        case .character("+"): addItem()
        case .delete, .backspace:
            guard case .item(let i) = rows[repeatHighlight] else { return }
            // A family member or a residence is a whole block of answers: ask first.
            pendingRemoval = i
            notice = Notice(text: m.text("kiosk.repeat.confirm", ["item": interview.itemLabel(interview.pathOfCursor, i)]), isError: true)
        case .enter:
            switch rows[repeatHighlight] {
            case .item(let i):
                session.interview.editItem(i)
                arrive()
            case .add: addItem()
            case .done:
                switch session.interview.finishRepeat() {
                case .accepted(let warning):
                    persist()
                    arrive()
                    if let warning { notice = Notice(text: warning.message, isError: false) }
                case .rejected(let issue): notice = Notice(text: issue.message, isError: true)
                case .confirmAgain: break
                }
            }
        default: break
        }
    }

    private mutating func addItem() {
        if session.interview.addItem() {
            persist()
            arrive()
        } else {
            notice = Notice(text: m.text("plain.repeat.full"), isError: true)
        }
    }

    // MARK: Review

    mutating func openReview() {
        beforeReview = interview
        session.interview.openReview()
        arrive()
    }

    private mutating func updateReview(_ key: Key) -> InterviewOutcome {
        guard var state = review else { return .stay }
        let action = state.update(key)
        review = state
        switch action {
        case .none: return .stay
        case .edit(let target):
            beforeReview = nil
            session.interview.edit(target)
            arrive()
            // The review's errors for this answer stay in view where it is edited: a
            // cross-field rule's (the mother's name differs from the requester's) is not
            // the field's own, so the question alone would not say it.
            if let problem = state.errors(of: target).first { notice = Notice(text: problem, isError: true) }
        case .back:
            if let previous = beforeReview {
                session.interview = previous
                beforeReview = nil
                arrive(forward: false)
            } else {
                goBack()
            }
        case .submit:
            if let earlier = session.possibleDuplicates?(interview), !earlier.isEmpty {
                duplicates = earlier
                return .stay
            }
            return submitNow()
        }
        return .stay
    }

    mutating func submitNow() -> InterviewOutcome {
        do {
            let receipt = try session.submit(interview)
            return .submitted(receipt)
        } catch {
            review?.confirming = false
            notice = Notice(text: m.text("kiosk.submit.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
        }
        return .stay
    }

    // MARK: Arriving somewhere

    /// After the cursor moved: a fresh editor for the new question (or the review, or
    /// a repeat's list). Fast mode reads notes inline, so it does not stop on them.
    private mutating func arrive(forward: Bool = true) {
        if fast { if forward { skipNotesForward() } else { skipNotesBackward() } }
        if interview.cursor == .review {
            editor = nil
            // The fee as the receipt will say it, so it is known before submitting.
            let fee = Receipt(interview: interview, received: interview.validator.context.today,
                              holidays: HolidayCalendar(daysOff: [:])).fee
            review = ReviewState(interview.review(), fee: fee, correctionReason: session.correctionReason)
            return
        }
        review = nil
        refreshEditor()
        if interview.currentField?.type == .repeat {
            let rows = repeatRows()
            repeatHighlight = interview.itemCount(interview.pathOfCursor) == 0 ? 0 : max(0, rows.count - 1)
        }
    }

    private mutating func refreshEditor() {
        editor = FieldEditor(interview, strings: strings, typing: typing, style: style)
    }

    private mutating func skipNotesForward() {
        while interview.currentField?.type == .note { session.interview.advance() }
    }

    private mutating func skipNotesBackward() {
        while interview.currentField?.type == .note {
            if !session.interview.back() { skipNotesForward(); return }
        }
    }

    /// Saves the draft now; a failure is said on screen, never hidden.
    mutating func persist() {
        do { try session.save(interview) } catch {
            notice = Notice(text: m.text("plain.save.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
        }
    }
}
