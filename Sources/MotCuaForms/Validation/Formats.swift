import MotCuaText

/// A format check's verdict: the normalised answer to store, or why it fails
/// (a locale key and its arguments).
public enum FormatResult: Sendable, Equatable {
    case ok(String)
    case invalid(key: String, args: [String: String])
}

/// The built-in text formats. Tables are facts from `shared/data` (2025):
/// see Forms/README.md for their sources.
public enum Formats {
    public static func check(_ format: TextFormat, _ s: String, today: CalendarDate) -> FormatResult {
        switch format {
        case .cccd: return cccd(s, today: today)
        case .cmnd: return digitsOnly(s, count: 9, digitsKey: "validation.format.cmnd.digits", lengthKey: "validation.format.cmnd.length")
        case .phone: return phone(s)
        case .email: return email(s)
        case .name: return TextNormalizer.isValidName(s) ? .ok(s) : .invalid(key: "validation.format.name", args: [:])
        }
    }

    /// Birth-registration province codes of the 12-digit personal ID (001–096 with gaps).
    static let cccdProvinceCodes: Set<String> = [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ]

    /// People type ID numbers read off a card with spaces or dots between groups.
    private static func stripSeparators(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0 != " " && $0 != "." && $0 != "-" && $0 != "\u{00A0}" }.map(Character.init))
    }

    /// The locale keys are passed whole (not built from a prefix) so that the
    /// locale test finds every key used as a literal in the sources.
    private static func digitsOnly(_ s: String, count: Int, digitsKey: String, lengthKey: String) -> FormatResult {
        let d = stripSeparators(s)
        guard d.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return .invalid(key: digitsKey, args: [:]) }
        guard d.unicodeScalars.count == count else { return .invalid(key: lengthKey, args: ["count": String(d.unicodeScalars.count)]) }
        return .ok(d)
    }

    /// 12 digits: province code (3), century/sex digit, year of birth (2), random (6). There is no check digit.
    static func cccd(_ s: String, today: CalendarDate) -> FormatResult {
        let r = digitsOnly(s, count: 12, digitsKey: "validation.format.cccd.digits", lengthKey: "validation.format.cccd.length")
        guard case .ok(let d) = r else { return r }
        let chars = Array(d)
        let code = String(chars[0..<3])
        guard cccdProvinceCodes.contains(code) else { return .invalid(key: "validation.format.cccd.province", args: ["code": code]) }
        let centuryDigit = Int(String(chars[3]))!
        let year = 1900 + (centuryDigit / 2) * 100 + Int(String(chars[4...5]))!
        guard year <= today.year else { return .invalid(key: "validation.format.cccd.century", args: ["digit": String(chars[3]), "year": String(year)]) }
        return .ok(d)
    }

    /// Mobile network codes in use (10-digit numbers), 2018 onwards; 087 and
    /// 055 are MVNOs accepted so that a real number is never refused.
    static let mobilePrefixes: Set<String> = [
        "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
        "081", "082", "083", "084", "085", "088", "091", "094",
        "070", "076", "077", "078", "079", "089", "090", "093",
        "052", "056", "058", "092", "059", "099", "087", "055",
    ]

    /// Accepts +84 / 84 / 0 prefixes, spaces, dots, dashes and brackets; stores `0XXXXXXXXX`.
    static func phone(_ s: String) -> FormatResult {
        var t = String(s.unicodeScalars.filter { !" .-()\u{00A0}".unicodeScalars.contains($0) }.map(Character.init))
        if t.hasPrefix("+84") { t = "0" + t.dropFirst(3) } else if t.hasPrefix("0084") { t = "0" + t.dropFirst(4) }
        else if t.hasPrefix("84"), t.count >= 11 { t = "0" + t.dropFirst(2) }
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return .invalid(key: "validation.format.phone", args: [:]) }
        if t.hasPrefix("02") {
            // Landline: 0 + area code + subscriber number, 11 digits in all since 2017.
            return t.count == 11 ? .ok(t) : .invalid(key: "validation.format.phone.landline", args: ["count": String(t.count)])
        }
        guard t.hasPrefix("0") else { return .invalid(key: "validation.format.phone", args: [:]) }
        guard t.count == 10 else { return .invalid(key: "validation.format.phone.length", args: ["count": String(t.count)]) }
        let prefix = String(t.prefix(3))
        guard mobilePrefixes.contains(prefix) else { return .invalid(key: "validation.format.phone.prefix", args: ["prefix": prefix]) }
        return .ok(t)
    }

    /// local@domain.tld, letters of any script allowed; no spaces, one @, a dot in the domain.
    static func email(_ s: String) -> FormatResult {
        let bad = FormatResult.invalid(key: "validation.format.email", args: [:])
        let u = Array(s.unicodeScalars)
        guard let at = u.firstIndex(of: "@"), at > 0, at <= 64, u.count <= 254, !u[(at + 1)...].contains("@") else { return bad }
        let local = u[..<at], domain = u[(at + 1)...]
        func letterOrDigit(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? (c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57)) : (c.properties.isAlphabetic || c.properties.numericType == .decimal)
        }
        var previousDot = true
        for c in local {
            if c == "." { if previousDot { return bad }; previousDot = true; continue }
            previousDot = false
            guard letterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains(c) else { return bad }
        }
        if previousDot { return bad }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return bad }
        for l in labels {
            guard let first = l.first, let last = l.last, first != "-", last != "-", l.allSatisfy({ letterOrDigit($0) || $0 == "-" }) else { return bad }
        }
        guard labels.last!.count >= 2, labels.last!.allSatisfy({ $0.properties.isAlphabetic }) else { return bad }
        return .ok(s)
    }
}
