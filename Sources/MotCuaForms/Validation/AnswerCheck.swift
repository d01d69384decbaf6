import MotCuaText

/// The verdict on one answer: what to store, and at most one error (the
/// first that applies, so a person fixes one thing at a time) and one warning.
public struct AnswerCheck: Sendable {
    public var stored: JSONValue?
    public var value: Value
    public var error: ValidationIssue?
    public var warning: ValidationIssue?
    /// `stored` is the answer exactly as given (so the dossier can keep it without comparing).
    var keepsRaw = false

    public init(stored: JSONValue?, value: Value, error: ValidationIssue? = nil, warning: ValidationIssue? = nil) {
        self.stored = stored; self.value = value; self.error = error; self.warning = warning
    }

    /// No error. A pattern match, not `error == nil`: comparing the optional
    /// copies it through the runtime's generic witnesses on every answer.
    public var passed: Bool { if case .none = error { return true } else { return false } }
}

extension Validator {
    /// Checks one answer of `field` (at `path`) in `scope`: the same rules the
    /// whole-dossier validation applies, for front ends to call as answers are typed.
    public func checkAnswer(_ field: Field, path: String, raw: JSONValue?, scope: Scope) -> AnswerCheck {
        let plan = FieldPlan(field, slot: -1)
        var value = Value.null
        if let raw, case .value(let v, _) = Coercion.coerce(raw, plan) { value = v }
        var result = AnswerCheck(stored: nil, value: .null)
        check(plan, path: path, value: value, raw: raw, scope: scope, into: &result)
        return result
    }

    /// The implementation, over a plan held by reference (see `FieldPlan`) and
    /// any scope. `value` is `raw` coerced (by the whole-dossier pass, once),
    /// null when the answer is missing, blank or of the wrong type: only then
    /// is it coerced again here, to say which.
    /// `path` is built only when there is something to report (inside a repeat
    /// of 50 items that is a thousand string formats saved per dossier).
    /// The verdict is written into `result` (the whole-dossier pass reuses one):
    /// returning the struct copied it through its value witnesses on every answer.
    func check<S: ExpressionScope>(_ plan: FieldPlan, path: @autoclosure () -> String, value coerced: Value, raw: JSONValue?, scope: S,
                                   into result: inout AnswerCheck) {
        result.stored = nil; result.value = .null; result.error = nil; result.warning = nil; result.keepsRaw = false
        func fail(_ code: IssueCode, _ message: String) {
            result.stored = nil; result.value = .null
            result.error = ValidationIssue(field: path(), code: code, message: message)
        }
        var value = coerced
        if case .null = value, let raw {
            switch Coercion.coerce(raw, plan) {
            case .typeError(let key, let args): return fail(.type, messages.text(key, args))
            case .refused(let r):
                if case .tooLong = r.reason { return fail(.length, messages.text(r.messageKey, r.messageArguments)) }
                return fail(.format, messages.text(r.messageKey, r.messageArguments))
            case .empty: break
            case .value(let v, _): value = v
            }
        }
        if value.isEmpty {
            if holds(plan.required, scope) {
                let msg = plan.field.requiredMessage.map { messages.resolve($0, form: form, values: named(scope, plan)) }
                    ?? messages.text(plan.type == .choice || plan.type == .multichoice || plan.type == .boolean ? "validation.required.choose" : "validation.required")
                return fail(.required, msg)
            }
            // A repeat's minCount holds even when it is not required: zero items is too few.
            if plan.type == .repeat, let m = plan.field.minCount, m > 0 {
                return fail(.count, messages.text("validation.count.items.min", ["min": String(m), "count": "0"]))
            }
            return
        }
        var stored: JSONValue
        var keepsRaw = false
        if let raw {
            if let normal = Coercion.normalisedForm(value, raw: raw, plan) { stored = normal } else { stored = raw; keepsRaw = true }
        } else {
            stored = value.json
        }
        switch plan.type {
        case .text:
            guard case .string(var s) = value else { break }
            if let format = plan.format {
                switch Formats.check(format, s, today: context.today) {
                case .ok(let normal):
                    if normal != s { s = normal; value = .string(s); stored = .string(s); keepsRaw = false }
                case .invalid(let key, let args): return fail(.format, messages.text(key, args))
                }
            }
            // Answers are NFC by now, so Character count is what a person counts.
            let n = plan.minLength == nil && plan.maxLength == nil ? 0 : TextNormalizer.graphemeCount(s)
            if let m = plan.minLength, n < m { return fail(.length, messages.text("validation.length.min", ["min": String(m), "count": String(n)])) }
            if let m = plan.maxLength, n > m { return fail(.length, messages.text("validation.length.max", ["max": String(m), "count": String(n)])) }
            if let p = plan.pattern, !p.matches(s) {
                return fail(.pattern, plan.field.patternMessage.map { messages.resolve($0, form: form, values: named(scope, plan)) } ?? messages.text("validation.pattern"))
            }
        case .integer, .decimal, .date:
            if plan.checksBounds, let issue = rangeIssue(plan, value, scope) { return fail(.range, issue) }
        case .choice:
            guard case .string(let s) = value else { break }
            if !allowed(plan, s, scope) { return fail(.option, messages.text("validation.option", ["value": optionName(plan.field, s)])) }
        case .multichoice:
            guard case .list(let l) = value else { break }
            for (i, x) in l.enumerated() {
                guard case .string(let s) = x else { continue }
                if !allowed(plan, s, scope) { return fail(.option, messages.text("validation.option", ["value": optionName(plan.field, s)])) }
                // Selections are few: a scan costs less than hashing each into a set.
                if l[..<i].contains(x) { return fail(.option, messages.text("validation.option.twice", ["value": VietText.neutralizeControls(s)])) }
            }
            if let m = plan.field.minSelected, l.count < m { return fail(.count, messages.text("validation.count.select.min", ["min": String(m), "count": String(l.count)])) }
            if let m = plan.field.maxSelected, l.count > m { return fail(.count, messages.text("validation.count.select.max", ["max": String(m), "count": String(l.count)])) }
        case .repeat:
            guard case .list(let l) = value else { break }
            if let m = plan.field.minCount, l.count < m { return fail(.count, messages.text("validation.count.items.min", ["min": String(m), "count": String(l.count)])) }
            if let m = plan.field.maxCount, l.count > m { return fail(.count, messages.text("validation.count.items.max", ["max": String(m), "count": String(l.count)])) }
        default: break
        }
        result.stored = stored; result.value = value; result.keepsRaw = keepsRaw
        guard plan.hasConstraintOrWarning else { return }
        var s = scope
        s.dot = value
        if let c = plan.field.constraint, !scope.readsRefusedAnswer(c), !Evaluator.evaluate(c, s, context).truthy {
            return fail(.constraint, plan.field.constraintMessage.map { messages.resolve($0, form: form, values: named(scope, plan)) } ?? messages.text("validation.constraint"))
        }
        if let w = plan.field.warning, !scope.readsRefusedAnswer(w), !Evaluator.evaluate(w, s, context).truthy {
            let msg = plan.field.warningMessage.map { messages.resolve($0, form: form, values: named(scope, plan, value)) } ?? messages.text("validation.warning")
            result.warning = ValidationIssue(field: path(), code: .warning, message: msg)
        }
    }

    /// The answers by id for a message about `plan`, with the answer under
    /// test when it is not stored yet.
    private func named<S: ExpressionScope>(_ scope: S, _ plan: FieldPlan, _ value: Value? = nil) -> [String: Value] {
        var v = scope.valuesByID(self.plan, within: plan.repeatSlot)
        if let value { v[plan.id] = value }
        return v
    }

    /// Whether `field` must be answered in `scope` (its `required`, evaluated).
    public func isRequired(_ field: Field, _ scope: Scope) -> Bool { isRequired(field.required, scope) }

    /// Whether `required` holds in `scope` (fields, and a procedure's documents).
    public func isRequired(_ required: Requirement, _ scope: Scope) -> Bool { holds(required, scope) }

    func holds<S: ExpressionScope>(_ required: Requirement, _ scope: S) -> Bool {
        switch required {
        case .no: return false
        case .yes: return true
        case .when(let e): return Evaluator.evaluate(e, scope, context).truthy
        }
    }

    func allowed<S: ExpressionScope>(_ plan: FieldPlan, _ value: String, _ scope: S) -> Bool {
        guard let i = plan.optionPosition(value) else { return false }
        guard let filter = plan.field.filter else { return true }
        var s = scope
        s.option = plan.field.options[i]
        return Evaluator.evaluate(filter, s, context).truthy
    }

    /// Whether `value` is an option of `field` that its filter lets through in `scope`.
    /// An option as a person knows it: its label (a commune left from another province is
    /// named, not shown as its code); the raw value only when the list does not hold it.
    func optionName(_ field: Field, _ value: String) -> String {
        let label = field.option(value)?.label.resolve(messages.language, fallback: form.defaultLanguage)
        return VietText.neutralizeControls(label ?? value)
    }

    public func optionAllowed(_ field: Field, _ value: String, _ scope: Scope) -> Bool {
        guard let o = field.option(value) else { return false }
        guard let filter = field.filter else { return true }
        var s = scope
        s.option = o
        return Evaluator.evaluate(filter, s, context).truthy
    }

    private func bound<S: ExpressionScope>(_ b: Bound?, _ scope: S) -> Value {
        switch b {
        case nil: return .null
        case .number(let d)?: return .number(d)
        case .date(let d)?: return .date(d)
        case .expression(let e)?: return Evaluator.evaluate(e, scope, context)
        }
    }

    func rangeIssue<S: ExpressionScope>(_ plan: FieldPlan, _ value: Value, _ scope: S) -> String? {
        let lo = bound(plan.field.min, scope), hi = bound(plan.field.max, scope)
        // A bound is said at the field's precision: a year field's "1900-01-01" is the year
        // 1900 ("Năm không được trước 1900"), a month field's is 01/1900.
        let keys: (min: String, max: String)
        switch (plan.type, plan.field.precision) {
        case (.date, .year): keys = ("validation.range.year.min", "validation.range.year.max")
        case (.date, .month): keys = ("validation.range.month.min", "validation.range.month.max")
        case (.date, .day): keys = ("validation.range.date.min", "validation.range.date.max")
        default: keys = ("validation.range.min", "validation.range.max")
        }
        func shown(_ v: Value) -> String {
            guard case .date(let d) = v else { return v.displayText }
            switch plan.field.precision {
            case .year: return String(d.year)
            case .month: return (d.month < 10 ? "0" : "") + String(d.month) + "/" + String(d.year)
            case .day: return d.display
            }
        }
        if !lo.isEmpty, Evaluator.compare(.lt, value, lo).truthy {
            return messages.text(keys.min, ["min": shown(lo)])
        }
        if !hi.isEmpty, Evaluator.compare(.gt, value, hi).truthy {
            return messages.text(keys.max, ["max": shown(hi)])
        }
        return nil
    }
}
