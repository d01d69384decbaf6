import MotCuaText
import Foundation

/// Why a document is not JSON, with the place a person can find in an editor.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 1-based line and column (columns count characters, not bytes).
    public let line: Int
    public let column: Int
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes. Written here rather than using
/// JSONSerialization because the linter needs exact line/column on errors,
/// document key order, duplicate-key detection and integers kept apart from
/// fractions; it is also faster on Linux for the form sizes we load.
public struct JSONParser {
    private let storage: [UInt8]
    /// The bytes being parsed: valid only inside `parseDocument`, which reads
    /// through a pointer to skip the bounds checks of array indexing.
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var i = 0
    var depth = 0
    /// Keys seen twice in one object: (JSON path of the object, key). The
    /// linter reports them; plain decoding keeps the last value.
    public private(set) var duplicateKeys: [(path: String, key: String)] = []
    private var pathStack: [String] = []

    public init(_ data: Data) { storage = [UInt8](data) }
    public init(_ text: String) { storage = Array(text.utf8) }

    /// Parses a whole document.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(data)
        return try p.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(text)
        return try p.parseDocument()
    }

    public mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let all = storage
        return try all.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            bytes = buffer
            defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
            return try parseAll()
        }
    }

    /// A document that is one flat object of key → text (a locale file), straight into a
    /// dictionary: no `JSONValue` tree and no ordered key list, which the kiosk paid for
    /// before its first screen. The same strict grammar and errors; a member whose value
    /// is not a string is parsed and left out, and of a key given twice the last value
    /// counts, as when the whole tree is parsed and its string members kept. Nil when the
    /// document is JSON but not an object.
    public static func parseStringTable(_ data: Data) throws(JSONSyntaxError) -> [String: String]? {
        var p = JSONParser(data)
        let all = p.storage
        return try all.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> [String: String]? in
            p.bytes = buffer
            defer { p.bytes = UnsafeBufferPointer(start: nil, count: 0) }
            return try p.stringTable()
        }
    }

    private mutating func stringTable() throws(JSONSyntaxError) -> [String: String]? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
            i = 0
            _ = try parseAll()  // the whole document's errors, or a value that is not an object
            return nil
        }
        var table: [String: String] = [:]
        try enter()
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1 } else {
            members: while true {
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file inside an object") }
                guard bytes[i] == UInt8(ascii: "\"") else {
                    if bytes[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                    throw error("expected a key in double quotes")
                }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") { table[key] = try string() } else {
                    _ = try value()
                    table[key] = nil
                }
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break members }
                throw error("expected ',' or '}' after a value in an object")
            }
        }
        depth -= 1
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the end of the JSON value") }
        return table
    }

    private mutating func parseAll() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte-order mark is tolerated: editors on Windows write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        if i >= bytes.count { throw error("the file is empty, expected a JSON value") }
        let v = try value()
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the end of the JSON value") }
        return v
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let end = min(offset ?? i, bytes.count)
        var line = 1, column = 1
        var k = 0
        while k < end {
            let b = bytes[k]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        // Messages quote the input (a key, an escape): what it holds is shown escaped, never sent raw to a terminal.
        return JSONSyntaxError(message: VietText.escapingControls(message), line: line, column: column)
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of file, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "'"): throw error("strings must use double quotes \"...\", not single quotes")
        case UInt8(ascii: "}"), UInt8(ascii: "]"): throw error("expected a value, found '\(Character(UnicodeScalar(bytes[i])))' (a trailing comma?)")
        default: throw error("unexpected character, expected a value")
        }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = word.utf8
        let n = w.count
        guard i + n <= bytes.count, bytes[i..<i + n].elementsEqual(w) else {
            throw error("unknown word, expected \(word) (JSON literals are lower case)")
        }
        i += n
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 512 { throw error("nesting is deeper than 512 levels") }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter(); defer { depth -= 1 }
        i += 1
        var obj = JSONObject()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                if bytes[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("expected a key in double quotes")
            }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            i += 1
            skipSpace()
            pathStack.append(key)
            let v = try value()
            pathStack.removeLast()
            if obj[key] != nil { duplicateKeys.append((currentPath(), key)) }
            obj[key] = v
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
            throw error("expected ',' or '}' after a value in an object")
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter(); defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            pathStack.append("[\(items.count)]")
            let v = try value()
            pathStack.removeLast()
            items.append(v)
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file, expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' after a value in an array")
        }
    }

    private func currentPath() -> String {
        var s = ""
        for part in pathStack {
            if part.hasPrefix("[") { s += part } else { s += s.isEmpty ? part : "." + part }
        }
        return s
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        let start = i
        i += 1
        // Fast path: no escapes.
        var j = i
        var ascii = true
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[i..<j])
                // ASCII needs no validation; anything else must be valid UTF-8.
                let decoded = ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
                guard let s = decoded else { throw error("the string is not valid UTF-8", at: start) }
                i = j + 1
                return s
            }
            if b >= 0x80 { ascii = false }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            j += 1
        }
        var out: [UInt8] = Array(bytes[i..<j])
        i = j
        while true {
            guard i < bytes.count else { throw error("unterminated string (missing closing \")", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error(b == 0x0A ? "line break inside a string (write \\n)" : "control character inside a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]; i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let code = try unicodeEscape()
                out.append(contentsOf: Array(String(Character(UnicodeScalar(code) ?? "\u{FFFD}")).utf8))
            default:
                // `e` is one byte: a letter, or the first byte of a character (shown as its value).
                let shown = e >= 0x21 && e < 0x7F ? String(Character(UnicodeScalar(e))) : "<byte 0x" + String(e, radix: 16, uppercase: true) + ">"
                throw error("unknown escape \\\(shown)")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("the string is not valid UTF-8", at: start) }
        return s
    }

    /// The code point of a `\\u` escape whose four hex digits start at `i` (a UTF-16
    /// surrogate pair joined into one): a lone surrogate is refused.
    mutating func unicodeEscape() throws(JSONSyntaxError) -> UInt32 {
        let code = try hex4()
        if (0xD800...0xDBFF).contains(code) {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw error("lone UTF-16 surrogate in \\u escape")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid UTF-16 surrogate pair") }
            return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        if (0xDC00...0xDFFF).contains(code) { throw error("lone UTF-16 surrogate in \\u escape") }
        return code
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw error("\\u needs four hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        var isInteger = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected a digit", at: i) }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count, isDigit(bytes[i + 1]) {
            throw error("numbers must not start with 0 (write 7, not 07; quote codes such as \"07\")")
        }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected a digit after '.'") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected a digit in the exponent") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let v = Int(text) { return .int(v) }
        guard let d = Double(text), d.isFinite else { throw error("number out of range", at: start) }
        return .double(d)
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
