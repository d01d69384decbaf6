/// A text of the form in one or several languages (`"Họ và tên"` or
/// `{"vi": "Họ và tên", "en": "Full name"}`). A missing language falls back
/// to the form's default language, then to any language present.
public struct LocalizedText: Sendable, Equatable, Hashable {
    /// Language tag → text, in the order the form gave them.
    public let translations: [(language: String, text: String)]

    public init(_ text: String, language: String = "vi") { translations = [(language, text)] }
    public init(translations: [(language: String, text: String)]) { self.translations = translations }

    /// The text in `language`, else in `fallback`, else the first one given.
    public func resolve(_ language: String, fallback: String = "vi") -> String {
        if let t = translations.first(where: { $0.language == language }) { return t.text }
        if let t = translations.first(where: { $0.language == fallback }) { return t.text }
        return translations.first?.text ?? ""
    }

    public static func == (a: LocalizedText, b: LocalizedText) -> Bool {
        a.translations.elementsEqual(b.translations) { $0.language == $1.language && $0.text == $1.text }
    }
    public func hash(into h: inout Hasher) { for t in translations { h.combine(t.language); h.combine(t.text) } }
}
