/// Turns a parsed JSON document into a `Form`, reporting every problem with
/// its JSON path. Phase one (this file and FieldDecoder) reads the structure
/// and parses expressions; phase two (FormSemantics) resolves names, types
/// and references once every field is known.
struct FormDecoder {
    let diag: Diagnostics
    /// Reads a shared list `@name` (from `Forms/lists/name.json`); returns the
    /// options or a reason it could not. Supplied by the I/O layer.
    let sharedList: (String) -> Result<[Option], ListLoadError>
    /// The cached value index of a shared list, so fields need not build their own.
    let sharedIndex: (String) -> [String: Int]?

    static let topKeys = ["format", "id", "version", "title", "summary", "keywords", "languages", "procedure", "lists", "pages", "checks"]

    func decode(_ json: JSONValue) -> Form? {
        guard let r = ObjectReader(json, path: "", what: "a form", allowed: Self.topKeys, diag: diag) else { return nil }
        if let f = r.string("format", required: true), f != Form.format {
            diag.add("format", "unsupported format \"\(f)\": this program reads \"\(Form.format)\"")
        }
        let id = r.string("id", required: true) ?? ""
        if r.has("id"), !id.isEmpty || r.raw("id")?.stringValue != nil, !IDRules.isSlug(id) {
            diag.add("id", "form id \"\(id)\" must be a slug: lower-case letters and digits separated by single hyphens (e.g. \"khai-sinh\")")
        }
        var version = ""
        switch r.raw("version") {
        case nil: r.missing("version")
        case .string(let s)?:
            version = s
            if s.isEmpty { diag.add("version", "version must not be empty") }
        case .int(let i)?: diag.add("version", "version must be a string: write \"\(i)\"")
        default: r.wrongType("version", "a string")
        }
        let title = r.text("title", required: true) ?? LocalizedText("")
        var languages = ["vi"]
        if let langs = r.array("languages") {
            languages = []
            for (i, l) in langs.enumerated() {
                guard case .string(let s) = l else { diag.add(join("languages", i), "a language tag must be a string"); continue }
                if languages.contains(s) { diag.add(join("languages", i), "language \"\(s)\" is listed twice") }
                languages.append(s)
            }
            if languages.isEmpty { diag.add("languages", "list at least one language, the default first"); languages = ["vi"] }
        }
        var form = Form(id: id, version: version, title: title, languages: languages, pages: [])
        form.summary = r.text("summary")
        if let words = r.array("keywords") { form.keywords = decodeKeywords(words) }
        var origins: [String: String] = [:]
        form.lists = decodeLists(r.raw("lists"), origins: &origins)
        if let p = r.raw("procedure") { form.procedure = decodeProcedure(p) }

        var fieldDecoder = FieldDecoder(diag: diag, lists: form.lists, sharedList: sharedList)
        fieldDecoder.sharedIndex = sharedIndex
        fieldDecoder.listOrigins = origins
        if let pages = r.array("pages", required: true) {
            if pages.isEmpty { diag.add("pages", "a form needs at least one page") }
            var pageIDs = Set<String>()
            for (i, p) in pages.enumerated() {
                guard let page = decodePage(p, path: join("pages", i), fields: &fieldDecoder) else { continue }
                if !pageIDs.insert(page.id).inserted, !page.id.isEmpty { diag.add(join(join("pages", i), "id"), "duplicate page id '\(page.id)'") }
                form.pages.append(page)
            }
        }
        if let checks = r.array("checks") {
            var ids = Set<String>()
            for (i, c) in checks.enumerated() {
                guard let check = decodeCheck(c, path: join("checks", i)) else { continue }
                if !ids.insert(check.id).inserted { diag.add(join(join("checks", i), "id"), "duplicate check id '\(check.id)'") }
                form.checks.append(check)
            }
        }
        form.lists.merge(fieldDecoder.usedSharedLists) { a, _ in a }
        return form
    }

    private func decodeLists(_ v: JSONValue?, origins: inout [String: String]) -> [String: [Option]] {
        guard let v else { return [:] }
        guard case .object(let o) = v else { diag.add("lists", "'lists' must be an object of name → options, found \(v.kindName)"); return [:] }
        var out: [String: [Option]] = [:]
        for (name, value) in o.pairs {
            let path = join("lists", name)
            switch value {
            case .string(let s) where s.hasPrefix("@"):
                switch sharedList(String(s.dropFirst())) {
                case .success(let opts): out[name] = opts; origins[name] = String(s.dropFirst())
                case .failure(let e): diag.add(path, e.description)
                }
            case .array(let items): out[name] = decodeOptions(items, path: path, diag: diag)
            default: diag.add(path, "a list must be a list of options or \"@data-name\" for a shared list in Forms/lists/")
            }
        }
        return out
    }

    private func decodePage(_ v: JSONValue, path: String, fields: inout FieldDecoder) -> Page? {
        guard let r = ObjectReader(v, path: path, what: "a page", allowed: ["id", "title", "intro", "relevant", "fields"], diag: diag) else { return nil }
        let id = r.string("id", required: true) ?? ""
        if r.raw("id")?.stringValue != nil, !IDRules.isFieldID(id) && !IDRules.isSlug(id) {
            diag.add(join(path, "id"), "page id \"\(id)\" must be lower-case letters, digits, '_' or '-'")
        }
        let title = r.text("title", required: true) ?? LocalizedText("")
        var page = Page(id: id, title: title, intro: r.text("intro"), relevant: parseExpression(r, "relevant"), fields: [], jsonPath: path)
        if let list = r.array("fields", required: true) {
            if list.isEmpty { diag.add(join(path, "fields"), "a page needs at least one field") }
            for (i, f) in list.enumerated() {
                if let field = fields.decode(f, path: join(join(path, "fields"), i), inRepeat: false) { page.fields.append(field) }
            }
        }
        return page
    }

    private func decodeCheck(_ v: JSONValue, path: String) -> Check? {
        guard let r = ObjectReader(v, path: path, what: "a check", allowed: ["id", "rule", "message", "fields", "severity"], diag: diag) else { return nil }
        let id = r.string("id", required: true) ?? ""
        if r.raw("id")?.stringValue != nil, !IDRules.isFieldID(id) && !IDRules.isSlug(id) { diag.add(join(path, "id"), "check id \"\(id)\" is malformed") }
        let message = r.text("message", required: true) ?? LocalizedText("")
        if !r.has("rule") { r.missing("rule") }
        var fieldIDs: [String] = []
        if let list = r.array("fields") {
            for (i, f) in list.enumerated() {
                if case .string(let s) = f { fieldIDs.append(s) } else { diag.add(join(join(path, "fields"), i), "a field id must be a string") }
            }
        }
        let severity = r.oneOf("severity", Check.Severity.self, values: ["error", "warning"]) ?? .error
        guard let rule = parseExpression(r, "rule") else { return nil }
        return Check(id: id, rule: rule, message: message, fields: fieldIDs, severity: severity, jsonPath: path)
    }

    /// `keywords`: search phrases people use for the procedure ("giấy khai sinh", "ks"),
    /// at most 50, each a non-empty string of at most 100 characters.
    private func decodeKeywords(_ words: [JSONValue]) -> [String] {
        if words.count > 50 { diag.add("keywords", "at most 50 keywords, found \(words.count)") }
        var out: [String] = []
        for (i, w) in words.prefix(50).enumerated() {
            guard case .string(let s) = w, !s.isEmpty, s.count <= 100 else {
                diag.add(join("keywords", i), "a keyword is a non-empty string of at most 100 characters")
                continue
            }
            out.append(s)
        }
        return out
    }

    private func decodeProcedure(_ v: JSONValue) -> Procedure? {
        let path = "procedure"
        guard let r = ObjectReader(v, path: path, what: "procedure", allowed: ["code", "domain", "agency", "online", "processingDays", "fee", "documents"], diag: diag) else { return nil }
        var p = Procedure()
        p.code = r.string("code")
        p.domain = r.text("domain")
        p.agency = r.text("agency")
        p.online = r.oneOf("online", Procedure.Online.self, values: ["full", "partial"])
        p.processingDays = r.int("processingDays")
        switch r.raw("fee") {
        case nil: break
        case .int(let i)?:
            if i < 0 { diag.add(join(path, "fee"), "a fee cannot be negative") } else { p.fee = .amount(i) }
        case .object?:
            if let fr = ObjectReader(r.raw("fee"), path: join(path, "fee"), what: "a fee", allowed: ["expression", "note"], diag: diag) {
                if let e = parseExpression(fr, "expression", required: true) { p.fee = .expression(e, note: fr.text("note")) }
            }
        default: r.wrongType("fee", "a whole number of đồng or {\"expression\": ..., \"note\": ...}")
        }
        if let docs = r.array("documents") {
            var ids = Set<String>()
            for (i, d) in docs.enumerated() {
                let dp = join(join(path, "documents"), i)
                guard let dr = ObjectReader(d, path: dp, what: "a document", allowed: ["id", "label", "required", "kind"], diag: diag) else { continue }
                let id = dr.string("id", required: true) ?? ""
                if !id.isEmpty, !ids.insert(id).inserted { diag.add(join(dp, "id"), "duplicate document id '\(id)'") }
                let label = dr.text("label", required: true) ?? LocalizedText("")
                let kind = dr.oneOf("kind", Procedure.Document.Kind.self, values: ["original", "copy", "certified-copy"]) ?? .original
                p.documents.append(.init(id: id, label: label, required: parseRequirement(dr), kind: kind))
            }
        }
        return p
    }

    private func parseExpression(_ r: ObjectReader, _ key: String, required: Bool = false) -> Expression? {
        parseExpressionKey(r, key, required: required, diag: diag)
    }

    private func parseRequirement(_ r: ObjectReader) -> Requirement {
        parseRequirementKey(r, diag: diag)
    }
}

/// Reads `key` as an expression string and parses it; syntax errors are
/// reported as `path.key: col N: message`.
func parseExpressionKey(_ r: ObjectReader, _ key: String, required: Bool = false, diag: Diagnostics) -> Expression? {
    guard let v = r.raw(key) else { if required { r.missing(key) }; return nil }
    guard case .string(let source) = v else { r.wrongType(key, "an expression in a string"); return nil }
    return parseExpressionSource(source, path: join(r.path, key), diag: diag)
}

func parseExpressionSource(_ source: String, path: String, diag: Diagnostics) -> Expression? {
    do {
        let root = try ExpressionParser.parse(source)
        return Expression(source: source, jsonPath: path, root: root)
    } catch {
        diag.add(path, "col \(error.column): \(error.message)")
        return nil
    }
}

/// `required`: true, false or an expression.
func parseRequirementKey(_ r: ObjectReader, diag: Diagnostics) -> Requirement {
    switch r.raw("required") {
    case nil: return .no
    case .bool(let b)?: return b ? .yes : .no
    case .string?: return parseExpressionKey(r, "required", diag: diag).map(Requirement.when) ?? .no
    default: r.wrongType("required", "true, false or an expression"); return .no
    }
}

/// Options of a list, with unique values.
func decodeOptions(_ items: [JSONValue], path: String, diag: Diagnostics) -> [Option] {
    var out: [Option] = []
    var seen = Set<String>()
    for (i, item) in items.enumerated() {
        let p = join(path, i)
        guard case .object(let o) = item else { diag.add(p, "an option must be an object {\"value\": ..., \"label\": ...}"); continue }
        guard let rawValue = o["value"] else { diag.add(p, "missing required key 'value'"); continue }
        guard case .string(let value) = rawValue else { diag.add(join(p, "value"), "an option value must be a string, found \(rawValue.kindName)"); continue }
        if !seen.insert(value).inserted { diag.add(join(p, "value"), "duplicate option value \"\(value)\""); continue }
        guard let l = o["label"] else { diag.add(p, "missing required key 'label'"); continue }
        guard let label = readText(l, path: join(p, "label"), diag: diag) else { continue }
        var attrs: [String: String] = [:]
        for (k, v) in o.pairs where k != "value" && k != "label" {
            if case .string(let s) = v { attrs[k] = s } else { diag.add(join(p, k), "option attributes must be strings, found \(v.kindName)") }
        }
        out.append(Option(value: value, label: label, attributes: attrs))
    }
    return out
}
