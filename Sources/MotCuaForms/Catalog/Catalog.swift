// The procedure catalog: every loaded form, searchable by title, summary,
// domain and national code as a person types. Pure: loading from a folder
// lives in CatalogLoading.swift.

/// One procedure of the catalog.
public struct CatalogEntry: Sendable {
    /// The form with the bytes it was read from (the store hashes them).
    public let loaded: LoadedForm

    public init(_ loaded: LoadedForm) { self.loaded = loaded }

    public var form: Form { loaded.form }
    public var id: String { loaded.form.id }
    /// The file the form was read from.
    public var path: String { loaded.path }
    /// The national procedure code ("1.001193"), when the form gives one.
    public var code: String? { loaded.form.procedure?.code }

    /// The title in `language`, else in the form's default language.
    public func title(_ language: String) -> String {
        form.title.resolve(language, fallback: form.defaultLanguage)
    }

    /// The one-line summary in `language`, when the form has one.
    public func summary(_ language: String) -> String? {
        form.summary?.resolve(language, fallback: form.defaultLanguage)
    }
}

/// All procedures of a folder, folded once for search.
public struct Catalog: Sendable {
    /// Entries in browsing order: by title in Vietnamese (folded), then id.
    public let entries: [CatalogEntry]
    /// The shared lists the forms were loaded with, already read and cached:
    /// build an ``OptionIndex`` for a long list from here rather than reading it again.
    public let lists: ListDirectory?
    private let index: [EntryIndex]
    private let inverted: InvertedIndex
    private let byID: [String: Int]

    /// A catalog of already loaded forms. Forms whose id repeats an earlier
    /// one are left out (the loader reports them as errors first).
    public init(forms: [LoadedForm], lists: ListDirectory? = nil) {
        self.lists = lists
        var seen = Set<String>()
        let unique = forms.filter { seen.insert($0.form.id).inserted }
        let indexed = unique.map { (CatalogEntry($0), EntryIndex($0.form)) }
            .sorted { ($0.1.sortKey, $0.0.id) < ($1.1.sortKey, $1.0.id) }
        entries = indexed.map(\.0)
        index = indexed.map(\.1)
        let words = entries.map { EntryIndex.searchWords($0.form) }
        inverted = InvertedIndex(titleWords: words.map(\.title), otherWords: words.map(\.other))
        byID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
    }

    public var count: Int { entries.count }

    /// The entry with this form id.
    public func entry(id: String) -> CatalogEntry? { byID[id].map { entries[$0] } }

    /// Entries matching `query`, best first, at most `limit`.
    ///
    /// Every word of the query must start a word of the entry's title, summary,
    /// domain, code or id, diacritics optional ("dang ky khai sinh", "Đăng ký",
    /// "lý lịch", "1.001193"). Ranking: a query that is the start of the national
    /// code first; then entries whose title holds every word; then the query as
    /// a phrase in the title (at its start first); then whole-word matches; then
    /// shorter titles; then browsing order. An empty query lists the catalog.
    public func search(_ query: String, limit: Int = 20) -> [CatalogEntry] {
        searchIndices(query, limit: limit).map { entries[$0] }
    }

    /// Like `search`, as positions in `entries`.
    public func searchIndices(_ query: String, limit: Int = 20) -> [Int] {
        guard limit > 0 else { return [] }
        let words = SearchWords.words(query)
        if words.isEmpty { return Array(entries.indices.prefix(limit)) }
        let (m, codeHits) = matches(words, squeezed: SearchWords.squeezed(query))
        var best = TopK<RankKey>(limit: limit)
        for e in m.entries {
            best.offer(index[e].rank(words, isCode: codeHits.contains(e), notAllInTitle: m.notAllInTitle[e] != 0,
                                     missingExact: Int(m.missingExact[e]), order: e), e)
        }
        // A code that starts with the query counts even when the query's pieces are not words of the entry ("1001193").
        for e in codeHits where Int(m.stage[e]) != words.count {
            best.offer(index[e].rank(words, isCode: true, notAllInTitle: false, missingExact: 0, order: e), e)
        }
        return best.items.map(\.at)
    }

    /// How many entries match `query`, however many `search` returns.
    public func matchCount(_ query: String) -> Int {
        let words = SearchWords.words(query)
        if words.isEmpty { return entries.count }
        let (m, codeHits) = matches(words, squeezed: SearchWords.squeezed(query))
        return m.entries.count + codeHits.filter { Int(m.stage[$0]) != words.count }.count
    }

    private func matches(_ words: [SearchWord], squeezed: SearchWord) -> (InvertedIndex.Matches, Set<Int>) {
        let m = inverted.match(words)
        // Codes are compared whole, from three characters on ("1.0" would start most of them).
        guard squeezed.count >= 3 else { return (m, []) }
        var codeHits = Set<Int>()
        for (e, entry) in index.enumerated() where !entry.code.isEmpty && SearchWords.hasPrefix(entry.code, squeezed) { codeHits.insert(e) }
        return (m, codeHits)
    }
}

/// Sort key of a match; smaller is better.
struct RankKey: Comparable {
    /// 0 when the query starts the national code.
    var notCode: Int
    /// 0 when every word is in the title (or the code matched).
    var notAllInTitle: Int
    /// 0: the query is a phrase at the start of the title; 1: elsewhere in it; 2: not a phrase.
    var phrase: Int
    var missingExact: Int
    var titleLength: Int
    var order: Int

    static func < (a: RankKey, b: RankKey) -> Bool {
        (a.notCode, a.notAllInTitle, a.phrase, a.missingExact, a.titleLength, a.order)
            < (b.notCode, b.notAllInTitle, b.phrase, b.missingExact, b.titleLength, b.order)
    }
}

/// What the ranking needs of one entry, built once when the catalog is made.
struct EntryIndex: Sendable {
    /// Title words in reading order, per language (for phrases).
    let titles: [WordSequence]
    /// The fewest title words in any language.
    let titleLength: Int
    /// The code with separators removed ("1001193"), empty when there is none.
    let code: SearchWord
    let sortKey: String

    init(_ form: Form) {
        let titleTexts = form.title.translations.map { SearchWords.words($0.text) }
        titles = titleTexts.map(WordSequence.init)
        titleLength = titleTexts.map(\.count).min() ?? 0
        code = form.procedure?.code.map(SearchWords.squeezed) ?? []
        let vi = SearchWords.words(form.title.resolve("vi", fallback: form.defaultLanguage))
        sortKey = String(decoding: Array(vi.joined(separator: [0x20])), as: UTF8.self)
    }

    /// Words for the inverted index: the title's (all languages), and the
    /// summary's, domain's, agency's, id's and code's.
    static func searchWords(_ form: Form) -> (title: [SearchWord], other: [SearchWord]) {
        let title = form.title.translations.flatMap { SearchWords.words($0.text) }
        var other: [SearchWord] = []
        for text in [form.summary, form.procedure?.domain, form.procedure?.agency].compactMap({ $0 }) {
            for t in text.translations { other += SearchWords.words(t.text) }
        }
        other += SearchWords.words(form.id)
        if let c = form.procedure?.code { other += SearchWords.words(c) }
        return (title, other)
    }

    func rank(_ words: [SearchWord], isCode: Bool, notAllInTitle: Bool, missingExact: Int, order: Int) -> RankKey {
        var phrase = 2
        for t in titles where phrase > 0 {
            if let at = t.phrase(words) { phrase = min(phrase, at == 0 ? 0 : 1) }
        }
        return RankKey(notCode: isCode ? 0 : 1, notAllInTitle: notAllInTitle && !isCode ? 1 : 0, phrase: phrase,
                       missingExact: missingExact, titleLength: titleLength, order: order)
    }
}
