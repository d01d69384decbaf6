/// A matcher for the regular expressions forms mostly use — sequences of
/// literals, classes (`[0-9A-Z]`, `\d`, `\w`, `\s`, `.`) and quantifiers
/// (`? * + {n} {n,} {n,m}`) — without NSRegularExpression, which costs
/// microseconds a call on Linux. Patterns outside that subset return nil and
/// the caller uses NSRegularExpression, so the meaning never changes.
struct SimplePattern: Sendable {
    private enum Atom: Sendable {
        case scalar(UInt32)
        case ranges([ClosedRange<UInt32>], negated: Bool, classes: [Character])
        case any
    }
    private struct Piece: Sendable { let atom: Atom; let min: Int; let max: Int }
    private let pieces: [Piece]

    init?(_ pattern: String) {
        var p: [Piece] = []
        let s = Array(pattern.unicodeScalars)
        var i = 0
        func escapeClass(_ c: Unicode.Scalar) -> Atom? {
            switch c {
            case "d", "w", "s", "D", "W", "S": return .ranges([], negated: false, classes: [Character(c)])
            default:
                guard !c.properties.isAlphabetic && !(c.value >= 0x30 && c.value <= 0x39) else { return nil }
                return .scalar(c.value)
            }
        }
        while i < s.count {
            let c = s[i]
            var atom: Atom
            switch c {
            case "(", ")", "|", "^", "$", "{", "}", "?", "*", "+": return nil
            case ".": atom = .any; i += 1
            case "\\":
                guard i + 1 < s.count, let a = escapeClass(s[i + 1]) else { return nil }
                atom = a; i += 2
            case "[":
                i += 1
                var negated = false
                if i < s.count, s[i] == "^" { negated = true; i += 1 }
                var ranges: [ClosedRange<UInt32>] = [], classes: [Character] = []
                var first = true
                while i < s.count, s[i] != "]" || first {
                    first = false
                    var lo = s[i]
                    if lo == "[" { return nil }
                    if lo == "\\" {
                        guard i + 1 < s.count else { return nil }
                        let e = s[i + 1]
                        if "dwsDWS".unicodeScalars.contains(e) { classes.append(Character(e)); i += 2; continue }
                        guard !e.properties.isAlphabetic else { return nil }
                        lo = e; i += 1
                    }
                    i += 1
                    if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                        var hi = s[i + 1]
                        i += 2
                        if hi == "\\" { guard i < s.count, !s[i].properties.isAlphabetic else { return nil }; hi = s[i]; i += 1 }
                        guard lo.value <= hi.value else { return nil }
                        ranges.append(lo.value...hi.value)
                    } else {
                        ranges.append(lo.value...lo.value)
                    }
                }
                guard i < s.count else { return nil }
                i += 1
                atom = .ranges(ranges, negated: negated, classes: classes)
            default: atom = .scalar(c.value); i += 1
            }
            var lo = 1, hi = 1
            if i < s.count {
                switch s[i] {
                case "?": lo = 0; hi = 1; i += 1
                case "*": lo = 0; hi = Int.max; i += 1
                case "+": lo = 1; hi = Int.max; i += 1
                case "{":
                    var j = i + 1, a = "", b = ""
                    while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 { a.unicodeScalars.append(s[j]); j += 1 }
                    var comma = false
                    if j < s.count, s[j] == "," { comma = true; j += 1
                        while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 { b.unicodeScalars.append(s[j]); j += 1 } }
                    guard j < s.count, s[j] == "}", let n = Int(a) else { return nil }
                    lo = n; hi = comma ? (b.isEmpty ? Int.max : Int(b)!) : n
                    guard lo <= hi else { return nil }
                    i = j + 1
                default: break
                }
                // Lazy and possessive quantifiers are outside the subset.
                if i < s.count, s[i] == "?" || s[i] == "+" { return nil }
            }
            p.append(Piece(atom: atom, min: lo, max: hi))
        }
        pieces = p
    }

    func matches(_ text: String) -> Bool {
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(text.utf8.count)
        buffer.append(contentsOf: text.unicodeScalars)
        return match(0, 0, buffer)
    }

    private func match(_ k: Int, _ pos: Int, _ t: [Unicode.Scalar]) -> Bool {
        if k == pieces.count { return pos == t.count }
        let piece = pieces[k]
        var n = 0
        while n < piece.max, pos + n < t.count, accepts(piece.atom, t[pos + n]) { n += 1 }
        if n < piece.min { return false }
        if k == pieces.count - 1 { return pos + n == t.count }
        while n >= piece.min {
            if match(k + 1, pos + n, t) { return true }
            n -= 1
        }
        return false
    }

    private func accepts(_ atom: Atom, _ u: Unicode.Scalar) -> Bool {
        switch atom {
        case .scalar(let v): return u.value == v
        case .any: return u.value != 0x0A && u.value != 0x0D && u.value != 0x85 && u.value != 0x2028 && u.value != 0x2029
        case .ranges(let ranges, let negated, let classes):
            var hit = ranges.contains { $0.contains(u.value) }
            if !hit {
                for c in classes where SimplePattern.inClass(c, u) { hit = true; break }
            }
            return hit != negated
        }
    }

    static func inClass(_ c: Character, _ u: Unicode.Scalar) -> Bool {
        switch c {
        case "d": return u.properties.numericType == .decimal
        case "D": return u.properties.numericType != .decimal
        case "s": return u.properties.isWhitespace
        case "S": return !u.properties.isWhitespace
        case "w", "W":
            let p = u.properties
            let word = p.isAlphabetic || p.numericType == .decimal || u == "_" || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark || p.generalCategory == .connectorPunctuation || p.isJoinControl
            return (c == "w") == word
        default: return false
        }
    }
}
