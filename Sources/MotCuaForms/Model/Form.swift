/// A procedure form (`motcua-form/1`), decoded and checked.
public struct Form: Sendable {
    /// The form format this program reads (the `format` member of every form).
    public static let format = "motcua-form/1"
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    /// Search phrases people use for the procedure ("giấy khai sinh", "ks"): the catalog
    /// search finds the form by them (an extension of the form format, Forms/README.md).
    public var keywords: [String] = []
    /// First is the default language.
    public var languages: [String]
    public var procedure: Procedure?
    public var pages: [Page]
    public var checks: [Check]
    /// Named option lists after `@data` lists were read.
    public var lists: [String: [Option]]

    public var defaultLanguage: String { languages.first ?? "vi" }

    /// Every field of the form in document order, repeats' inner fields after their repeat.
    public var allFields: [Field] {
        pages.flatMap { $0.fields.flatMap { [$0] + $0.fields } }
    }

    /// The top-level fields in document order; a field's position here is its
    /// slot (see `Reference`).
    public var topLevelFields: [Field] { pages.flatMap(\.fields) }

    /// Top-level field id → (page index, field index).
    public internal(set) var fieldIndex: [String: (page: Int, field: Int)] = [:]
    /// Field id inside a repeat → repeat id.
    public internal(set) var repeatOf: [String: String] = [:]

    /// The field with this id, top-level or inside a repeat.
    public func field(_ id: String) -> Field? {
        if let (p, f) = fieldIndex[id] { return pages[p].fields[f] }
        if let r = repeatOf[id], let (p, f) = fieldIndex[r] { return pages[p].fields[f].fields.first { $0.id == id } }
        return nil
    }

    public init(id: String, version: String, title: LocalizedText, languages: [String], pages: [Page]) {
        self.id = id; self.version = version; self.title = title; self.languages = languages
        self.pages = pages; self.checks = []; self.lists = [:]
    }

    mutating func buildIndex() {
        fieldIndex = [:]; repeatOf = [:]
        for (p, page) in pages.enumerated() {
            for (f, field) in page.fields.enumerated() {
                fieldIndex[field.id] = (p, f)
                for inner in field.fields { repeatOf[inner.id] = field.id }
            }
        }
    }
}

public struct Page: Sendable {
    public var id: String
    public var title: LocalizedText
    public var intro: LocalizedText?
    public var relevant: Expression?
    public var fields: [Field]
    public var jsonPath: String
}

/// A cross-field rule.
public struct Check: Sendable {
    public enum Severity: String, Sendable { case error, warning }
    public var id: String
    public var rule: Expression
    public var message: LocalizedText
    public var fields: [String]
    public var severity: Severity
    public var jsonPath: String
}

/// Procedure metadata for the catalog, the receipt and the fee.
public struct Procedure: Sendable {
    public enum Online: String, Sendable { case full, partial }
    public struct Document: Sendable {
        public enum Kind: String, Sendable { case original, copy, certifiedCopy = "certified-copy" }
        public var id: String
        public var label: LocalizedText
        public var required: Requirement
        public var kind: Kind
    }
    public enum Fee: Sendable {
        case amount(Int)
        case expression(Expression, note: LocalizedText?)
    }
    public var code: String?
    public var domain: LocalizedText?
    public var agency: LocalizedText?
    public var online: Online?
    public var processingDays: Int?
    public var fee: Fee?
    public var documents: [Document] = []
}
