import MotCuaForms

extension Interview {
    /// Whether the field under `c` takes an answer and has one.
    func isAnswered(_ c: Cursor) -> Bool {
        switch c {
        case .field(let id):
            guard let f = form.field(id) else { return true }
            switch f.type {
            case .note, .calculate: return true
            case .repeat: return finishedRepeats.contains(id)
            default: return answers[id] != nil
            }
        case .item(let rid, let i, let id):
            guard let items = answers[rid]?.arrayValue, i < items.count else { return false }
            return items[i][id] != nil
        case .review: return true
        }
    }

    /// Top-level steps a person goes through now (calculations are never shown).
    func isStep(_ id: String) -> Bool {
        guard isRelevant(id), let f = form.field(id) else { return false }
        return f.type != .calculate
    }

    /// The first step without an answer, for resuming a draft.
    public func firstUnanswered() -> Cursor? {
        for (_, id) in order where isStep(id) {
            guard let f = form.field(id) else { continue }
            if f.type == .note { continue }
            if f.type == .repeat {
                for i in 0..<itemCount(id) {
                    for inner in f.fields where inner.type.isAsked && isRelevant(item: i, of: id, field: inner) {
                        if !isAnswered(.item(repeat: id, index: i, field: inner.id)) { return .item(repeat: id, index: i, field: inner.id) }
                    }
                }
            }
            if !isAnswered(.field(id)) { return .field(id) }
        }
        return nil
    }

    /// The step after `c` in document order, skipping what is not relevant.
    func step(after c: Cursor) -> Cursor {
        switch c {
        case .review: return .review
        case .item(let rid, let i, let id):
            if let next = innerStep(rid, i, after: id) { return next }
            return .field(rid)  // back to the repeat's list when the item is done
        case .field(let id):
            guard let k = position[id] else { return .review }
            for (_, next) in order[(k + 1)...] where isStep(next) { return .field(next) }
            return .review
        }
    }

    /// The step before `c`, or nil at the first question.
    func step(before c: Cursor) -> Cursor? {
        switch c {
        case .review:
            for (_, id) in order.reversed() where isStep(id) { return .field(id) }
            return nil
        case .item(let rid, let i, let id):
            guard let f = form.field(rid), let k = f.fields.firstIndex(where: { $0.id == id }) else { return .field(rid) }
            for inner in f.fields[..<k].reversed() where inner.type.isAsked && isRelevant(item: i, of: rid, field: inner) {
                return .item(repeat: rid, index: i, field: inner.id)
            }
            return .field(rid)
        case .field(let id):
            guard let k = position[id] else { return nil }
            for (_, prev) in order[..<k].reversed() where isStep(prev) { return .field(prev) }
            return nil
        }
    }

    func innerStep(_ rid: String, _ i: Int, after id: String?) -> Cursor? {
        guard let f = form.field(rid) else { return nil }
        var passed = id == nil
        for inner in f.fields {
            if !passed { passed = inner.id == id; continue }
            if inner.type.isAsked, isRelevant(item: i, of: rid, field: inner) { return .item(repeat: rid, index: i, field: inner.id) }
        }
        return nil
    }

    /// Moves to the next step (Enter on a note, or after an answer).
    public mutating func advance() {
        pendingConfirm = nil
        if returnToReview, case .field = cursor { returnToReview = false; cursor = .review; return }
        cursor = step(after: cursor)
    }

    /// Goes back one step. Returns false at the first question (nothing before it).
    @discardableResult
    public mutating func back() -> Bool {
        pendingConfirm = nil
        guard let prev = step(before: cursor) else { return false }
        cursor = prev
        return true
    }

    /// Jumps to a field to change its answer (from the review); the next
    /// accepted answer returns to the review.
    public mutating func edit(_ target: Cursor) {
        pendingConfirm = nil
        returnToReview = cursor == .review
        cursor = target
    }

    /// Opens the review.
    public mutating func openReview() {
        pendingConfirm = nil
        returnToReview = false
        cursor = .review
    }

    /// Progress: questions answered out of the questions relevant now (a repeat counts as
    /// one), plus those ahead that the form's defaults will open: "Đã xác định được người
    /// mẹ chưa? (•) Có" counts the mother's questions before Enter confirms it, so the
    /// total does not jump from "14/17" to "15/22" (issue 14).
    public var progress: (answered: Int, total: Int) {
        var answered = 0, total = 0
        let here: Int? = switch cursor {
        case .field(let id): position[id]
        case .item(let rid, _, _): position[rid]
        case .review: nil
        }
        var projected: [String: Value]?
        for (k, (p, id)) in order.enumerated() {
            guard let f = form.field(id), f.type != .note, f.type != .calculate else { continue }
            if isStep(id) {
                total += 1
                if isAnswered(.field(id)) { answered += 1 }
            } else if let here, k > here {
                let with = projected ?? withDefaults()
                projected = with
                let scope = Scope(values: with)
                let pageOpen = form.pages[p].relevant.map { Evaluator.evaluate($0, scope, validator.context).truthy } ?? true
                let fieldOpen = f.relevant.map { Evaluator.evaluate($0, scope, validator.context).truthy } ?? true
                if pageOpen && fieldOpen { total += 1 }
            }
        }
        return (answered, total)
    }

    /// The values expressions see, with each unanswered question taken at its literal default.
    private func withDefaults() -> [String: Value] {
        var vals = values
        for (_, id) in order where answers[id] == nil && vals[id] == nil {
            guard let f = form.field(id), case .literal(let v)? = f.defaultValue, let x = Value(stored: v, type: f.type) else { continue }
            vals[id] = x
        }
        return vals
    }

    /// The title of the page the cursor is on ("Người mẹ"), empty on the review: the kiosk
    /// shows it beside the step so a person knows which part of the form they are in.
    public var pageTitle: String {
        let id: String
        switch cursor {
        case .field(let f): id = f
        case .item(let rid, _, _): id = rid
        case .review: return ""
        }
        guard let place = form.fieldIndex[id] else { return "" }
        return text(form.pages[place.page].title)
    }

    /// The 1-based number of the current question among those relevant now, for "[3/17]".
    public var stepNumber: Int {
        let top: String
        switch cursor {
        case .field(let id): top = id
        case .item(let rid, _, _): top = rid
        case .review: return progress.total
        }
        var n = 0
        for (_, id) in order where isStep(id) {
            if let f = form.field(id), f.type != .note { n += 1 }
            if id == top { return max(n, 1) }
        }
        return n
    }
}

extension Interview {
    /// The same interview in another language (F8 at the kiosk): answers, place and the
    /// state of a confirm field kept; only the wording changes.
    public func inLanguage(_ messages: Messages) -> Interview {
        var context = validator.context
        context.language = messages.language
        var other = Interview(form: form, validator: Validator(form: form, context: context, messages: messages),
                              answers: answers, finishedRepeats: finishedRepeats)
        other.cursor = cursor
        other.returnToReview = returnToReview
        other.pendingConfirm = pendingConfirm
        return other
    }
}
