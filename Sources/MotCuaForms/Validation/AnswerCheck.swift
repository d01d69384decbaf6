import MotCuaText

/// The verdict on one answer: what to store, and at most one error (the
/// first that applies, so a person fixes one thing at a time) and one warning.
public struct AnswerCheck: Sendable {
    public var stored: JSONValue?
    public var value: Value
    public var error: ValidationIssue?
    public var warning: ValidationIssue?
}

extension Validator {
    /// Checks one answer of `field` (at `path`) in `scope`: the same rules the
    /// whole-dossier validation applies, for front ends to call as answers are typed.
    public func checkAnswer(_ field: Field, path: String, raw: JSONValue?, scope: Scope) -> AnswerCheck {
        check(FieldPlan(field), path: path, raw: raw, coerced: nil, scope: scope)
    }

    /// The implementation, over a plan held by reference: reading `plan.field.x`
    /// loads one property, where passing a `Field` by value copies the whole
    /// struct. `coerced` is the coercion the whole-dossier pass already did.
    /// `path` is built only when there is something to report (inside a repeat
    /// of 50 items that is a thousand string formats saved per dossier).
    func check(_ plan: FieldPlan, path: @autoclosure () -> String, raw: JSONValue?, coerced: Coercion.Outcome?, scope: Scope) -> AnswerCheck {
        var result = AnswerCheck(stored: nil, value: .null)
        func fail(_ code: IssueCode, _ message: String) -> AnswerCheck {
            result.error = ValidationIssue(field: path(), code: code, message: message)
            return result
        }
        var value: Value = .null
        switch coerced ?? Coercion.coerce(raw ?? .null, plan.field) {
        case .typeError(let key, let args): return fail(.type, messages.text(key, args))
        case .empty: break
        case .value(let v, let j): value = v; result.stored = j
        }
        if value.isEmpty {
            result.stored = nil
            if isRequired(plan.field.required, scope) {
                let msg = plan.field.requiredMessage.map { messages.resolve($0, form: form, values: scope.values) }
                    ?? messages.text(plan.field.type == .choice || plan.field.type == .multichoice || plan.field.type == .boolean ? "validation.required.choose" : "validation.required")
                return fail(.required, msg)
            }
            // A repeat's minCount holds even when it is not required: zero items is too few.
            if plan.type == .repeat, let m = plan.field.minCount, m > 0 {
                return fail(.count, messages.text("validation.count.items.min", ["min": String(m), "count": "0"]))
            }
            return result
        }
        switch plan.field.type {
        case .text:
            guard case .string(var s) = value else { break }
            if let format = plan.field.format {
                switch Formats.check(format, s, today: context.today) {
                case .ok(let normal): s = normal; value = .string(s); result.stored = .string(s)
                case .invalid(let key, let args): return fail(.format, messages.text(key, args))
                }
            }
            // Answers are NFC by now, so Character count is what a person counts.
            let n = plan.field.minLength == nil && plan.field.maxLength == nil ? 0 : TextNormalizer.graphemeCount(s)
            if let m = plan.field.minLength, n < m { return fail(.length, messages.text("validation.length.min", ["min": String(m), "count": String(n)])) }
            if let m = plan.field.maxLength, n > m { return fail(.length, messages.text("validation.length.max", ["max": String(m), "count": String(n)])) }
            if let p = plan.field.pattern, !p.matches(s) {
                return fail(.pattern, plan.field.patternMessage.map { messages.resolve($0, form: form, values: scope.values) } ?? messages.text("validation.pattern"))
            }
        case .integer, .decimal, .date:
            if let issue = rangeIssue(plan, value, scope) { return fail(.range, issue) }
        case .choice:
            guard case .string(let s) = value else { break }
            if !allowed(plan, s, scope) { return fail(.option, messages.text("validation.option", ["value": VietText.neutralizeControls(s)])) }
        case .multichoice:
            guard case .list(let l) = value else { break }
            var seen = Set<String>()
            for case .string(let s) in l {
                if !allowed(plan, s, scope) { return fail(.option, messages.text("validation.option", ["value": VietText.neutralizeControls(s)])) }
                if !seen.insert(s).inserted { return fail(.option, messages.text("validation.option.twice", ["value": s])) }
            }
            if let m = plan.field.minSelected, l.count < m { return fail(.count, messages.text("validation.count.select.min", ["min": String(m), "count": String(l.count)])) }
            if let m = plan.field.maxSelected, l.count > m { return fail(.count, messages.text("validation.count.select.max", ["max": String(m), "count": String(l.count)])) }
        case .repeat:
            guard case .list(let l) = value else { break }
            if let m = plan.field.minCount, l.count < m { return fail(.count, messages.text("validation.count.items.min", ["min": String(m), "count": String(l.count)])) }
            if let m = plan.field.maxCount, l.count > m { return fail(.count, messages.text("validation.count.items.max", ["max": String(m), "count": String(l.count)])) }
        default: break
        }
        result.value = value
        var s = scope
        s.dot = value
        if let c = plan.field.constraint, !Evaluator.evaluate(c, s, context).truthy {
            return fail(.constraint, plan.field.constraintMessage.map { messages.resolve($0, form: form, values: scope.values) } ?? messages.text("validation.constraint"))
        }
        if let w = plan.field.warning, !Evaluator.evaluate(w, s, context).truthy {
            let msg = plan.field.warningMessage.map { messages.resolve($0, form: form, values: valuesWith(scope, plan.field, value)) } ?? messages.text("validation.warning")
            result.warning = ValidationIssue(field: path(), code: .warning, message: msg)
        }
        return result
    }

    private func valuesWith(_ scope: Scope, _ field: Field, _ value: Value) -> [String: Value] {
        var v = scope.values
        v[field.id] = value
        if let item = scope.item { v.merge(item) { _, b in b } }
        return v
    }

    /// Whether `field` must be answered in `scope` (its `required`, evaluated).
    public func isRequired(_ field: Field, _ scope: Scope) -> Bool { isRequired(field.required, scope) }

    /// Whether `required` holds in `scope` (fields, and a procedure's documents).
    public func isRequired(_ required: Requirement, _ scope: Scope) -> Bool {
        switch required {
        case .no: return false
        case .yes: return true
        case .when(let e): return Evaluator.evaluate(e, scope, context).truthy
        }
    }

    func allowed(_ plan: FieldPlan, _ value: String, _ scope: Scope) -> Bool {
        guard let i = plan.field.optionIndex[value] else { return false }
        guard let filter = plan.field.filter else { return true }
        var s = scope
        s.option = plan.field.options[i]
        return Evaluator.evaluate(filter, s, context).truthy
    }

    /// Whether `value` is an option of `field` that its filter lets through in `scope`.
    public func optionAllowed(_ field: Field, _ value: String, _ scope: Scope) -> Bool {
        guard let o = field.option(value) else { return false }
        guard let filter = field.filter else { return true }
        var s = scope
        s.option = o
        return Evaluator.evaluate(filter, s, context).truthy
    }

    private func bound(_ b: Bound?, _ scope: Scope) -> Value {
        switch b {
        case nil: return .null
        case .number(let d)?: return .number(d)
        case .date(let d)?: return .date(d)
        case .expression(let e)?: return Evaluator.evaluate(e, scope, context)
        }
    }

    private func rangeIssue(_ plan: FieldPlan, _ value: Value, _ scope: Scope) -> String? {
        let lo = bound(plan.field.min, scope), hi = bound(plan.field.max, scope)
        let isDate = plan.type == .date
        func shown(_ v: Value) -> String { if case .date(let d) = v { return d.display }; return v.displayText }
        if !lo.isEmpty, Evaluator.compare(.lt, value, lo).truthy {
            return messages.text(isDate ? "validation.range.date.min" : "validation.range.min", ["min": shown(lo)])
        }
        if !hi.isEmpty, Evaluator.compare(.gt, value, hi).truthy {
            return messages.text(isDate ? "validation.range.date.max" : "validation.range.max", ["max": shown(hi)])
        }
        return nil
    }
}
