/// A compiled expression of a form: its source (for messages), where it sits
/// in the file, and its tree with names resolved against the form.
public struct Expression: Sendable {
    public let source: String
    public let jsonPath: String
    public internal(set) var root: Node

    public init(source: String, jsonPath: String, root: Node) {
        self.source = source; self.jsonPath = jsonPath; self.root = root
    }
}

/// What a name in an expression refers to, once resolved against the form.
///
/// Resolved names carry their slot as well as their id: a top-level field's
/// position in `Form.topLevelFields`, an inner field's position in its
/// repeat's `fields`. The validator keeps answers in arrays by slot, so that
/// reading an answer is an index, not a hashed lookup of its id.
public enum Reference: Sendable, Equatable {
    /// Unresolved dotted name as written (`ngay_sinh`, `cu_tru.tu_ngay`, `option.province`).
    case name([String])
    /// A top-level field's answer.
    case field(String, slot: Int)
    /// A field of the same repeat item (a bare id inside a repeat).
    case sibling(String, slot: Int)
    /// `repeat_id.field_id` outside the repeat: the list of that field's answers.
    case column(repeat: String, field: String, slot: Int, inner: Int)
    /// `.`: the answer under test.
    case dot
    /// `option.ATTR` in a filter.
    case option(String)
}

public enum UnaryOp: String, Sendable { case not, negate = "-" }

public enum BinaryOp: String, Sendable {
    case or, and
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case add = "+", sub = "-", mul = "*", div = "/"

    /// A switch, not `[...].contains`: the evaluator asks this on every comparison.
    var isComparison: Bool {
        switch self {
        case .eq, .ne, .lt, .le, .gt, .ge: return true
        default: return false
        }
    }
}

/// A node of the expression tree; `col` is the 1-based column in the source.
public indirect enum Node: Sendable {
    case literal(Value, col: Int)
    case ref(Reference, col: Int)
    case unary(UnaryOp, Node, col: Int)
    case binary(BinaryOp, Node, Node, col: Int)
    case call(String, [Node], col: Int)

    public var col: Int {
        switch self {
        case .literal(_, let c), .ref(_, let c), .unary(_, _, let c), .binary(_, _, _, let c), .call(_, _, let c): return c
        }
    }

    /// Whether this is the literal `null` (for the `x = null` presence test).
    var isNullLiteral: Bool { if case .literal(.null, _) = self { return true } else { return false } }

    /// Every reference in the tree, for dependency graphs.
    func forEachReference(_ body: (Reference, Int) -> Void) {
        switch self {
        case .literal: break
        case .ref(let r, let c): body(r, c)
        case .unary(_, let n, _): n.forEachReference(body)
        case .binary(_, let a, let b, _): a.forEachReference(body); b.forEachReference(body)
        case .call(_, let args, _): for a in args { a.forEachReference(body) }
        }
    }
}

extension Expression {
    /// The top-level field ids this expression reads (a repeat's id for its
    /// columns), so a caller can evaluate only what a result depends on.
    public var topLevelReads: Set<String> {
        var ids: Set<String> = []
        root.forEachReference { r, _ in
            switch r {
            case .field(let id, _): ids.insert(id)
            case .column(let rep, _, _, _): ids.insert(rep)
            case .name(let parts): if let first = parts.first { ids.insert(first) }
            case .sibling, .dot, .option: break
            }
        }
        return ids
    }
}
