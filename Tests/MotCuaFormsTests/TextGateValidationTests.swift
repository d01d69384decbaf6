import Foundation
import Testing
@testable import MotCuaForms
import MotCuaText

/// The text gate as validation applies it: every answer read from a file, a
/// bundle or a front end (issue 12, F8; issue 14 item 8).
@Suite struct TextGateValidationTests {
    let f = mustLoad(form(fields: #"{"id": "ten", "type": "text", "label": "Tên"}, {"id": "ghi", "type": "text", "label": "Ghi chú", "multiline": true}"#))

    func errors(_ answers: JSONValue, _ m: Messages = vi) -> [ValidationIssue] { validate(f, answers, m).errors }

    @Test func controlCharactersAreRefusedWithTheirCodePoint() throws {
        let e = try #require(errors(["ten": "Lê\u{1B}]0;x\u{7}Văn"]).first)
        #expect(e.field == "ten" && e.code == .format)
        #expect(e.message == "Có ký tự điều khiển U+001B ở ký tự thứ 3: hãy xóa nó.")
        #expect(errors(["ten": "a\u{9B}b"], en).first?.message == "Contains the control character U+009B at character 2: remove it.")
        #expect(errors(["ghi": "x\u{202E}y"], en).first?.message == "Contains the text-direction control U+202E at character 2: remove it.")
        #expect(errors(["ten": "Nguyễn\nVăn"]).first?.message.contains("một dòng") == true)
        #expect(errors(["ghi": "Dòng một\nDòng hai\tba"]).isEmpty)
        for e in errors(["ten": "a\u{85}b"]) + errors(["ghi": "a\u{0}b"]) { #expect(!e.message.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }) }
    }

    /// F8: a base letter with thousands of marks is refused at once, whatever maxLength says.
    @Test func hugeMarkRunIsRefused() throws {
        let json = try String(contentsOfFile: repoRoot + "/Tests/Robustness/F8-nfc-quadratic.form.json", encoding: .utf8)
        let form = mustLoad(json)
        let answer = "a" + String(repeating: "\u{0301}\u{0316}", count: 40_000)
        let report = validate(form, ["a": .string(answer)])
        #expect(report.errors.map(\.code) == [.format])
        #expect(report.errors.first?.message == "Ký tự thứ 1 mang quá nhiều dấu (tối đa 8).")
    }

    @Test func singleLineAnswersHaveASizeCap() {
        let long = String(repeating: "Nguyễn ", count: 200)
        #expect(errors(["ten": .string(long)]).map(\.code) == [.length])
        #expect(errors(["ten": .string(long)], en).first?.message == "Too long: 1400 characters (at most 1000).")
        #expect(errors(["ghi": .string(long)]).isEmpty)
        #expect(errors(["ten": .string(String(repeating: "a", count: 1_000))]).isEmpty)
    }

    @Test func doubledToneIsStoredOnce() {
        let report = validate(f, ["ten": "Hoà\u{0301}"])
        #expect(report.isValid)
        #expect(report.answers["ten"] == "Hoá")
    }
}
