import Testing
@testable import MotCuaForms

/// `{name}` placeholders filled in one pass, in Vietnamese and English, with the
/// Vietnamese fallback for a key the language lacks.
@Suite struct MessagesTextTests {
    private let m = Messages(language: "en",
                             table: ["queue": "Queue: {queued} waiting, {aside} set aside", "brace": "{a{b} {count}}"],
                             fallback: ["drafts": "Hồ sơ nháp: {count}", "plain": "Không có {gì}"])

    @Test func fillsEveryPlaceholder() {
        #expect(m.text("queue", ["queued": "3", "aside": "0"]) == "Queue: 3 waiting, 0 set aside")
        #expect(m.text("drafts", ["count": "12"]) == "Hồ sơ nháp: 12")
    }

    @Test func leavesUnknownPlaceholdersAndBracesAsWritten() {
        #expect(m.text("plain", ["count": "1"]) == "Không có {gì}")
        #expect(m.text("queue", ["queued": "3"]) == "Queue: 3 waiting, {aside} set aside")
        #expect(m.text("brace", ["count": "2"]) == "{a{b} 2}")
        #expect(m.text("missing.key") == "missing.key")
    }

    @Test func valuesAreNotFilledAgain() {
        #expect(m.text("queue", ["queued": "{aside}", "aside": "Nguyễn {Văn}"]) == "Queue: {aside} waiting, Nguyễn {Văn} set aside")
    }
}
