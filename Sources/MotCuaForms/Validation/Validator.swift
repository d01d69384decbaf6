import MotCuaText

/// Validates answers against a form: one answer at a time (`checkAnswer`,
/// for the front ends) or a whole dossier (`validate`, for submission).
/// Pure: the clock and the messages come in from outside.
public struct Validator: Sendable {
    public let form: Form
    public let context: EvaluationContext
    public let messages: Messages
    let plan: ValidationPlan

    public init(form: Form, context: EvaluationContext, messages: Messages) {
        var ctx = context
        if ctx.form == nil { ctx.form = form }
        self.form = form; self.context = ctx; self.messages = messages
        plan = ValidationPlan(form)
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
        var (values, outcomes, coercedItems) = coerceAll(given, &report)
        var out = JSONObject()
        for page in plan.pages {
            let pageRelevant = page.relevant.map { isTrue($0, values) } ?? true
            for p in page.fields {
                let id = p.id
                guard pageRelevant, p.relevant.map({ isTrue($0, values) }) ?? true else {
                    values[id] = nil
                    continue
                }
                switch p.type {
                case .note:
                    if given[id] != nil { report.errors.append(issue(id, .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = p.expression.map { Evaluator.evaluate($0, Scope(values: values), context) } ?? .null
                    values[id] = v
                    if !v.isEmpty { out[id] = v.json }
                case .repeat:
                    let (v, stored) = validateRepeat(p, given[id], coercedItems[id], values, &report)
                    values[id] = v
                    if let stored { out[id] = stored }
                default:
                    let check = self.check(p, path: id, raw: given[id], coerced: outcomes.removeValue(forKey: id), scope: Scope(values: values))
                    record(check, p, &report)
                    values[id] = check.error == nil && check.stored != nil ? check.value : nil
                    if check.error == nil { if let s = check.stored { out[id] = s } } else if let r = given[id] { out[id] = r }
                }
            }
        }
        for c in form.checks where !isTrue(c.rule, values) {
            let msg = messages.resolve(c.message, form: form, values: values)
            for t in c.fields.isEmpty ? [c.id] : c.fields {
                let i = ValidationIssue(field: t, code: c.severity == .error ? .check : .warning, message: msg)
                if c.severity == .error { report.errors.append(i) } else { report.warnings.append(i) }
            }
        }
        report.answers = .object(out)
        return report
    }

    private func isTrue(_ e: Expression, _ values: [String: Value]) -> Bool {
        Evaluator.evaluate(e, Scope(values: values), context).truthy
    }

    /// Every given answer as a value, so that expressions can read answers
    /// that come later in the form; unknown keys are reported here.
    private func coerceAll(_ given: JSONObject, _ report: inout ValidationReport)
        -> ([String: Value], [String: Coercion.Outcome], [String: [CoercedItem]]) {
        var values: [String: Value] = [:]
        var outcomes: [String: Coercion.Outcome] = [:]
        var items: [String: [CoercedItem]] = [:]
        values.reserveCapacity(given.count)
        outcomes.reserveCapacity(given.count)
        for (key, v) in given.pairs {
            guard let p = plan.byID[key] else { report.errors.append(unknown(key, key)); continue }
            if p.type == .repeat {
                guard case .array(let list) = v else { continue }
                let coerced = list.map { coerceItem($0.objectValue ?? JSONObject(), p) }
                values[key] = .list(coerced.map { .item($0.values) })
                items[key] = coerced
            } else {
                let outcome = Coercion.coerce(v, p.field)
                if case .value(let x, _) = outcome { values[key] = x }
                outcomes[key] = outcome
            }
        }
        return (values, outcomes, items)
    }

    /// One repeat item read once: its values for expressions, and its raw
    /// answers and coercions by inner field position for the checks.
    struct CoercedItem {
        var values: [String: Value] = [:]
        var raws: [JSONValue?]
        var outcomes: [Coercion.Outcome?]
        var unknownKeys: [String] = []
    }

    private func coerceItem(_ obj: JSONObject, _ p: FieldPlan) -> CoercedItem {
        var item = CoercedItem(raws: Array(repeating: nil, count: p.inner.count), outcomes: Array(repeating: nil, count: p.inner.count))
        item.values.reserveCapacity(p.inner.count)
        for (k, x) in obj.pairs {
            guard let n = p.innerIndex[k] else { item.unknownKeys.append(k); continue }
            let outcome = Coercion.coerce(x, p.inner[n].field)
            if case .value(let c, _) = outcome { item.values[k] = c }
            item.raws[n] = x
            item.outcomes[n] = outcome
        }
        return item
    }

    private func validateRepeat(_ p: FieldPlan, _ given: JSONValue?, _ pre: [CoercedItem]?,
                                _ values: [String: Value], _ report: inout ValidationReport) -> (Value?, JSONValue?) {
        let rid = p.id
        let check = self.check(p, path: rid, raw: given, coerced: nil, scope: Scope(values: values))
        if let e = check.error { report.errors.append(e) }
        guard case .array(let items)? = given else { return (nil, nil) }
        var itemValues: [Value] = []
        var stored: [JSONValue] = []
        itemValues.reserveCapacity(items.count)
        stored.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .object(let obj) = item else { continue }
            let coerced: CoercedItem
            if let pre, i < pre.count { coerced = pre[i] } else { coerced = coerceItem(obj, p) }
            for k in coerced.unknownKeys { report.errors.append(unknown("\(rid)[\(i)].\(k)", k)) }
            var m = coerced.values
            var itemOut = JSONObject()
            for (n, ip) in p.inner.enumerated() {
                let iid = ip.id
                func path() -> String { "\(rid)[\(i)].\(iid)" }
                let relevant = ip.relevant.map { Evaluator.evaluate($0, Scope(values: values, item: m), context).truthy } ?? true
                guard relevant else { m[iid] = nil; continue }
                let raw = coerced.raws[n]
                switch ip.type {
                case .note: if raw != nil { report.errors.append(issue(path(), .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = ip.expression.map { Evaluator.evaluate($0, Scope(values: values, item: m), context) } ?? .null
                    m[iid] = v
                    if !v.isEmpty { itemOut[iid] = v.json }
                default:
                    let c = self.check(ip, path: path(), raw: raw, coerced: coerced.outcomes[n] ?? .empty, scope: Scope(values: values, item: m))
                    record(c, ip, &report)
                    if c.error != nil || c.stored == nil {
                        if m[iid] != nil { m[iid] = nil }
                    } else if ip.field.format != nil {
                        m[iid] = c.value  // a format may have normalised the answer
                    }
                    if c.error == nil { if let s = c.stored { itemOut[iid] = s } } else if let r = raw { itemOut[iid] = r }
                }
            }
            itemValues.append(.item(m))
            stored.append(.object(itemOut))
        }
        return (.list(itemValues), .array(stored))
    }

    private func record(_ c: AnswerCheck, _ p: FieldPlan, _ report: inout ValidationReport) {
        if let e = c.error { report.errors.append(e); return }
        if let w = c.warning { report.warnings.append(w) }
        guard let format = p.field.format, case .string(let s)? = c.stored else { return }
        switch format {
        case .name: report.personalNames.append(s)
        case .cccd, .cmnd: report.personalIDs.append(s)
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
