// The distinct words of a SearchIndex, each graded once per typed word per keystroke.

/// Distinct folded words (with their marked forms) of every name in an index.
struct SearchVocabulary: Sendable {
    enum Kind: UInt8, Sendable {
        /// A word as written.
        case word
        /// Words run together ("nahang"): only the start counts.
        case joined
        /// The initials of words ("hcm"): only the start counts, ranked as a match inside a word.
        case initials
    }

    /// Set in a grade when the typed word had diacritics and this word's differ.
    static let marksDiffer: UInt8 = 0x40

    let folded: FlatWords
    /// The marked forms as UTF-8 (empty for joined words).
    let marked: FlatWords
    let kinds: [Kind]
    /// Which words a typed word can match at all (FastPath/VocabularyBuckets.swift).
    let buckets: VocabularyBuckets

    var count: Int { kinds.count }

    struct Builder {
        private var ids: [[UInt8]: Int32] = [:]
        private var folded: [[UInt8]] = []
        private var marked: [[UInt8]] = []
        private var kinds: [Kind] = []

        mutating func add(_ word: [UInt8], marked m: String, kind: Kind) -> Int32 {
            let key = [kind.rawValue] + (kind == .word ? Array(m.utf8) : word)
            if let id = ids[key] { return id }
            let id = Int32(kinds.count)
            ids[key] = id
            folded.append(word)
            marked.append(Array(m.utf8))
            kinds.append(kind)
            return id
        }

        func build() -> SearchVocabulary {
            let flat = FlatWords(folded)
            return SearchVocabulary(folded: flat, marked: FlatWords(marked), kinds: kinds,
                                    buckets: VocabularyBuckets(flat, kinds: kinds))
        }
    }

    /// Each word's grade against the typed word `t` (``WordGrade``), with
    /// ``marksDiffer`` added where `t` has diacritics the word does not share.
    func grades(_ t: SearchTerm) -> [UInt8] {
        var out = [UInt8](repeating: WordGrade.none, count: count)
        let typedMarks = t.hasMarks ? Array(t.marked.utf8) : []
        folded.bytes.withUnsafeBufferPointer { b in
            folded.ends.withUnsafeBufferPointer { e in
                t.folded.withUnsafeBufferPointer { q in
                    for i in 0..<e.count { out[i] = grade(i, q, t, typedMarks, b, e) }
                }
            }
        }
        return out
    }

    /// Word `i`'s grade against the typed word `t` (folded `q`, marks `typedMarks`), given
    /// the folded words' bytes `b` and ends `e`: the one rule both search paths use.
    @inline(__always)
    func grade(_ i: Int, _ q: UnsafeBufferPointer<UInt8>, _ t: SearchTerm, _ typedMarks: [UInt8],
               _ b: UnsafeBufferPointer<UInt8>, _ e: UnsafeBufferPointer<Int32>) -> UInt8 {
        let w = UnsafeBufferPointer(rebasing: b[(i == 0 ? 0 : Int(e[i - 1]))..<Int(e[i])])
        let g: UInt8
        switch kinds[i] {
        case .word: g = WordGrade.word(q, w)
        case .joined: g = WordGrade.joined(q, w)
        case .initials: g = WordGrade.joined(q, w) == WordGrade.none ? WordGrade.none : WordGrade.inside
        }
        guard g != WordGrade.none else { return g }
        if t.hasMarks && (kinds[i] != .word || !marked.word(i).containsBytes(typedMarks)) {
            return g | SearchVocabulary.marksDiffer
        }
        return g
    }
}

extension FlatWords {
    /// Word `i`'s bytes.
    func word(_ i: Int) -> ArraySlice<UInt8> {
        bytes[(i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])]
    }
}

extension ArraySlice<UInt8> {
    /// Whether `q` occurs in these bytes.
    func containsBytes(_ q: [UInt8]) -> Bool {
        guard q.count <= count else { return false }
        guard !q.isEmpty else { return true }
        var i = startIndex
        while i + q.count <= endIndex {
            if self[i..<(i + q.count)].elementsEqual(q) { return true }
            i += 1
        }
        return false
    }
}

/// Words in one byte buffer: word i is `bytes[start(i)..<ends[i]]`, so grading the
/// vocabulary is one pass over contiguous bytes with no reference counting.
struct FlatWords: Sendable {
    let bytes: [UInt8]
    let ends: [Int32]

    init(_ words: [[UInt8]]) {
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
}
