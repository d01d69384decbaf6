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
        // Rows holding every typed word somewhere: `seen[row] == k` after word k.
        var seen = [UInt8](repeating: 0, count: count)
        for (k, words) in matched.enumerated() {
            for (w, _) in words {
                for p in Int(w == 0 ? 0 : postingEnd[Int(w) - 1])..<Int(postingEnd[Int(w)]) {
                    let row = Int(postings[p])
                    if seen[row] == UInt8(k) { seen[row] = UInt8(k + 1) }
                }
            }
        }
        let complete = UInt8(termCount)
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
        let occ = occurrences
        for (k, words) in matched.enumerated() {
            for (w, g) in words {
                let miss = g & SearchVocabulary.marksDiffer != 0
                let plain = SearchIndex.pack(g & ~SearchVocabulary.marksDiffer, miss: miss, position: 0)
                let typed = SearchIndex.pack(WordGrade.typeWord, miss: miss, position: 0)
                for o in Int(w == 0 ? 0 : occ.end[Int(w) - 1])..<Int(occ.end[Int(w)]) {
                    let n = Int(occ.name[o])
                    let row = Int(occ.nameRow[n])
                    guard seen[row] == complete else { continue }
                    let p = occ.position[o]
                    let v = (p & SearchOccurrences.typeFlag != 0 ? typed : plain) | (p & 0xFF)
                    let i = (Int(shift[row]) + n) * termCount + k
                    if v < best[i] { best[i] = v }
                }
            }
        }
        var found: [(key: UInt64, row: Int, name: Int)] = []
        var scorer = RowScorer(termCount: termCount, grades: [])
        best.withUnsafeBufferPointer { packed in
            for row in candidates {
                guard let (key, name) = scorer.score(self, row: row, packed: packed, shift: Int(shift[row])) else { continue }
                if let allowed, !allowed(row) { continue }
                found.append((key, row, name))
            }
        }
        return hits(found, limit: limit)
    }
}

extension RowScorer {
    /// `score(_:row:)` from the packed bests of the row's names (slot of name n: `shift + n`).
    mutating func score(_ ix: SearchIndex, row: Int, packed: UnsafeBufferPointer<UInt16>, shift: Int) -> (UInt64, Int)? {
        let n0 = row == 0 ? 0 : Int(ix.rowNameEnd[row - 1]), n1 = Int(ix.rowNameEnd[row])
        var best = UInt64.max, bestName = -1
        for k in 0..<termCount { cross[k] = WordGrade.none }
        for name in n0..<n1 {
            let s = (shift + name) * termCount
            var all = true
            for k in 0..<termCount {
                let v = packed[s + k]
                if v == .max {
                    grade[k] = WordGrade.none
                    all = false
                } else {
                    grade[k] = UInt8(v >> 9); misses[k] = v & 0x100 != 0; position[k] = UInt8(v & 0xFF)
                }
                cross[k] = min(cross[k], grade[k])
            }
            guard all else { continue }
            let key = key(rankClass: ix.nameKind[name].rankClass, length: Int(ix.nameLength[name]), row: row, placed: true)
            if key < best { best = key; bestName = name }
        }
        return finish(best: best, name: bestName, row: row)
    }
}
