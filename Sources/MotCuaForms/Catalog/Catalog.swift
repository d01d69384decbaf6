// The procedure catalog: every loaded form, searchable by title, summary,
// domain and national code as a person types. Pure: loading from a folder
// lives in CatalogLoading.swift.
import MotCuaText

/// One procedure of the catalog.
public struct CatalogEntry: Sendable {
    /// The form with the bytes it was read from (the store hashes them); none in a
    /// browsing catalog (`loadHeaders`), whose forms are read whole when opened.
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
    /// Folded the first time someone types (the first screen lists the catalog without it).
    private let lazyIndex: LazySearchIndex
    var index: SearchIndex { lazyIndex.index }
    /// Whether a search has folded the catalog yet (tests: the first screen must not).
    var indexIsBuilt: Bool { lazyIndex.isBuilt }
    private let byID: [String: Int]

    /// A catalog of already loaded forms. Forms whose id repeats an earlier
    /// one are left out (the loader reports them as errors first).
    public init(forms: [LoadedForm], lists: ListDirectory? = nil) {
        self.lists = lists
        var seen = Set<String>()
        let unique = forms.filter { seen.insert($0.form.id).inserted }
        let sorted = unique.map { (CatalogEntry($0), Catalog.sortKey($0.form)) }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
        entries = sorted.map(\.0)
        lazyIndex = LazySearchIndex(entries.map { Catalog.names($0.form) })
        byID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
    }

    public var count: Int { entries.count }

    /// The entry with this form id.
    public func entry(id: String) -> CatalogEntry? { byID[id].map { entries[$0] } }

    /// Entries matching `query`, best first, at most `limit`.
    ///
    /// The query is matched against each entry's title (every language), its search
    /// `keywords`, its national code, then its summary, domain, agency and id, as
    /// ``SearchIndex/search(_:limit:allowed:)`` says: "dang ki khai sinh", "giay khai
    /// sinh", "lltp", "1.001193" all work. An empty query lists the catalog.
    public func search(_ query: String, limit: Int = 20) -> [CatalogEntry] {
        hits(query, limit: limit).map { entries[$0.index] }
    }

    /// Like `search`, with why each entry matched when it was not by its title.
    public func hits(_ query: String, limit: Int = 20) -> [SearchHit] {
        guard limit > 0 else { return [] }
        return lazyIndex.search(query, limit: limit)
    }

    /// Like `search`, as positions in `entries`.
    public func searchIndices(_ query: String, limit: Int = 20) -> [Int] {
        hits(query, limit: limit).map(\.index)
    }

    /// How many entries match `query`, however many `search` returns.
    public func matchCount(_ query: String) -> Int {
        lazyIndex.search(query).count
    }

    /// What the search reads of a form: the title (default language first), keywords,
    /// code, then the details.
    static func names(_ form: Form) -> [SearchName] {
        let title = form.title.resolve(form.defaultLanguage)
        var names = [SearchName(title, .label)]
        for t in form.title.translations where t.text != title { names.append(SearchName(t.text, .otherLanguage)) }
        names += form.keywords.map { SearchName($0, .keyword) }
        if let c = form.procedure?.code { names.append(SearchName(c, .code)) }
        for text in [form.summary, form.procedure?.domain, form.procedure?.agency].compactMap({ $0 }) {
            for t in text.translations { names.append(SearchName(t.text, .detail)) }
        }
        names.append(SearchName(form.id, .detail))
        return names
    }

    /// Browsing order: the Vietnamese title, folded.
    static func sortKey(_ form: Form) -> String {
        VietText.fold(form.title.resolve("vi", fallback: form.defaultLanguage))
    }
}
