import Foundation

/// Translates expressions between XLSForm's syntax (`${field}`, `string-length`,
/// `div`, choice filters naming choice columns) and MotCua's (`field`, `len`,
/// `/`, `option.column`). A token-level rewrite: string literals pass through
/// untouched, and the MotCua checker judges the result when the form loads.
enum XLSFormExpression {
    /// Where each field sits: the repeat holding it, if any.
    struct Fields {
        var repeatOf: [String: String] = [:]
        var known: Set<String> = []
        var repeats: Set<String> = []
    }

    /// XLSForm function names that MotCua spells differently.
    static let toMotCua = ["string-length": "len", "starts-with": "starts_with", "regex": "matches",
                          "count-selected": "count", "int": "floor"]
    static let toXLSForm = ["len": "string-length", "starts_with": "starts-with", "matches": "regex"]
    /// XPath functions with no MotCua equivalent: a clear error rather than a silent miss.
    static let unsupported: Set<String> = ["format-date", "format-date-time", "decimal-date-time", "decimal-time", "indexed-repeat",
                                           "position", "jr:choice-name", "choice-name", "once", "uuid", "random", "pulldata", "instance",
                                           "current", "translate", "substr", "substring-before", "substring-after", "normalize-space",
                                           "number", "string", "boolean", "pow", "log", "exp", "sqrt", "abs", "join", "selected-at",
                                           "version", "property", "digest", "area", "distance", "coalesce-selected", "checklist", "weighted-checklist"]

    enum Problem: Error { case unknownField(String, Int), unsupported(String, Int), syntax(String, Int) }

    /// `${a} + 1` → `a + 1`; `${x}` outside the repeat holding x → `rep.x`;
    /// in a choice filter a bare name is a choice column: `name` → `option.value`.
    static func compile(_ src: String, fields: Fields, inRepeat: String?, choiceFilter: Bool = false) throws(Problem) -> String {
        let s = Array(src.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        // A name; a hyphen or colon joins words only in a function name
        // (`string-length(`, `jr:choice-name(`), so `a-b` stays a subtraction.
        func ident(at j: Int) -> (String, Int) {
            var k = j
            while k < s.count, isIdentChar(s[k]) { k += 1 }
            var joined = k
            while joined + 1 < s.count, s[joined] == "-" || s[joined] == ":", isIdentStart(s[joined + 1]) {
                joined += 1
                while joined < s.count, isIdentChar(s[joined]) { joined += 1 }
                var m = joined
                while m < s.count, s[m] == " " { m += 1 }
                if m < s.count, s[m] == "(" { k = joined; break }
            }
            return (String(String.UnicodeScalarView(s[j..<k])), k)
        }
        while i < s.count {
            let c = s[i]
            if c == "'" || c == "\"" {
                var k = i + 1
                while k < s.count, s[k] != c { k += 1 }
                guard k < s.count else { throw .syntax("quote", i + 1) }
                out.append(contentsOf: s[i...k]); i = k + 1; continue
            }
            if c == "$", i + 1 < s.count, s[i + 1] == "{" {
                guard let close = s[(i + 2)...].firstIndex(of: "}") else { throw .syntax("${", i + 1) }
                let name = String(String.UnicodeScalarView(s[(i + 2)..<close])).trimmingCharacters(in: .whitespaces)
                guard fields.known.contains(name) else { throw .unknownField(name, i + 1) }
                if let r = fields.repeatOf[name], r != inRepeat { out.append(contentsOf: (r + "." + name).unicodeScalars) }
                else { out.append(contentsOf: name.unicodeScalars) }
                i = close + 1; continue
            }
            if isIdentStart(c), i == 0 || !isIdentChar(s[i - 1]) && s[i - 1] != "." {
                let (word, end) = ident(at: i)
                var k = end
                while k < s.count, s[k] == " " { k += 1 }
                let isCall = k < s.count && s[k] == "("
                if isCall {
                    if unsupported.contains(word) { throw .unsupported(word, i + 1) }
                    if word == "true" || word == "false" {  // XPath's true() and false()
                        out.append(contentsOf: word.unicodeScalars)
                        var m = k + 1
                        while m < s.count, s[m] == " " { m += 1 }
                        if m < s.count, s[m] == ")" { i = m + 1; continue }
                    }
                    out.append(contentsOf: (toMotCua[word] ?? word).unicodeScalars)
                } else if word == "div" { out.append("/")
                } else if word == "mod" { throw .unsupported("mod", i + 1)
                } else if choiceFilter, !["and", "or", "not", "true", "false", "null", "option"].contains(word), end >= s.count || s[end] != "." {
                    out.append(contentsOf: ("option." + (word == "name" ? "value" : word)).unicodeScalars)
                } else { out.append(contentsOf: word.unicodeScalars) }
                i = end; continue
            }
            out.append(c); i += 1
        }
        return String(out)
    }

    /// The reverse: MotCua → XLSForm, for `forms decompile`.
    static func decompile(_ src: String, fields: Fields, choiceFilter: Bool = false) -> String {
        let s = Array(src.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "'" || c == "\"" {
                var k = i + 1
                while k < s.count, s[k] != c { k += 1 }
                let end = min(k, s.count - 1)
                out.append(contentsOf: s[i...end]); i = end + 1; continue
            }
            if isIdentStart(c), i == 0 || !isIdentChar(s[i - 1]) && s[i - 1] != "." {
                var k = i
                while k < s.count, isIdentChar(s[k]) { k += 1 }
                var word = String(String.UnicodeScalarView(s[i..<k]))
                // `rep.field` and `option.attr` are one token here.
                if k + 1 < s.count, s[k] == ".", isIdentStart(s[k + 1]) {
                    var m = k + 1
                    while m < s.count, isIdentChar(s[m]) { m += 1 }
                    let tail = String(String.UnicodeScalarView(s[(k + 1)..<m]))
                    if word == "option" { out.append(contentsOf: (choiceFilter && tail == "value" ? "name" : tail).unicodeScalars); i = m; continue }
                    if fields.repeats.contains(word), fields.known.contains(tail) { out.append(contentsOf: ("${" + tail + "}").unicodeScalars); i = m; continue }
                    word = word + "." + tail; k = m
                }
                var m = k
                while m < s.count, s[m] == " " { m += 1 }
                if m < s.count, s[m] == "(" { out.append(contentsOf: (toXLSForm[word] ?? word).unicodeScalars) }
                else if fields.known.contains(word) { out.append(contentsOf: ("${" + word + "}").unicodeScalars) }
                else { out.append(contentsOf: word.unicodeScalars) }
                i = k; continue
            }
            out.append(c); i += 1
        }
        return String(out)
    }

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
    static func isIdentChar(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || (c >= "0" && c <= "9") }
}
