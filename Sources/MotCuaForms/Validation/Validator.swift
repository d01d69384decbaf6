import MotCuaText

/// Validates answers against a form: one answer at a time (`checkAnswer`,
/// for the front ends) or a whole dossier (`validate`, for submission).
/// Pure: the clock and the messages come in from outside.
///
/// The whole-dossier pass keeps answers in arrays by slot (`SlotScope`):
/// a field id is looked up once per given answer, and not at all when the
/// answers come in the form's order.
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
        var read = readAll(given, &report)
        var out = DossierOutput(given: given)
        var check = AnswerCheck(stored: nil, value: .null)
        for page in plan.pages {
            let pageRelevant = page.relevant.map { isTrue($0, read.scope) } ?? true
            for p in page.fields {
                let slot = p.slot
                guard pageRelevant, p.relevant.map({ isTrue($0, read.scope) }) ?? true else {
                    read.scope.values[slot] = .null
                    continue
                }
                switch p.type {
                case .note:
                    if read.raw(slot) != nil { report.errors.append(issue(p.id, .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = p.expression.map { Evaluator.evaluate($0, read.scope, context) } ?? .null
                    read.scope.values[slot] = v
                    if !v.isEmpty { out.append(p.id, v.json, position: read.positions[slot]) }
                case .repeat:
                    let (v, stored) = validateRepeat(p, read.raw(slot), read.items.first { $0.slot == slot }?.items ?? [], read.scope.values, &report)
                    read.scope.values[slot] = v
                    if let stored { out.append(p.id, stored, position: read.positions[slot]) }
                default:
                    self.check(p, path: p.id, value: read.scope.values[slot], raw: read.raw(slot), scope: read.scope, into: &check)
                    record(check, p, &report)
                    if check.passed, let s = check.stored {
                        // A format may have normalised it (then it is no longer the answer as given).
                        if p.format != nil && !check.keepsRaw { read.scope.values[slot] = check.value }
                        out.append(p.id, s, position: read.positions[slot], isGiven: check.keepsRaw)
                    } else {
                        read.scope.values[slot] = .null
                        if !check.passed, let r = read.raw(slot) { out.append(p.id, r, position: read.positions[slot], isGiven: true) }
                    }
                }
            }
        }
        for c in form.checks where !isTrue(c.rule, read.scope) {
            let msg = messages.resolve(c.message, form: form, values: read.scope.valuesByID(plan, within: nil))
            for t in c.fields.isEmpty ? [c.id] : c.fields {
                let i = ValidationIssue(field: t, code: c.severity == .error ? .check : .warning, message: msg)
                if c.severity == .error { report.errors.append(i) } else { report.warnings.append(i) }
            }
        }
        report.answers = .object(out.object)
        return report
    }

    private func isTrue(_ e: Expression, _ scope: SlotScope) -> Bool {
        Evaluator.evaluate(e, scope, context).truthy
    }

    /// The given answers by slot: coerced (so that expressions can read
    /// answers that come later in the form) and where each is in the answers
    /// object. Positions, not `[JSONValue?]`: an array of optionals is
    /// destroyed element by element through the runtime's generic witnesses.
    struct Answers {
        let given: JSONObject
        /// The values by slot, in the one scope every check of the pass reads.
        var scope: SlotScope
        /// Position in `given.pairs`, -1 when not given.
        var positions: [Int]
        /// Each given repeat's items, read once (a form has few repeats).
        var items: [(slot: Int, items: [CoercedItem])] = []

        func raw(_ slot: Int) -> JSONValue? {
            let i = positions[slot]
            // Not `i >= 0 ? … : nil`: JSONValue takes a nil literal, so the
            // ternary would give `.some(.null)`, an answer given as null.
            guard i >= 0 else { return nil }
            return given.pairs[i].value
        }
    }

    /// Reads every given answer once; unknown keys are reported here.
    private func readAll(_ given: JSONObject, _ report: inout ValidationReport) -> Answers {
        let n = plan.fields.count
        var a = Answers(given: given, scope: SlotScope(values: Self.nulls(n)), positions: Array(repeating: -1, count: n))
        var next = 0
        for (i, (key, v)) in given.pairs.enumerated() {
            guard let slot = plan.slot(key, hint: next) else { report.errors.append(unknown(key, key)); continue }
            next = slot + 1
            let p = plan.fields[slot]
            a.positions[slot] = i
            if p.type == .repeat {
                guard case .array(let list) = v else { continue }
                let coerced = list.map { coerceItem($0.objectValue ?? JSONObject(), p) }
                a.scope.values[slot] = .list(coerced.map { .list($0.values) })
                a.items.append((slot, coerced))
            } else {
                if case .value(let x) = Coercion.coerce(v, p) { a.scope.values[slot] = x }
            }
        }
        return a
    }

    /// `n` nulls. `Array(repeating:count:)` copies its element through an
    /// outlined copy per slot (≈ 45 instructions each, twice per dossier).
    static func nulls(_ n: Int) -> [Value] {
        [Value](unsafeUninitializedCapacity: n) { buffer, count in
            buffer.initialize(repeating: .null)
            count = n
        }
    }

    /// One repeat item read once: its coerced values and raw answers by
    /// inner field position.
    struct CoercedItem {
        let object: JSONObject
        var values: [Value]
        /// Position in `object.pairs`, -1 when not given.
        var positions: [Int]
        var unknownKeys: [String] = []

        func raw(_ n: Int) -> JSONValue? {
            let i = positions[n]
            guard i >= 0 else { return nil }  // see Answers.raw
            return object.pairs[i].value
        }
    }

    private func coerceItem(_ obj: JSONObject, _ p: FieldPlan) -> CoercedItem {
        let n = p.inner.count
        var item = CoercedItem(object: obj, values: Self.nulls(n), positions: Array(repeating: -1, count: n))
        var next = 0
        for (position, (k, x)) in obj.pairs.enumerated() {
            guard let i = p.innerPosition(k, hint: next) else { item.unknownKeys.append(k); continue }
            next = i + 1
            if case .value(let c) = Coercion.coerce(x, p.inner[i]) { item.values[i] = c }
            item.positions[i] = position
        }
        return item
    }

    private func validateRepeat(_ p: FieldPlan, _ given: JSONValue?, _ pre: [CoercedItem],
                                _ values: [Value], _ report: inout ValidationReport) -> (Value, JSONValue?) {
        let rid = p.id
        var check = AnswerCheck(stored: nil, value: .null)
        self.check(p, path: rid, value: values[p.slot], raw: given, scope: SlotScope(values: values), into: &check)
        if let e = check.error { report.errors.append(e) }
        guard case .array(let items)? = given else { return (.null, nil) }
        var rows: [Value] = []
        var stored: [JSONValue] = []
        rows.reserveCapacity(items.count)
        stored.reserveCapacity(items.count)
        var same = true  // every item stored as given: store the given list itself
        for (i, item) in items.enumerated() {
            guard case .object(let obj) = item else { same = false; continue }
            let coerced: CoercedItem
            if i < pre.count { coerced = pre[i] } else { coerced = coerceItem(obj, p) }
            for k in coerced.unknownKeys { report.errors.append(unknown("\(rid)[\(i)].\(k)", k)) }
            var scope = SlotScope(values: values, item: coerced.values)
            var itemOut = DossierOutput(given: obj)
            for ip in p.inner {
                let n = ip.slot
                func path() -> String { "\(rid)[\(i)].\(ip.id)" }
                let relevant = ip.relevant.map { Evaluator.evaluate($0, scope, context).truthy } ?? true
                guard relevant else { scope.item![n] = .null; continue }
                let raw = coerced.raw(n)
                switch ip.type {
                case .note: if raw != nil { report.errors.append(issue(path(), .type, messages.text("validation.type.note"))) }
                case .calculate:
                    let v = ip.expression.map { Evaluator.evaluate($0, scope, context) } ?? .null
                    scope.item![n] = v
                    if !v.isEmpty { itemOut.append(ip.id, v.json, position: coerced.positions[n]) }
                default:
                    self.check(ip, path: path(), value: scope.item![n], raw: raw, scope: scope, into: &check)
                    record(check, ip, &report)
                    if check.passed, let s = check.stored {
                        if ip.format != nil && !check.keepsRaw { scope.item![n] = check.value }  // as above
                        itemOut.append(ip.id, s, position: coerced.positions[n], isGiven: check.keepsRaw)
                    } else {
                        if case .null = scope.item![n] {} else { scope.item![n] = .null }
                        if !check.passed, let r = raw { itemOut.append(ip.id, r, position: coerced.positions[n], isGiven: true) }
                    }
                }
            }
            rows.append(.list(scope.item!))
            let kept = itemOut.object
            if !kept.sharesStorage(with: obj) { same = false }  // stored as given, in the given order
            stored.append(.object(kept))
        }
        return (.list(rows), same ? given : .array(stored))
    }

    private func record(_ c: AnswerCheck, _ p: FieldPlan, _ report: inout ValidationReport) {
        if case .some(let e) = c.error { report.errors.append(e); return }
        if case .some(let w) = c.warning { report.warnings.append(w) }
        guard let format = p.format, case .string(let s)? = c.stored else { return }
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
