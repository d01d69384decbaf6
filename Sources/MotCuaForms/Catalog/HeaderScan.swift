// The kiosk's first screen lists the catalog by title and code, so `Catalog.loadHeaders`
// needs a handful of a form's top-level members, while most of a form file is its pages,
// checks and lists. This scan finds where each top-level member's value begins and ends
// without building anything, and replaces the values not asked for with `null`: the
// parser then only builds the header (about a sixth of the bytes of the real forms).

enum HeaderScan {
    /// `bytes` with the value of every top-level member whose key is not in `keep`
    /// replaced by `null`. Nil when the text is not a JSON object this scan can follow
    /// (the caller parses the whole file instead, which reports what is wrong). Values
    /// are skipped by brackets and strings only: a syntax error inside a dropped value
    /// is found when the form is opened and linted, as every other mistake in its pages.
    /// `within`: for a kept member whose value is an object, the members of that object
    /// to keep (the others become null the same way); "procedure" keeps its code, not
    /// the documents list that makes up most of a form's header.
    static func keeping(_ keep: Set<String>, within: [String: Set<String>] = [:], of bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { keeping(keep, within: within, of: $0) }
    }

    static func keeping(_ keep: Set<String>, within: [String: Set<String>] = [:], of b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        var i = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        /// Moves past the string starting at `i` (on its opening quote); false if unterminated.
        func skipString() -> Bool {
            i += 1
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\\"): i += 2
                case UInt8(ascii: "\""): i += 1; return true
                default: i += 1
                }
            }
            return false
        }
        /// Moves past the value starting at `i`; false when the text ends first.
        func skipValue() -> Bool {
            guard i < b.count else { return false }
            switch b[i] {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < b.count {
                    switch b[i] {
                    case UInt8(ascii: "\""): if !skipString() { return false }; continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:  // number, true, false, null
                while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"),
                      b[i] != 0x20, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
                return true
            }
        }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        var copied = i  // bytes before this index are in `out` or were dropped
        i += 1
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") { break }
            guard b[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            guard skipString() else { return nil }
            // A key written with escapes is kept whatever it says.
            let raw = UnsafeBufferPointer(rebasing: b[keyStart..<(i - 1)])
            let escaped = raw.contains(UInt8(ascii: "\\"))
            let key = String(decoding: raw, as: UTF8.self)
            let wanted = escaped || keep.contains(key)
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            guard skipValue(), i > valueStart else { return nil }
            if !wanted {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<valueStart]))
                out.append(contentsOf: "null".utf8)
                copied = i
            } else if !escaped, let inner = within[key], b[valueStart] == UInt8(ascii: "{"),
                      let kept = keeping(inner, of: UnsafeBufferPointer(rebasing: b[valueStart..<i])) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<valueStart]))
                out.append(contentsOf: kept)
                copied = i
            }
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { break }
            return nil
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<b.count]))
        return out
    }
}
