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
        // Per entry: typed words matched so far, the weakest grade, whole words, this word's
        // grade. Read through buffer pointers: the closures below mark tens of thousands of
        // entries for a one-letter word, and each array access from a closure paid a
        // dynamic exclusivity check.
        var state = [UInt8](repeating: 0, count: 4 * n)
        return state.withUnsafeMutableBufferPointer { s in
            let alive = UnsafeMutableBufferPointer(rebasing: s[0..<n]), worst = UnsafeMutableBufferPointer(rebasing: s[n..<(2 * n)])
            let wholes = UnsafeMutableBufferPointer(rebasing: s[(2 * n)..<(3 * n)]), grade = UnsafeMutableBufferPointer(rebasing: s[(3 * n)...])
            grade.update(repeating: StoreIndex.notFound)
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
                    if inside && token.count >= 2 { codeInside(token) { mark($0, 2) } }
                }
                for e in 0..<n where alive[e] == round && grade[e] != StoreIndex.notFound {
                    alive[e] = round + 1
                    worst[e] = max(worst[e], grade[e])
                    if grade[e] == 0 { wholes[e] += 1 }
                    grade[e] = StoreIndex.notFound
                }
            }
            let need = UInt8(truncatingIfNeeded: tokens.count)
            // Best first by (weakest word, most whole words), newest first among equals
            // (entries are in the order they were stored): one pass from the newest entry into
            // one bucket per (worst, wholes), each kept to `limit`; no sort of the tens of
            // thousands of entries a one-letter word matches.
            let kinds = tokens.count + 1
            var buckets = [[Int]](repeating: [], count: 3 * kinds)
            for e in stride(from: n - 1, through: 0, by: -1) where alive[e] == need {
                let b = Int(min(worst[e], 2)) * kinds + (tokens.count - min(Int(wholes[e]), tokens.count))
                if buckets[b].count < limit { buckets[b].append(e) }
            }
            return Array(buckets.joined().prefix(limit))
        }
    }

    /// Entries holding code word `token` (with a digit, two characters or more) inside a
    /// word: from the code index's three-character places when the token has three, which
    /// name the few entries worth reading; else one pass over the text.
    private func codeInside(_ token: [UInt8], _ body: (Int) -> Void) {
        guard token.count >= 3 else { return scanInside(token, body) }
        searchText.withUnsafeBufferPointer { t in
            codes.forEachInside(token) { e in
                let end = e + 1 < starts.count ? starts[e + 1] : t.count
                var at = starts[e] + 1
                while at + token.count <= end {
                    if t[at] == token[0], t[at - 1] != 0x20, t[at - 1] != 0x01,
                       UnsafeBufferPointer(rebasing: t[at..<(at + token.count)]).elementsEqual(token) {
                        body(e)
                        return
                    }
                    at += 1
                }
            }
        }
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
