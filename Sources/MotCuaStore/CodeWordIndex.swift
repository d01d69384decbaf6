/// Words holding a digit (ID numbers, phones, receipt codes) → the entries holding them,
/// for search. Unlike names they are nearly all distinct, so instead of posting lists the
/// index is one array of the words' places in `StoreIndex.searchText`, sorted by the
/// words' bytes: a typed prefix is a binary search and a contiguous run, where scanning
/// the whole text stopped at every "0" of 100,000 dossiers. Derived, built on first use,
/// extended (sorted new words merged in) as entries arrive.
struct CodeWordIndex {
    /// Where each word starts in the search text, sorted by the word; `owners` in step.
    private var places: [Int] = []
    private var owners: [Int32] = []
    /// Entries indexed so far (the index only grows).
    private(set) var covered = 0
    /// Per three characters (as `gramKey`), the entries holding them inside a code word
    /// (from its second character on), ascending, each once: a typed code looked for
    /// inside a word reads the entries of its rarest three characters, where a pass over
    /// the whole text stopped at every "0" of 100,000 dossiers (~50 ms a keystroke).
    private var grams: [[Int32]] = []

    /// Byte classes: 0–9, a–z, '-', anything else (a superset only: the caller reads the text).
    @inline(__always) private static func gramKey(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        @inline(__always) func k(_ x: UInt8) -> Int {
            if x >= 0x30 && x <= 0x39 { return Int(x - 0x30) }
            if x >= 0x61 && x <= 0x7A { return 10 + Int(x - 0x61) }
            return x == 0x2D ? 36 : 37
        }
        return (k(a) * 38 + k(b)) * 38 + k(c)
    }

    /// A word ends at a space, an entry's 0x01 separator or the end of the text.
    @inline(__always) private static func isEnd(_ b: UInt8) -> Bool { b == 0x20 || b == 0x01 }

    /// The word at `a` against the word at `b` (or a prefix when `prefix` is set): <0, 0, >0.
    private static func compare(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, prefix: Bool) -> Int {
        var i = a, j = bStart
        while true {
            let ca: UInt8 = i < text.count && !isEnd(text[i]) ? text[i] : 0
            let cb: UInt8 = j < b.count && !isEnd(b[j]) ? b[j] : 0
            if prefix && cb == 0 { return 0 }  // the prefix is used up: it begins this word
            if ca != cb { return Int(ca) - Int(cb) }
            if ca == 0 { return 0 }
            i += 1; j += 1
        }
    }

    /// Indexes entries `covered..<starts.count` of the search text.
    mutating func extend(text: [UInt8], starts: [Int]) {
        guard covered < starts.count else { return }
        var new: [(place: Int, owner: Int32)] = []
        if grams.isEmpty { grams = Array(repeating: [], count: 38 * 38 * 38) }
        SearchTextWords.forEach(text: text, starts: starts, from: covered) { entry, range in
            guard !NameWordIndex.isNameWord(text[range]) else { return }
            new.append((range.lowerBound, Int32(entry)))
            var p = range.lowerBound + 1
            while p + 3 <= range.upperBound {
                let key = CodeWordIndex.gramKey(text[p], text[p + 1], text[p + 2])
                if grams[key].last != Int32(entry) { grams[key].append(Int32(entry)) }
                p += 1
            }
        }
        covered = starts.count
        text.withUnsafeBufferPointer { t in
            new.sort { CodeWordIndex.compare(t, $0.place, t, $1.place, prefix: false) < 0 }
            // Merge the sorted new words into the sorted old ones.
            var mergedPlaces: [Int] = [], mergedOwners: [Int32] = []
            mergedPlaces.reserveCapacity(places.count + new.count); mergedOwners.reserveCapacity(places.count + new.count)
            var i = 0, j = 0
            while i < places.count || j < new.count {
                if j == new.count || i < places.count && CodeWordIndex.compare(t, places[i], t, new[j].place, prefix: false) <= 0 {
                    mergedPlaces.append(places[i]); mergedOwners.append(owners[i]); i += 1
                } else {
                    mergedPlaces.append(new[j].place); mergedOwners.append(new[j].owner); j += 1
                }
            }
            places = mergedPlaces; owners = mergedOwners
        }
    }

    /// Calls `body(entry)` for every entry that may hold `token` (three characters or
    /// more) inside a code word: a superset, each entry once; the caller reads the text.
    func forEachInside(_ token: [UInt8], _ body: (Int) -> Void) {
        guard token.count >= 3, !grams.isEmpty else { return }
        var best = CodeWordIndex.gramKey(token[0], token[1], token[2])
        for i in 1..<(token.count - 2) {
            let key = CodeWordIndex.gramKey(token[i], token[i + 1], token[i + 2])
            if grams[key].count < grams[best].count { best = key }
        }
        for e in grams[best] { body(Int(e)) }
    }

    /// Calls `body(entry, whole)` for every indexed word starting with `prefix`
    /// (`whole`: the word is exactly `prefix`). The words starting with it are one run of
    /// the sorted places, found by two binary searches; a word that is exactly `prefix`
    /// sorts before every longer one, so the whole words open the run. A one-digit prefix
    /// names hundreds of thousands of words ("0": every ID number and phone), so the run
    /// is walked through buffer pointers without comparing each word again.
    func forEach(prefix: [UInt8], text: [UInt8], _ body: (Int, Bool) -> Void) {
        guard !prefix.isEmpty else { return }
        text.withUnsafeBufferPointer { t in
            prefix.withUnsafeBufferPointer { p in
                places.withUnsafeBufferPointer { places in
                    owners.withUnsafeBufferPointer { owners in
                        // First word not below the prefix, then first word past its run.
                        var lo = 0, hi = places.count
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if CodeWordIndex.compare(t, places[mid], p, 0, prefix: false) < 0 { lo = mid + 1 } else { hi = mid }
                        }
                        let start = lo
                        hi = places.count
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if CodeWordIndex.compare(t, places[mid], p, 0, prefix: true) <= 0 { lo = mid + 1 } else { hi = mid }
                        }
                        var i = start
                        while i < lo {
                            let after = places[i] + p.count
                            guard after >= t.count || CodeWordIndex.isEnd(t[after]) else { break }
                            body(Int(owners[i]), true)
                            i += 1
                        }
                        while i < lo {
                            body(Int(owners[i]), false)
                            i += 1
                        }
                    }
                }
            }
        }
    }
}
