import Foundation

/// What an evaluation may read besides answers: the clock (injected, in the
/// kiosk's time zone) and, for `label()`, the form in a language.
public struct EvaluationContext: Sendable {
    public var today: CalendarDate
    public var language: String
    public var form: Form?

    public init(today: CalendarDate, language: String = "vi", form: Form? = nil) {
        self.today = today; self.language = language; self.form = form
    }

    /// Today in a time zone (the kiosk's, Asia/Ho_Chi_Minh by default).
    public static func today(in timeZone: TimeZone? = TimeZone(identifier: "Asia/Ho_Chi_Minh"), now: Date = Date()) -> CalendarDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// The values an expression can see at one place of the form.
public struct Scope: Sendable {
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
}

/// Evaluates a resolved tree. Never throws and never traps: what cannot be
/// computed (a null, a division by zero, a bad date) gives null, as the spec's null rules say.
public enum Evaluator {
    public static func evaluate(_ e: Expression, _ scope: Scope, _ ctx: EvaluationContext) -> Value {
        eval(e.root, scope, ctx)
    }

    static func eval(_ node: Node, _ s: Scope, _ ctx: EvaluationContext) -> Value {
        switch node {
        case .literal(let v, _): return v
        case .ref(let r, _): return lookup(r, s)
        case .unary(.not, let n, _): return .bool(!eval(n, s, ctx).truthy)
        case .unary(.negate, let n, _):
            if case .number(let d) = eval(n, s, ctx) { return .number(-d) }
            return .null
        case .binary(.and, let a, let b, _): return .bool(eval(a, s, ctx).truthy && eval(b, s, ctx).truthy)
        case .binary(.or, let a, let b, _): return .bool(eval(a, s, ctx).truthy || eval(b, s, ctx).truthy)
        case .binary(let op, let a, let b, _):
            if op == .eq || op == .ne {
                // `x = null` / `x != null`, written with the literal, test whether x has a value.
                if b.isNullLiteral || a.isNullLiteral {
                    let other = b.isNullLiteral ? eval(a, s, ctx) : eval(b, s, ctx)
                    return .bool(op == .eq ? other.isEmpty : !other.isEmpty)
                }
            }
            let x = eval(a, s, ctx), y = eval(b, s, ctx)
            if op.isComparison { return compare(op, x, y) }
            return arithmetic(op, x, y)
        case .call(let name, let args, _): return call(name, args, s, ctx)
        }
    }

    static func lookup(_ r: Reference, _ s: Scope) -> Value {
        switch r {
        case .field(let id): return s.values[id] ?? .null
        case .sibling(let id): return s.item?[id] ?? .null
        case .column(let rep, let f):
            guard case .list(let items) = s.values[rep] ?? .null else { return .list([]) }
            return .list(items.map { if case .item(let m) = $0 { return m[f] ?? .null } else { return .null } })
        case .dot: return s.dot
        case .option(let attr):
            guard let o = s.option else { return .null }
            if attr == "value" { return .string(o.value) }
            return o.attributes[attr].map(Value.string) ?? .null
        case .name(let parts): return s.item?[parts[0]] ?? s.values[parts[0]] ?? .null
        }
    }

    static func compare(_ op: BinaryOp, _ x: Value, _ y: Value) -> Value {
        if case .null = x { return .bool(false) }
        if case .null = y { return .bool(false) }
        let order: Int?
        switch (x, y) {
        case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.date(let a), .date(let b)): order = a.dayNumber - b.dayNumber
        case (.date(let a), .string(let b)): order = CalendarDate.parseISO(b).map { a.dayNumber - $0.dayNumber }
        case (.string(let a), .date(let b)): order = CalendarDate.parseISO(a).map { $0.dayNumber - b.dayNumber }
        case (.bool(let a), .bool(let b)): order = a == b ? 0 : (a ? 1 : -1)
        default: order = x == y ? 0 : nil
        }
        guard let o = order else { return .bool(op == .ne) }
        switch op {
        case .eq: return .bool(o == 0)
        case .ne: return .bool(o != 0)
        case .lt: return .bool(o < 0)
        case .le: return .bool(o <= 0)
        case .gt: return .bool(o > 0)
        case .ge: return .bool(o >= 0)
        default: return .null
        }
    }

    static func arithmetic(_ op: BinaryOp, _ x: Value, _ y: Value) -> Value {
        guard case .number(let a) = x, case .number(let b) = y else { return .null }
        switch op {
        case .add: return .number(a + b)
        case .sub: return .number(a - b)
        case .mul: return .number(a * b)
        case .div: return b == 0 ? .null : .number(a / b)
        default: return .null
        }
    }

    /// A date from a date value or ISO text.
    static func asDate(_ v: Value) -> CalendarDate? {
        switch v {
        case .date(let d): return d
        case .string(let s): return CalendarDate.parseISO(s)
        default: return nil
        }
    }
}
