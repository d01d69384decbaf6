import Foundation

/// The survey, choices, documents and checks sheets of `XLSFormBuild`.
extension XLSFormBuild {
    static func typeWords(_ t: String) -> [String] {
        t.replacingOccurrences(of: "_group", with: " group").replacingOccurrences(of: "_repeat", with: " repeat")
            .split(separator: " ").map { String($0).lowercased() }
    }

    /// First pass: every name, and the repeat around it, so that a `${x}`
    /// may point at a field defined further down.
    mutating func collectFields() {
        // Pages and fields are named apart (a page may share its field's name,
        // as MotCua forms allow); within each kind a name is used once.
        var seen: [String: Int] = [:], seenPages: [String: Int] = [:]
        var repeatStack: [String] = []
        for r in rows(sheets.survey) {
            let words = Self.typeWords(r.cell("type") ?? "")
            if words == ["end", "repeat"] { _ = repeatStack.popLast(); continue }
            if words.first == "end" { continue }
            guard let name = r.cell("name") else { continue }
            let isPage = words == ["begin", "group"]
            if let line = isPage ? seenPages[name] : seen[name] { add(r, "name", "xlsform.duplicate_name", ["name": name, "line": String(line)]); continue }
            if isPage { seenPages[name] = r.row.line; continue }
            seen[name] = r.row.line
            fields.known.insert(name)
            if let rep = repeatStack.last { fields.repeatOf[name] = rep }
            if words == ["begin", "repeat"] { fields.repeats.insert(name); repeatStack.append(name) }
        }
    }

    mutating func buildLists() -> [(String, JSONValue)] {
        var order: [String] = []
        var items: [String: [JSONValue]] = [:]
        var shared: [String: String] = [:]
        for r in rows(sheets.choices) {
            guard let list = r.cell("list_name") else { add(r, "list_name", "xlsform.missing_column", ["column": "list_name"]); continue }
            guard let value = r.cell("name") else { add(r, "name", "xlsform.no_name"); continue }
            if items[list] == nil { order.append(list); items[list] = [] }
            if value.hasPrefix("@") { shared[list] = value; continue }
            var o: [(String, JSONValue)] = [("value", .string(value))]
            if let l = r.text("label", languages: languages) { o.append(("label", l)) }
            for (i, h) in r.sheet.header.enumerated() where i < r.row.cells.count && !r.row.cells[i].isEmpty {
                let base = XLSFormColumns.split(h).base
                if !["list_name", "name", "label"].contains(base) { o.append((h, .string(r.row.cells[i]))) }
            }
            sources["lists.\(list)[\(items[list]!.count)]"] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
            items[list]!.append(.object(JSONObject(o)))
        }
        return order.map { ($0, shared[$0].map { .string($0) } ?? .array(items[$0] ?? [])) }
    }

    /// The survey rows as pages of fields. Rows outside any group form a page
    /// of their own, titled like the form.
    mutating func buildPages(listNames: Set<String>) -> [JSONValue] {
        var pages: [JSONValue] = []
        var page: (head: [(String, JSONValue)], fields: [JSONValue], row: SheetRow?)? = nil
        var rep: (head: [(String, JSONValue)], fields: [JSONValue], row: SheetRow)? = nil
        var loose = 0
        func pagePath(_ n: Int) -> String { "pages[\(n)]" }
        for r in rows(sheets.survey) {
            let type = r.cell("type") ?? ""
            let words = Self.typeWords(type)
            switch words {
            case ["begin", "group"]:
                if page?.row != nil || rep != nil { add(r, "type", "xlsform.nested_group"); continue }
                if let p = page { pages.append(Self.pageJSON(p.head, p.fields)) }
                var head: [(String, JSONValue)] = [("id", .string(r.cell("name") ?? "page_\(pages.count + 1)"))]
                head.append(("title", r.text("label", languages: languages) ?? .string(r.cell("name") ?? "")))
                if let t = r.text("intro", languages: languages) { head.append(("intro", t)) }
                if let e = expr(r, "relevant", inRepeat: nil) { head.append(("relevant", e)) }
                sources[pagePath(pages.count)] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
                page = (head, [], r)
            case ["end", "group"]:
                if rep != nil { add(r, "type", "xlsform.unclosed", ["what": "begin repeat"]); continue }
                guard let p = page, p.row != nil else { add(r, "type", "xlsform.unmatched_end", ["what": type]); continue }
                pages.append(Self.pageJSON(p.head, p.fields)); page = nil
            case ["begin", "repeat"]:
                if rep != nil { add(r, "type", "xlsform.nested_repeat"); continue }
                if page == nil { loose += 1; page = ([("id", .string("page_\(loose)")), ("title", .string(r.cell("name") ?? ""))], [], nil) }
                sources["\(pagePath(pages.count)).fields[\(page!.fields.count)]"] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
                rep = (field(r, type: "repeat", listNames: listNames, inRepeat: nil), [], r)
            case ["end", "repeat"]:
                guard let open = rep else { add(r, "type", "xlsform.unmatched_end", ["what": type]); continue }
                page!.fields.append(.object(JSONObject(open.head + [("fields", .array(open.fields))]))); rep = nil
            default:
                if page == nil { loose += 1; page = ([("id", .string("page_\(loose)")), ("title", .string(r.cell("name") ?? ""))], [], nil) }
                let base = pagePath(pages.count) + ".fields[\(page!.fields.count)]"
                let path = rep.map { _ in base + ".fields[\(rep!.fields.count)]" } ?? base
                sources[path] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
                let f = JSONValue.object(JSONObject(field(r, type: type, listNames: listNames, inRepeat: rep.flatMap { $0.head.first?.1.stringValue })))
                if rep != nil { rep!.fields.append(f) } else { page!.fields.append(f) }
            }
        }
        if let open = rep { add(open.row, "type", "xlsform.unclosed", ["what": "begin repeat"]) }
        if let p = page {
            if let r = p.row { add(r, "type", "xlsform.unclosed", ["what": "begin group"]) }
            pages.append(Self.pageJSON(p.head, p.fields))
        }
        return pages
    }

    static func pageJSON(_ head: [(String, JSONValue)], _ fields: [JSONValue]) -> JSONValue {
        .object(JSONObject(head + [("fields", .array(fields))]))
    }

    /// One field's keys, in the order hand-written forms use.
    mutating func field(_ r: SheetRow, type: String, listNames: Set<String>, inRepeat: String?) -> [(String, JSONValue)] {
        var f: [(String, JSONValue)] = []
        guard let name = r.cell("name") else { add(r, "name", "xlsform.no_name"); return [] }
        let words = type.split(separator: " ").map(String.init)
        var motcuaType = words.first?.lowercased() ?? ""
        var options: String?
        switch motcuaType {
        case "text", "integer", "decimal", "date", "note", "calculate", "boolean", "repeat": break
        case "select_one", "select_multiple", "select_one_from_file", "select_multiple_from_file":
            let fromFile = motcuaType.hasSuffix("_from_file")
            motcuaType = motcuaType.hasPrefix("select_one") ? "choice" : "multichoice"
            guard words.count == 2 else { add(r, "type", "xlsform.unknown_type", ["type": type]); return [] }
            if fromFile {
                options = "@" + ((words[1] as NSString).deletingPathExtension)
            } else {
                // `select_one @provinces` names a shared list directly, as a form's `options` may.
                options = words[1]
                if !words[1].hasPrefix("@"), !listNames.contains(words[1]) { add(r, "type", "xlsform.unknown_list", ["list": words[1]]) }
            }
        default: add(r, "type", "xlsform.unknown_type", ["type": type]); return []
        }
        f.append(("id", .string(name))); f.append(("type", .string(motcuaType)))
        if let t = r.text("label", languages: languages) { f.append(("label", t)) }
        for (c, k) in [("hint", "hint"), ("help", "help"), ("example", "example")] { if let t = r.text(c, languages: languages) { f.append((k, t)) } }
        if let o = options { f.append(("options", .string(o))) }
        if let e = expr(r, "choice_filter", inRepeat: inRepeat, choiceFilter: true) { f.append(("filter", e)) }
        if let e = expr(r, "relevant", inRepeat: inRepeat) { f.append(("relevant", e)) }
        if let req = requirement(r, "required", inRepeat: inRepeat) { f.append(("required", req)) }
        if let t = r.text("required_message", languages: languages) { f.append(("requiredMessage", t)) }
        if let d = r.cell("default") { f.append(("default", defaultValue(r, d, type: motcuaType, inRepeat: inRepeat))) }
        for c in ["min", "max"] { if let v = r.cell(c) { f.append((c, bound(r, c, v, type: motcuaType, inRepeat: inRepeat))) } }
        for (c, k) in XLSFormColumns.surveyWords { if let v = r.cell(c) { f.append((k, .string(v))) } }
        for (c, k) in XLSFormColumns.surveyIntegers { if let v = int(r, c) { f.append((k, .int(v))) } }
        for (c, k) in XLSFormColumns.surveyBools { if let v = bool(r, c) { f.append((k, .bool(v))) } }
        if r.cell("appearance")?.lowercased() == "multiline", !f.contains(where: { $0.0 == "multiline" }) { f.append(("multiline", true)) }
        if let n = r.cell("repeat_count") {
            if let c = Int(n) { f.append(("minCount", .int(c))); f.append(("maxCount", .int(c))) } else { add(r, "repeat_count", "xlsform.repeat_count") }
        }
        for (c, k) in [("unit", "unit"), ("item_label", "itemLabel")] { if let t = r.text(c, languages: languages) { f.append((k, t)) } }
        for (c, k) in [("constraint", "constraint"), ("warning", "warning")] {
            if let e = expr(r, c, inRepeat: inRepeat) { f.append((k, e)) }
            if let t = r.text(c + "_message", languages: languages) { f.append((k + "Message", t)) }
        }
        if let t = r.text("pattern_message", languages: languages) { f.append(("patternMessage", t)) }
        if let e = expr(r, "calculation", inRepeat: inRepeat) { f.append(("expression", e)) }
        return f
    }

    /// A literal of the field's type, or `{"expression": ...}` when the cell
    /// holds `${...}` or starts with a function call.
    mutating func defaultValue(_ r: SheetRow, _ v: String, type: String, inRepeat: String?) -> JSONValue {
        if v.contains("${") || v.range(of: #"^[a-z_][a-z0-9_-]*\s*\("#, options: .regularExpression) != nil {
            return .object(JSONObject([("expression", expr(r, "default", inRepeat: inRepeat) ?? .string(v))]))
        }
        switch type {
        case "integer": if let n = Int(v) { return .int(n) }
        case "decimal": if let d = Double(v) { return .double(d) }
        case "boolean": if let b = bool(r, "default") { return .bool(b) }
        default: break
        }
        return .string(v)
    }

    /// `min`/`max`: a number for number fields, an ISO date, or an expression.
    mutating func bound(_ r: SheetRow, _ c: String, _ v: String, type: String, inRepeat: String?) -> JSONValue {
        if type == "integer" || type == "decimal", let d = Double(v) { return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d) }
        if v.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return .string(v) }
        return expr(r, c, inRepeat: inRepeat) ?? .string(v)
    }

    mutating func buildDocuments() -> [JSONValue] {
        rows(sheets.documents).enumerated().map { n, r in
            sources["procedure.documents[\(n)]"] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
            var d: [(String, JSONValue)] = [("id", .string(r.cell("id") ?? ""))]
            if let t = r.text("label", languages: languages) { d.append(("label", t)) }
            d.append(("required", requirement(r, "required", inRepeat: nil) ?? .bool(false)))
            d.append(("kind", .string(r.cell("kind") ?? "original")))
            return .object(JSONObject(d))
        }
    }

    mutating func buildChecks() -> [JSONValue] {
        rows(sheets.checks).enumerated().map { n, r in
            sources["checks[\(n)]"] = SourceCell(sheet: r.sheet, row: r.row.line, columns: r.columns)
            var c: [(String, JSONValue)] = [("id", .string(r.cell("id") ?? ""))]
            c.append(("rule", expr(r, "rule", inRepeat: nil) ?? .string("")))
            if let s = r.cell("severity") { c.append(("severity", .string(s))) }
            if let f = r.cell("fields") {
                c.append(("fields", .array(f.split(whereSeparator: { $0 == " " || $0 == "," }).map { .string(String($0)) })))
            }
            if let t = r.text("message", languages: languages) { c.append(("message", t)) }
            return .object(JSONObject(c))
        }
    }

    /// A linter problem of the produced JSON, pointed at the cell it came from.
    func locate(_ issue: FormIssue, messages: Messages) -> SheetIssue {
        var best: (String, SourceCell)?
        for (k, v) in sources where issue.path == k || issue.path.hasPrefix(k + ".") || issue.path.hasPrefix(k + "[") || k.isEmpty {
            if best == nil || k.count > best!.0.count { best = (k, v) }
        }
        guard let (key, src) = best else {
            return SheetIssue(file: sheets.survey.file, row: 0, column: 0, message: messages.text("xlsform.lint", ["message": "\(issue.path): \(issue.message)"]))
        }
        let rest = issue.path.dropFirst(key.count).drop { $0 == "." }
        let jsonKey = String(rest.prefix { $0 != "." && $0 != "[" })
        let column = XLSFormColumns.columnOfKey[jsonKey] ?? jsonKey
        let col = (src.columns[column]?.first?.index).map { $0 + 1 } ?? 0
        let where_ = rest.isEmpty ? "" : "\(rest): "
        return SheetIssue(file: src.sheet.file, row: src.row, column: col, message: messages.text("xlsform.lint", ["message": where_ + issue.message]))
    }
}
