// Word-prefix search over folded text, shared by the catalog and by long option
// lists. Everything a search compares is folded once (at load for entries, once
// per keystroke for the query), and an entry's words sit in one flat byte
// buffer, so a keystroke costs a few binary searches per entry with no
// allocation and no reference counting: the target is well under 1 ms over
// 2,000 procedures or 3,321 communes.
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
    static func hasPrefix(_ word: SearchWord, _ prefix: SearchWord) -> Bool {
        guard word.count >= prefix.count else { return false }
        for i in prefix.indices where word[i] != prefix[i] { return false }
        return true
    }
}

/// How well one query word matched a set of words.
enum WordMatch: Int, Comparable {
    case prefix = 1, exact = 2
    static func < (a: WordMatch, b: WordMatch) -> Bool { a.rawValue < b.rawValue }
}

/// Words in one byte buffer: word i is `bytes[start(i)..<ends[i]]`.
struct FlatWords: Sendable {
    let bytes: [UInt8]
    let ends: [Int32]

    init(_ words: [SearchWord]) {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.count })
        for w in words {
            bytes += w
            ends.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    /// Whether word `i` starts with `q` (0 = no, 1 = prefix, 2 = the same word).
    @inline(__always)
    static func compare(_ b: UnsafeBufferPointer<UInt8>, _ e: UnsafeBufferPointer<Int32>, _ i: Int, _ q: UnsafeBufferPointer<UInt8>) -> Int {
        let start = i == 0 ? 0 : Int(e[i - 1]), end = Int(e[i])
        guard end - start >= q.count else { return 0 }
        var k = 0
        while k < q.count {
            if b[start + k] != q[k] { return 0 }
            k += 1
        }
        return end - start == q.count ? 2 : 1
    }

    /// Byte order of word `i` against `q`: true when word i sorts before q.
    @inline(__always)
    static func precedes(_ b: UnsafeBufferPointer<UInt8>, _ e: UnsafeBufferPointer<Int32>, _ i: Int, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = i == 0 ? 0 : Int(e[i - 1]), end = Int(e[i])
        let n = min(end - start, q.count)
        var k = 0
        while k < n {
            let x = b[start + k], y = q[k]
            if x != y { return x < y }
            k += 1
        }
        return end - start < q.count
    }
}

/// The distinct words of some texts, sorted, so that "is there a word starting
/// with this?" is a binary search.
struct WordSet: Sendable {
    private let flat: FlatWords

    init(_ words: [SearchWord]) {
        var sorted = words.sorted { $0.lexicographicallyPrecedes($1) }
        var k = 0
        for w in sorted where k == 0 || sorted[k - 1] != w {
            sorted[k] = w
            k += 1
        }
        flat = FlatWords(Array(sorted.prefix(k)))
    }

    var isEmpty: Bool { flat.isEmpty }

    /// `.exact` when a word equals `q`, `.prefix` when one starts with it, else nil.
    func match(_ q: SearchWord) -> WordMatch? {
        flat.bytes.withUnsafeBufferPointer { b in
            flat.ends.withUnsafeBufferPointer { e in
                q.withUnsafeBufferPointer { qp -> WordMatch? in
                    // Lower bound: q itself sorts before every longer word it starts.
                    var lo = 0, hi = e.count
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if FlatWords.precedes(b, e, mid, qp) { lo = mid + 1 } else { hi = mid }
                    }
                    guard lo < e.count else { return nil }
                    switch FlatWords.compare(b, e, lo, qp) {
                    case 2: return .exact
                    case 1: return .prefix
                    default: return nil
                    }
                }
            }
        }
    }
}

/// Words of one text in reading order, for phrase matching.
struct WordSequence: Sendable {
    private let flat: FlatWords

    init(_ words: [SearchWord]) { flat = FlatWords(words) }

    var count: Int { flat.count }

    /// Where the query words occur one after another, each a prefix of a word,
    /// as "khai sinh" in "đăng ký khai sinh": the index of the first such word, or nil.
    func phrase(_ query: [SearchWord]) -> Int? {
        guard !query.isEmpty, query.count <= flat.count else { return nil }
        return flat.bytes.withUnsafeBufferPointer { b in
            flat.ends.withUnsafeBufferPointer { e -> Int? in
                outer: for start in 0...(e.count - query.count) {
                    for k in query.indices {
                        let hit = query[k].withUnsafeBufferPointer { FlatWords.compare(b, e, start + k, $0) }
                        if hit == 0 { continue outer }
                    }
                    return start
                }
                return nil
            }
        }
    }
}

/// The best `limit` items by key, kept sorted while items stream in: a
/// keystroke that matches 2,000 entries sorts 20 of them, not 2,000.
struct TopK<Key: Comparable> {
    let limit: Int
    private(set) var items: [(key: Key, at: Int)] = []

    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(limit + 1)
    }

    mutating func offer(_ key: Key, _ at: Int) {
        if items.count == limit, let worst = items.last, !(key < worst.key) { return }
        var i = items.count
        while i > 0 && key < items[i - 1].key { i -= 1 }
        items.insert((key, at), at: i)
        if items.count > limit { items.removeLast() }
    }
}
