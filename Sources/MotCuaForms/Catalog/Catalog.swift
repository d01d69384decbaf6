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
    private let index: [EntryIndex]
    private let byID: [String: Int]

    /// A catalog of already loaded forms. Forms whose id repeats an earlier
    /// one are left out (the loader reports them as errors first).
    public init(forms: [LoadedForm]) {
        var seen = Set<String>()
        let unique = forms.filter { seen.insert($0.form.id).inserted }
        let indexed = unique.map { (CatalogEntry($0), EntryIndex($0.form)) }
            .sorted { ($0.1.sortKey, $0.0.id) < ($1.1.sortKey, $1.0.id) }
        entries = indexed.map(\.0)
        index = indexed.map(\.1)
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
        let squeezed = SearchWords.squeezed(query)
        var ranked: [(key: RankKey, at: Int)] = []
        for (i, e) in index.enumerated() {
            if let key = e.rank(words, squeezed: squeezed, order: i) { ranked.append((key, i)) }
        }
        if ranked.count > limit {
            ranked.sort { $0.key < $1.key }
            return ranked.prefix(limit).map(\.at)
        }
        return ranked.sorted { $0.key < $1.key }.map(\.at)
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

/// One entry's folded words, built once when the catalog is made.
struct EntryIndex: Sendable {
    /// Title words in reading order, per language (for phrases).
    let titles: [[SearchWord]]
    let titleWords: WordSet
    /// Summary, domain, agency, code pieces and id.
    let otherWords: WordSet
    /// The code with separators removed ("1001193"), empty when there is none.
    let code: SearchWord
    let sortKey: String

    init(_ form: Form) {
        titles = form.title.translations.map { SearchWords.words($0.text) }
        titleWords = WordSet(titles.joined())
        var other: [SearchWord] = []
        for text in [form.summary, form.procedure?.domain, form.procedure?.agency].compactMap({ $0 }) {
            for t in text.translations { other += SearchWords.words(t.text) }
        }
        other += SearchWords.words(form.id)
        if let c = form.procedure?.code { other += SearchWords.words(c) }
        otherWords = WordSet(other)
        code = form.procedure?.code.map(SearchWords.squeezed) ?? []
        sortKey = String(decoding: Array(SearchWords.words(form.title.resolve("vi", fallback: form.defaultLanguage)).joined(separator: [0x20])), as: UTF8.self)
    }

    /// The rank of this entry for the query, or nil when some word is missing.
    func rank(_ words: [SearchWord], squeezed: SearchWord, order: Int) -> RankKey? {
        let isCode = !code.isEmpty && squeezed.count >= 3 && SearchWords.hasPrefix(code, squeezed)
        var allInTitle = true
        var missingExact = 0
        for w in words {
            if let m = titleWords.match(w) {
                if m != .exact { missingExact += 1 }
            } else if let m = otherWords.match(w) {
                allInTitle = false
                if m != .exact { missingExact += 1 }
            } else if !isCode {
                return nil
            }
        }
        var phrase = 2
        var shortest = Int.max
        for t in titles {
            shortest = min(shortest, t.count)
            if let at = SearchWords.phrase(words, in: t) { phrase = min(phrase, at == 0 ? 0 : 1) }
        }
        return RankKey(notCode: isCode ? 0 : 1, notAllInTitle: allInTitle || isCode ? 0 : 1, phrase: phrase,
                       missingExact: missingExact, titleLength: shortest, order: order)
    }
}
