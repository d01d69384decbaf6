import Foundation

/// The program's strings in one language, read from `Locales/<lang>.json`
/// (a flat object key → text with `{name}` placeholders). A key missing in
/// the chosen language falls back to Vietnamese, then to the key itself, so
/// a gap shows up as a readable key rather than a crash.
public struct Messages: Sendable {
    public let language: String
    private let table: [String: String]
    private let fallback: [String: String]

    public init(language: String, table: [String: String], fallback: [String: String] = [:]) {
        self.language = language; self.table = table; self.fallback = fallback
    }

    /// Parses a locale file's bytes.
    public static func parseTable(_ data: Data) throws -> [String: String] {
        guard let t = try JSONParser.parseStringTable(data) else { throw ListLoadError("a locale file must be a JSON object of key → text") }
        return t
    }

    /// Every key defined.
    public var keys: [String] { Array(table.keys) }

    /// The text for `key` with `{name}` placeholders filled. One pass over the text: a
    /// value that itself holds "{other}" (a name typed with braces) is not filled again,
    /// and placeholders without an argument stay as written. No Foundation string search:
    /// the kiosk fills a few of these before its first screen.
    public func text(_ key: String, _ args: [String: String] = [:]) -> String {
        Messages.fill(table[key] ?? fallback[key] ?? key, args)
    }

    /// `s` with its `{name}` placeholders filled from `args` (see `text`).
    public static func fill(_ s: String, _ args: [String: String]) -> String {
        guard !args.isEmpty, s.utf8.contains(UInt8(ascii: "{")) else { return s }
        var out = ""
        var rest = s[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = args[String(name)] {
                out += rest[..<open]
                out += value
            } else {
                out += rest[...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A form's own text in this language, with `${field}` filled from answers.
    public func resolve(_ text: LocalizedText, form: Form, values: [String: Value] = [:]) -> String {
        Interpolation.render(text.resolve(language, fallback: form.defaultLanguage), form: form, values: values, messages: self)
    }
}

/// `${field_id}` in a form's text, replaced by the answer as a person reads it.
public enum Interpolation {
    public static func render(_ s: String, form: Form, values: [String: Value], messages: Messages) -> String {
        guard marker(in: s[...]) != nil else { return s }
        var out = ""
        var rest = Substring(s)
        while let start = marker(in: rest) {
            out += rest[..<start]
            let idStart = rest.utf8.index(start, offsetBy: 2)
            guard let end = rest.utf8[idStart...].firstIndex(of: UInt8(ascii: "}")) else { out += rest[start...]; return out }
            let id = String(rest[idStart..<end])
            out += display(values[id] ?? .null, field: form.field(id), form: form, messages: messages)
            rest = rest[rest.utf8.index(after: end)...]
        }
        return out + rest
    }

    /// Where the first "${" of `t` is. A byte search, not Foundation's `contains` and
    /// `range(of:)`: every label and hint on the kiosk's screen comes through here at every
    /// frame, and Foundation's search was a twelfth of a keystroke.
    static func marker(in t: Substring) -> Substring.Index? {
        let bytes = t.utf8
        var i = bytes.startIndex
        while let d = bytes[i...].firstIndex(of: UInt8(ascii: "$")) {
            let next = bytes.index(after: d)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "{") { return d }
            i = next
        }
        return nil
    }

    /// An answer as a person reads it: an option's label, a date as DD/MM/YYYY, Có/Không.
    public static func display(_ v: Value, field: Field?, form: Form, messages: Messages) -> String {
        switch v {
        case .string(let s):
            if let f = field, f.type == .choice || f.type == .multichoice, let o = f.option(s) { return o.label.resolve(messages.language, fallback: form.defaultLanguage) }
            if let f = field, f.type == .date, let d = CalendarDate.parseISO(s) { return d.display }
            return s
        case .bool(let b): return messages.text(b ? "answer.yes" : "answer.no")
        case .number:
            // Vietnamese writes a decimal comma (25,5 m²), as the kiosk's number field takes it.
            return messages.language == "vi" ? v.displayText.replacingOccurrences(of: ".", with: ",") : v.displayText
        case .list(let l):
            return l.map { display($0, field: field?.type == .multichoice ? field : nil, form: form, messages: messages) }
                .joined(separator: ", ")
        default: return v.displayText
        }
    }
}
