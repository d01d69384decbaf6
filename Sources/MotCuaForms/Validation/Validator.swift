/// Validates answers against a form: one answer at a time (`checkAnswer`,
/// for the front ends) or a whole dossier (`validate`, for submission).
/// Pure: the clock and the messages come in from outside.
public struct Validator: Sendable {
    public let form: Form
    public let context: EvaluationContext
    public let messages: Messages

    public init(form: Form, context: EvaluationContext, messages: Messages) {
        var ctx = context
        if ctx.form == nil { ctx.form = form }
        self.form = form; self.context = ctx; self.messages = messages
    }

    /// Validates a whole set of answers. Every error is collected; fields are
    /// visited in document order, so relevance and calculations see the
    /// answers before them as they will be stored.
    public func validate(_ answers: JSONValue) -> ValidationReport {
        var report = ValidationReport()
        guard case .object(let given) = answers else {
            report.errors.append(ValidationIssue(field: "", code: .type, message: messages.text("validation.answers.object")))
            return report
        }
        // Coerce what was given so that expressions can read any answer.
        var values: [String: Value] = [:]
        var raw: [String: JSONValue] = [:]
        for (key, v) in given.pairs {
            guard let f = form.fieldIndex[key].map({ form.pages[$0.page].fields[$0.field] }) else {
                report.errors.append(unknown(key, key))
                continue
            }
            raw[key] = v
            if f.type == .repeat { continue }
            if case .value(let x, _) = Coercion.coerce(v, f) { values[key] = x }
        }
        for (key, v) in raw {
            guard let f = form.field(key), f.type == .repeat, case .array(let items) = v else { continue }
            values[key] = .list(items.map { item in
                var m: [String: Value] = [:]
                for (k, x) in item.objectValue?.pairs ?? [] {
                    if let inner = f.fields.first(where: { $0.id == k }), case .value(let c, _) = Coercion.coerce(x, inner) { m[k] = c }
                }
                return .item(m)
            })
        }

        var out = JSONObject()
        for page in form.pages {
            let pageRelevant = page.relevant.map { Evaluator.evaluate($0, Scope(values: values), context).truthy } ?? true
            for f in page.fields {
                let scope = Scope(values: values)
                guard pageRelevant, f.relevant.map({ Evaluator.evaluate($0, scope, context).truthy }) ?? true else {
                    values[f.id] = nil
                    continue
                }
                switch f.type {
                case .note: if raw[f.id] != nil { report.errors.append(issue(f.id, .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = f.expression.map { Evaluator.evaluate($0, scope, context) } ?? .null
                    values[f.id] = v
                    if !v.isEmpty { out[f.id] = v.json }
                case .repeat:
                    validateRepeat(f, raw[f.id], &values, &out, &report)
                default:
                    let check = checkAnswer(f, path: f.id, raw: raw[f.id], scope: scope)
                    record(check, f, &report)
                    values[f.id] = check.error == nil && check.stored != nil ? check.value : nil
                    if let s = check.stored, check.error == nil { out[f.id] = s } else if let r = raw[f.id], check.error != nil { out[f.id] = r }
                }
            }
        }
        let scope = Scope(values: values)
        for c in form.checks where !Evaluator.evaluate(c.rule, scope, context).truthy {
            let msg = messages.resolve(c.message, form: form, values: values)
            let targets = c.fields.isEmpty ? [c.id] : c.fields
            for t in targets {
                let i = ValidationIssue(field: t, code: c.severity == .error ? .check : .warning, message: msg)
                if c.severity == .error { report.errors.append(i) } else { report.warnings.append(i) }
            }
        }
        report.answers = .object(out)
        return report
    }

    private func validateRepeat(_ f: Field, _ given: JSONValue?, _ values: inout [String: Value], _ out: inout JSONObject, _ report: inout ValidationReport) {
        let check = checkAnswer(f, path: f.id, raw: given, scope: Scope(values: values))
        if let e = check.error { report.errors.append(e) }
        guard case .array(let items)? = given else { values[f.id] = nil; return }
        var itemValues: [Value] = []
        var stored: [JSONValue] = []
        for (i, item) in items.enumerated() {
            guard case .object(let obj) = item else { continue }
            var m: [String: Value] = [:]
            for (k, x) in obj.pairs {
                guard let inner = f.fields.first(where: { $0.id == k }) else {
                    report.errors.append(unknown("\(f.id)[\(i)].\(k)", k)); continue
                }
                if case .value(let c, _) = Coercion.coerce(x, inner) { m[k] = c }
            }
            var itemOut = JSONObject()
            for inner in f.fields {
                let path = "\(f.id)[\(i)].\(inner.id)"
                let scope = Scope(values: values, item: m)
                guard inner.relevant.map({ Evaluator.evaluate($0, scope, context).truthy }) ?? true else { m[inner.id] = nil; continue }
                switch inner.type {
                case .note: if obj[inner.id] != nil { report.errors.append(issue(path, .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = inner.expression.map { Evaluator.evaluate($0, scope, context) } ?? .null
                    m[inner.id] = v
                    if !v.isEmpty { itemOut[inner.id] = v.json }
                default:
                    let c = checkAnswer(inner, path: path, raw: obj[inner.id], scope: scope)
                    record(c, inner, &report)
                    m[inner.id] = c.error == nil && c.stored != nil ? c.value : nil
                    if let s = c.stored, c.error == nil { itemOut[inner.id] = s } else if let r = obj[inner.id], c.error != nil { itemOut[inner.id] = r }
                }
            }
            itemValues.append(.item(m))
            stored.append(.object(itemOut))
        }
        values[f.id] = .list(itemValues)
        out[f.id] = .array(stored)
    }

    private func record(_ c: AnswerCheck, _ f: Field, _ report: inout ValidationReport) {
        if let e = c.error { report.errors.append(e); return }
        if let w = c.warning { report.warnings.append(w) }
        guard case .string(let s)? = c.stored else { return }
        switch f.format {
        case .name?: report.personalNames.append(s)
        case .cccd?, .cmnd?: report.personalIDs.append(s)
        default: break
        }
    }

    private func issue(_ path: String, _ code: IssueCode, _ message: String) -> ValidationIssue {
        ValidationIssue(field: path, code: code, message: message)
    }

    private func unknown(_ path: String, _ key: String) -> ValidationIssue {
        issue(path, .unknownField, messages.text("validation.unknown_field", ["field": VietText.neutralizeControls(key)]))
    }
}

import MotCuaText
