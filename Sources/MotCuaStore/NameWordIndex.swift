/// Name words → the entries holding them, for search. Names come from a
/// small vocabulary (a few thousand distinct folded words even over millions
/// of people), so a query word is answered from the posting lists of the
/// vocabulary words it begins, instead of scanning every entry's key: the
/// difference between ~30 ms and well under 1 ms over 100,000 dossiers.
/// Words holding a digit (ID numbers, receipt codes) are left to the scan.
/// Derived from `StoreIndex.searchText`, built on the first search.
struct NameWordIndex {
    private var postings: [[UInt8]: [Int32]] = [:]
    /// The vocabulary in byte order, for prefix ranges; rebuilt when new words arrive.
    private var sorted: [[UInt8]] = []
    private var sortedIsStale = false
    /// Entries indexed so far (the index only grows).
    private(set) var covered = 0

    static func isNameWord<C: Collection>(_ w: C) -> Bool where C.Element == UInt8 {
        !w.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Indexes entries `covered..<starts.count` of the search text.
    mutating func extend(text: [UInt8], starts: [Int]) {
        guard covered < starts.count else { return }
        SearchTextWords.forEach(text: text, starts: starts, from: covered) { entry, range in
            guard NameWordIndex.isNameWord(text[range]) else { return }
            let word = Array(text[range])
            if postings[word] == nil { sortedIsStale = true }
            // An entry naming one word twice is listed once.
            if postings[word, default: []].last != Int32(entry) { postings[word, default: []].append(Int32(entry)) }
        }
        covered = starts.count
    }

    private mutating func sortIfStale() {
        if sortedIsStale {
            sorted = postings.keys.sorted { $0.lexicographicallyPrecedes($1) }
            sortedIsStale = false
        }
    }

    /// Calls `body(word, entries)` for every vocabulary word starting with `prefix`.
    mutating func forEachPosting(prefix: [UInt8], _ body: ([UInt8], [Int32]) -> Void) {
        sortIfStale()
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].lexicographicallyPrecedes(prefix) { lo = mid + 1 } else { hi = mid }
        }
        while lo < sorted.count, sorted[lo].starts(with: prefix) {
            body(sorted[lo], postings[sorted[lo]] ?? [])
            lo += 1
        }
    }

    /// Calls `body(entries)` for every vocabulary word holding `part` after its first
    /// letter (a match inside a word: "an" in "lan"). The vocabulary is a few thousand
    /// words, so reading it all costs little next to the postings.
    mutating func forEachPosting(inside part: [UInt8], _ body: ([Int32]) -> Void) {
        sortIfStale()
        guard !part.isEmpty else { return }
        for word in sorted where word.count > part.count {
            var at = 1
            while at + part.count <= word.count {
                if word[at] == part[0], word[at..<(at + part.count)].elementsEqual(part) { body(postings[word] ?? []); break }
                at += 1
            }
        }
    }
}

/// The words of `StoreIndex.searchText`'s entries (each entry starts with its 0x01
/// separator, words split at single spaces): the one walk both word indexes take.
enum SearchTextWords {
    /// Calls `body(entry, word)` for every non-empty word of entries `from..<starts.count`.
    static func forEach(text: [UInt8], starts: [Int], from first: Int, _ body: (Int, Range<Int>) -> Void) {
        guard first < starts.count else { return }
        for entry in first..<starts.count {
            var p = starts[entry] + 1
            let end = entry + 1 < starts.count ? starts[entry + 1] : text.count
            while p < end {
                var q = p
                while q < end, text[q] != 0x20 { q += 1 }
                if q > p { body(entry, p..<q) }
                p = q + 1
            }
        }
    }
}
