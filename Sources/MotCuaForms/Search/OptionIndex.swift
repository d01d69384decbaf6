// The options of a choice list as a SearchIndex: the 3,321 communes, the 54 ethnic
// groups with their other names, the provinces with the ones merged into them, the
// nationalities. Built once per list (or per filtered list); the home catalog, the
// kiosk's choosers and plain mode all search through it.

/// A pre-folded search over the options of a choice list.
public struct OptionIndex: Sendable {
    public let options: [Option]
    /// The language whose label is shown, and ranks first.
    public let language: String
    let index: SearchIndex

    /// Attributes read as other names: `aliases` ("H'Mông; Hmông; Mèo"), and the names
    /// before the 2025 mergers, `merged_from` (provinces) and `formerly` (communes).
    /// Each is a `"; "`-joined list.
    public static let nameAttributes: [(attribute: String, kind: SearchNameKind)] =
        [("aliases", .alias), ("merged_from", .former), ("formerly", .former)]

    /// Indexes `options`. Each option is found by its label in `language` (ranked
    /// first), by its label in any other language, and by the other names it carries.
    public init(options: [Option], language: String = "vi") {
        self.options = options
        self.language = language
        index = SearchIndex(options.map { OptionIndex.names($0, language: language) })
    }

    static func names(_ o: Option, language: String) -> [SearchName] {
        let shown = o.label.resolve(language)
        var names = [SearchName(shown, .label)]
        for t in o.label.translations where t.text != shown { names.append(SearchName(t.text, .otherLanguage)) }
        for (attribute, kind) in nameAttributes {
            guard let v = o.attributes[attribute] else { continue }
            for part in v.split(separator: ";") {
                let text = part.trimmingSpaces()
                if !text.isEmpty && text != shown { names.append(SearchName(text, kind)) }
            }
        }
        return names
    }

    public var count: Int { options.count }

    /// The options matching `query` and allowed by `allowed` (a filter such as "the
    /// communes of the chosen province", asked only about matching options), best
    /// first, each with why it matched when that was not its label (see
    /// ``SearchIndex/search(_:limit:allowed:)`` for the matching and the ranking).
    public func hits(_ query: String, allowed: ((Option) -> Bool)? = nil) -> [SearchHit] {
        index.search(query, allowed: allowed.map { f in { f(options[$0]) } })
    }

    /// Positions in `options` of the matches, best first.
    public func search(_ query: String, allowed: ((Option) -> Bool)? = nil) -> [Int] {
        hits(query, allowed: allowed).map(\.index)
    }

    /// The options themselves, as `search` orders them.
    public func matches(_ query: String, allowed: ((Option) -> Bool)? = nil) -> [Option] {
        search(query, allowed: allowed).map { options[$0] }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
