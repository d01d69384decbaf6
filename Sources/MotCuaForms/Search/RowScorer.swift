// One row's rank key for a query: the best of its names, packed in one integer so that
// sorting the matches compares numbers.

/// Scores rows against the graded typed words, reusing its buffers from row to row.
struct RowScorer {
    let termCount: Int
    /// `grades[k * vocabularyCount + w]`: typed word k against vocabulary word w.
    private let grades: [UInt8]
    private let vocabularyCount: Int
    /// The current name's best per typed word, and the row's best grade over all its names.
    var grade: [UInt8], position: [UInt8], misses: [Bool], cross: [UInt8]

    init(termCount: Int, grades: [[UInt8]]) {
        self.termCount = termCount
        vocabularyCount = grades.first?.count ?? 0
        self.grades = Array(grades.joined())
        grade = Array(repeating: WordGrade.none, count: termCount)
        position = Array(repeating: 0, count: termCount)
        misses = Array(repeating: false, count: termCount)
        cross = grade
    }

    /// The row's key and the name that gave it (-1 when its words were found only
    /// across several names), or nil when some typed word is nowhere in the row.
    mutating func score(_ ix: SearchIndex, row: Int) -> (UInt64, Int)? {
        let n0 = row == 0 ? 0 : Int(ix.rowNameEnd[row - 1]), n1 = Int(ix.rowNameEnd[row])
        var best = UInt64.max, bestName = -1
        for k in 0..<termCount { cross[k] = WordGrade.none }
        for name in n0..<n1 {
            for k in 0..<termCount { grade[k] = WordGrade.none }
            let t0 = name == 0 ? 0 : Int(ix.nameTokenEnd[name - 1]), t1 = Int(ix.nameTokenEnd[name])
            for t in t0..<t1 {
                let w = Int(ix.tokenWord[t])
                for k in 0..<termCount {
                    var g = grades[k &* vocabularyCount &+ w]
                    if g == WordGrade.none { continue }
                    let miss = g & SearchVocabulary.marksDiffer != 0
                    g &= ~SearchVocabulary.marksDiffer
                    if ix.tokenIsType[t] { g = WordGrade.typeWord }
                    let p = ix.tokenPosition[t]
                    if (g, miss ? 1 : 0, p) < (grade[k], misses[k] ? 1 : 0, position[k]) {
                        grade[k] = g; misses[k] = miss; position[k] = p
                    }
                }
            }
            var all = true
            for k in 0..<termCount {
                if grade[k] == WordGrade.none { all = false }
                cross[k] = min(cross[k], grade[k])
            }
            guard all else { continue }
            let key = key(rankClass: ix.nameKind[name].rankClass, length: Int(ix.nameLength[name]), row: row, placed: true)
            if key < best { best = key; bestName = name }
        }
        return finish(best: best, name: bestName, row: row)
    }

    /// The row's key once its names are scored: the best name's, else (every typed word
    /// found, but across several names) a key ranked after every placed match.
    mutating func finish(best: UInt64, name bestName: Int, row: Int) -> (UInt64, Int)? {
        if best != .max { return (best, bestName) }
        guard !cross.contains(WordGrade.none) else { return nil }
        grade = cross
        for k in 0..<termCount { misses[k] = false }
        return (key(rankClass: 3, length: 63, row: row, placed: false), -1)
    }

    /// Packs the rank (see `SearchIndex.search`) from the current `grade`, `position`, `misses`.
    func key(rankClass: UInt64, length: Int, row: Int, placed: Bool) -> UInt64 {
        // Typed words that only met a type word ("thanh" in "Thành phố") do not count,
        // unless that is all there is.
        let counted = (0..<termCount).filter { grade[$0] != WordGrade.typeWord }
        var worst: UInt64 = 0, sum: UInt64 = 0, missCount: UInt64 = 0, first: UInt64 = 31, phrase: UInt64 = 0
        if counted.isEmpty {
            worst = UInt64(WordGrade.typeWord)
            sum = UInt64(WordGrade.typeWord) * UInt64(termCount)
        }
        var last = -1
        for k in counted {
            worst = max(worst, UInt64(grade[k]))
            sum += UInt64(grade[k])
            if misses[k] { missCount += 1 }
            first = min(first, UInt64(position[k]))
            if last >= 0 && Int(position[k]) != last + 1 { phrase = 1 }
            last = Int(position[k])
        }
        if !placed { phrase = 1; first = 31 }
        // The typed words are the whole name ("my" is Mỹ, not the first syllable of Mi-an-ma).
        let notWhole: UInt64 = placed && !counted.isEmpty && sum == 0 && phrase == 0 && counted.count == length ? 0 : 1
        return worst << 60 | min(missCount, 15) << 56 | notWhole << 55 | rankClass << 53 | min(sum, 63) << 47
            | phrase << 46 | min(first, 31) << 41 | UInt64(min(length, 31)) << 36 | UInt64(row)
    }
}
