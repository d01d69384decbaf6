/// Reads one field (and a repeat's inner fields), checking the keys that
/// apply to its type.
struct FieldDecoder {
    let diag: Diagnostics
    let lists: [String: [Option]]
    let sharedList: (String) -> Result<[Option], ListLoadError>
    /// Shared lists named directly by a field (`"options": "@communes"`).
    var usedSharedLists: [String: [Option]] = [:]
    /// Cached indexes of shared lists, and which form lists are shared ones.
    var sharedIndex: (String) -> [String: Int]? = { _ in nil }
    var listOrigins: [String: String] = [:]
    private var seenIDs: [String: String] = [:]

    init(diag: Diagnostics, lists: [String: [Option]], sharedList: @escaping (String) -> Result<[Option], ListLoadError>) {
        self.diag = diag; self.lists = lists; self.sharedList = sharedList
    }

    static let common = ["id", "type", "label", "hint", "help", "example", "required", "requiredMessage", "relevant",
                         "default", "constraint", "constraintMessage", "warning", "warningMessage"]
    static let byType: [FieldType: [String]] = [
        .text: ["minLength", "maxLength", "pattern", "patternMessage", "multiline", "case", "format", "input", "confirm"],
        .integer: ["min", "max", "unit"],
        .decimal: ["min", "max", "unit"],
        .date: ["min", "max", "precision"],
        .choice: ["options", "filter"],
        .multichoice: ["options", "filter", "minSelected", "maxSelected"],
        .boolean: [],
        .note: [],
        .repeat: ["fields", "minCount", "maxCount", "itemLabel"],
        .calculate: ["expression"],
    ]

    mutating func decode(_ v: JSONValue, path: String, inRepeat: Bool) -> Field? {
        guard case .object(let o) = v else { diag.add(path, "a field must be an object {...}, found \(v.kindName)"); return nil }
        guard let rawType = o["type"] else { diag.add(path, "missing required key 'type'"); return nil }
        guard case .string(let typeName) = rawType, let type = FieldType(rawValue: typeName) else {
            let names = FieldType.allCases.map(\.rawValue)
            let hint = rawType.stringValue.flatMap { suggestion(for: $0, among: names) }.map { " (did you mean '\($0)'?)" } ?? ""
            diag.add(join(path, "type"), "unknown field type \(rawType.serialized())\(hint): one of \(names.joined(separator: ", "))")
            return nil
        }
        let allowed = Self.common + Self.byType[type]!
        guard let r = ObjectReader(v, path: path, what: "\(type.article) field", allowed: allowed + otherTypeKeys(type), diag: diag) else { return nil }
        for key in o.keys where !allowed.contains(key) && otherTypeKeys(type).contains(key) {
            diag.add(join(path, key), "'\(key)' does not apply to \(type.article) field")
        }
        let id = r.string("id", required: true) ?? ""
        if r.raw("id")?.stringValue != nil {
            if !IDRules.isFieldID(id) {
                diag.add(join(path, "id"), "field id \"\(id)\" must start with a lower-case letter and contain only a-z, 0-9 and _")
            } else if let first = seenIDs[id] {
                diag.add(join(path, "id"), "duplicate field id '\(id)' (first at \(first))")
            } else if ["option", "true", "false", "null", "and", "or", "not"].contains(id) {
                diag.add(join(path, "id"), "'\(id)' is a reserved word of expressions")
            } else {
                seenIDs[id] = path
            }
        }
        var f = Field(id: id, type: type, jsonPath: path)
        f.label = r.text("label", required: type != .calculate)
        f.hint = r.text("hint"); f.help = r.text("help"); f.example = r.text("example")
        f.required = parseRequirementKey(r, diag: diag)
        f.requiredMessage = r.text("requiredMessage")
        f.relevant = parseExpressionKey(r, "relevant", diag: diag)
        f.constraint = parseExpressionKey(r, "constraint", diag: diag)
        f.constraintMessage = r.text("constraintMessage")
        f.warning = parseExpressionKey(r, "warning", diag: diag)
        f.warningMessage = r.text("warningMessage")
        if case .object(let d)? = r.raw("default") {
            if let dr = ObjectReader(.object(d), path: join(path, "default"), what: "a default", allowed: ["expression"], diag: diag) {
                f.defaultValue = parseExpressionKey(dr, "expression", required: true, diag: diag).map(DefaultValue.expression)
            }
        } else if let d = r.raw("default") {
            f.defaultValue = .literal(d)
        }

        switch type {
        case .text: decodeText(r, &f)
        case .integer, .decimal:
            f.min = bound(r, "min", date: false); f.max = bound(r, "max", date: false)
            f.unit = r.text("unit")
        case .date:
            f.precision = r.oneOf("precision", CalendarDate.Precision.self, values: ["day", "month", "year"]) ?? .day
            f.min = bound(r, "min", date: true); f.max = bound(r, "max", date: true)
        case .choice, .multichoice:
            decodeOptionsKey(r, &f)
            f.filter = parseExpressionKey(r, "filter", diag: diag)
            f.minSelected = r.int("minSelected"); f.maxSelected = r.int("maxSelected")
            if let a = f.minSelected, let b = f.maxSelected, a > b { diag.add(join(path, "minSelected"), "minSelected (\(a)) is above maxSelected (\(b))") }
        case .repeat:
            f.minCount = r.int("minCount"); f.maxCount = r.int("maxCount", minimum: 1)
            if let a = f.minCount, let b = f.maxCount, a > b { diag.add(join(path, "minCount"), "minCount (\(a)) is above maxCount (\(b))") }
            f.itemLabel = r.text("itemLabel")
            if inRepeat { diag.add(path, "a repeat cannot be inside a repeat in motcua-form/1") }
            if let inner = r.array("fields", required: true) {
                if inner.isEmpty { diag.add(join(path, "fields"), "a repeat needs at least one field") }
                for (i, x) in inner.enumerated() {
                    if let field = decode(x, path: join(join(path, "fields"), i), inRepeat: true) { f.fields.append(field) }
                }
            }
        case .calculate:
            f.expression = parseExpressionKey(r, "expression", required: true, diag: diag)
        case .boolean, .note: break
        }
        return f
    }

    private func otherTypeKeys(_ type: FieldType) -> [String] {
        Array(Set(Self.byType.values.joined())).filter { !(Self.byType[type]!.contains($0)) }
    }

    private func decodeText(_ r: ObjectReader, _ f: inout Field) {
        f.minLength = r.int("minLength"); f.maxLength = r.int("maxLength", minimum: 1)
        if let a = f.minLength, let b = f.maxLength, a > b { diag.add(join(r.path, "minLength"), "minLength (\(a)) is above maxLength (\(b))") }
        if let p = r.string("pattern") {
            do { f.pattern = try Pattern(p) } catch {
                diag.add(join(r.path, "pattern"), "the regular expression does not compile: \(p)")
            }
        }
        f.patternMessage = r.text("patternMessage")
        f.multiline = r.bool("multiline") ?? false
        f.textCase = r.oneOf("case", TextCase.self, values: ["upper", "title"])
        f.format = r.oneOf("format", TextFormat.self, values: TextFormat.allCases.map(\.rawValue))
        f.input = r.oneOf("input", InputKind.self, values: ["vietnamese", "latin"]) ?? (f.format == .email || f.format == .phone ? .latin : .vietnamese)
        f.confirm = r.bool("confirm") ?? false
    }

    private mutating func decodeOptionsKey(_ r: ObjectReader, _ f: inout Field) {
        let path = join(r.path, "options")
        switch r.raw("options") {
        case nil: r.missing("options")
        case .array(let items)?:
            f.options = decodeOptions(items, path: path, diag: diag)
            if items.isEmpty { diag.add(path, "a choice needs at least one option") }
        case .string(let name)? where name.hasPrefix("@"):
            let shared = String(name.dropFirst())
            if let cached = usedSharedLists[shared] { f.options = cached } else {
                switch sharedList(shared) {
                case .success(let o): f.options = o; usedSharedLists[shared] = o
                case .failure(let e): diag.add(path, e.description)
                }
            }
            f.optionsList = name
        case .string(let name)?:
            if let o = lists[name] { f.options = o; f.optionsList = name } else {
                let hint = suggestion(for: name, among: Array(lists.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                diag.add(path, "unknown list '\(shownName(name))'\(hint): define it under \"lists\" or write \"@\(shownName(name))\" for Forms/lists/\(shownName(name)).json")
            }
        default: r.wrongType("options", "a list of options or the name of a list")
        }
        let shared = f.optionsList.flatMap { $0.hasPrefix("@") ? String($0.dropFirst()) : listOrigins[$0] }
        f.optionIndex = shared.flatMap(sharedIndex)
            ?? Dictionary(f.options.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `min`/`max`: a number, a date "YYYY-MM-DD" for date fields, or an expression.
    private func bound(_ r: ObjectReader, _ key: String, date: Bool) -> Bound? {
        guard let v = r.raw(key) else { return nil }
        switch v {
        case .int, .double:
            if date { diag.add(join(r.path, key), "a date bound is \"YYYY-MM-DD\" or an expression such as \"today()\""); return nil }
            return .number(v.doubleValue!)
        case .string(let s):
            if date, let d = CalendarDate.parseISO(s) { return .date(d) }
            return parseExpressionSource(s, path: join(r.path, key), diag: diag).map(Bound.expression)
        default:
            r.wrongType(key, date ? "a date \"YYYY-MM-DD\" or an expression" : "a number or an expression")
            return nil
        }
    }
}

extension FieldType {
    /// "a text", "an integer": for messages.
    var article: String { (self == .integer ? "an " : "a ") + rawValue }
}
