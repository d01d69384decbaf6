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

    /// Whether `s` is valid in `format` and already in its normal form (so
    /// it is stored as typed).
    static func acceptsAsGiven(_ format: TextFormat, _ s: String, today: CalendarDate) -> Bool {
        if case .ok(let normal) = check(format, s, today: today) { return normal == s }
        return false
    }

    /// Birth-registration province codes of the 12-digit personal ID (001–096 with gaps).
    static let cccdProvinceCodes: Set<Int> = [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25,
        26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48,
        49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75,
        77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
    ]

    /// The bytes of `s` without the `separators` and no-break spaces people
    /// type between groups; nil when `s` holds anything else beyond ASCII.
    /// A byte walk: a format is checked on every keystroke and every answer.
    static func withoutSeparators(_ s: String, _ separators: StaticString) -> [UInt8]? {
        // The separators are ASCII punctuation below 0x40: one bit each.
        let mask = separators.withUTF8Buffer { $0.reduce(UInt64(0)) { precondition($1 < 64); return $0 | 1 << UInt64($1) } }
        return s.withUTF8Bytes { b -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let c = b[i]
                i += 1
                if c == 0xC2 && i < b.count && b[i] == 0xA0 { i += 1; continue }
                if c >= 0x80 { return nil }
                if c >= 64 || mask & (1 << UInt64(c)) == 0 { out.append(c) }
            }
            return out
        }
    }

    /// The ASCII digits of an ID number typed with spaces, dots, dashes or
    /// no-break spaces between groups; nil when anything else is in it.
    static func groupedDigits(_ s: String) -> [UInt8]? {
        guard let d = withoutSeparators(s, " .-"), d.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return d
    }

    private static func text(_ digits: some Collection<UInt8>) -> String { String(decoding: digits, as: UTF8.self) }

    /// The locale keys are passed whole (not built from a prefix) so that the
    /// locale test finds every key used as a literal in the sources.
    private static func digitsOnly(_ s: String, count: Int, digitsKey: String, lengthKey: String) -> FormatResult {
        guard let d = groupedDigits(s) else { return .invalid(key: digitsKey, args: [:]) }
        guard d.count == count else { return .invalid(key: lengthKey, args: ["count": String(d.count)]) }
        return .ok(d.count == s.utf8.count ? s : text(d))
    }

    /// 12 digits: province code (3), century/sex digit, year of birth (2), random (6). There is no check digit.
    static func cccd(_ s: String, today: CalendarDate) -> FormatResult {
        guard let d = groupedDigits(s) else { return .invalid(key: "validation.format.cccd.digits", args: [:]) }
        guard d.count == 12 else { return .invalid(key: "validation.format.cccd.length", args: ["count": String(d.count)]) }
        func digit(_ k: Int) -> Int { Int(d[k]) - 48 }
        guard cccdProvinceCodes.contains(digit(0) * 100 + digit(1) * 10 + digit(2)) else {
            return .invalid(key: "validation.format.cccd.province", args: ["code": text(d[0..<3])])
        }
        let year = 1900 + (digit(3) / 2) * 100 + digit(4) * 10 + digit(5)
        guard year <= today.year else { return .invalid(key: "validation.format.cccd.century", args: ["digit": String(digit(3)), "year": String(year)]) }
        return .ok(d.count == s.utf8.count ? s : text(d))
    }

    /// Mobile network codes in use (10-digit numbers), 2018 onwards, as the
    /// two digits after the 0; 087 and 055 are MVNOs accepted so that a real
    /// number is never refused.
    static let mobilePrefixes: Set<Int> = [
        32, 33, 34, 35, 36, 37, 38, 39, 86, 96, 97, 98,
        81, 82, 83, 84, 85, 88, 91, 94,
        70, 76, 77, 78, 79, 89, 90, 93,
        52, 56, 58, 92, 59, 99, 87, 55,
    ]

    /// Accepts +84 / 84 / 0084 / 0 prefixes, spaces, dots, dashes and brackets; stores `0XXXXXXXXX`.
    static func phone(_ s: String) -> FormatResult {
        // The usual answer, digits only from one leading 0 (00 may begin 0084):
        // judged where its bytes lie, stored as typed.
        let asTyped: FormatResult? = s.withUTF8Bytes { b in
            b.count >= 2 && b[0] == 48 && b[1] != 48 && b.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? phoneDigits(b, normal: s) : nil
        }
        if let asTyped { return asTyped }
        // nil: a letter beyond ASCII, not a phone number.
        guard var t = withoutSeparators(s, " .-()") else { return .invalid(key: "validation.format.phone", args: [:]) }
        func starts(_ p: StaticString) -> Bool {
            t.count >= p.utf8CodeUnitCount && p.withUTF8Buffer { t[..<$0.count].elementsEqual($0) }
        }
        if starts("+84") { t.replaceSubrange(0..<3, with: [48]) }
        else if starts("0084") { t.replaceSubrange(0..<4, with: [48]) }
        else if starts("84"), t.count >= 11 { t.replaceSubrange(0..<2, with: [48]) }
        guard !t.isEmpty, t.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .invalid(key: "validation.format.phone", args: [:]) }
        return t.withUnsafeBufferPointer { phoneDigits($0, normal: text($0)) }
    }

    /// The rules on a number's digits once its prefix is a plain 0; `normal`
    /// is what to store when they hold.
    private static func phoneDigits(_ t: UnsafeBufferPointer<UInt8>, normal: @autoclosure () -> String) -> FormatResult {
        if t.count >= 2 && t[0] == 48 && t[1] == 50 {
            // Landline: 0 + area code + subscriber number, 11 digits in all since 2017.
            return t.count == 11 ? .ok(normal()) : .invalid(key: "validation.format.phone.landline", args: ["count": String(t.count)])
        }
        guard t[0] == 48 else { return .invalid(key: "validation.format.phone", args: [:]) }
        guard t.count == 10 else { return .invalid(key: "validation.format.phone.length", args: ["count": String(t.count)]) }
        guard mobilePrefixes.contains(Int(t[1] - 48) * 10 + Int(t[2] - 48)) else {
            return .invalid(key: "validation.format.phone.prefix", args: ["prefix": text(t[0..<3])])
        }
        return .ok(normal())
    }

    /// local@domain.tld, letters of any script allowed; no spaces, one @, a dot in the domain.
    static func email(_ s: String) -> FormatResult {
        let verdict: Bool? = s.withUTF8Bytes { asciiEmail($0) }
        guard let verdict else { return emailByScalars(s) }
        return verdict ? .ok(s) : .invalid(key: "validation.format.email", args: [:])
    }

    /// The same rules as `emailByScalars` on ASCII bytes, the usual case; nil
    /// when a byte is not ASCII.
    static func asciiEmail(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        func letterOrDigit(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 48 && c <= 57) }
        func letter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
        var at = -1
        for (i, c) in b.enumerated() {
            if c >= 0x80 { return nil }
            if c == 0x40 { if at >= 0 { return false }; at = i }
        }
        guard at > 0, at <= 64, b.count <= 254 else { return false }
        var previousDot = true
        for c in b[..<at] {
            if c == 0x2E { if previousDot { return false }; previousDot = true; continue }
            previousDot = false
            guard letterOrDigit(c) || localSpecials.contains(c) else { return false }
        }
        if previousDot { return false }
        var labels = 0, labelStart = at + 1, lastLabelLetters = true
        for i in (at + 1)...b.count {
            guard i == b.count || b[i] == 0x2E else { continue }
            labels += 1
            guard i > labelStart, b[labelStart] != 0x2D, b[i - 1] != 0x2D else { return false }
            lastLabelLetters = i - labelStart >= 2
            for c in b[labelStart..<i] {
                guard letterOrDigit(c) || c == 0x2D else { return false }
                if !letter(c) { lastLabelLetters = false }
            }
            labelStart = i + 1
        }
        return labels >= 2 && lastLabelLetters
    }

    private static let localSpecials: Set<UInt8> = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    /// The rules on Unicode scalars, for addresses with letters beyond ASCII.
    static func emailByScalars(_ s: String) -> FormatResult {
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
