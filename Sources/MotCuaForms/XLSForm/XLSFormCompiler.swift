import Foundation

/// The sheets of one spreadsheet form: `survey` (required), `choices`,
/// `settings`, and MotCua's extra `documents` and `checks`.
public struct XLSFormSheets: Sendable {
    public var survey: Sheet
    public var choices: Sheet?
    public var settings: Sheet?
    public var documents: Sheet?
    public var checks: Sheet?
    public init(survey: Sheet, choices: Sheet? = nil, settings: Sheet? = nil, documents: Sheet? = nil, checks: Sheet? = nil) {
        self.survey = survey; self.choices = choices; self.settings = settings; self.documents = documents; self.checks = checks
    }
}

/// Spreadsheet sheets in, a `motcua-form/1` form out. Pure: the command line
/// reads the files. Every problem is collected and returned at once; the
/// produced form then goes through the same loader and linter as a
/// hand-written one, its problems pointed back at their cells.
public enum XLSFormCompiler {
    public struct Output: Sendable {
        public let json: JSONValue
        public let loaded: LoadedForm
    }

    public static func compile(_ sheets: XLSFormSheets, name: String, lists: ListDirectory, messages: Messages) -> Result<Output, SheetIssues> {
        var b = XLSFormBuild(sheets: sheets, messages: messages)
        let json = b.run()
        if !b.issues.isEmpty { return .failure(SheetIssues(b.issues)) }
        let data = json.data(pretty: true)
        switch FormEngine.load(data: data, name: name, lists: lists) {
        case .success(let l): return .success(Output(json: json, loaded: l))
        case .failure(let e): return .failure(SheetIssues(e.issues.map { b.locate($0, messages: messages) }))
        }
    }
}

/// Where a piece of the produced JSON came from.
struct SourceCell {
    let sheet: Sheet
    let row: Int
    let columns: [String: [(language: String?, index: Int)]]
}

struct XLSFormBuild {
    let sheets: XLSFormSheets
    let messages: Messages
    var issues: [SheetIssue] = []
    var sources: [String: SourceCell] = [:]
    var languages: [String] = ["vi"]
    var fields = XLSFormExpression.Fields()

    init(sheets: XLSFormSheets, messages: Messages) { self.sheets = sheets; self.messages = messages }

    mutating func add(_ r: SheetRow, _ column: String, _ key: String, _ args: [String: String] = [:]) {
        issues.append(SheetIssue(file: r.sheet.file, row: r.row.line, column: r.columnNumber(column), message: messages.text(key, args)))
    }

    func rows(_ s: Sheet?) -> [SheetRow] {
        guard let s else { return [] }
        let cols = SheetRow.columns(of: s)
        return s.rows.map { SheetRow(sheet: s, row: $0, columns: cols) }
    }

    mutating func checkColumns(_ s: Sheet?, known: Set<String>, attributesAllowed: Bool = false) {
        guard let s else { return }
        for (i, h) in s.header.enumerated() where !h.isEmpty {
            let base = XLSFormColumns.split(h).base
            if !known.contains(base) && !attributesAllowed {
                issues.append(SheetIssue(file: s.file, row: 1, column: i + 1, message: messages.text("xlsform.unknown_column", ["column": h])))
            }
        }
    }

    /// Translates an expression cell, reporting a problem at its cell.
    mutating func expr(_ r: SheetRow, _ column: String, inRepeat: String?, choiceFilter: Bool = false) -> JSONValue? {
        guard let src = r.cell(column) else { return nil }
        do { return .string(try XLSFormExpression.compile(src, fields: fields, inRepeat: inRepeat, choiceFilter: choiceFilter)) } catch {
            switch error {
            case .unknownField(let n, _): add(r, column, "xlsform.unknown_field", ["name": n])
            case .unsupported(let n, _): add(r, column, "xlsform.unsupported_function", ["name": n])
            case .syntax(let near, _): add(r, column, "xlsform.syntax", ["near": near])
            }
            return nil
        }
    }

    mutating func bool(_ r: SheetRow, _ column: String) -> Bool? {
        guard let v = r.cell(column)?.lowercased() else { return nil }
        if ["yes", "true", "true()", "1", "có", "x"].contains(v) { return true }
        if ["no", "false", "false()", "0", "không"].contains(v) { return false }
        add(r, column, "xlsform.bad_bool", ["value": v]); return nil
    }

    mutating func int(_ r: SheetRow, _ column: String) -> Int? {
        guard let v = r.cell(column) else { return nil }
        guard let n = Int(v) else { add(r, column, "xlsform.bad_number", ["value": v]); return nil }
        return n
    }

    /// `required`: yes/no, or an expression.
    mutating func requirement(_ r: SheetRow, _ column: String, inRepeat: String?) -> JSONValue? {
        guard let v = r.cell(column) else { return nil }
        switch v.lowercased() {
        case "yes", "true", "true()", "1", "có": return .bool(true)
        case "no", "false", "false()", "0", "không": return nil
        default: return expr(r, column, inRepeat: inRepeat)
        }
    }

    mutating func run() -> JSONValue {
        checkColumns(sheets.settings, known: XLSFormColumns.settingsKnown)
        checkColumns(sheets.documents, known: XLSFormColumns.documentsKnown)
        checkColumns(sheets.checks, known: XLSFormColumns.checksKnown)
        checkColumns(sheets.survey, known: XLSFormColumns.surveyKnown)
        let settings = rows(sheets.settings).first
        languages = languageList(settings)
        var form: [(String, JSONValue)] = [("format", "motcua-form/1")]
        if let s = settings {
            if let id = s.cell("form_id") { form.append(("id", .string(id))) } else { add(s, "form_id", "xlsform.settings_missing", ["column": "form_id"]) }
            form.append(("version", .string(s.cell("version") ?? "1")))
            if let t = s.text("form_title", languages: languages) { form.append(("title", t)) } else { add(s, "form_title", "xlsform.settings_missing", ["column": "form_title"]) }
            if let t = s.text("summary", languages: languages) { form.append(("summary", t)) }
            // Search keywords: one cell, separated by ";" (a keyword holds none).
            if let k = s.cell("keywords") {
                let words = k.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !words.isEmpty { form.append(("keywords", .array(words.map { .string($0) }))) }
            }
        } else {
            issues.append(SheetIssue(file: sheets.survey.file, row: 0, column: 0, message: messages.text("xlsform.missing_sheet", ["sheet": "settings"])))
        }
        form.append(("languages", .array(languages.map { .string($0) })))
        collectFields()
        let lists = buildLists()
        if let s = settings, let p = procedure(s) { form.append(("procedure", p)) }
        if !lists.isEmpty { form.append(("lists", .object(JSONObject(lists)))) }
        form.append(("pages", .array(buildPages(listNames: Set(lists.map(\.0))))))
        let checks = buildChecks()
        if !checks.isEmpty { form.append(("checks", .array(checks))) }
        if let s = settings { sources[""] = SourceCell(sheet: s.sheet, row: s.row.line, columns: s.columns) }
        return .object(JSONObject(form))
    }

    func languageList(_ s: SheetRow?) -> [String] {
        var langs: [String] = []
        if let l = s?.cell("languages") { langs = l.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
        if langs.isEmpty {
            for h in sheets.survey.header { if let l = XLSFormColumns.split(h).language, !langs.contains(l) { langs.append(l) } }
        }
        if let d = s?.cell("default_language") {
            let code = XLSFormColumns.split("x::" + d).language ?? d
            langs.removeAll { $0 == code }; langs.insert(code, at: 0)
        }
        return langs.isEmpty ? ["vi"] : langs
    }

    mutating func procedure(_ s: SheetRow) -> JSONValue? {
        var p: [(String, JSONValue)] = []
        if let c = s.cell("procedure_code") { p.append(("code", .string(c))) }
        if let t = s.text("procedure_domain", languages: languages) { p.append(("domain", t)) }
        if let t = s.text("procedure_agency", languages: languages) { p.append(("agency", t)) }
        if let o = s.cell("procedure_online") { p.append(("online", .string(o))) }
        if let d = s.cell("procedure_processing_days") { p.append(("processingDays", Int(d).map { .int($0) } ?? .string(d))) }
        if let f = s.cell("procedure_fee") {
            if let n = Int(f) { p.append(("fee", .int(n))) } else {
                var fee: [(String, JSONValue)] = [("expression", .string((try? XLSFormExpression.compile(f, fields: fields, inRepeat: nil)) ?? f))]
                if let n = s.text("procedure_fee_note", languages: languages) { fee.append(("note", n)) }
                p.append(("fee", .object(JSONObject(fee))))
            }
        }
        let docs = buildDocuments()
        if !docs.isEmpty { p.append(("documents", .array(docs))) }
        return p.isEmpty ? nil : .object(JSONObject(p))
    }
}
