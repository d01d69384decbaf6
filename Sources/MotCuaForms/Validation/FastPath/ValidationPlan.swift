/// A field of the form held by reference, with what the validator reads on
/// every answer copied out of the large `Field` struct: passing `Field` to a
/// function copies it (and retains its dozen references) for every answer of
/// every dossier.
final class FieldPlan: Sendable {
    let field: Field
    let id: String
    let type: FieldType
    /// Position in `ValidationPlan.fields` (top level) or in the repeat's `inner`.
    let slot: Int
    /// The slot of the repeat this field is inside, if any.
    let repeatSlot: Int?
    let relevant: Expression?
    let expression: Expression?
    let required: Requirement
    let multiline: Bool
    let textCase: TextCase?
    let precision: CalendarDate.Precision
    let format: TextFormat?
    let minLength: Int?
    let maxLength: Int?
    let pattern: Pattern?
    let hasConstraintOrWarning: Bool
    /// The option values when there are few: scanned, which costs less than
    /// hashing the answer; nil for long lists, looked up in `field.optionIndex`.
    let fewOptions: [String]?
    /// A repeat's fields (empty for other types).
    let inner: FieldPositions
    /// Nothing but the answer itself decides (no constraint, warning, case
    /// change or option filter): `acceptsAsGiven` may pass it.
    let mayBeAcceptedAsGiven: Bool
    /// A number or date with a `min` or `max` (a bound may name other answers).
    let checksBounds: Bool

    init(_ field: Field, slot: Int, repeatSlot: Int? = nil) {
        self.field = field
        self.slot = slot; self.repeatSlot = repeatSlot
        id = field.id; type = field.type; relevant = field.relevant; expression = field.expression
        required = field.required; multiline = field.multiline; textCase = field.textCase
        precision = field.precision; format = field.format
        minLength = field.minLength; maxLength = field.maxLength; pattern = field.pattern
        hasConstraintOrWarning = field.constraint != nil || field.warning != nil
        fewOptions = field.options.count <= 16 ? field.options.map(\.value) : nil
        inner = FieldPositions(field.fields.enumerated().map { FieldPlan($1, slot: $0, repeatSlot: slot) })
        mayBeAcceptedAsGiven = !hasConstraintOrWarning && textCase == nil && field.filter == nil
        checksBounds = (field.min != nil || field.max != nil) && (type == .integer || type == .decimal || type == .date)
    }

    /// The position of the option whose value is `value`.
    func optionPosition(_ value: String) -> Int? {
        if let fewOptions { return fewOptions.firstIndex(of: value) }
        return field.optionIndex[value]
    }
}

/// Fields in slot order, found by id: the form's top-level fields, or a repeat's.
struct FieldPositions: Sendable {
    let fields: [FieldPlan]
    /// The same plans, unretained: the hot loops read them through
    /// `withPlan`, which lends a plan without a retain and a release (two
    /// atomic operations per field per dossier, about a tenth of a pass).
    /// Safe because `fields` holds every one of them for as long as `self`.
    private let unretained: [Unmanaged<FieldPlan>]
    /// The field ids by slot, compared without touching the plans.
    private let ids: [String]
    private let index: [String: Int]

    init(_ fields: [FieldPlan]) {
        self.fields = fields
        unretained = fields.map { Unmanaged.passUnretained($0) }
        ids = fields.map(\.id)
        index = Dictionary(fields.map { ($0.id, $0.slot) }, uniquingKeysWith: { a, _ in a })
    }

    var count: Int { ids.count }

    /// Calls `body` with the plan of `slot`, lent without retaining it.
    @inline(__always)
    func withPlan<R>(_ slot: Int, _ body: (FieldPlan) throws -> R) rethrows -> R {
        try withExtendedLifetime(fields) { try unretained[slot]._withUnsafeGuaranteedRef(body) }
    }

    /// The slot of the field `key`; `hint` is where the caller expects it
    /// (answers usually come in the form's order: then no hashing at all).
    func slot(of key: String, hint: Int) -> Int? {
        if hint < ids.count, ids[hint] == key { return hint }
        return index[key]
    }
}

/// The form's fields by page and by slot (document order), built once per validator.
struct ValidationPlan: Sendable {
    /// Each page's relevance and the slots of its fields (pages follow one another in slot order).
    let pages: [(relevant: Expression?, slots: Range<Int>)]
    /// The top-level fields in slot order (`Form.topLevelFields`).
    let top: FieldPositions
    /// The slots of the repeats.
    let repeatSlots: [Int]
    var fields: [FieldPlan] { top.fields }

    init(_ form: Form) {
        // Slots from `Form.topLevelFields`, the order the expression checker numbered them in.
        let all = form.topLevelFields.enumerated().map { FieldPlan($1, slot: $0) }
        var start = 0
        pages = form.pages.map { page in
            defer { start += page.fields.count }
            return (page.relevant, start..<start + page.fields.count)
        }
        top = FieldPositions(all)
        repeatSlots = all.filter { $0.type == .repeat }.map(\.slot)
    }
}

/// The answers as the validator keeps them: top-level values by slot, a
/// repeat's value being a list of rows (each a `.list` of values by inner slot).
struct SlotScope: ExpressionScope {
    var values: [Value]
    /// The current repeat item's values by inner slot.
    var item: [Value]?
    var dot: Value = .null
    var option: Option?
    /// Top-level slots whose answer was refused (or is missing) in this pass; empty until one is.
    var refused: Set<Int> = []

    init(values: [Value], item: [Value]? = nil) {
        self.values = values; self.item = item
    }

    /// The value of `p`: a top-level field's, or the current item's for an inner field.
    subscript(_ p: FieldPlan) -> Value {
        get { p.repeatSlot == nil ? values[p.slot] : item![p.slot] }
        set { if p.repeatSlot == nil { values[p.slot] = newValue } else { item![p.slot] = newValue } }
    }

    /// Sets `p`'s value to null, without a write (and a copy of a shared row) when it is null already.
    mutating func clear(_ p: FieldPlan) {
        if case .null = self[p] { return }
        self[p] = .null
    }

    func readsRefusedAnswer(_ e: Expression) -> Bool {
        guard !refused.isEmpty else { return false }
        var reads = false
        e.root.forEachReference { r, _ in
            switch r {
            case .field(_, let slot), .column(_, _, let slot, _): if refused.contains(slot) { reads = true }
            default: break
            }
        }
        return reads
    }

    func value(of r: Reference) -> Value {
        switch r {
        case .field(_, let slot): return slot >= 0 && slot < values.count ? values[slot] : .null
        case .sibling(_, let slot):
            guard let item, slot >= 0, slot < item.count else { return .null }
            return item[slot]
        case .column(_, _, let slot, let inner):
            guard slot >= 0, slot < values.count, case .list(let rows) = values[slot] else { return .list([]) }
            return .list(rows.map { if case .list(let row) = $0, inner >= 0, inner < row.count { return row[inner] } else { return .null } })
        case .dot: return dot
        case .option(let attr): return option?.attribute(attr) ?? .null
        case .name: return .null  // forms that load have every name resolved
        }
    }

    /// Answers by id, repeats as lists of items, the current item's answers
    /// merged in: for `${field}` in a message about to be shown.
    func valuesByID(_ plan: ValidationPlan?, within repeatSlot: Int?) -> [String: Value] {
        guard let plan else { return [:] }
        var out: [String: Value] = [:]
        for (slot, p) in plan.fields.enumerated() where slot < values.count {
            if p.type == .repeat, case .list(let rows) = values[slot] {
                out[p.id] = .list(rows.map { Self.item($0, p) })
            } else if values[slot] != .null {
                out[p.id] = values[slot]
            }
        }
        if let repeatSlot, repeatSlot < plan.fields.count, let item, case .item(let m) = Self.item(.list(item), plan.fields[repeatSlot]) {
            out.merge(m) { _, b in b }
        }
        return out
    }

    private static func item(_ row: Value, _ rep: FieldPlan) -> Value {
        guard case .list(let v) = row else { return .item([:]) }
        var m: [String: Value] = [:]
        for (n, ip) in rep.inner.fields.enumerated() where n < v.count && v[n] != .null { m[ip.id] = v[n] }
        return .item(m)
    }
}
