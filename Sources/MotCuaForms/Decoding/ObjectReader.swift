/// Reads one JSON object of a form, reporting unknown keys, missing keys and
/// wrong types at their JSON path; getters return nil after reporting.
struct ObjectReader {
    let object: JSONObject
    let path: String
    let diag: Diagnostics

    /// nil (after reporting) when `value` is not an object.
    init?(_ value: JSONValue?, path: String, what: String, allowed: [String], diag: Diagnostics) {
        guard let value else { return nil }
        guard case .object(let o) = value else {
            diag.add(path, "\(what) must be an object {...}, found \(value.kindName)")
            return nil
        }
        object = o; self.path = path; self.diag = diag
        for key in o.keys where !allowed.contains(key) {
            if let s = suggestion(for: key, among: allowed) {
                diag.add(join(path, key), "unknown key '\(shownName(key))' (did you mean '\(s)'?)")
            } else {
                diag.add(join(path, key), "unknown key '\(shownName(key))' for \(what)")
            }
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }
    func raw(_ key: String) -> JSONValue? { object[key] }

    func missing(_ key: String) { diag.add(path, "missing required key '\(key)'") }

    func wrongType(_ key: String, _ expected: String) {
        diag.add(join(path, key), "'\(key)' must be \(expected), found \(object[key]!.kindName)")
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let v = object[key] else { if required { missing(key) }; return nil }
        guard case .string(let s) = v else { wrongType(key, "a string"); return nil }
        return s
    }

    func bool(_ key: String) -> Bool? {
        guard let v = object[key] else { return nil }
        guard case .bool(let b) = v else { wrongType(key, "true or false"); return nil }
        return b
    }

    func int(_ key: String, minimum: Int = 0) -> Int? {
        guard let v = object[key] else { return nil }
        guard case .int(let i) = v else { wrongType(key, "a whole number"); return nil }
        if i < minimum { diag.add(join(path, key), "'\(key)' must be at least \(minimum), found \(i)"); return nil }
        return i
    }

    func text(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let v = object[key] else { if required { missing(key) }; return nil }
        return readText(v, path: join(path, key), diag: diag)
    }

    func array(_ key: String, required: Bool = false) -> [JSONValue]? {
        guard let v = object[key] else { if required { missing(key) }; return nil }
        guard case .array(let a) = v else { wrongType(key, "a list [...]"); return nil }
        return a
    }

    func oneOf<T: RawRepresentable>(_ key: String, _ type: T.Type, values: [String]) -> T? where T.RawValue == String {
        guard let s = string(key) else { return nil }
        guard let t = T(rawValue: s) else {
            diag.add(join(path, key), "'\(key)' must be one of \(values.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(s)\"")
            return nil
        }
        return t
    }
}

/// A Text: a string in the default language, or `{"vi": ..., "en": ...}`.
func readText(_ v: JSONValue, path: String, diag: Diagnostics) -> LocalizedText? {
    switch v {
    case .string(let s): return LocalizedText(s)
    case .object(let o):
        var t: [(String, String)] = []
        for (lang, value) in o.pairs {
            guard lang.count >= 2, lang.count <= 8, lang.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
                diag.add(join(path, lang), "'\(lang)' is not a language tag (such as \"vi\" or \"en\")")
                continue
            }
            guard case .string(let s) = value else {
                diag.add(join(path, lang), "a translation must be a string, found \(value.kindName)")
                continue
            }
            t.append((lang, s))
        }
        if o.isEmpty { diag.add(path, "a text needs at least one language") }
        return t.isEmpty ? nil : LocalizedText(translations: t.map { (language: $0.0, text: $0.1) })
    default:
        diag.add(path, "a text must be a string or an object of language → string, found \(v.kindName)")
        return nil
    }
}

/// Slugs and ids as the spec defines them.
enum IDRules {
    static func isSlug(_ s: String) -> Bool {
        // [a-z0-9]+(-[a-z0-9]+)*
        guard !s.isEmpty, !s.hasPrefix("-"), !s.hasSuffix("-"), !s.contains("--") else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func isFieldID(_ s: String) -> Bool {
        // [a-z][a-z0-9_]*
        guard let f = s.utf8.first, f >= 97 && f <= 122 else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
