// Matching folded text. Pickers re-run the search on every keystroke over thousands of
// entries; folding each entry once and comparing UTF-8 bytes keeps a keystroke well under a
// millisecond, where String.contains goes through Foundation and costs several times more.

/// A text folded once (see ``VietText/fold(_:)``) and kept ready for repeated matching:
/// fold every catalog entry at load time and each query as it is typed.
public struct FoldedText: Sendable, Hashable {
    /// The folded form: lower case, no marks, đ → d, single spaces.
    public let folded: String
    private let bytes: [UInt8]
    /// The words of `folded`, as byte ranges.
    private let words: [Range<Int>]

    /// Folds `text`.
    public init(_ text: String) {
        folded = VietText.fold(text)
        bytes = Array(folded.utf8)
        var words: [Range<Int>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x20 {
            if i > start { words.append(start..<i) }
            start = i + 1
        }
        if start < bytes.count { words.append(start..<bytes.count) }
        self.words = words
    }

    /// True when the folded query is empty.
    public var isEmpty: Bool { bytes.isEmpty }

    /// True when `query` occurs in this text as one contiguous piece:
    /// "Đăng ký khai sinh" contains "dang ky k".
    public func contains(_ query: FoldedText) -> Bool {
        FoldedText.find(query.bytes[...], in: bytes[...])
    }

    /// True when every word of `query` occurs somewhere in this text, in any order:
    /// "Xã Thuận Hoà" matches "hoa thuan". An empty query matches everything.
    public func containsAllWords(of query: FoldedText) -> Bool {
        for word in query.words where !FoldedText.find(query.bytes[word], in: bytes[...]) {
            return false
        }
        return true
    }

    /// True when some word of this text starts with each word of `query`, in any order:
    /// "Xã Thuận Hoà" matches "th ho" but not "uan".
    public func matchesWordPrefixes(of query: FoldedText) -> Bool {
        query.words.allSatisfy { q in
            let needle = query.bytes[q]
            return words.contains { w in bytes[w].starts(with: needle) }
        }
    }

    /// Byte substring search; the inputs are short names and titles, so a first-byte scan
    /// beats building tables.
    private static func find(_ needle: ArraySlice<UInt8>, in haystack: ArraySlice<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        if needle.count > haystack.count { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    public static func == (a: FoldedText, b: FoldedText) -> Bool { a.folded == b.folded }
    public func hash(into hasher: inout Hasher) { hasher.combine(folded) }
}
