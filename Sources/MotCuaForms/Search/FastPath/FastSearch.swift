// The search as a keystroke runs it: the same result as `SearchIndex.plainSearch` (the
// rule, RowScorer reading every token of every candidate row), by another road: only the
// vocabulary words a typed word can match are graded (VocabularyBuckets), and only where
// those words occur is visited (SearchOccurrences). Each name's best (grade, diacritics
// missed, position) per typed word is packed in one UInt16 in the order RowScorer compares
// them, so "best" is a plain minimum. Held equal by SearchFastPathTests (see README.md).

extension SearchIndex {
    /// `grade << 9 | missedMarks << 8 | position`: ordered as RowScorer's `(grade, miss, position)`.
    @inline(__always)
    static func pack(_ grade: UInt8, miss: Bool, position: UInt16) -> UInt16 {
        UInt16(grade) << 9 | (miss ? 0x100 : 0) | position
    }

    func fastSearch(_ terms: [SearchTerm], limit: Int, allowed: ((Int) -> Bool)?) -> [SearchHit] {
        let termCount = terms.count
        let matched = terms.map { vocabulary.matches($0) }
        let complete = UInt8(termCount)
        // Rows holding every typed word somewhere: `seen[row] == k` after word k.
        var seen = [UInt8](repeating: 0, count: count)
        seen.withUnsafeMutableBufferPointer { seen in
            postingEnd.withUnsafeBufferPointer { ends in
                postings.withUnsafeBufferPointer { rows in
                    for (k, words) in matched.enumerated() {
                        for (w, _) in words {
                            for p in Int(w == 0 ? 0 : ends[Int(w) - 1])..<Int(ends[Int(w)]) {
                                let row = Int(rows[p])
                                if seen[row] == UInt8(k) { seen[row] = UInt8(k + 1) }
                            }
                        }
                    }
                }
            }
        }
        // Each candidate row's names get consecutive slots: name n's is `shift[row] + n`.
        var candidates: [Int] = []
        var shift = [Int32](repeating: 0, count: count)
        var slots = 0
        for row in 0..<count where seen[row] == complete {
            let n0 = row == 0 ? 0 : Int(rowNameEnd[row - 1])
            shift[row] = Int32(slots - n0)
            slots += Int(rowNameEnd[row]) - n0
            candidates.append(row)
        }
        guard !candidates.isEmpty else { return [] }
        var best = [UInt16](repeating: .max, count: slots * termCount)
        best.withUnsafeMutableBufferPointer { best in
            seen.withUnsafeBufferPointer { seen in
                shift.withUnsafeBufferPointer { shift in
                    occurrences.visit { occName, occPosition, nameRow, occEnd in
                        for (k, words) in matched.enumerated() {
                            for (w, g) in words {
                                let miss = g & SearchVocabulary.marksDiffer != 0
                                let plain = SearchIndex.pack(g & ~SearchVocabulary.marksDiffer, miss: miss, position: 0)
                                let typed = SearchIndex.pack(WordGrade.typeWord, miss: miss, position: 0)
                                for o in Int(w == 0 ? 0 : occEnd[Int(w) - 1])..<Int(occEnd[Int(w)]) {
                                    let n = Int(occName[o])
                                    let row = Int(nameRow[n])
                                    guard seen[row] == complete else { continue }
                                    let p = occPosition[o]
                                    let v = (p & SearchOccurrences.typeFlag != 0 ? typed : plain) | (p & 0xFF)
                                    let i = (Int(shift[row]) + n) * termCount + k
                                    if v < best[i] { best[i] = v }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Row keys hold the row in their low bits: distinct, so plain integers sort them.
        var keys: [UInt64] = []
        var nameOf = [Int32](repeating: -1, count: count)
        best.withUnsafeBufferPointer { packed in
            for row in candidates {
                guard let (key, name) = packedScore(row: row, packed: packed, shift: Int(shift[row]), termCount: termCount) else { continue }
                if let allowed, !allowed(row) { continue }
                keys.append(key)
                nameOf[row] = Int32(name)
            }
        }
        keys.sort()
        return keys.prefix(limit).map { key in
            let row = Int(key & SearchIndex.rowMask)
            return hit(row: row, name: Int(nameOf[row]), key: key)
        }
    }

    /// The row bits of a rank key (RowScorer.key).
    static let rowMask: UInt64 = (1 << 36) - 1

    /// RowScorer.score from the packed bests of the row's names (slot of name n: `shift + n`):
    /// the best name's key, else the key of the words found across names, else nil.
    private func packedScore(row: Int, packed: UnsafeBufferPointer<UInt16>, shift: Int, termCount: Int) -> (UInt64, Int)? {
        let n0 = row == 0 ? 0 : Int(rowNameEnd[row - 1]), n1 = Int(rowNameEnd[row])
        var best = UInt64.max, bestName = -1
        var cross: UInt64 = .max  // per typed word (8 bits each, 8 words at most): the best grade over all names
        for name in n0..<n1 {
            let s = (shift + name) * termCount
            var all = true
            for k in 0..<termCount {
                let v = packed[s + k]
                if v == .max { all = false; continue }
                let g = UInt64(v >> 9), at = UInt64(k * 8)
                if g < (cross >> at) & 0xFF { cross = cross & ~(0xFF << at) | g << at }
            }
            guard all else { continue }
            let key = packedKey(packed, at: s, termCount: termCount, rankClass: nameKind[name].rankClass, length: Int(nameLength[name]), row: row)
            if key < best { best = key; bestName = name }
        }
        if best != .max { return (best, bestName) }
        // Every typed word somewhere, but not in one name: ranked after every placed match.
        var worst: UInt64 = 0, sum: UInt64 = 0, counted = 0
        for k in 0..<termCount {
            let g = (cross >> UInt64(k * 8)) & 0xFF
            if g == UInt64(WordGrade.none) { return nil }
            if g == UInt64(WordGrade.typeWord) { continue }
            counted += 1; worst = max(worst, g); sum += g
        }
        if counted == 0 { worst = UInt64(WordGrade.typeWord); sum = UInt64(WordGrade.typeWord) * UInt64(termCount) }
        return (SearchIndex.rankKey(worst: worst, misses: 0, notWhole: 1, rankClass: 3, sum: sum, phrase: 1, first: 31, length: 63, row: row), -1)
    }

    /// RowScorer.key for a name whose every typed word is placed, from its packed bests.
    @inline(__always)
    private func packedKey(_ packed: UnsafeBufferPointer<UInt16>, at s: Int, termCount: Int, rankClass: UInt64, length: Int, row: Int) -> UInt64 {
        var worst: UInt64 = 0, sum: UInt64 = 0, misses: UInt64 = 0, first: UInt64 = 31, phrase: UInt64 = 0
        var counted = 0, last = -1
        for k in 0..<termCount {
            let v = packed[s + k]
            let g = UInt64(v >> 9)
            // Typed words that only met a type word do not count, unless that is all there is.
            if g == UInt64(WordGrade.typeWord) { continue }
            counted += 1
            worst = max(worst, g); sum += g
            if v & 0x100 != 0 { misses += 1 }
            let p = Int(v & 0xFF)
            first = min(first, UInt64(p))
            if last >= 0 && p != last + 1 { phrase = 1 }
            last = p
        }
        if counted == 0 { worst = UInt64(WordGrade.typeWord); sum = UInt64(WordGrade.typeWord) * UInt64(termCount) }
        let notWhole: UInt64 = counted > 0 && sum == 0 && phrase == 0 && counted == length ? 0 : 1
        return SearchIndex.rankKey(worst: worst, misses: misses, notWhole: notWhole, rankClass: rankClass, sum: sum,
                                   phrase: phrase, first: first, length: length, row: row)
    }

    /// RowScorer.key's packing.
    @inline(__always)
    static func rankKey(worst: UInt64, misses: UInt64, notWhole: UInt64, rankClass: UInt64, sum: UInt64,
                        phrase: UInt64, first: UInt64, length: Int, row: Int) -> UInt64 {
        worst << 60 | min(misses, 15) << 56 | notWhole << 55 | rankClass << 53 | min(sum, 63) << 47
            | phrase << 46 | min(first, 31) << 41 | UInt64(min(length, 31)) << 36 | UInt64(row)
    }
}
