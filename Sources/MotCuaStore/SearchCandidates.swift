/// A search that gives a ranker few rows to rank: the desk's returning-citizen search
/// (issue 16) ranks with the one option search, whole word > word start > inside a word,
/// but grading every name of 100,000 dossiers per keystroke is too slow. The store's word
/// indexes find the entries instead, graded the same three ways, and only the best few
/// hundred (by their weakest typed word, then most whole words, then newest) go on.
extension StoreIndex {
    /// How a typed word met an entry: 0 a whole word, 1 a word's start, 2 inside a word,
    /// 3 not at all.
    private static let notFound: UInt8 = 3

    /// Entries matching every typed word of `query`, best first, at most `limit`.
    /// Matches inside a word (two characters or more, as the option search's) are looked
    /// for only when whole words and word starts give fewer than `limit`: they rank below.
    mutating func candidates(_ query: String, limit: Int) -> [Int] {
        let tokens = StoreIndex.tokens(query)
        guard !tokens.isEmpty, !entries.isEmpty, limit > 0 else { return [] }
        extendWordIndexes()
        let first = graded(tokens, inside: false, limit: limit)
        if first.count >= limit || !tokens.contains(where: { $0.count >= 2 }) { return first }
        return graded(tokens, inside: true, limit: limit)
    }

    private mutating func graded(_ tokens: [[UInt8]], inside: Bool, limit: Int) -> [Int] {
        let n = entries.count
        var alive = [UInt8](repeating: 0, count: n)  // typed words matched so far
        var worst = [UInt8](repeating: 0, count: n)
        var wholes = [UInt8](repeating: 0, count: n)
        var grade = [UInt8](repeating: StoreIndex.notFound, count: n)
        for (t, token) in tokens.enumerated() {
            let round = UInt8(truncatingIfNeeded: t)
            func mark(_ e: Int, _ g: UInt8) { if alive[e] == round, g < grade[e] { grade[e] = g } }
            if NameWordIndex.isNameWord(token) {
                words.forEachPosting(prefix: token) { word, list in
                    let g: UInt8 = word.count == token.count ? 0 : 1
                    for e in list { mark(Int(e), g) }
                }
                if inside && token.count >= 2 { words.forEachPosting(inside: token) { list in for e in list { mark(Int(e), 2) } } }
            } else {
                codes.forEach(prefix: token, text: searchText) { e, whole in mark(e, whole ? 0 : 1) }
                if inside && token.count >= 2 { scanInside(token) { mark($0, 2) } }
            }
            for e in 0..<n where alive[e] == round && grade[e] != StoreIndex.notFound {
                alive[e] = round + 1
                worst[e] = max(worst[e], grade[e])
                if grade[e] == 0 { wholes[e] += 1 }
                grade[e] = StoreIndex.notFound
            }
        }
        let need = UInt8(truncatingIfNeeded: tokens.count)
        // Newest first among equals: the entries are in the order they were stored.
        var found: [Int] = []
        for e in stride(from: n - 1, through: 0, by: -1) where alive[e] == need { found.append(e) }
        found.sort { (worst[$0], -Int(wholes[$0]), -$0) < (worst[$1], -Int(wholes[$1]), -$1) }
        return Array(found.prefix(limit))
    }

    /// Every entry holding `token` inside a word (not at its start): one pass over the text.
    private func scanInside(_ token: [UInt8], _ body: (Int) -> Void) {
        searchText.withUnsafeBytes { hay in
            token.withUnsafeBytes { needle in
                var from = 0
                while from < hay.count {
                    guard let at = StoreIndex.find(needle, in: hay, from: from) else { break }
                    from = at + 1
                    let before = hay[at - 1]  // at ≥ 1: the buffer starts with 0x01, which no token contains
                    if before != 0x01 && before != 0x20 { body(owner(of: at)) }
                }
            }
        }
    }
}
