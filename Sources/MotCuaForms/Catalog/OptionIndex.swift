// Narrowing a long choice list as a person types: the 3,321 communes, the 54
// ethnic groups with their other names, the nationalities. Labels are folded
// once when the index is built; the kiosk and the plain mode keep one index per
// list and call `search` on every keystroke.

/// A pre-folded search over the options of a choice list.
public struct OptionIndex: Sendable {
    public let options: [Option]
    /// The language whose label is shown, and ranks first.
    public let language: String
    private let entries: [OptionEntry]

    /// Indexes `options` for searching. Each option is found by its label in
    /// `language` (ranked first), by its label in any other language, and by
    /// the `attributes` named (`aliases` by default: "H'Mông; Hmông; Mèo" finds
    /// the Mông group, "Úc" Australia).
    public init(options: [Option], language: String = "vi", attributes: [String] = ["aliases"]) {
        self.options = options
        self.language = language
        entries = options.map { o in
            let shownText = o.label.resolve(language)
            let shown = SearchWords.words(shownText)
            var other: [SearchWord] = []
            for t in o.label.translations where t.text != shownText { other += SearchWords.words(t.text) }
            for a in attributes { if let v = o.attributes[a], !v.isEmpty { other += SearchWords.words(v) } }
            return OptionEntry(label: WordSequence(shown), labelWords: WordSet(shown), otherWords: other.isEmpty ? nil : WordSet(other))
        }
    }

    public var count: Int { options.count }

    /// Positions in `options` of the options matching `query` and allowed by
    /// `allowed` (for a filter such as "communes of the chosen province"),
    /// best first.
    ///
    /// Every word of the query must start a word of the label (or of another
    /// name), diacritics optional: "hung duc", "Hùng Đức" and "xa hung d" all
    /// find "Xã Hùng Đức". Ranking: the query as consecutive words at the start
    /// of the label or right after its first word ("Xã", "Phường"), then further
    /// in, then the label's words in another order, then matches through other
    /// names only; list order within each rank. An empty query gives every
    /// allowed option in list order. `allowed` is called only for options whose
    /// text matches, so a costly filter stays cheap.
    public func search(_ query: String, allowed: ((Option) -> Bool)? = nil) -> [Int] {
        let words = SearchWords.words(query)
        if words.isEmpty {
            guard let allowed else { return Array(options.indices) }
            return options.indices.filter { allowed(options[$0]) }
        }
        // Four ranks, each filled in list order, so no sort is needed.
        var ranks: [[Int]] = [[], [], [], []]
        for (i, e) in entries.enumerated() {
            guard let rank = e.rank(words) else { continue }
            if let allowed, !allowed(options[i]) { continue }
            ranks[rank].append(i)
        }
        return Array(ranks.joined())
    }

    /// The options themselves, as `search` orders them.
    public func matches(_ query: String, allowed: ((Option) -> Bool)? = nil) -> [Option] {
        search(query, allowed: allowed).map { options[$0] }
    }
}

/// One option's folded words.
private struct OptionEntry: Sendable {
    let label: WordSequence
    let labelWords: WordSet
    let otherWords: WordSet?

    /// 0: the query as a phrase at the start of the label or after its first
    /// word; 1: a phrase further in; 2: the label's words in another order;
    /// 3: found through other names. Nil when some word is missing.
    func rank(_ words: [SearchWord]) -> Int? {
        var onLabel = true
        for w in words where labelWords.match(w) == nil {
            guard otherWords?.match(w) != nil else { return nil }
            onLabel = false
        }
        guard onLabel else { return 3 }
        guard let at = label.phrase(words) else { return 2 }
        return at <= 1 ? 0 : 1
    }
}
