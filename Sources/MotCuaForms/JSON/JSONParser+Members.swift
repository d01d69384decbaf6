// The one JSON parser's fast path for readers that need a few members of a
// large document (the report's fee needs a handful of a stored dossier's
// answers): the same grammar, the same limits, the same code for the values
// it keeps, but the values it does not keep are checked and skipped without
// building a string, an array or an object. A document the full parse
// refuses is refused here too, so the members read are always those the full
// parse would give (JSONParserMembersTests holds the two equal on every
// fixture and on random and damaged documents; fuzz-json on any bytes).

extension JSONParser {
    /// `keys` of the object that is member `container` of the document's
    /// top-level object: exactly the members of
    /// `JSONParser.parse(document)[container]?.objectValue` whose key is in
    /// `keys` (the last one when a key appears twice, as the full parse keeps
    /// it), or nil when the document is no object, or has no such member, or
    /// that member is no object. Throws where the full parse throws.
    public static func members(_ keys: Set<String>, of container: String,
                               in document: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONObject? {
        var p = JSONParser("")
        p.bytes = document.bindMemory(to: UInt8.self)
        return try p.selectMembers(keys, of: container)
    }

    private mutating func selectMembers(_ keys: Set<String>, of container: String) throws(JSONSyntaxError) -> JSONObject? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        if i >= bytes.count { throw error("the file is empty, expected a JSON value") }
        var found: JSONObject?
        if bytes[i] == UInt8(ascii: "{") {
            try members { (p: inout JSONParser, key: String) throws(JSONSyntaxError) in
                guard key == container else { try p.skipValue(); return }
                found = try p.picked(keys)  // a later member of the same key replaces it, as in the full parse
            }
        } else {
            try skipValue()
        }
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the end of the JSON value") }
        return found
    }

    /// The value at `i` when it is an object: its members in `keys`; otherwise nil (the value skipped).
    private mutating func picked(_ keys: Set<String>) throws(JSONSyntaxError) -> JSONObject? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { try skipValue(); return nil }
        var kept = JSONObject()
        try members { (p: inout JSONParser, key: String) throws(JSONSyntaxError) in
            if keys.contains(key) { kept[key] = try p.value() } else { try p.skipValue() }
        }
        return kept
    }

    /// Walks the object at `i` as `object()` does; `visit` gets each key
    /// with the parser at its value, which it must read or skip.
    private mutating func members(_ visit: (inout JSONParser, String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try enter(); defer { depth -= 1 }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            let key = try memberKey(keep: true)
            try visit(&self, key)
            guard try nextMember() else { return }
        }
    }

    /// A member's key and its ':', the parser then at the value; the key is
    /// built only when `keep` (else checked and skipped: "").
    private mutating func memberKey(keep: Bool) throws(JSONSyntaxError) -> String {
        skipSpace()
        guard i < bytes.count else { throw error("unexpected end of file inside an object") }
        guard bytes[i] == UInt8(ascii: "\"") else {
            if bytes[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
            throw error("expected a key in double quotes")
        }
        let key = keep ? try string() : ""
        if !keep { try skipString() }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
        i += 1
        skipSpace()
        return key
    }

    /// After a member's value: true at ',' (another member follows), false at '}'.
    private mutating func nextMember() throws(JSONSyntaxError) -> Bool {
        skipSpace()
        guard i < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; return true }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return false }
        throw error("expected ',' or '}' after a value in an object")
    }

    /// Checks the value at `i` as `value()` would read it, building nothing.
    mutating func skipValue() throws(JSONSyntaxError) {
        guard i < bytes.count else { throw error("unexpected end of file, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            try enter(); defer { depth -= 1 }
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
            repeat {
                _ = try memberKey(keep: false)
                try skipValue()
            } while try nextMember()
        case UInt8(ascii: "["):
            try enter(); defer { depth -= 1 }
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                skipSpace()
                try skipValue()
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file, expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return }
                throw error("expected ',' or ']' after a value in an array")
            }
        case UInt8(ascii: "\""): try skipString()
        // A number is read as value() reads it (its range is part of its validity); literals and every error likewise.
        default: _ = try value()
        }
    }

    /// Checks the string at `i` as `string()` would read it, building nothing:
    /// the same escapes and surrogate rules, and valid UTF-8. An escape
    /// writes a whole character, so the string is valid UTF-8 exactly when
    /// every run of raw bytes between escapes is.
    mutating func skipString() throws(JSONSyntaxError) {
        let start = i
        i += 1
        var run = i
        while true {
            guard i < bytes.count else { throw error("unterminated string (missing closing \")", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                guard Self.isUTF8(bytes, run, i) else { throw error("the string is not valid UTF-8", at: start) }
                i += 1
                return
            }
            if b < 0x20 { throw error(b == 0x0A ? "line break inside a string (write \\n)" : "control character inside a string") }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            guard Self.isUTF8(bytes, run, i) else { throw error("the string is not valid UTF-8", at: start) }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): break
            case UInt8(ascii: "u"): _ = try unicodeEscape()
            default: throw error("unknown escape")
            }
            run = i
        }
    }

    /// Whether `b[from..<to]` is well-formed UTF-8 (Unicode table 3-7: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), as
    /// `String(validating:as:)` decides, without making a string.
    static func isUTF8(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            let c = b[k]
            if c < 0x80 { k += 1; continue }
            let n: Int, low: UInt8, high: UInt8  // bytes in the sequence; the second byte's range
            switch c {
            case 0xC2...0xDF: n = 2; low = 0x80; high = 0xBF
            case 0xE0: n = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE, 0xEF: n = 3; low = 0x80; high = 0xBF
            case 0xED: n = 3; low = 0x80; high = 0x9F
            case 0xF0: n = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: n = 4; low = 0x80; high = 0xBF
            case 0xF4: n = 4; low = 0x80; high = 0x8F
            default: return false
            }
            guard to - k >= n, b[k + 1] >= low, b[k + 1] <= high else { return false }
            for j in 2..<n where b[k + j] & 0xC0 != 0x80 { return false }
            k += n
        }
        return true
    }
}
