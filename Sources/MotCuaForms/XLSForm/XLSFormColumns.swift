import Foundation

/// The columns of each sheet and the form key each one fills. XLSForm's names
/// where the meaning is the same; MotCua's extras (documented in
/// Forms/README.md) for what XLSForm lacks.
enum XLSFormColumns {
    /// Survey column → field key, for columns whose cell is copied as is
    /// (text in every language, expression or typed value).
    static let surveyTexts: [(column: String, key: String)] = [
        ("label", "label"), ("hint", "hint"), ("help", "help"), ("example", "example"), ("required_message", "requiredMessage"),
        ("constraint_message", "constraintMessage"), ("warning_message", "warningMessage"), ("pattern_message", "patternMessage"),
        ("unit", "unit"), ("item_label", "itemLabel"), ("intro", "intro"),
    ]
    static let surveyExpressions: [(column: String, key: String)] = [
        ("relevant", "relevant"), ("constraint", "constraint"), ("warning", "warning"), ("calculation", "expression"), ("choice_filter", "filter"),
    ]
    static let surveyIntegers: [(column: String, key: String)] = [
        ("min_length", "minLength"), ("max_length", "maxLength"), ("min_count", "minCount"), ("max_count", "maxCount"),
        ("min_selected", "minSelected"), ("max_selected", "maxSelected"),
    ]
    static let surveyBools: [(column: String, key: String)] = [("multiline", "multiline"), ("confirm", "confirm")]
    static let surveyWords: [(column: String, key: String)] = [
        ("format", "format"), ("input", "input"), ("case", "case"), ("precision", "precision"), ("pattern", "pattern"),
    ]
    /// Other survey columns read by the compiler itself.
    static let surveyOther = ["type", "name", "required", "default", "min", "max", "repeat_count", "appearance", "guidance_hint"]

    static var surveyKnown: Set<String> {
        Set(surveyTexts.map(\.column) + surveyExpressions.map(\.column) + surveyIntegers.map(\.column)
            + surveyBools.map(\.column) + surveyWords.map(\.column) + surveyOther)
    }

    /// JSON key → survey column, to point a lint problem at its cell.
    static var columnOfKey: [String: String] {
        var m: [String: String] = ["id": "name", "type": "type", "options": "type", "required": "required", "default": "default",
                                   "min": "min", "max": "max", "fields": "type", "title": "label"]
        for (c, k) in surveyTexts + surveyExpressions + surveyIntegers + surveyBools + surveyWords { m[k] = c }
        return m
    }

    static let settingsKnown: Set<String> = ["form_id", "form_title", "version", "default_language", "languages", "summary", "keywords",
                                             "procedure_code", "procedure_domain", "procedure_agency", "procedure_online",
                                             "procedure_processing_days", "procedure_fee", "procedure_fee_note", "style", "instance_name"]
    static let documentsKnown: Set<String> = ["id", "label", "required", "kind"]
    static let checksKnown: Set<String> = ["id", "rule", "message", "fields", "severity"]

    /// `label::vi`, `label::Tiếng Việt (vi)`, `label` → ("label", "vi"/nil).
    static func split(_ header: String) -> (base: String, language: String?) {
        let h = header.trimmingCharacters(in: .whitespaces)
        guard let r = h.range(of: "::") else { return (h.lowercased(), nil) }
        let base = String(h[..<r.lowerBound]).lowercased()
        var lang = String(h[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        if let open = lang.lastIndex(of: "("), let close = lang.lastIndex(of: ")"), open < close {
            lang = String(lang[lang.index(after: open)..<close])
        }
        return (base, lang)
    }
}

/// One row of a sheet with its cells looked up by column name, language-aware.
struct SheetRow {
    let sheet: Sheet
    let row: Sheet.Row
    /// base column → [(language or nil, column index)]
    let columns: [String: [(language: String?, index: Int)]]

    func cell(_ base: String) -> String? {
        guard let cols = columns[base] else { return nil }
        for c in cols where c.language == nil {
            if c.index < row.cells.count, !row.cells[c.index].isEmpty { return row.cells[c.index] }
        }
        return nil
    }

    /// A Text: an object of language → text when language columns are filled,
    /// a plain string when only the unqualified column is.
    func text(_ base: String, languages: [String]) -> JSONValue? {
        guard let cols = columns[base] else { return nil }
        var pairs: [(String, JSONValue)] = []
        var plain: String?
        for c in cols where c.index < row.cells.count && !row.cells[c.index].isEmpty {
            if let l = c.language { pairs.append((l, .string(row.cells[c.index]))) } else { plain = row.cells[c.index] }
        }
        if pairs.isEmpty { return plain.map { .string($0) } }
        if let plain, let d = languages.first, !pairs.contains(where: { $0.0 == d }) { pairs.insert((d, .string(plain)), at: 0) }
        pairs.sort { (languages.firstIndex(of: $0.0) ?? 99) < (languages.firstIndex(of: $1.0) ?? 99) }
        return .object(JSONObject(pairs))
    }

    /// The 1-based column number of `base` (its first column), for messages.
    func columnNumber(_ base: String) -> Int { (columns[base]?.first?.index).map { $0 + 1 } ?? 0 }

    static func columns(of sheet: Sheet) -> [String: [(language: String?, index: Int)]] {
        var m: [String: [(language: String?, index: Int)]] = [:]
        for (i, h) in sheet.header.enumerated() where !h.isEmpty {
            let (b, l) = XLSFormColumns.split(h)
            m[b, default: []].append((l, i))
        }
        if let g = m["guidance_hint"], m["help"] == nil { m["help"] = g }
        return m
    }
}
