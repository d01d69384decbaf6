// The one option search: the home catalog, every chooser of the kiosk and plain mode's
// narrowing all rank through this index, so the same words find the same rows in both
// front ends. Each row has names: its label (in each language), other names (aliases,
// keywords), former names (`merged_from`, `formerly`) and details (a summary, a code).
// Everything is folded once, at build time, into a vocabulary of distinct words; a
// keystroke grades each vocabulary word once per typed word and then reads small
// integers per row, so 3,321 communes or 2,000 procedures stay well under 1 ms.

/// What kind of name of a row a search matched.
public enum SearchNameKind: UInt8, Sendable {
    /// The label shown (first name of every row).
    case label
    /// The label in another language ("Australia" for "Ô-xtrây-li-a").
    case otherLanguage
    /// Another everyday name ("Mèo" for Mông, "Sài Gòn").
    case alias
    /// A search phrase a form gives for itself ("giấy khai sinh").
    case keyword
    /// A national procedure code.
    case code
    /// A name before a merger ("Hà Giang" for Tuyên Quang, a commune's former units).
    case former
    /// Other text about the row (a summary, a domain): found, ranked last, never shown as the reason.
    case detail

    /// Rank among matches of the same quality: the label first, details last.
    var rankClass: UInt64 {
        switch self {
        case .label, .otherLanguage: 0
        case .alias, .keyword, .code: 1
        case .former: 2
        case .detail: 3
        }
    }
}

/// One name of a row.
public struct SearchName: Sendable, Equatable {
    public var text: String
    public var kind: SearchNameKind
    public init(_ text: String, _ kind: SearchNameKind) { self.text = text; self.kind = kind }
}

/// Why a row matched when it was not its label: shown next to it ("trước đây: Hà Giang").
public struct SearchReason: Sendable, Equatable {
    public let kind: SearchNameKind
    public let text: String
    public init(kind: SearchNameKind, text: String) { self.kind = kind; self.text = text }
}

/// A row found: its position and, when another name found it, which.
public struct SearchHit: Sendable, Equatable {
    public let index: Int
    public let reason: SearchReason?
    /// How well it matched, lower first (comparable between searches of one index).
    public let rank: UInt64
    public init(index: Int, reason: SearchReason? = nil, rank: UInt64 = 0) { self.index = index; self.reason = reason; self.rank = rank }

    /// Several searches of one index as one list: each row once, at its best rank. The
    /// kiosk searches its search line as shown and as keyed, so Telex turning "korea"
    /// into "kỏea" loses nothing.
    public static func merged(_ lists: [[SearchHit]]) -> [SearchHit] {
        guard lists.count > 1 else { return lists.first ?? [] }
        var best: [Int: SearchHit] = [:]
        for list in lists {
            for h in list where best[h.index].map({ h.rank < $0.rank }) ?? true { best[h.index] = h }
        }
        return best.values.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
    }
}

/// A pre-folded search over rows that each have several names.
public struct SearchIndex: Sendable {
    /// The number of rows.
    public let count: Int
    let vocabulary: SearchVocabulary
    /// Per token: its vocabulary word, its position among the name's words (type words
    /// excluded), and whether it is a type word.
    let tokenWord: [Int32]
    let tokenPosition: [UInt8]
    let tokenIsType: [Bool]
    /// Name n's tokens are `tokenEnd[n - 1]..<tokenEnd[n]`.
    let nameTokenEnd: [Int32]
    let nameKind: [SearchNameKind]
    let nameText: [String]
    /// Words of the name without its type words (shorter names rank first).
    let nameLength: [UInt8]
    /// Row r's names are `rowNameEnd[r - 1]..<rowNameEnd[r]`.
    let rowNameEnd: [Int32]
    /// The rows holding vocabulary word w: `postings[postingEnd[w - 1]..<postingEnd[w]]`, so a
    /// keystroke scores only the rows that hold every typed word somewhere.
    let postingEnd: [Int32]
    let postings: [Int32]
    /// Where each vocabulary word occurs (the fast path's road to the same result).
    let occurrences: SearchOccurrences

    /// Indexes `rows`: for each row its names, the label first.
    public init(_ rows: [[SearchName]]) {
        var cache = SearchTermCache()
        self.init(rows, cache: &cache)
    }

    /// `init(rows)`, each name's words taken from `cache` when it was split before and
    /// kept there: an index made again and again over mostly the same names (the
    /// returning-citizen search ranks its candidates at each keystroke) splits and
    /// normalises each name once. The index is the same as without the cache.
    public init(_ rows: [[SearchName]], cache: inout SearchTermCache) {
        if cache.names.count > SearchTermCache.maxNames { cache = SearchTermCache() }
        var vocabulary = SearchVocabulary.Builder()
        var tokenWord: [Int32] = [], tokenPosition: [UInt8] = [], tokenIsType: [Bool] = []
        var nameTokenEnd: [Int32] = [], nameKind: [SearchNameKind] = [], nameText: [String] = [], nameLength: [UInt8] = []
        var rowNameEnd: [Int32] = []
        for names in rows {
            for name in names {
                let terms: [SearchTerm]
                if let seen = cache.names[name.text] { terms = seen } else {
                    terms = SearchText.terms(name.text, known: &cache.words)
                    cache.names[name.text] = terms
                }
                let typeCount = SearchText.typeWordCount(terms)
                func add(_ word: Int32, _ position: Int, _ isType: Bool) {
                    tokenWord.append(word)
                    tokenPosition.append(UInt8(min(position, 255)))
                    tokenIsType.append(isType)
                }
                for (i, t) in terms.enumerated() {
                    add(vocabulary.add(t.folded, marked: t.marked, kind: .word), max(0, i - typeCount), i < typeCount)
                }
                // Missing spaces ("nahang", "saigon", "1001193") and initials ("hcm", "lltp"):
                // each run of words to the end of the name, joined, from every word on.
                let words = terms.dropFirst(typeCount).prefix(12).map(\.folded)
                if name.kind != .detail && words.count >= 2 {
                    for j in 0..<(words.count - 1) {
                        add(vocabulary.add(Array(words[j...].joined()), marked: "", kind: .joined), j, false)
                        let initials = words[j...].map { $0[0] }
                        if initials.count >= 3 { add(vocabulary.add(initials, marked: "", kind: .initials), j, false) }
                    }
                }
                nameTokenEnd.append(Int32(tokenWord.count))
                nameKind.append(name.kind)
                nameText.append(name.text)
                nameLength.append(UInt8(min(words.count, 63)))
            }
            rowNameEnd.append(Int32(nameKind.count))
        }
        count = rows.count
        self.vocabulary = vocabulary.build()
        var byWord = [[Int32]](repeating: [], count: self.vocabulary.count)
        var name = 0, token = 0
        for row in 0..<rows.count {
            while name < Int(rowNameEnd[row]) {
                while token < Int(nameTokenEnd[name]) {
                    let w = Int(tokenWord[token])
                    if byWord[w].last != Int32(row) { byWord[w].append(Int32(row)) }
                    token += 1
                }
                name += 1
            }
        }
        var ends: [Int32] = [], all: [Int32] = []
        for list in byWord { all += list; ends.append(Int32(all.count)) }
        postingEnd = ends; postings = all
        self.tokenWord = tokenWord; self.tokenPosition = tokenPosition; self.tokenIsType = tokenIsType
        self.nameTokenEnd = nameTokenEnd; self.nameKind = nameKind; self.nameText = nameText; self.nameLength = nameLength
        self.rowNameEnd = rowNameEnd
        occurrences = SearchOccurrences(vocabularyCount: self.vocabulary.count, tokenWord: tokenWord, tokenPosition: tokenPosition,
                                        tokenIsType: tokenIsType, nameTokenEnd: nameTokenEnd, rowNameEnd: rowNameEnd)
    }

    /// Rows matching `query` and allowed by `allowed`, best first, at most `limit`.
    ///
    /// Every typed word must match a word of the row's names: the whole word, its start,
    /// inside it (two letters or more), or within one typo (four letters or more, first
    /// letter as typed); typed words run together match the words they join ("nahang"),
    /// and initials match the words they start ("hcm"), ranked as a match inside a word. Diacritics are
    /// optional and i = y. Ranking: the weakest typed word's grade; then rows matching
    /// the diacritics typed; then label, other names, former names, details; then the
    /// sum of grades; the words in order; how early in the name (type words such as
    /// "Xã" skipped); shorter names; the rows' order. An empty query lists every allowed
    /// row in order. `allowed` is asked only about rows that match.
    public func search(_ query: String, limit: Int = .max, allowed: ((Int) -> Bool)? = nil) -> [SearchHit] {
        let terms = SearchText.query(query)
        if terms.isEmpty {
            let all = (0..<count).lazy.filter { allowed?($0) ?? true }.prefix(limit)
            return all.map { SearchHit(index: $0) }
        }
        return fastSearch(terms, limit: limit, allowed: allowed)
    }

    /// `search` by its rule, as written: every vocabulary word graded, every token of every
    /// candidate row scored. The fast path (FastPath/) must give exactly this; the
    /// differential tests compare the two.
    func plainSearch(_ query: String, limit: Int = .max, allowed: ((Int) -> Bool)? = nil) -> [SearchHit] {
        let terms = SearchText.query(query)
        if terms.isEmpty {
            let all = (0..<count).lazy.filter { allowed?($0) ?? true }.prefix(limit)
            return all.map { SearchHit(index: $0) }
        }
        let grades = terms.map { vocabulary.grades($0) }
        var found: [(key: UInt64, row: Int, name: Int)] = []
        var scorer = RowScorer(termCount: terms.count, grades: grades)
        // Rows holding every typed word somewhere: `seen[row] == k` after word k.
        var seen = [UInt8](repeating: 0, count: count)
        for (k, g) in grades.enumerated() {
            for w in g.indices where g[w] != WordGrade.none {
                for p in Int(w == 0 ? 0 : postingEnd[w - 1])..<Int(postingEnd[w]) {
                    let row = Int(postings[p])
                    if seen[row] == UInt8(k) { seen[row] = UInt8(k + 1) }
                }
            }
        }
        let complete = UInt8(terms.count)
        for row in 0..<count where seen[row] == complete {
            guard let (key, name) = scorer.score(self, row: row) else { continue }
            if let allowed, !allowed(row) { continue }
            found.append((key, row, name))
        }
        return hits(found, limit: limit)
    }

    /// The scored rows as hits, best first, each with why it matched when not by its label.
    func hits(_ found: [(key: UInt64, row: Int, name: Int)], limit: Int) -> [SearchHit] {
        let sorted = found.sorted { $0.key < $1.key }
        return sorted.prefix(limit).map { hit(row: $0.row, name: $0.name, key: $0.key) }
    }

    /// Row `row` found by name `name` (-1: across names) at rank `key`.
    func hit(row: Int, name: Int, key: UInt64) -> SearchHit {
        let kind = name >= 0 ? nameKind[name] : .detail
        let shown = kind != .label && kind != .detail && kind != .code
        return SearchHit(index: row, reason: shown ? SearchReason(kind: kind, text: nameText[name]) : nil, rank: key)
    }
}
