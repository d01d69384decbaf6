// Which vocabulary words a typed word can match at all, so a keystroke grades a few
// hundred words instead of every word of 2,000 summaries. Every grade but "inside a word"
// needs the typed word's first letter at the start of the word (whole, start, one typo
// after the first letter, joined words, initials); "inside" needs its first two letters
// together after the start. So the candidates are the words starting with the first
// letter, plus the plain words holding the first two letters further on.

/// Vocabulary words grouped by first byte and by the byte pairs they hold after it.
struct VocabularyBuckets: Sendable {
    /// Byte classes: a–z, 0–9, and one class for everything else (a superset is safe:
    /// grading decides, the buckets only leave out words that cannot match).
    static let classes = 37

    @inline(__always)
    static func byteClass(_ b: UInt8) -> Int {
        if b >= 0x61 && b <= 0x7A { return Int(b - 0x61) }
        if b >= 0x30 && b <= 0x39 { return 26 + Int(b - 0x30) }
        return 36
    }

    /// Words whose first byte is in class c: `firstWords[firstEnd[c]..<firstEnd[c + 1]]`.
    let firstEnd: [Int32]
    let firstWords: [Int32]
    /// Plain words holding the pair (c1, c2) after their first byte, left out when that
    /// word already starts with class c1 (it is in the first list): `pairWords[pairEnd[p]..<pairEnd[p + 1]]`
    /// with p = c1 × classes + c2. The two lists of a typed word are disjoint.
    let pairEnd: [Int32]
    let pairWords: [Int32]

    init(_ words: FlatWords, kinds: [SearchVocabulary.Kind]) {
        let n = VocabularyBuckets.classes
        var firstCount = [Int32](repeating: 0, count: n + 1)
        var pairCount = [Int32](repeating: 0, count: n * n + 1)
        // Pass 1 counts, pass 2 fills (a counting sort: no per-bucket arrays).
        func eachWord(_ body: (Int, Int, [Int]) -> Void) {
            var start = 0
            for i in 0..<kinds.count {
                let end = Int(words.ends[i])
                defer { start = end }
                guard end > start else { continue }
                let first = VocabularyBuckets.byteClass(words.bytes[start])
                var pairs: [Int] = []
                if kinds[i] == .word && end - start >= 3 {
                    for j in (start + 1)..<(end - 1) {
                        let c1 = VocabularyBuckets.byteClass(words.bytes[j])
                        if c1 == first { continue }
                        let p = c1 * n + VocabularyBuckets.byteClass(words.bytes[j + 1])
                        if !pairs.contains(p) { pairs.append(p) }
                    }
                }
                body(i, first, pairs)
            }
        }
        eachWord { _, first, pairs in
            firstCount[first + 1] += 1
            for p in pairs { pairCount[p + 1] += 1 }
        }
        for c in 0..<n { firstCount[c + 1] += firstCount[c] }
        for p in 0..<(n * n) { pairCount[p + 1] += pairCount[p] }
        var firstWords = [Int32](repeating: 0, count: Int(firstCount[n]))
        var pairWords = [Int32](repeating: 0, count: Int(pairCount[n * n]))
        var firstFill = firstCount, pairFill = pairCount
        eachWord { i, first, pairs in
            firstWords[Int(firstFill[first])] = Int32(i)
            firstFill[first] += 1
            for p in pairs {
                pairWords[Int(pairFill[p])] = Int32(i)
                pairFill[p] += 1
            }
        }
        firstEnd = firstCount
        pairEnd = pairCount
        self.firstWords = firstWords
        self.pairWords = pairWords
    }

    /// The words `q` (folded, not empty) can match: each at most once.
    func candidates(_ q: [UInt8], _ body: (Int) -> Void) {
        guard let q0 = q.first else { return }
        let c = VocabularyBuckets.byteClass(q0)
        for k in Int(firstEnd[c])..<Int(firstEnd[c + 1]) { body(Int(firstWords[k])) }
        // "Inside a word" needs two letters (WordGrade.word).
        guard q.count >= 2 else { return }
        let p = c * VocabularyBuckets.classes + VocabularyBuckets.byteClass(q[1])
        for k in Int(pairEnd[p])..<Int(pairEnd[p + 1]) { body(Int(pairWords[k])) }
    }
}

extension SearchVocabulary {
    /// The words matching `t`, each with its grade as ``grades(_:)`` gives it; words not
    /// listed grade `none`.
    func matches(_ t: SearchTerm) -> [(word: Int32, grade: UInt8)] {
        var out: [(word: Int32, grade: UInt8)] = []
        let typedMarks = t.hasMarks ? Array(t.marked.utf8) : []
        folded.bytes.withUnsafeBufferPointer { b in
            folded.ends.withUnsafeBufferPointer { e in
                t.folded.withUnsafeBufferPointer { q in
                    buckets.candidates(t.folded) { i in
                        let g = grade(i, q, t, typedMarks, b, e)
                        if g != WordGrade.none { out.append((Int32(i), g)) }
                    }
                }
            }
        }
        return out
    }
}
