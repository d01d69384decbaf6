import Foundation
import Testing
@testable import MotCuaForms

/// The rule tables pinned at their edges: every code in them accepted, every
/// gap refused, and every bound met exactly and missed by one.
@Suite struct RuleTableTests {
    /// The birth-registration province codes of the 12-digit ID, as listed in
    /// /work/shared/data/cccd-province-codes.json (Phụ lục I, Thông tư
    /// 07/2016/TT-BCA): 63 codes from 001 to 096 with gaps. A literal list, not
    /// read from the project's own table, so that a change to either shows.
    static let provinceCodes: Set<Int> = [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
        44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
        87, 89, 91, 92, 93, 94, 95, 96,
    ]

    @Test func everyProvinceCodeAcceptedAndEveryGapRefused() {
        #expect(Self.provinceCodes.count == 63)
        for code in 0...999 {
            let id = String(format: "%03d", code) + "190012345"  // a woman born in 1990
            let verdict = Formats.cccd(id, today: fixedToday)
            if Self.provinceCodes.contains(code) {
                #expect(verdict == .ok(id), "\(id)")
            } else {
                #expect(verdict == .invalid(key: "validation.format.cccd.province", args: ["code": String(format: "%03d", code)]), "\(id)")
            }
        }
    }

    @Test func centuryDigitAgainstToday() {
        // 2 = born 2000–2099: 2026 is not after today (27/11/2026); 2027 is.
        #expect(Formats.cccd("008226012345", today: fixedToday) == .ok("008226012345"))
        #expect(Formats.cccd("008227012345", today: fixedToday) == .invalid(key: "validation.format.cccd.century", args: ["digit": "2", "year": "2027"]))
        #expect(Formats.cccd("00819001234", today: fixedToday) == .invalid(key: "validation.format.cccd.length", args: ["count": "11"]))
        #expect(Formats.cccd("0081900123456", today: fixedToday) == .invalid(key: "validation.format.cccd.length", args: ["count": "13"]))
    }

    /// Mobile network codes (the two digits after the 0), 2018 onwards.
    static let mobilePrefixes: Set<Int> = [
        32, 33, 34, 35, 36, 37, 38, 39, 86, 96, 97, 98,  // Viettel
        81, 82, 83, 84, 85, 88, 91, 94,                  // VinaPhone
        70, 76, 77, 78, 79, 89, 90, 93,                  // MobiFone
        52, 56, 58, 92,                                  // Vietnamobile
        59, 99,                                          // Gmobile
        87, 55,                                          // MVNOs (Itelecom, Reddi)
    ]

    @Test func everyMobilePrefixAcceptedAndEveryOtherRefused() {
        #expect(Self.mobilePrefixes.count == 36)
        for p in 0...99 {
            let number = "0" + String(format: "%02d", p) + "1234567"
            let verdict = Formats.phone(number)
            if Self.mobilePrefixes.contains(p) {
                #expect(verdict == .ok(number), "\(number)")
                #expect(Formats.phone("+84 " + number.dropFirst()) == .ok(number), "\(number) as +84")
            } else if (20...29).contains(p) {
                // 02x is a landline: 11 digits.
                #expect(verdict == .invalid(key: "validation.format.phone.landline", args: ["count": "10"]), "\(number)")
            } else {
                #expect(verdict == .invalid(key: "validation.format.phone.prefix", args: ["prefix": String(number.prefix(3))]), "\(number)")
            }
        }
        #expect(Formats.phone("091234567") == .invalid(key: "validation.format.phone.length", args: ["count": "9"]))
        #expect(Formats.phone("09123456789") == .invalid(key: "validation.format.phone.length", args: ["count": "11"]))
    }

    static let bounded = mustLoad(form(fields: """
        {"id": "ten", "type": "text", "label": "Tên", "minLength": 2, "maxLength": 5},
        {"id": "so", "type": "integer", "label": "Số", "min": 3, "max": 9},
        {"id": "tien", "type": "decimal", "label": "Tiền", "min": 0.5, "max": 2.5},
        {"id": "ngay", "type": "date", "label": "Ngày", "min": "2026-01-10", "max": "today()"}
        """))

    /// The codes of the errors on `field` when it alone is answered with `value`.
    static func codes(_ field: String, _ value: JSONValue) -> [IssueCode] {
        var answers = JSONObject()
        answers[field] = value
        return validate(bounded, .object(answers)).errors.filter { $0.field == field }.map(\.code)
    }

    @Test func lengthBoundsAtTheEdgeAndOnePast() {
        #expect(Self.codes("ten", "ab") == [])
        #expect(Self.codes("ten", "a") == [.length])
        #expect(Self.codes("ten", "abcde") == [])
        #expect(Self.codes("ten", "abcdef") == [.length])
        // Characters, not bytes: five Vietnamese letters of two or three bytes each.
        #expect(Self.codes("ten", "Đặng") == [])
        #expect(Self.codes("ten", "Nguyễ") == [])
        #expect(Self.codes("ten", "Nguyễn") == [.length])
        // Answers that are not stored as typed (trimmed here) take the full check, not the shortcut.
        #expect(Self.codes("ten", " ab ") == [])
        #expect(Self.codes("ten", " a ") == [.length])
        #expect(Self.codes("ten", " abcde ") == [])
        #expect(Self.codes("ten", " abcdef ") == [.length])
    }

    @Test func numberBoundsAtTheEdgeAndOnePast() {
        #expect(Self.codes("so", 3) == [])
        #expect(Self.codes("so", 2) == [.range])
        #expect(Self.codes("so", 9) == [])
        #expect(Self.codes("so", 10) == [.range])
        #expect(Self.codes("tien", .double(0.5)) == [])
        #expect(Self.codes("tien", .double(0.49)) == [.range])
        #expect(Self.codes("tien", .double(2.5)) == [])
        #expect(Self.codes("tien", .double(2.51)) == [.range])
    }

    @Test func dateBoundsAtTheEdgeAndOnePast() {
        // today() is 2026-11-27 in these tests.
        #expect(Self.codes("ngay", "2026-01-10") == [])
        #expect(Self.codes("ngay", "2026-01-09") == [.range])
        #expect(Self.codes("ngay", "2026-11-27") == [])
        #expect(Self.codes("ngay", "2026-11-28") == [.range])
    }
}
