// The kiosk's first screen lists the catalog by title and code, so `Catalog.loadHeaders`
// needs a handful of a form's top-level members, while most of a form file is its pages,
// checks and lists. This scan finds where each top-level member's value begins and ends
// without building anything, and replaces the values not asked for with `null`: the
// parser then only builds the header (about a sixth of the bytes of the real forms).
//
// The skip is the kiosk's start-up cost per byte of the forms folder, so it reads through
// a pointer with its position in a local variable: strings are crossed with `memchr` for
// the closing quote (a quote preceded by an odd run of backslashes is escaped), and
// between strings only the four bracket bytes count. It moves only forward and stops at
// the end of the bytes: no input makes it read out of bounds or loop.
import Foundation

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
        i = skipSpace(b, i)
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        var copied = i  // bytes before this index are in `out` or were dropped
        i += 1
        while true {
            i = skipSpace(b, i)
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") { break }
            guard b[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            guard let keyEnd = stringEnd(b, i) else { return nil }
            i = keyEnd
            // A key written with escapes is kept whatever it says.
            let raw = UnsafeBufferPointer(rebasing: b[keyStart..<(i - 1)])
            let escaped = raw.contains(UInt8(ascii: "\\"))
            let key = String(decoding: raw, as: UTF8.self)
            let wanted = escaped || keep.contains(key)
            i = skipSpace(b, i)
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i = skipSpace(b, i + 1)
            let valueStart = i
            guard let valueEnd = valueEnd(b, i), valueEnd > valueStart else { return nil }
            i = valueEnd
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
            i = skipSpace(b, i)
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { break }
            return nil
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<b.count]))
        return out
    }

    private static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The index just past the string whose opening quote is at `start`; nil if unterminated.
    static func stringEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        var from = start + 1
        while from < b.count {
            guard let hit = memchr(base + from, 0x22, b.count - from) else { return nil }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            // Escaped when an odd run of backslashes precedes it (the run cannot reach past
            // the opening quote, which is no backslash).
            var k = q
            while b[k - 1] == UInt8(ascii: "\\") { k -= 1 }
            if (q - k) % 2 == 0 { return q + 1 }
            from = q + 1
        }
        return nil
    }

    /// The index just past the value starting at `start`; nil when the text ends first.
    static func valueEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var i = start
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""): return stringEnd(b, i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    guard let end = stringEnd(b, i) else { return nil }
                    i = end
                    continue
                }
                // `|0x20` maps '[' to '{' and ']' to '}' (0x5B/0x7B, 0x5D/0x7D), nothing else onto them.
                let folded = c | 0x20
                if folded == UInt8(ascii: "{") {
                    depth += 1
                } else if folded == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return i + 1 }
                }
                i += 1
            }
            return nil
        default:  // number, true, false, null
            while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"),
                  b[i] != 0x20, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
            return i
        }
    }
}
