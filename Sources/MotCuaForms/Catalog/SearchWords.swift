// Word-prefix search over folded text, shared by the catalog and by long option
// lists. Everything a search compares is folded once (at load for entries, once
// per keystroke for the query), so a keystroke costs a few binary searches per
// entry instead of a Unicode fold of every title: the target is well under 1 ms
// over 2,000 procedures or 3,321 communes.
import MotCuaText

/// A folded word: lower case, no marks, đ → d, as UTF-8 bytes.
typealias SearchWord = [UInt8]

enum SearchWords {
    /// The words of `text` after folding ("Đăng ký khai sinh (cấp xã)" → dang, ky,
    /// khai, sinh, cap, xa). ASCII punctuation separates words ("1.001193" → 1, 001193;
    /// "H'Mông" → h, mong); bytes of other scripts stay inside words.
    static func words(_ text: String) -> [SearchWord] {
        var out: [SearchWord] = []
        var current: SearchWord = []
        for byte in VietText.fold(text).utf8 {
            if isWordByte(byte) {
                current.append(byte)
            } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The folded text with every separator removed: how a code such as
    /// "1.001193" is compared whole ("1001193", also typed as "1 001193").
    static func squeezed(_ text: String) -> SearchWord {
        VietText.fold(text).utf8.filter(isWordByte)
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
    }

    /// Whether `word` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ word: SearchWord, _ prefix: SearchWord) -> Bool {
        guard word.count >= prefix.count else { return false }
        for i in prefix.indices where word[i] != prefix[i] { return false }
        return true
    }

    /// Where the query words occur one after another, each a prefix of a word of
    /// `words`, as in "khai sinh" in "đăng ký khai sinh": the index of the first
    /// such word, or nil.
    static func phrase(_ query: [SearchWord], in words: [SearchWord]) -> Int? {
        guard !query.isEmpty, query.count <= words.count else { return nil }
        outer: for start in 0...(words.count - query.count) {
            for (k, q) in query.enumerated() where !hasPrefix(words[start + k], q) { continue outer }
            return start
        }
        return nil
    }
}

/// How well one query word matched a set of words.
enum WordMatch: Int, Comparable {
    case prefix = 1, exact = 2
    static func < (a: WordMatch, b: WordMatch) -> Bool { a.rawValue < b.rawValue }
}

/// The distinct words of some texts, sorted, so that "is there a word starting
/// with this?" is a binary search.
struct WordSet: Sendable {
    private let words: [SearchWord]

    init<S: Sequence>(_ words: S) where S.Element == SearchWord {
        self.words = Array(Set(words)).sorted { $0.lexicographicallyPrecedes($1) }
    }

    var isEmpty: Bool { words.isEmpty }

    /// `.exact` when a word equals `q`, `.prefix` when one starts with it, else nil.
    func match(_ q: SearchWord) -> WordMatch? {
        // Lower bound: the first word not ordered before q; any word with prefix q sorts there or after.
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].lexicographicallyPrecedes(q) { lo = mid + 1 } else { hi = mid }
        }
        guard lo < words.count, SearchWords.hasPrefix(words[lo], q) else { return nil }
        return words[lo].count == q.count ? .exact : .prefix
    }
}
