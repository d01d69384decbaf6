import MotCuaText

/// A syntax error in an expression, at a 1-based column.
public struct ExpressionSyntaxError: Error, Sendable, Equatable {
    public let column: Int
    public let message: String
}

/// Recursive-descent parser for the expression language. Precedence, loosest
/// first: `or`; `and`; `not`; comparisons; `+ -`; `* /`; unary `-`; atoms.
///
/// Forms come from outside (a bundle's copy, a file handed over on a stick), so
/// the parser has limits: a length, a nesting depth (parentheses, calls, `not`,
/// `-`) and a depth for the whole tree (a chain `a+a+…` is as deep as it is
/// long). The checker, the evaluator and every walk over the tree recurse, so
/// bounding the tree here bounds them all: nothing a form holds can overflow the stack.
public struct ExpressionParser {
    /// Characters in one expression (the longest shipped is under 150).
    public static let maxLength = 4_000
    /// Open parentheses, calls and prefix operators inside each other.
    public static let maxNesting = 64
    /// Depth of the tree, chains of operators included.
    public static let maxDepth = 256

    /// A subtree and its depth (so a chain's depth is known without walking it again).
    private typealias Parsed = (node: Node, depth: Int)

    private enum Token: Equatable {
        case number(Double), string(String), name([String]), dot
        case op(String), lparen, rparen, comma, end
    }

    private let chars: [Character]
    private var pos = 0
    private var token: Token = .end
    private var tokenCol = 1

    public static func parse(_ source: String) throws(ExpressionSyntaxError) -> Node {
        var p = ExpressionParser(source)
        if p.chars.count > maxLength {
            throw ExpressionSyntaxError(column: maxLength + 1, message: "the expression is too long: \(p.chars.count) characters (at most \(maxLength))")
        }
        try p.advance()
        if p.token == .end { throw ExpressionSyntaxError(column: 1, message: "the expression is empty") }
        let node = try p.parseOr().node
        if p.token != .end { throw ExpressionSyntaxError(column: p.tokenCol, message: "unexpected \(p.describe(p.token))") }
        return node
    }

    private var nesting = 0

    private init(_ source: String) { chars = Array(source) }

    /// Enters one more level of nesting at `col`, refusing past the limit.
    private mutating func enter(_ col: Int) throws(ExpressionSyntaxError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw ExpressionSyntaxError(column: col, message: "the expression is nested too deeply (more than \(Self.maxNesting) levels of parentheses, calls or prefix operators)")
        }
    }

    /// A node over children of depth `depth`, refused when the tree grows too deep.
    private func node(_ n: Node, over depth: Int, col: Int) throws(ExpressionSyntaxError) -> Parsed {
        if depth + 1 > Self.maxDepth {
            throw ExpressionSyntaxError(column: col, message: "the expression is too long: more than \(Self.maxDepth) operations chained or nested (split it into calculate fields)")
        }
        return (n, depth + 1)
    }

    private func describe(_ t: Token) -> String {
        switch t {
        case .number(let d): return "number \(d)"
        case .string(let s): return "text '\(s)'"
        case .name(let parts): return "'\(parts.joined(separator: "."))'"
        case .dot: return "'.'"
        case .op(let o): return "'\(o)'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .comma: return "','"
        case .end: return "end of expression"
        }
    }

    /// A character for a message: quoted, with its code points when it is not
    /// plain ASCII (a combining mark or a keycap looks like a digit; a control
    /// character must never reach a terminal raw).
    static func shown(_ c: Character) -> String {
        let points = c.unicodeScalars.map(VietText.codePoint)
        let printable = c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && ($0.value < 0x80 || $0.value > 0x9F) }
        if c.isASCII && printable { return "'\(c)'" }
        return printable ? "'\(c)' (\(points.joined(separator: " ")))" : points.joined(separator: " ")
    }

    private mutating func advance() throws(ExpressionSyntaxError) {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
        tokenCol = pos + 1
        guard pos < chars.count else { token = .end; return }
        let c = chars[pos]
        switch c {
        case "(": pos += 1; token = .lparen
        case ")": pos += 1; token = .rparen
        case ",": pos += 1; token = .comma
        case "+", "-", "*", "/": pos += 1; token = .op(String(c))
        case "=":
            pos += 1
            if pos < chars.count, chars[pos] == "=" { pos += 1 }
            token = .op("=")
        case "!":
            guard pos + 1 < chars.count, chars[pos + 1] == "=" else {
                throw ExpressionSyntaxError(column: tokenCol, message: "'!' must be followed by '=' (use 'not' for negation)")
            }
            pos += 2; token = .op("!=")
        case "<", ">":
            pos += 1
            if pos < chars.count, chars[pos] == "=" { pos += 1; token = .op(String(c) + "=") } else { token = .op(String(c)) }
        case "'", "\"":
            pos += 1
            var s = ""
            while pos < chars.count, chars[pos] != c {
                if chars[pos] == "\\", pos + 1 < chars.count { pos += 1 }
                s.append(chars[pos]); pos += 1
            }
            guard pos < chars.count else { throw ExpressionSyntaxError(column: tokenCol, message: "unterminated text: missing closing \(c)") }
            pos += 1
            token = .string(s)
        case _ where c.isASCII && c.isNumber:
            token = .number(try number())
        case ".":
            if pos + 1 < chars.count, chars[pos + 1].isASCII, chars[pos + 1].isNumber {
                throw ExpressionSyntaxError(column: tokenCol, message: "write numbers with a leading digit (0.5, not .5)")
            }
            pos += 1; token = .dot
        default:
            guard c.isLetter || c == "_" else { throw ExpressionSyntaxError(column: tokenCol, message: "unexpected character \(Self.shown(c))") }
            var parts: [String] = []
            while true {
                var word = ""
                while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { word.append(chars[pos]); pos += 1 }
                if word.isEmpty { throw ExpressionSyntaxError(column: pos + 1, message: "expected a name after '.'") }
                parts.append(word)
                if pos < chars.count, chars[pos] == "." { pos += 1 } else { break }
            }
            if parts.count == 1, ["and", "or", "not"].contains(parts[0]) { token = .op(parts[0]) } else { token = .name(parts) }
        }
    }

    private mutating func number() throws(ExpressionSyntaxError) -> Double {
        let start = pos
        while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { pos += 1 }
        if pos < chars.count, chars[pos] == "." {
            pos += 1
            guard pos < chars.count, chars[pos].isASCII, chars[pos].isNumber else {
                throw ExpressionSyntaxError(column: pos + 1, message: "expected a digit after '.'")
            }
            while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { pos += 1 }
        }
        if pos < chars.count, chars[pos].isLetter {
            throw ExpressionSyntaxError(column: pos + 1, message: "a number cannot be followed by a letter")
        }
        // Digits only, so Double reads them; a number too big for a Double is refused, never infinity.
        guard let d = Double(String(chars[start..<pos])), d.isFinite else {
            throw ExpressionSyntaxError(column: start + 1, message: "the number is too large")
        }
        return d
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Parsed {
        var left = try parseAnd()
        while token == .op("or") {
            let col = tokenCol
            try advance()
            let right = try parseAnd()
            left = try node(.binary(.or, left.node, right.node, col: col), over: max(left.depth, right.depth), col: col)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Parsed {
        var left = try parseNot()
        while token == .op("and") {
            let col = tokenCol
            try advance()
            let right = try parseNot()
            left = try node(.binary(.and, left.node, right.node, col: col), over: max(left.depth, right.depth), col: col)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Parsed {
        if token == .op("not") {
            let col = tokenCol
            try enter(col)
            try advance()
            let inner = try parseNot()
            nesting -= 1
            return try node(.unary(.not, inner.node, col: col), over: inner.depth, col: col)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Parsed {
        let left = try parseAdditive()
        if case .op(let o) = token, let op = BinaryOp(rawValue: o), op.isComparison {
            let col = tokenCol
            try advance()
            let right = try parseAdditive()
            if case .op(let o2) = token, let op2 = BinaryOp(rawValue: o2), op2.isComparison {
                throw ExpressionSyntaxError(column: tokenCol, message: "comparisons cannot be chained: use 'and' (a < b and b < c)")
            }
            return try node(.binary(op, left.node, right.node, col: col), over: max(left.depth, right.depth), col: col)
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> Parsed {
        var left = try parseMultiplicative()
        while case .op(let o) = token, o == "+" || o == "-" {
            let col = tokenCol
            try advance()
            let right = try parseMultiplicative()
            left = try node(.binary(o == "+" ? .add : .sub, left.node, right.node, col: col), over: max(left.depth, right.depth), col: col)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> Parsed {
        var left = try parseUnary()
        while case .op(let o) = token, o == "*" || o == "/" {
            let col = tokenCol
            try advance()
            let right = try parseUnary()
            left = try node(.binary(o == "*" ? .mul : .div, left.node, right.node, col: col), over: max(left.depth, right.depth), col: col)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Parsed {
        if token == .op("-") {
            let col = tokenCol
            try enter(col)
            try advance()
            let inner = try parseUnary()
            nesting -= 1
            return try node(.unary(.negate, inner.node, col: col), over: inner.depth, col: col)
        }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(ExpressionSyntaxError) -> Parsed {
        let col = tokenCol
        switch token {
        case .number(let d): try advance(); return (.literal(.number(d), col: col), 1)
        case .string(let s): try advance(); return (.literal(.string(s), col: col), 1)
        case .dot: try advance(); return (.ref(.dot, col: col), 1)
        case .lparen:
            try enter(col)
            try advance()
            let inner = try parseOr()
            guard token == .rparen else { throw ExpressionSyntaxError(column: tokenCol, message: "expected ')' to close the '(' at col \(col)") }
            try advance()
            nesting -= 1
            return inner
        case .name(let parts):
            try advance()
            if parts.count == 1 {
                switch parts[0] {
                case "true": return (.literal(.bool(true), col: col), 1)
                case "false": return (.literal(.bool(false), col: col), 1)
                case "null": return (.literal(.null, col: col), 1)
                default: break
                }
            }
            guard token == .lparen else { return (.ref(.name(parts), col: col), 1) }
            guard parts.count == 1 else { throw ExpressionSyntaxError(column: col, message: "a function name cannot contain '.'") }
            try enter(col)
            try advance()
            var args: [Node] = []
            var depth = 0
            if token != .rparen {
                while true {
                    let arg = try parseOr()
                    args.append(arg.node)
                    depth = max(depth, arg.depth)
                    if token == .comma { try advance(); continue }
                    break
                }
            }
            guard token == .rparen else { throw ExpressionSyntaxError(column: tokenCol, message: "expected ',' or ')' in the call of \(parts[0])()") }
            try advance()
            nesting -= 1
            return try node(.call(parts[0], args, col: col), over: depth, col: col)
        case .end: throw ExpressionSyntaxError(column: col, message: "the expression ends too early")
        default: throw ExpressionSyntaxError(column: col, message: "unexpected \(describe(token))")
        }
    }
}
