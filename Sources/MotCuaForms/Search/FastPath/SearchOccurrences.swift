// Where each vocabulary word occurs, so a keystroke visits only the places of the words it
// matched instead of every word of every candidate row (a procedure's summary alone is
// some thirty words, most of which match nothing typed).

/// The tokens of a SearchIndex grouped by vocabulary word.
struct SearchOccurrences: Sendable {
    /// Word w occurs at `end[w - 1]..<end[w]` of the arrays below.
    let end: [Int32]
    /// The name holding the occurrence.
    let name: [Int32]
    /// The occurrence's best key part before its grade: `miss << 8 | position` is added at
    /// search time; here the position, and ``typeFlag`` when it is a type word.
    let position: [UInt16]
    /// The row of each name.
    let nameRow: [Int32]

    /// Set in `position` for a type word ("Xã"): it grades ``WordGrade/typeWord`` whatever it matched.
    static let typeFlag: UInt16 = 0x8000

    init(vocabularyCount: Int, tokenWord: [Int32], tokenPosition: [UInt8], tokenIsType: [Bool],
         nameTokenEnd: [Int32], rowNameEnd: [Int32]) {
        var end = [Int32](repeating: 0, count: vocabularyCount + 1)
        for w in tokenWord { end[Int(w) + 1] += 1 }
        for w in 0..<vocabularyCount { end[w + 1] += end[w] }
        var fill = end
        var name = [Int32](repeating: 0, count: tokenWord.count)
        var position = [UInt16](repeating: 0, count: tokenWord.count)
        var n = 0
        for t in 0..<tokenWord.count {
            while t >= Int(nameTokenEnd[n]) { n += 1 }
            let w = Int(tokenWord[t])
            let o = Int(fill[w])
            fill[w] += 1
            name[o] = Int32(n)
            position[o] = UInt16(tokenPosition[t]) | (tokenIsType[t] ? SearchOccurrences.typeFlag : 0)
        }
        var nameRow = [Int32](repeating: 0, count: nameTokenEnd.count)
        var first = 0
        for (r, e) in rowNameEnd.enumerated() {
            for k in first..<Int(e) { nameRow[k] = Int32(r) }
            first = Int(e)
        }
        self.end = Array(end.dropFirst())
        self.name = name
        self.position = position
        self.nameRow = nameRow
    }

    /// Lends the arrays for a loop without bounds-checked, uniqueness-checked access:
    /// names, positions, the row of each name, the ends per word.
    func visit(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> Void) {
        name.withUnsafeBufferPointer { n in
            position.withUnsafeBufferPointer { p in
                nameRow.withUnsafeBufferPointer { r in
                    end.withUnsafeBufferPointer { e in body(n, p, r, e) }
                }
            }
        }
    }
}
