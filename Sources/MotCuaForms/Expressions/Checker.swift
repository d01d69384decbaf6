/// A problem found in an expression before any answer exists.
public struct ExpressionProblem: Sendable, Equatable {
    public let column: Int
    public let message: String
}

/// Where an expression sits, which decides what its names may mean.
public struct ExpressionSite: Sendable {
    /// The repeat the expression belongs to, if any: bare ids may name its fields.
    public var repeatID: String?
    /// The type of `.` where `.` is allowed (constraints, warnings), else nil.
    public var dotType: StaticType?
    /// Whether `option.ATTR` is allowed (filters).
    public var allowsOption = false

    public init(repeatID: String? = nil, dotType: StaticType? = nil, allowsOption: Bool = false) {
        self.repeatID = repeatID; self.dotType = dotType; self.allowsOption = allowsOption
    }
}

/// The form's names as the checker sees them.
public struct FieldTable: Sendable {
    public struct Entry: Sendable {
        public var type: FieldType
        public var repeatID: String?
        public var valueType: StaticType
        /// Position in `Form.topLevelFields`, or in the repeat's fields for an inner field.
        public var slot: Int
    }
    public var entries: [String: Entry] = [:]

    public init() {}
}

/// Resolves names against the form and infers types, reporting every problem
/// with its column: unknown fields and functions, arity, static type mismatches.
public struct ExpressionChecker {
    let table: FieldTable
    let site: ExpressionSite
    var problems: [ExpressionProblem] = []

    public static func check(_ root: Node, table: FieldTable, site: ExpressionSite) -> (Node, StaticType, [ExpressionProblem]) {
        var c = ExpressionChecker(table: table, site: site)
        let (node, type) = c.visit(root)
        return (node, type, c.problems)
    }

    private mutating func fail(_ col: Int, _ message: String) { problems.append(ExpressionProblem(column: col, message: message)) }

    private mutating func visit(_ node: Node) -> (Node, StaticType) {
        switch node {
        case .literal(let v, _):
            switch v {
            case .null: return (node, .null)
            case .bool: return (node, .boolean)
            case .number: return (node, .number)
            case .string: return (node, .string)
            default: return (node, .any)
            }
        case .ref(let r, let col): return resolve(r, col)
        case .unary(let op, let inner, let col):
            let (n, t) = visit(inner)
            if op == .not {
                if !t.fits(.boolean) { fail(inner.col, "'not' needs a true/false value, found \(t)") }
                return (.unary(op, n, col: col), .boolean)
            }
            if !t.fits(.number) { fail(inner.col, "'-' needs a number, found \(t)") }
            return (.unary(op, n, col: col), .number)
        case .binary(let op, let a, let b, let col):
            let (na, ta) = visit(a), (nb, tb) = visit(b)
            let out = Node.binary(op, na, nb, col: col)
            switch op {
            case .and, .or:
                if !ta.fits(.boolean) { fail(a.col, "'\(op.rawValue)' needs true/false values, found \(ta)") }
                if !tb.fits(.boolean) { fail(b.col, "'\(op.rawValue)' needs true/false values, found \(tb)") }
                return (out, .boolean)
            case .add, .sub, .mul, .div:
                if !ta.fits(.number) || !tb.fits(.number) {
                    let hint = (ta == .date || tb == .date) ? " (use add_days, days or months for dates)"
                        : (ta == .string || tb == .string) ? " (use concat() to join texts)" : ""
                    fail(col, "'\(op.rawValue)' needs numbers, found \(ta) and \(tb)\(hint)")
                }
                return (out, .number)
            default:
                if !comparable(ta, tb, a, b) { fail(col, "cannot compare \(ta) with \(tb)") }
                return (out, .boolean)
            }
        case .call(let name, let args, let col):
            guard let sig = Builtins.table[name] else {
                fail(col, "unknown function '\(name)()'")
                return (node, .any)
            }
            let arityOK = args.count >= sig.minArgs && args.count <= sig.maxArgs
            if !arityOK {
                let want = sig.minArgs == sig.maxArgs ? "\(sig.minArgs)" : sig.maxArgs == Builtins.variadic ? "at least \(sig.minArgs)" : "\(sig.minArgs) to \(sig.maxArgs)"
                fail(col, "\(name)() takes \(want) argument\(want == "1" ? "" : "s"), found \(args.count)")
            }
            var nodes: [Node] = [], types: [StaticType] = []
            for (k, a) in args.enumerated() {
                let (n, t) = visit(a)
                nodes.append(n); types.append(t)
                guard arityOK, !sig.params.isEmpty else { continue }
                var want = sig.params[min(k, sig.params.count - 1)]
                if name == "date" { want = .any }
                if want == .date, t == .string, case .literal(.string(let s), _) = a, CalendarDate.parseISO(s) != nil { continue }
                if !t.fits(want) { fail(a.col, "argument \(k + 1) of \(name)() should be \(want), found \(t)") }
            }
            if name == "label" {
                if case .ref(.field(let f, _), _) = nodes.first ?? .literal(.null, col: 0), let e = table.entries[f], e.type == .choice || e.type == .multichoice {
                } else if case .ref(.sibling(let f, _), _) = nodes.first ?? .literal(.null, col: 0), let e = table.entries[f], e.type == .choice || e.type == .multichoice {
                } else { fail(args.first?.col ?? col, "label() takes a choice field") }
            }
            if name == "matches", args.count == 2, case .literal(.string(let p), let pc) = args[1], (try? Pattern(p)) == nil {
                fail(pc, "the regular expression '\(p)' does not compile")
            }
            // A signature's result reads its arguments' types by position: only when their number is right.
            return (.call(name, nodes, col: col), arityOK ? sig.result(types) : .any)
        }
    }

    private func comparable(_ a: StaticType, _ b: StaticType, _ na: Node, _ nb: Node) -> Bool {
        if a.fits(b) || b.fits(a) { return true }
        // A date compared with an ISO date literal is fine: `ngay > '2025-07-01'`.
        if a == .date, b == .string, case .literal(.string(let s), _) = nb { return CalendarDate.parseISO(s) != nil }
        if b == .date, a == .string, case .literal(.string(let s), _) = na { return CalendarDate.parseISO(s) != nil }
        return false
    }

    private mutating func resolve(_ r: Reference, _ col: Int) -> (Node, StaticType) {
        if r == .dot {
            guard let t = site.dotType else {
                fail(col, "'.' (the answer under test) can only be used in a field's constraint or warning")
                return (.ref(r, col: col), .any)
            }
            return (.ref(r, col: col), t)
        }
        guard case .name(let parts) = r else { return (.ref(r, col: col), .any) }
        let first = parts[0]
        if parts.count == 1 {
            if let e = table.entries[first] {
                if let rep = e.repeatID {
                    if rep == site.repeatID { return (.ref(.sibling(first, slot: e.slot), col: col), e.valueType) }
                    fail(col, "field '\(first)' is inside repeat '\(rep)': outside it write \(rep).\(first) (the list of its answers)")
                    return (.ref(r, col: col), .any)
                }
                return (.ref(.field(first, slot: e.slot), col: col), e.valueType)
            }
            fail(col, "unknown field '\(first)'")
            return (.ref(r, col: col), .any)
        }
        if first == "option" && parts.count == 2 && table.entries["option"] == nil {
            if !site.allowsOption { fail(col, "'option.\(parts[1])' can only be used in a filter") }
            return (.ref(.option(parts[1]), col: col), .string)
        }
        if parts.count == 2, let e = table.entries[first], e.type == .repeat {
            guard let inner = table.entries[parts[1]], inner.repeatID == first else {
                fail(col, "repeat '\(first)' has no field '\(parts[1])'")
                return (.ref(r, col: col), .any)
            }
            return (.ref(.column(repeat: first, field: parts[1], slot: e.slot, inner: inner.slot), col: col), .list(inner.valueType))
        }
        if table.entries[first] == nil { fail(col, "unknown field '\(first)'") } else { fail(col, "'\(parts.joined(separator: "."))': only a repeat's fields can be named with '.'") }
        return (.ref(r, col: col), .any)
    }
}
