import Foundation

/// Kiosk ids: 2 to 8 capital letters or digits ("HD01"). Each kiosk has its
/// own: receipt sequences are counted per kiosk, so two kiosks sharing an id
/// would hand out the same codes (issue 12, F6). See `DataDirectory.kioskID`.
public enum KioskID {
    /// The id data written before kiosks got their own at first run carries.
    /// Never chosen any more for new receipts by the command line.
    public static let defaultID = "MC01"

    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return (2...8).contains(u.count) && u.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    /// Upper-cases and checks a kiosk id typed by a person.
    public static func normalize(_ s: String) throws -> String {
        let up = typedCode(s)
        guard isValid(up) else { throw StoreError.invalidArgument("kiosk id \"\(s)\" must be 2 to 8 letters A-Z or digits, e.g. HD01") }
        return up
    }

    /// A new random id, "K" and five characters without look-alikes (no I,
    /// O, 0, 1): 32^5 ≈ 33 million ids, so two kiosks left unconfigured are
    /// very unlikely to meet; an officer may replace it with a readable one.
    public static func random() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var g = SystemRandomNumberGenerator()
        return "K" + String((0..<5).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }
}

/// Agency codes as QCVN 102:2016/BTTTT writes them: groups of capital
/// letters and digits separated by dots, e.g. "000.00.15.H12" (a commune of
/// province H12). Set in settings.json (`agencyCode`) or MOTCUA_AGENCY_CODE.
public enum AgencyCode {
    public static func isValid(_ s: String) -> Bool {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...6).contains(groups.count), s.utf8.count <= 24 else { return false }
        return groups.allSatisfy { g in (1...6).contains(g.utf8.count) && g.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) } }
    }

    public static func normalize(_ s: String) throws -> String {
        let up = typedCode(s)
        guard isValid(up) else {
            throw StoreError.invalidArgument("agency code \"\(s)\" must be groups of letters A-Z or digits separated by dots, e.g. 000.00.15.H12")
        }
        return up
    }
}

/// Receipt codes, the dossier number of Circular 01/2018/TT-VPCP art. 19:
/// the unit's code, the date in Viet Nam as `-YYMMDD-`, the daily sequence
/// (four digits, more only past 9999 dossiers in a day).
///
/// The unit is `AGENCY.KIOSK` when an agency code is set (`000.00.15.H12.HD01-261206-0001`):
/// several desks of one agency cannot share a sequence offline, so each
/// desk numbers its own dossiers as a sub-unit of the agency, the same way
/// QCVN 102 extends a parent's code with a dot. Without an agency code the
/// unit is the kiosk id alone (`HD01-261206-0001`), the format of data
/// written before agency codes existed; both stay readable.
public enum ReceiptCode {
    /// The largest daily sequence: nine digits. Submit refuses to go past it
    /// rather than issue a code the store would call malformed (F7).
    public static let maxSequence = 999_999_999
    /// Longest unit (24 + 1 + 8) plus `-YYMMDD-` and nine digits is 50.
    static let maxLength = 64

    /// The code's unit part for this kiosk.
    public static func unit(agency: String?, kiosk: String) -> String {
        agency.map { $0 + "." + kiosk } ?? kiosk
    }

    public static func make(unit: String, day: (year: Int, month: Int, day: Int), sequence: Int) -> String {
        dayKey(unit: unit, day: day) + "-" + zeroPadded(sequence, 4)
    }

    /// The "UNIT-YYMMDD" part a day's sequence counts within, and the
    /// sequence; nil for anything else (bounded: at most 64 characters,
    /// sequence 1...999,999,999, a real month and day).
    public static func parse(_ code: String) -> (dayKey: String, sequence: Int)? {
        let u = Array(code.utf8)
        guard u.count <= maxLength, let last = u.lastIndex(of: 45), last >= 8 else { return nil }
        let seq = u[(last + 1)...]
        guard (4...9).contains(seq.count), seq.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let n = seq.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard n >= 1, n <= maxSequence else { return nil }
        let dateStart = last - 6
        guard u[dateStart - 1] == 45, u[dateStart..<last].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let month = Int(u[dateStart + 2] - 48) * 10 + Int(u[dateStart + 3] - 48)
        let day = Int(u[dateStart + 4] - 48) * 10 + Int(u[dateStart + 5] - 48)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard isUnit(String(decoding: u[0..<(dateStart - 1)], as: UTF8.self)) else { return nil }
        return (String(decoding: u[0..<last], as: UTF8.self), n)
    }

    /// A kiosk id, or an agency code followed by "." and a kiosk id.
    static func isUnit(_ s: String) -> Bool {
        if KioskID.isValid(s) { return true }
        guard let dot = s.lastIndex(of: ".") else { return false }
        return AgencyCode.isValid(String(s[..<dot])) && KioskID.isValid(String(s[s.index(after: dot)...]))
    }

    /// What is said when a receipt code names several dossiers.
    static func ambiguity(_ receipt: String, ids: [String]) -> String {
        "receipt \(receipt) belongs to \(ids.count) dossiers (\(ids.joined(separator: ", "))); give the dossier id"
    }

    static func dayKey(unit: String, day: (year: Int, month: Int, day: Int)) -> String {
        unit + "-" + zeroPadded(day.year % 100, 2) + zeroPadded(day.month, 2) + zeroPadded(day.day, 2)
    }
}

/// Language tags a dossier may carry: two or three lower-case letters,
/// optionally a region ("vi", "en", "en-GB"). A dossier's language picks its
/// messages; nothing else may reach a file name (F15).
public enum LanguageTag {
    public static func isPlain(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].utf8.count),
              parts[0].utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return false }
        if parts.count == 2 {
            return (2...8).contains(parts[1].utf8.count) && parts[1].utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        }
        return true
    }
}

/// A code typed by a person, spaces and tabs around it dropped (what Foundation's
/// `.whitespaces` drops: general category Zs and U+0009), upper-cased. Not Foundation's
/// `trimmingCharacters`: its first call builds an NSCharacterSet, about 3% of the
/// kiosk's start-up (every start normalizes the kiosk id).
func typedCode(_ s: String) -> String {
    func space(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
    // Indexes, not `reversed()`: its generic types cost more to set up than the trimming.
    guard let first = s.firstIndex(where: { !space($0) }), let last = s.lastIndex(where: { !space($0) }) else { return "" }
    return String(s[first...last]).uppercased()
}
