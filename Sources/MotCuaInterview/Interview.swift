import MotCuaForms

/// Where the interview stands: on a top-level field (a question, a note or a
/// repeat's list), on a field of one repeat item, or on the review.
public enum Cursor: Sendable, Equatable, Hashable {
    case field(String)
    case item(repeat: String, index: Int, field: String)
    case review
}

/// One interview of one form: the answers so far and what is asked now.
/// A value type with pure transitions — no terminal, no disk — shared by the
/// ncurses kiosk and the plain line mode; tests walk it step by step.
///
/// Answers of fields that become irrelevant stay in `answers` (the draft) and
/// come back if the field becomes relevant again; `dossierAnswers()` leaves
/// them out. Cost per transition is one pass over the top-level fields plus
/// the current repeat item: it does not grow with the number of items.
public struct Interview: Sendable {
    public let form: Form
    public let validator: Validator
    /// The draft: every confirmed answer by field id; a repeat is a list of item objects.
    public internal(set) var answers: JSONObject
    public internal(set) var cursor: Cursor
    /// Repeats the person has said are complete.
    public internal(set) var finishedRepeats: Set<String>
    /// First typing of a `confirm` field, waiting for the second.
    public internal(set) var pendingConfirm: JSONValue?
    /// Set when editing from the review: the next accepted answer returns there.
    public internal(set) var returnToReview = false

    // Caches kept in step with `answers` (see `refresh`).
    var coerced: [String: Value] = [:]
    var itemValues: [String: [Value]] = [:]
    /// Top-level values with irrelevant fields removed and calculations done: what expressions see.
    public internal(set) var values: [String: Value] = [:]
    public internal(set) var relevant: [String: Bool] = [:]
    var pageRelevant: [Bool] = []
    /// Field ids of the top level in document order, with their page.
    let order: [(page: Int, id: String)]
    let position: [String: Int]

    public init(form: Form, validator: Validator, answers: JSONObject = JSONObject(), finishedRepeats: Set<String> = []) {
        self.form = form
        self.validator = validator
        self.answers = answers
        self.finishedRepeats = finishedRepeats
        var o: [(Int, String)] = []
        for (p, page) in form.pages.enumerated() { for f in page.fields { o.append((p, f.id)) } }
        order = o
        position = Dictionary(o.enumerated().map { ($1.1, $0) }, uniquingKeysWith: { a, _ in a })
        cursor = .review
        for (k, v) in answers.pairs { cache(k, v) }
        refresh()
        cursor = firstUnanswered() ?? .review
    }

    // MARK: - Caches

    mutating func cache(_ id: String, _ v: JSONValue?) {
        guard let f = form.field(id), form.fieldIndex[id] != nil else { return }
        if f.type == .repeat {
            let items = v?.arrayValue ?? []
            itemValues[id] = items.map { .item(coerceItem($0.objectValue ?? JSONObject(), f)) }
            return
        }
        if let v, case .value(let x, _) = coerce(v, f) { coerced[id] = x } else { coerced[id] = nil }
    }

    func coerce(_ v: JSONValue, _ f: Field) -> CoercedAnswer {
        // Stored answers are already normalised: a light conversion suffices.
        Value(stored: v, type: f.type).map { .value($0, v) } ?? .empty
    }

    enum CoercedAnswer { case value(Value, JSONValue), empty }

    func coerceItem(_ obj: JSONObject, _ rep: Field) -> [String: Value] { Interview.coerceItem(obj, rep) }

    static func coerceItem(_ obj: JSONObject, _ rep: Field) -> [String: Value] {
        var m: [String: Value] = [:]
        for inner in rep.fields {
            if let v = obj[inner.id], let x = Value(stored: v, type: inner.type) { m[inner.id] = x }
        }
        return m
    }

    /// Recomputes relevance and calculations over the top level, in document order.
    mutating func refresh() {
        var vals = coerced
        for (rid, items) in itemValues { vals[rid] = .list(items) }
        let settled = Interview.settle(form, vals, validator.context)
        values = settled.values
        relevant = settled.relevant
        pageRelevant = settled.pageRelevant
    }

    /// Relevance and calculations over the top level in document order, from
    /// the coerced answers: the one place that knows what expressions see.
    /// `only` (page and field positions in document order, closed under what
    /// their relevance and calculations read, as `FeePlan` makes it) limits
    /// the work to those fields: the others are neither evaluated nor marked,
    /// so only `values` of those fields are meaningful. Fields are read in
    /// place by position (copying each Field was a sixth of a fee's cost).
    static func settle(_ form: Form, _ start: [String: Value], _ context: EvaluationContext,
                       only: [(page: Int, fields: [Int])]? = nil) -> (values: [String: Value], relevant: [String: Bool], pageRelevant: [Bool]) {
        var vals = start
        var rel: [String: Bool] = [:]
        rel.reserveCapacity(only?.reduce(0) { $0 + $1.fields.count } ?? form.pages.reduce(0) { $0 + $1.fields.count })
        var pageRelevant = form.pages.map { _ in true }
        func page(_ p: Int, _ fields: some Sequence<Int>) {
            let pr = form.pages[p].relevant.map { Evaluator.evaluate($0, Scope(values: vals), context).truthy } ?? true
            pageRelevant[p] = pr
            for i in fields {
                let id = form.pages[p].fields[i].id
                let r = pr && (form.pages[p].fields[i].relevant.map { Evaluator.evaluate($0, Scope(values: vals), context).truthy } ?? true)
                rel[id] = r
                if !r { vals[id] = nil; continue }
                if form.pages[p].fields[i].type == .calculate {
                    vals[id] = form.pages[p].fields[i].expression.map { Evaluator.evaluate($0, Scope(values: vals), context) } ?? .null
                }
            }
        }
        if let only {
            for (p, fields) in only { page(p, fields) }
        } else {
            for p in form.pages.indices { page(p, form.pages[p].fields.indices) }
        }
        return (vals, rel, pageRelevant)
    }

    // MARK: - Reading

    /// The field under the cursor (nil on the review).
    public var currentField: Field? {
        switch cursor {
        case .field(let id): return form.field(id)
        case .item(_, _, let id): return form.field(id)
        case .review: return nil
        }
    }

    /// The scope expressions see at the cursor (the current item for repeat fields).
    public var currentScope: Scope {
        if case .item(let rid, let i, _) = cursor, let items = itemValues[rid], i < items.count, case .item(let m) = items[i] {
            return Scope(values: values, item: m)
        }
        return Scope(values: values)
    }

    /// The stored answer under the cursor.
    public var currentAnswer: JSONValue? {
        switch cursor {
        case .field(let id): return answers[id]
        case .item(let rid, let i, let id):
            guard let items = answers[rid]?.arrayValue, i < items.count else { return nil }
            return items[i][id]
        case .review: return nil
        }
    }

    /// The answer to offer when the field has none yet: its `default`.
    public var suggestedAnswer: JSONValue? {
        guard let f = currentField, currentAnswer == nil else { return nil }
        switch f.defaultValue {
        case .literal(.string("today"))? where f.type == .date: return .string(validator.context.today.iso)
        case .literal(let v)?: return v
        case .expression(let e)?:
            let v = Evaluator.evaluate(e, currentScope, validator.context)
            return v.isEmpty ? nil : v.json
        case nil: return nil
        }
    }

    /// Whether a top-level field is asked now.
    public func isRelevant(_ id: String) -> Bool { relevant[id] ?? false }

    /// Whether a field of a repeat item is asked now.
    public func isRelevant(item index: Int, of rid: String, field: Field) -> Bool {
        guard isRelevant(rid) else { return false }
        guard let e = field.relevant else { return true }
        guard let items = itemValues[rid], index < items.count, case .item(let m) = items[index] else { return false }
        return Evaluator.evaluate(e, Scope(values: values, item: m), validator.context).truthy
    }

    /// Number of items of a repeat.
    public func itemCount(_ rid: String) -> Int { answers[rid]?.arrayValue?.count ?? 0 }

    /// A form text in the interview's language with `${field}` filled in.
    public func text(_ t: LocalizedText?) -> String {
        guard let t else { return "" }
        var vals = values
        if case .item(let rid, let i, _) = cursor, let items = itemValues[rid], i < items.count, case .item(let m) = items[i] {
            vals.merge(m) { _, b in b }
        }
        return validator.messages.resolve(t, form: form, values: vals)
    }

    /// The item label of a repeat (`itemLabel`, `${index}` 1-based).
    public func itemLabel(_ rid: String, _ index: Int) -> String {
        guard let f = form.field(rid) else { return "" }
        var vals = values
        vals["index"] = .number(Double(index + 1))
        if let items = itemValues[rid], index < items.count, case .item(let m) = items[index] { vals.merge(m) { _, b in b } }
        let template = f.itemLabel ?? LocalizedText("#${index}")
        return validator.messages.resolve(template, form: form, values: vals)
    }
}
