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
    public func checkAnswer(_ field: borrowing Field, path: String, raw: JSONValue?, scope: Scope) -> AnswerCheck {
        var result = AnswerCheck(stored: nil, value: .null)
        func fail(_ code: IssueCode, _ message: String) -> AnswerCheck {
            result.error = ValidationIssue(field: path, code: code, message: message)
            return result
        }
        var value: Value = .null
        switch Coercion.coerce(raw ?? .null, field) {
        case .typeError(let key, let args): return fail(.type, messages.text(key, args))
        case .empty: break
        case .value(let v, let j): value = v; result.stored = j
        }
        if value.isEmpty {
            result.stored = nil
            if isRequired(field, scope) {
                let msg = field.requiredMessage.map { messages.resolve($0, form: form, values: scope.values) }
                    ?? messages.text(field.type == .choice || field.type == .multichoice || field.type == .boolean ? "validation.required.choose" : "validation.required")
                return fail(.required, msg)
            }
            return result
        }
        switch field.type {
        case .text:
            guard case .string(var s) = value else { break }
            if let format = field.format {
                switch Formats.check(format, s, today: context.today) {
                case .ok(let normal): s = normal; value = .string(s); result.stored = .string(s)
                case .invalid(let key, let args): return fail(.format, messages.text(key, args))
                }
            }
            // Answers are NFC by now, so Character count is what a person counts.
            let n = field.minLength == nil && field.maxLength == nil ? 0 : TextNormalizer.graphemeCount(s)
            if let m = field.minLength, n < m { return fail(.length, messages.text("validation.length.min", ["min": String(m), "count": String(n)])) }
            if let m = field.maxLength, n > m { return fail(.length, messages.text("validation.length.max", ["max": String(m), "count": String(n)])) }
            if let p = field.pattern, !p.matches(s) {
                return fail(.pattern, field.patternMessage.map { messages.resolve($0, form: form, values: scope.values) } ?? messages.text("validation.pattern"))
            }
        case .integer, .decimal, .date:
            if let issue = rangeIssue(field, value, scope) { return fail(.range, issue) }
        case .choice:
            guard case .string(let s) = value else { break }
            if !optionAllowed(field, s, scope) { return fail(.option, messages.text("validation.option", ["value": VietText.neutralizeControls(s)])) }
        case .multichoice:
            guard case .list(let l) = value else { break }
            var seen = Set<String>()
            for case .string(let s) in l {
                if !optionAllowed(field, s, scope) { return fail(.option, messages.text("validation.option", ["value": VietText.neutralizeControls(s)])) }
                if !seen.insert(s).inserted { return fail(.option, messages.text("validation.option.twice", ["value": s])) }
            }
            if let m = field.minSelected, l.count < m { return fail(.count, messages.text("validation.count.select.min", ["min": String(m), "count": String(l.count)])) }
            if let m = field.maxSelected, l.count > m { return fail(.count, messages.text("validation.count.select.max", ["max": String(m), "count": String(l.count)])) }
        case .repeat:
            guard case .list(let l) = value else { break }
            if let m = field.minCount, l.count < m { return fail(.count, messages.text("validation.count.items.min", ["min": String(m), "count": String(l.count)])) }
            if let m = field.maxCount, l.count > m { return fail(.count, messages.text("validation.count.items.max", ["max": String(m), "count": String(l.count)])) }
        default: break
        }
        result.value = value
        var s = scope
        s.dot = value
        if let c = field.constraint, !Evaluator.evaluate(c, s, context).truthy {
            return fail(.constraint, field.constraintMessage.map { messages.resolve($0, form: form, values: scope.values) } ?? messages.text("validation.constraint"))
        }
        if let w = field.warning, !Evaluator.evaluate(w, s, context).truthy {
            let msg = field.warningMessage.map { messages.resolve($0, form: form, values: valuesWith(scope, field, value)) } ?? messages.text("validation.warning")
            result.warning = ValidationIssue(field: path, code: .warning, message: msg)
        }
        return result
    }

    private func valuesWith(_ scope: Scope, _ field: Field, _ value: Value) -> [String: Value] {
        var v = scope.values
        v[field.id] = value
        if let item = scope.item { v.merge(item) { _, b in b } }
        return v
    }

    func isRequired(_ field: Field, _ scope: Scope) -> Bool {
        switch field.required {
        case .no: return false
        case .yes: return true
        case .when(let e): return Evaluator.evaluate(e, scope, context).truthy
        }
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

    private func rangeIssue(_ field: Field, _ value: Value, _ scope: Scope) -> String? {
        let lo = bound(field.min, scope), hi = bound(field.max, scope)
        let isDate = field.type == .date
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
