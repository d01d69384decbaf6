// The catalog's word index: every distinct folded word of every entry, sorted,
// each with the entries that hold it. A query word is a range of this list
// (the words it starts), so a keystroke visits the entries that can match
// instead of all 2,000, and the cost grows with the hits, not the catalog.

/// Entries by word, for word-prefix queries where every query word must match.
struct InvertedIndex: Sendable {
    /// The distinct words, sorted by bytes.
    private let vocabulary: FlatWords
    /// The postings of word j are `postings[(j == 0 ? 0 : postingEnds[j - 1])..<postingEnds[j]]`.
    private let postingEnds: [Int32]
    /// `entry << 1`, plus 1 when the word is in the entry's title.
    private let postings: [UInt32]
    let entryCount: Int

    /// `titleWords[e]` and `otherWords[e]` are the words of entry e.
    init(titleWords: [[SearchWord]], otherWords: [[SearchWord]]) {
        var byWord: [SearchWord: [UInt32]] = [:]
        for e in titleWords.indices {
            let title = Set(titleWords[e])
            for w in title { byWord[w, default: []].append(UInt32(e) << 1 | 1) }
            for w in Set(otherWords[e]).subtracting(title) { byWord[w, default: []].append(UInt32(e) << 1) }
        }
        let words = byWord.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var ends: [Int32] = []
        var postings: [UInt32] = []
        for w in words {
            postings += byWord[w]!.sorted()
            ends.append(Int32(postings.count))
        }
        vocabulary = FlatWords(words)
        postingEnds = ends
        self.postings = postings
        entryCount = titleWords.count
    }

    /// Which entries hold every query word (each starting one of their words),
    /// with what the ranking needs to know about how.
    struct Matches {
        /// The matching entries, in no particular order.
        var entries: [Int]
        /// Per entry: how many query words it matched (all of them when it is in `entries`).
        var stage: [UInt8]
        /// Per entry: 1 when some word matched outside the title only.
        var notAllInTitle: [UInt8]
        /// Per entry: how many query words matched only as the start of a longer word.
        var missingExact: [UInt8]
    }

    func match(_ query: [SearchWord]) -> Matches {
        let n = entryCount
        var m = Matches(entries: [], stage: [UInt8](repeating: 0, count: n),
                        notAllInTitle: [UInt8](repeating: 0, count: n), missingExact: [UInt8](repeating: 0, count: n))
        // Per entry, for the word being looked up: 1 seen, 2 in title, 4 whole word in title, 8 whole word elsewhere.
        var seen = [UInt8](repeating: 0, count: n)
        var touched: [Int] = []
        for (k, w) in query.prefix(250).enumerated() {
            touched.removeAll(keepingCapacity: true)
            vocabulary.bytes.withUnsafeBufferPointer { b in
                vocabulary.ends.withUnsafeBufferPointer { e in
                    w.withUnsafeBufferPointer { q in
                        var j = lowerBound(b, e, q)
                        while j < e.count {
                            let hit = FlatWords.compare(b, e, j, q)
                            if hit == 0 { break }
                            let start = j == 0 ? 0 : Int(postingEnds[j - 1])
                            for p in postings[start..<Int(postingEnds[j])] {
                                let entry = Int(p >> 1)
                                guard m.stage[entry] == k else { continue }  // already missing an earlier word
                                if seen[entry] == 0 { touched.append(entry); seen[entry] = 1 }
                                if p & 1 == 1 { seen[entry] |= hit == 2 ? 6 : 2 } else if hit == 2 { seen[entry] |= 8 }
                            }
                            j += 1
                        }
                    }
                }
            }
            for entry in touched {
                let s = seen[entry]
                seen[entry] = 0
                m.stage[entry] = UInt8(k + 1)
                if s & 2 == 0 {
                    m.notAllInTitle[entry] = 1
                    if s & 8 == 0 { m.missingExact[entry] &+= 1 }
                } else if s & 4 == 0 {
                    m.missingExact[entry] &+= 1
                }
            }
            if touched.isEmpty { break }
        }
        m.entries = touched
        return m
    }

    /// The first word not sorted before `q`: where the words starting with q begin.
    private func lowerBound(_ b: UnsafeBufferPointer<UInt8>, _ e: UnsafeBufferPointer<Int32>, _ q: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = e.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if FlatWords.precedes(b, e, mid, q) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
