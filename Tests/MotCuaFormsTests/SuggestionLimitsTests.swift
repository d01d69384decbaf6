import Testing
@testable import MotCuaForms

/// Issue 12, F10: "did you mean" is bounded and long names are shortened in messages.
@Suite struct SuggestionLimitsTests {
    @Test func boundedDistanceAgreesWithinItsBound() {
        #expect(boundedDistance(Array("requried"), Array("required"), bound: 2) == 2)
        #expect(boundedDistance(Array("kitten"), Array("sitting"), bound: 3) == 3)
        #expect(boundedDistance(Array("kitten"), Array("sitting"), bound: 2) == nil)
        #expect(boundedDistance(Array(""), Array("ab"), bound: 2) == 2)
        #expect(suggestion(for: "titel", among: ["title", "pages", "version"]) == "title")
        #expect(suggestion(for: "zzzzzz", among: ["title"]) == nil)
        let long = String(repeating: "a", count: 30_000)
        #expect(suggestion(for: long, among: [long + "b", "title"]) == nil)
    }

    /// The reproducer's form, built here: a 30,000-letter list and a reference to an
    /// unknown 30,000-letter list. The message names it shortened, with its length.
    @Test func longNamesAreShortenedInMessages() {
        let defined = String(repeating: "a", count: 30_000), missing = String(repeating: "b", count: 30_000)
        let json = """
            {"format": "motcua-form/1", "id": "t", "version": "1", "title": "T",
             "lists": {"\(defined)": [{"value": "x", "label": "X"}]},
             "pages": [{"id": "p", "title": "P", "fields": [{"id": "c", "type": "choice", "label": "C", "options": "\(missing)"}]}]}
            """
        let issues = lint(json)
        #expect(issues.count == 1)
        let message = issues.first ?? ""
        #expect(message.contains("unknown list 'bbbbbbbbbb") && message.contains("… (30000 characters)"))
        #expect(message.count < 1_000)
        // A long unknown key is shortened in the path and the message alike.
        let key = String(repeating: "k", count: 20_000)
        let keyIssue = lint(form(fields: #"{"id": "a", "type": "text", "label": "A", "\#(key)": 1}"#)).first ?? ""
        #expect(keyIssue.count < 1_500 && keyIssue.contains("(20000 characters)"))
    }
}
