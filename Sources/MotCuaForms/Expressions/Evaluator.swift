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

/// Evaluates a resolved tree. Never throws and never traps: what cannot be
/// computed (a null, a division by zero, a bad date) gives null, as the spec's null rules say.
public enum Evaluator {
    public static func evaluate(_ e: Expression, _ scope: Scope, _ ctx: EvaluationContext) -> Value {
        eval(e.root, scope, ctx)
    }

    /// The same over any kind of scope (the validator's answers by slot).
    static func evaluate<S: ExpressionScope>(_ e: Expression, _ scope: S, _ ctx: EvaluationContext) -> Value {
        eval(e.root, scope, ctx)
    }

    static func eval<S: ExpressionScope>(_ node: Node, _ s: S, _ ctx: EvaluationContext) -> Value {
        switch node {
        case .literal(let v, _): return v
        case .ref(let r, _): return s.value(of: r)
        case .unary(.not, let n, _): return .bool(!eval(n, s, ctx).truthy)
        case .unary(.negate, let n, _):
            if case .number(let d) = eval(n, s, ctx), d.isFinite { return .number(-d) }
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
        let r: Double
        switch op {
        case .add: r = a + b
        case .sub: r = a - b
        case .mul: r = a * b
        case .div: guard b != 0 else { return .null }; r = a / b
        default: return .null
        }
        // An overflow is null, as a division by zero: see `finite`.
        return r.isFinite ? .number(r) : .null
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
