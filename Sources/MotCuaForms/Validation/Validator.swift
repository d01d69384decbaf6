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
        let today = context.today
        var read = ReadAnswers(given, plan.top, today: today)
        for key in read.unknownKeys { report.errors.append(unknown(key, key)) }
        // Every repeat's items read once, so that expressions can see them before their turn.
        var items: [(slot: Int, items: [ReadAnswers])] = []
        for slot in plan.repeatSlots {
            let p = plan.fields[slot]
            guard case .array(let list)? = read.raw(slot) else { continue }
            let rows = list.map { ReadAnswers($0.objectValue ?? JSONObject(), p.inner, today: today) }
            // Only a list coercion took (every item an object) becomes the repeat's
            // value; otherwise it stays null, and `check` reports the list's type.
            if case .list = read.values[slot] { read.values[slot] = .list(rows.map { .list($0.values) }) }
            items.append((slot, rows))
        }
        // Moved into the scope, so that its array is the only one and changes in place.
        var scope = SlotScope(values: read.values)
        read.values = []
        var out = DossierOutput(given: given)
        var check = AnswerCheck(stored: nil, value: .null)
        for page in plan.pages {
            let pageRelevant = page.relevant.map { isTrue($0, scope) } ?? true
            for slot in page.slots {
                plan.top.withPlan(slot) { p in
                    guard pageRelevant, isRelevant(p, scope) else { scope.clear(p); return }
                    if p.type == .repeat {
                        let rows = items.first { $0.slot == slot }?.items ?? []
                        let (v, stored) = validateRepeat(p, read.raw(slot), rows, scope.values, &report)
                        scope[p] = v
                        if let stored { out.append(p.id, stored, position: read.given[slot].position) }
                    } else {
                        validateField(p, in: nil, position: read.given[slot].position, accepted: read.given[slot].accepted, &scope, &check, &out, &report)
                    }
                }
            }
        }
        for c in form.checks where !scope.readsRefusedAnswer(c.rule) && !isTrue(c.rule, scope) {
            let msg = messages.resolve(c.message, form: form, values: scope.valuesByID(plan, within: nil))
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

    private func isRelevant(_ p: FieldPlan, _ scope: SlotScope) -> Bool {
        p.relevant.map { isTrue($0, scope) } ?? true
    }

    /// One relevant field that is not a repeat, top-level or inside an item:
    /// a note refuses an answer, a calculation is computed, anything else is
    /// checked. Its value is left in `scope` (null unless valid) and what the
    /// dossier keeps goes to `out` (a refused answer is kept as given).
    /// `item` is the repeat item it is in (nil at the top level), `position`
    /// where its answer sits in `out.given` (-1 when none was), `accepted`
    /// that answer's verdict from `ReadAnswers`, passed alone: passing the
    /// whole `ReadAnswers` retained and released its arrays on every call.
    /// The answer itself is read only when `check` has to look at it.
    @inline(__always)  // every answer of every item goes through it: 3% on a 50-item repeat
    private func validateField(_ p: FieldPlan, in item: ItemPath?, position: Int, accepted: Bool, _ scope: inout SlotScope,
                               _ check: inout AnswerCheck, _ out: inout DossierOutput, _ report: inout ValidationReport) {
        // Built only when there is something to say: a thousand string formats a dossier otherwise.
        func path() -> String { item.map { "\($0.repeatID)[\($0.index)].\(p.id)" } ?? p.id }
        switch p.type {
        case .note:
            if position >= 0 { report.errors.append(issue(path(), .type, messages.text("validation.type.note"))) }
        case .calculate:
            let v = p.expression.map { Evaluator.evaluate($0, scope, context) } ?? .null
            scope[p] = v
            if !v.isEmpty { out.append(p.id, v.json, position: position) }
        default:
            if accepted && (!p.checksBounds || rangeIssue(p, scope[p], scope) == nil) {
                // Valid as given, and the value `ReadAnswers` put in `scope` is the answer itself.
                if let format = p.format { notePersonal(format, scope[p], &report) }
                out.appendGiven(p.id, position: position)
                return
            }
            let raw = position >= 0 ? out.given.pairs[position].value : nil
            self.check(p, path: path(), value: scope[p], raw: raw, scope: scope, into: &check)
            record(check, p, &report)
            if check.error != nil && item == nil { scope.refused.insert(p.slot) }
            if check.passed, let s = check.stored {
                // A format may have normalised it (then it is no longer the answer as given).
                if p.format != nil && !check.keepsRaw { scope[p] = check.value }
                out.append(p.id, s, position: position, isGiven: check.keepsRaw)
            } else {
                scope.clear(p)
                if !check.passed, let r = raw { out.append(p.id, r, position: position, isGiven: true) }
            }
        }
    }

    private func validateRepeat(_ p: FieldPlan, _ given: JSONValue?, _ pre: [ReadAnswers],
                                _ values: [Value], _ report: inout ValidationReport) -> (Value, JSONValue?) {
        let rid = p.id
        var check = AnswerCheck(stored: nil, value: .null)
        self.check(p, path: rid, value: values[p.slot], raw: given, scope: SlotScope(values: values), into: &check)
        if let e = check.error { report.errors.append(e) }
        guard case .array(let items)? = given else { return (.null, nil) }
        var rows: [Value] = []
        rows.reserveCapacity(items.count)
        // The items as stored, built only from the first that is not stored
        // as given (in the given order); until then the given list itself is.
        var stored: [JSONValue]?
        func differs(at i: Int) {
            if stored == nil { stored = Array(items[..<i]); stored!.reserveCapacity(items.count) }
        }
        // `pre` holds one reading per item (`validate` read them from this
        // very list), read in place: a copy of each reading retained and
        // released its four members.
        assert(pre.count == items.count)
        for i in items.indices {
            guard case .object = items[i] else { differs(at: i); continue }
            for k in pre[i].unknownKeys { report.errors.append(unknown("\(rid)[\(i)].\(k)", k)) }
            var scope = SlotScope(values: values, item: pre[i].values)
            var itemOut = DossierOutput(given: pre[i].object)
            for slot in 0..<p.inner.count {
                p.inner.withPlan(slot) { ip in
                    guard isRelevant(ip, scope) else { scope.clear(ip); return }
                    let given = pre[i].given[slot]
                    validateField(ip, in: ItemPath(repeatID: rid, index: i), position: given.position, accepted: given.accepted,
                                  &scope, &check, &itemOut, &report)
                }
            }
            rows.append(.list(scope.item.take()!))
            let kept = itemOut.object
            if !kept.sharesStorage(with: pre[i].object) { differs(at: i) }
            stored?.append(.object(kept))
        }
        return (.list(rows), stored.map { .array($0) } ?? given)
    }

    private func record(_ c: AnswerCheck, _ p: FieldPlan, _ report: inout ValidationReport) {
        if case .some(let e) = c.error { report.errors.append(e); return }
        if case .some(let w) = c.warning { report.warnings.append(w) }
        if let format = p.format, let s = c.stored { notePersonal(format, s, &report) }
    }

    /// Names and ID numbers, which the store keeps out of its logs and indexes for search.
    private func notePersonal(_ format: TextFormat, _ stored: JSONValue, _ report: inout ValidationReport) {
        guard case .string(let s) = stored else { return }
        notePersonal(format, s, &report)
    }

    private func notePersonal(_ format: TextFormat, _ stored: Value, _ report: inout ValidationReport) {
        guard case .string(let s) = stored else { return }
        notePersonal(format, s, &report)
    }

    private func notePersonal(_ format: TextFormat, _ s: String, _ report: inout ValidationReport) {
        switch format {
        case .name: report.personalNames.append(s)
        case .cccd, .cmnd: report.personalIDs.append(s)
        case .phone: report.phones.append(s)
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

/// Where an inner field's answer sits: item `index` of the repeat `repeatID`.
private struct ItemPath {
    let repeatID: String
    let index: Int
}
