import Foundation

/// A `motcua-form/1` file back to spreadsheet sheets (`forms decompile`), so
/// that a provincial author can start from a shipped form. Only the columns a
/// form uses are written. Compiling the sheets again gives the same form by
/// meaning (ProcedureRoundTripTests).
public enum XLSFormDecompiler {
    public static func decompile(_ form: JSONValue) -> XLSFormSheetsOut {
        var d = Decompile(form: form)
        return d.run()
    }
}

/// The sheets as named tables, written by the command line as `NAME.tsv`.
public struct XLSFormSheetsOut: Sendable {
    public var sheets: [(name: String, sheet: Sheet)]
}

private struct Table {
    var languages: [String] = []
    var columns: [String] = []
    var rows: [[String: String]] = []
    mutating func add(_ row: [String: String]) {
        for k in row.keys.sorted(by: { order($0) < order($1) }) where !columns.contains(k) { columns.append(k) }
        rows.append(row)
    }
    func order(_ c: String) -> Int { Decompile.columnOrder.firstIndex(of: XLSFormColumns.split(c).base) ?? 999 }
    func sheet(_ name: String) -> Sheet {
        // Within a column, the form's languages in their order (vi before en).
        func lang(_ c: String) -> Int { XLSFormColumns.split(c).language.flatMap { languages.firstIndex(of: $0) } ?? -1 }
        let cols = columns.sorted { (order($0), lang($0), $0) < (order($1), lang($1), $1) }
        return Sheet(file: name + ".tsv", header: cols, rows: rows.enumerated().map { n, row in Sheet.Row(line: n + 2, cells: cols.map { row[$0] ?? "" }) })
    }
}

private struct Decompile {
    let form: JSONValue
    var fields = XLSFormExpression.Fields()
    var languages: [String] = ["vi"]
    static let columnOrder = ["type", "name", "list_name", "id", "label", "hint", "help", "example", "intro", "choice_filter", "relevant",
                              "required", "required_message", "default", "min", "max", "precision", "min_length", "max_length",
                              "pattern", "pattern_message", "multiline", "case", "format", "input", "confirm", "unit",
                              "min_selected", "max_selected", "min_count", "max_count", "item_label", "constraint", "constraint_message",
                              "warning", "warning_message", "calculation", "rule", "message", "fields", "severity", "kind",
                              "form_id", "form_title", "version", "default_language", "languages", "summary", "keywords", "procedure_code",
                              "procedure_domain", "procedure_agency", "procedure_online", "procedure_processing_days",
                              "procedure_fee", "procedure_fee_note"]

    init(form: JSONValue) { self.form = form }

    mutating func run() -> XLSFormSheetsOut {
        languages = form["languages"]?.arrayValue?.compactMap(\.stringValue) ?? ["vi"]
        for page in form["pages"]?.arrayValue ?? [] {
            for f in page["fields"]?.arrayValue ?? [] {
                guard let id = f["id"]?.stringValue else { continue }
                fields.known.insert(id)
                if f["type"]?.stringValue == "repeat" {
                    fields.repeats.insert(id)
                    for inner in f["fields"]?.arrayValue ?? [] { if let i = inner["id"]?.stringValue { fields.known.insert(i); fields.repeatOf[i] = id } }
                }
            }
        }
        let empty = Table(languages: languages)
        var survey = empty, choices = empty, settings = empty, documents = empty, checks = empty
        for page in form["pages"]?.arrayValue ?? [] {
            var row = ["type": "begin group", "name": page["id"]?.stringValue ?? ""]
            text(page["title"], "label", into: &row); text(page["intro"], "intro", into: &row)
            if let r = page["relevant"]?.stringValue { row["relevant"] = x(r) }
            survey.add(row)
            for f in page["fields"]?.arrayValue ?? [] {
                survey.add(field(f))
                // Options written inline in the field become a list named after it.
                for o in f["options"]?.arrayValue ?? [] { choices.add(option(o, list: f["id"]?.stringValue ?? "")) }
                if f["type"]?.stringValue == "repeat" {
                    for inner in f["fields"]?.arrayValue ?? [] {
                        survey.add(field(inner))
                        for o in inner["options"]?.arrayValue ?? [] { choices.add(option(o, list: inner["id"]?.stringValue ?? "")) }
                    }
                    survey.add(["type": "end repeat"])
                }
            }
            survey.add(["type": "end group"])
        }
        for (name, list) in form["lists"]?.objectValue?.pairs ?? [] {
            if let shared = list.stringValue { choices.add(["list_name": name, "name": shared]); continue }
            for o in list.arrayValue ?? [] { choices.add(option(o, list: name)) }
        }
        var s: [String: String] = ["form_id": form["id"]?.stringValue ?? "", "version": form["version"]?.stringValue ?? "",
                                   "languages": languages.joined(separator: " "), "default_language": languages.first ?? "vi"]
        text(form["title"], "form_title", into: &s); text(form["summary"], "summary", into: &s)
        if let k = form["keywords"]?.arrayValue, !k.isEmpty { s["keywords"] = k.compactMap(\.stringValue).joined(separator: "; ") }
        if let p = form["procedure"] {
            s["procedure_code"] = p["code"]?.stringValue
            text(p["domain"], "procedure_domain", into: &s); text(p["agency"], "procedure_agency", into: &s)
            s["procedure_online"] = p["online"]?.stringValue
            if let d = p["processingDays"]?.intValue { s["procedure_processing_days"] = String(d) }
            if let fee = p["fee"] {
                if let n = fee.intValue { s["procedure_fee"] = String(n) } else {
                    s["procedure_fee"] = x(fee["expression"]?.stringValue ?? ""); text(fee["note"], "procedure_fee_note", into: &s)
                }
            }
            for doc in p["documents"]?.arrayValue ?? [] {
                var row = ["id": doc["id"]?.stringValue ?? "", "kind": doc["kind"]?.stringValue ?? "original"]
                text(doc["label"], "label", into: &row); row["required"] = requirement(doc["required"])
                documents.add(row)
            }
        }
        settings.add(s.filter { !$0.value.isEmpty })
        for c in form["checks"]?.arrayValue ?? [] {
            var row = ["id": c["id"]?.stringValue ?? "", "rule": x(c["rule"]?.stringValue ?? "")]
            if let sev = c["severity"]?.stringValue { row["severity"] = sev }
            if let f = c["fields"]?.arrayValue { row["fields"] = f.compactMap(\.stringValue).joined(separator: " ") }
            text(c["message"], "message", into: &row)
            checks.add(row)
        }
        var out: [(name: String, sheet: Sheet)] = [("survey", survey.sheet("survey")), ("settings", settings.sheet("settings"))]
        if !choices.rows.isEmpty { out.append(("choices", choices.sheet("choices"))) }
        if !documents.rows.isEmpty { out.append(("documents", documents.sheet("documents"))) }
        if !checks.rows.isEmpty { out.append(("checks", checks.sheet("checks"))) }
        return XLSFormSheetsOut(sheets: out)
    }

    func option(_ o: JSONValue, list: String) -> [String: String] {
        var row = ["list_name": list]
        for (k, v) in o.objectValue?.pairs ?? [] {
            if k == "value" { row["name"] = v.stringValue } else if k == "label" { text(v, "label", into: &row) } else { row[k] = v.stringValue }
        }
        return row
    }

    func x(_ e: String, filter: Bool = false) -> String { XLSFormExpression.decompile(e, fields: fields, choiceFilter: filter) }

    func text(_ v: JSONValue?, _ column: String, into row: inout [String: String]) {
        guard let v else { return }
        if let s = v.stringValue { row["\(column)::\(languages.first ?? "vi")"] = s; return }
        for (l, t) in v.objectValue?.pairs ?? [] { row["\(column)::\(l)"] = t.stringValue }
    }

    func requirement(_ v: JSONValue?) -> String? {
        switch v {
        case .bool(true)?: return "yes"
        case .string(let e)?: return x(e)
        default: return nil
        }
    }

    func scalar(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return ""
        }
    }

    func field(_ f: JSONValue) -> [String: String] {
        var row: [String: String] = ["name": f["id"]?.stringValue ?? ""]
        let type = f["type"]?.stringValue ?? ""
        switch type {
        case "choice", "multichoice":
            let list = f["options"]?.stringValue ?? f["id"]?.stringValue ?? ""
            row["type"] = (type == "choice" ? "select_one " : "select_multiple ") + list
        case "repeat": row["type"] = "begin repeat"
        default: row["type"] = type
        }
        for (k, c) in [("label", "label"), ("hint", "hint"), ("help", "help"), ("example", "example"), ("requiredMessage", "required_message"),
                       ("constraintMessage", "constraint_message"), ("warningMessage", "warning_message"), ("patternMessage", "pattern_message"),
                       ("unit", "unit"), ("itemLabel", "item_label")] { text(f[k], c, into: &row) }
        for (k, c) in [("relevant", "relevant"), ("constraint", "constraint"), ("warning", "warning"), ("expression", "calculation")] {
            if let e = f[k]?.stringValue { row[c] = x(e) }
        }
        if let e = f["filter"]?.stringValue { row["choice_filter"] = x(e, filter: true) }
        row["required"] = requirement(f["required"])
        if let d = f["default"] { row["default"] = d["expression"]?.stringValue.map { x($0) } ?? scalar(d) }
        for k in ["min", "max"] { if let v = f[k] { row[k] = v.stringValue.map { x($0) } ?? scalar(v) } }
        for (c, k) in XLSFormColumns.surveyWords { if let v = f[k]?.stringValue { row[c] = v } }
        for (c, k) in XLSFormColumns.surveyIntegers { if let v = f[k]?.intValue { row[c] = String(v) } }
        for (c, k) in XLSFormColumns.surveyBools { if let v = f[k]?.boolValue, v { row[c] = "yes" } }
        return row
    }
}
