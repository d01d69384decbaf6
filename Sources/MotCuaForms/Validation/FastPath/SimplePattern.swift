/// A matcher for the regular expressions forms mostly use — sequences of
/// literals, classes (`[0-9A-Z]`, `\d`, `\w`, `\s`, `.`) and quantifiers
/// (`? * + {n} {n,} {n,m}`) — without NSRegularExpression, which costs
/// microseconds a call on Linux. Patterns outside that subset return nil and
/// the caller uses NSRegularExpression, so the meaning never changes.
/// A class: as a struct, reading it from a field's plan retained its four
/// arrays on every answer.
final class SimplePattern: Sendable {
    private enum Atom: Sendable {
        case scalar(UInt32)
        case ranges([ClosedRange<UInt32>], negated: Bool, classes: [Character])
        case any
    }
    private struct Piece: Sendable { let atom: Atom; let min: Int; let max: Int }
    private let pieces: [Piece]
    /// Per piece, which ASCII scalars its atom accepts (bit n of the pair for
    /// scalar n), computed once: matching ASCII text then needs no atom at all.
    private let ascii: [(low: UInt64, high: UInt64)]
    private let mins: [Int]
    private let maxs: [Int]

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
                    // A bound too large for an Int is outside the subset (never a trap).
                    var m = n
                    if comma { guard let upper = b.isEmpty ? Int.max : Int(b) else { return nil }; m = upper }
                    lo = n; hi = m
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
        ascii = p.map { piece in
            var low: UInt64 = 0, high: UInt64 = 0
            for v in 0..<UInt32(128) where SimplePattern.accepts(piece.atom, Unicode.Scalar(v)!) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
            return (low, high)
        }
        mins = p.map(\.min)
        maxs = p.map(\.max)
    }

    func matches(_ text: String) -> Bool {
        // ASCII answers (codes, numbers) are matched on their bytes, with no scalar array.
        if let verdict: Bool = text.withUTF8Bytes({ b in b.allSatisfy { $0 < 0x80 } ? match(0, 0, b) : nil }) { return verdict }
        return match(0, 0, text.unicodeScalars.map(\.value))
    }

    /// Backtracking over the pieces; `t` holds scalar values (bytes of ASCII text, or scalars).
    private func match<T: RandomAccessCollection>(_ k: Int, _ pos: Int, _ t: T) -> Bool where T.Element: BinaryInteger, T.Index == Int {
        if k == pieces.count { return pos == t.count }
        var n = 0
        while n < maxs[k], pos + n < t.count, accepts(k, UInt32(t[t.startIndex + pos + n])) { n += 1 }
        if n < mins[k] { return false }
        if k == pieces.count - 1 { return pos + n == t.count }
        while n >= mins[k] {
            if match(k + 1, pos + n, t) { return true }
            n -= 1
        }
        return false
    }

    /// Whether piece `k` accepts scalar `v`: a bit test for ASCII.
    private func accepts(_ k: Int, _ v: UInt32) -> Bool {
        if v < 64 { return ascii[k].low & (1 << UInt64(v)) != 0 }
        if v < 128 { return ascii[k].high & (1 << UInt64(v - 64)) != 0 }
        guard let u = Unicode.Scalar(v) else { return false }
        return SimplePattern.accepts(pieces[k].atom, u)
    }

    private static func accepts(_ atom: Atom, _ u: Unicode.Scalar) -> Bool {
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
