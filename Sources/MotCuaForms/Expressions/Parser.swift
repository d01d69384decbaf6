/// A syntax error in an expression, at a 1-based column.
public struct ExpressionSyntaxError: Error, Sendable, Equatable {
    public let column: Int
    public let message: String
}

/// Recursive-descent parser for the expression language. Precedence, loosest
/// first: `or`; `and`; `not`; comparisons; `+ -`; `* /`; unary `-`; atoms.
public struct ExpressionParser {
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
        try p.advance()
        if p.token == .end { throw ExpressionSyntaxError(column: 1, message: "the expression is empty") }
        let node = try p.parseOr()
        if p.token != .end { throw ExpressionSyntaxError(column: p.tokenCol, message: "unexpected \(p.describe(p.token))") }
        return node
    }

    private init(_ source: String) { chars = Array(source) }

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
        case "0"..."9":
            token = .number(try number())
        case ".":
            if pos + 1 < chars.count, chars[pos + 1].isASCII, chars[pos + 1].isNumber {
                throw ExpressionSyntaxError(column: tokenCol, message: "write numbers with a leading digit (0.5, not .5)")
            }
            pos += 1; token = .dot
        default:
            guard c.isLetter || c == "_" else { throw ExpressionSyntaxError(column: tokenCol, message: "unexpected character '\(c)'") }
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
        return Double(String(chars[start..<pos]))!
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Node {
        var left = try parseAnd()
        while token == .op("or") {
            let col = tokenCol
            try advance()
            left = .binary(.or, left, try parseAnd(), col: col)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Node {
        var left = try parseNot()
        while token == .op("and") {
            let col = tokenCol
            try advance()
            left = .binary(.and, left, try parseNot(), col: col)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Node {
        if token == .op("not") {
            let col = tokenCol
            try advance()
            return .unary(.not, try parseNot(), col: col)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Node {
        let left = try parseAdditive()
        if case .op(let o) = token, let op = BinaryOp(rawValue: o), op.isComparison {
            let col = tokenCol
            try advance()
            let right = try parseAdditive()
            if case .op(let o2) = token, let op2 = BinaryOp(rawValue: o2), op2.isComparison {
                throw ExpressionSyntaxError(column: tokenCol, message: "comparisons cannot be chained: use 'and' (a < b and b < c)")
            }
            return .binary(op, left, right, col: col)
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> Node {
        var left = try parseMultiplicative()
        while case .op(let o) = token, o == "+" || o == "-" {
            let col = tokenCol
            try advance()
            left = .binary(o == "+" ? .add : .sub, left, try parseMultiplicative(), col: col)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> Node {
        var left = try parseUnary()
        while case .op(let o) = token, o == "*" || o == "/" {
            let col = tokenCol
            try advance()
            left = .binary(o == "*" ? .mul : .div, left, try parseUnary(), col: col)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Node {
        if token == .op("-") {
            let col = tokenCol
            try advance()
            return .unary(.negate, try parseUnary(), col: col)
        }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(ExpressionSyntaxError) -> Node {
        let col = tokenCol
        switch token {
        case .number(let d): try advance(); return .literal(.number(d), col: col)
        case .string(let s): try advance(); return .literal(.string(s), col: col)
        case .dot: try advance(); return .ref(.dot, col: col)
        case .lparen:
            try advance()
            let inner = try parseOr()
            guard token == .rparen else { throw ExpressionSyntaxError(column: tokenCol, message: "expected ')' to close the '(' at col \(col)") }
            try advance()
            return inner
        case .name(let parts):
            try advance()
            if parts.count == 1 {
                switch parts[0] {
                case "true": return .literal(.bool(true), col: col)
                case "false": return .literal(.bool(false), col: col)
                case "null": return .literal(.null, col: col)
                default: break
                }
            }
            guard token == .lparen else { return .ref(.name(parts), col: col) }
            guard parts.count == 1 else { throw ExpressionSyntaxError(column: col, message: "a function name cannot contain '.'") }
            try advance()
            var args: [Node] = []
            if token != .rparen {
                while true {
                    args.append(try parseOr())
                    if token == .comma { try advance(); continue }
                    break
                }
            }
            guard token == .rparen else { throw ExpressionSyntaxError(column: tokenCol, message: "expected ',' or ')' in the call of \(parts[0])()") }
            try advance()
            return .call(parts[0], args, col: col)
        case .end: throw ExpressionSyntaxError(column: col, message: "the expression ends too early")
        default: throw ExpressionSyntaxError(column: col, message: "unexpected \(describe(token))")
        }
    }
}
