/// What an expression can read at one place of the form: answers, `.` and
/// `option`. The evaluator is generic over it so that the whole-dossier
/// validator can keep answers in arrays by slot (`SlotScope`) while front ends
/// keep them by id (`Scope`), with one evaluator for both.
protocol ExpressionScope {
    /// The value a resolved reference names here (null when there is none).
    func value(of reference: Reference) -> Value
    /// `.`, the answer under test.
    var dot: Value { get set }
    /// `option`, the option a filter is looking at.
    var option: Option? { get set }
    /// Answers by id (the current repeat item's merged in), for `${field}` in
    /// messages: asked only when a message is shown.
    func valuesByID(_ plan: ValidationPlan?, within repeatSlot: Int?) -> [String: Value]
    /// Whether `e` reads an answer that was refused in this pass: such a rule is not
    /// evaluated (one impossible date must not bring follow-on errors about it).
    func readsRefusedAnswer(_ e: Expression) -> Bool
}

extension ExpressionScope {
    /// A front end's scope holds only accepted answers.
    func readsRefusedAnswer(_ e: Expression) -> Bool { false }
}

/// The values an expression can see at one place of the form, by field id.
public struct Scope: Sendable, ExpressionScope {
    /// Top-level answers by field id (a repeat is a list of items).
    public var values: [String: Value]
    /// The current repeat item, for bare sibling ids.
    public var item: [String: Value]?
    /// `.`, the answer under test.
    public var dot: Value
    /// `option`, the option a filter is looking at.
    public var option: Option?

    public init(values: [String: Value], item: [String: Value]? = nil, dot: Value = .null, option: Option? = nil) {
        self.values = values; self.item = item; self.dot = dot; self.option = option
    }

    func value(of r: Reference) -> Value {
        switch r {
        case .field(let id, _): return values[id] ?? .null
        case .sibling(let id, _): return item?[id] ?? .null
        case .column(let rep, let f, _, _):
            guard case .list(let items) = values[rep] ?? .null else { return .list([]) }
            return .list(items.map { if case .item(let m) = $0 { return m[f] ?? .null } else { return .null } })
        case .dot: return dot
        case .option(let attr): return option?.attribute(attr) ?? .null
        case .name(let parts): return item?[parts[0]] ?? values[parts[0]] ?? .null
        }
    }

    func valuesByID(_ plan: ValidationPlan?, within repeatSlot: Int?) -> [String: Value] {
        guard let item else { return values }
        return values.merging(item) { _, b in b }
    }
}

extension Option {
    /// `option.value` or another attribute of the option, for filters.
    func attribute(_ name: String) -> Value? {
        if name == "value" { return .string(value) }
        return attributes[name].map(Value.string)
    }
}
