import Testing
@testable import MotCuaForms

/// One small broken form per kind of lint error, and where it points.
@Suite struct LintTests {
    func expectIssue(_ json: String, path: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let issues = lint(json)
        #expect(issues.contains { (path.isEmpty || $0.hasPrefix(path + ": ")) && $0.contains(fragment) },
                "wanted \(path): …\(fragment)… in \(issues)", sourceLocation: sourceLocation)
    }

    @Test func shippedFormsPass() throws {
        let dir = repoRoot + "/Forms"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for f in files {
            if case .failure(let e) = FormEngine.loadForm(at: dir + "/" + f) { Issue.record("\(f): \(e.issues)") }
        }
    }

    /// The fee note reaches the citizen's receipt: no internal field id in it.
    @Test func feeNoteNamingAFieldIDIsRefused() {
        let f = #"{"id": "muc_le_phi", "type": "calculate", "expression": "8000"}"#
        expectIssue(form(fields: f, extra: #", "procedure": {"fee": {"expression": "muc_le_phi", "note": {"vi": "Lệ phí (trường muc_le_phi, mặc định 8.000 đ)"}}}"#),
                    path: "procedure.fee.note", "names the field id 'muc_le_phi'")
        #expect(lint(form(fields: f, extra: #", "procedure": {"fee": {"expression": "muc_le_phi", "note": {"vi": "Lệ phí do HĐND tỉnh quy định (mặc định 8.000 đ)"}}}"#)).isEmpty)
    }

    @Test func invalidJSONHasLineAndColumn() {
        #expect(lint("{\n \"id\": \"x\",\n}") == ["invalid JSON at line 3, column 1: trailing comma before '}'"])
    }

    @Test func unknownAndMissingKeys() {
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "requried": true}"#), path: "pages[0].fields[0].requried", "did you mean 'required'")
        expectIssue(form(fields: #"{"id": "a", "type": "text"}"#), path: "pages[0].fields[0]", "missing required key 'label'")
        expectIssue(#"{"format": "motcua-form/1", "id": "t", "title": "T", "pages": []}"#, path: "", "missing required key 'version'")
        expectIssue(form(fields: #"{"id": "a", "type": "integer", "label": "A", "maxLength": 3}"#), path: "pages[0].fields[0].maxLength", "does not apply to an integer field")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A"}"#, extra: #", "titel": "x""#), path: "titel", "did you mean 'title'")
    }

    @Test func wrongTypes() {
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "maxLength": "10"}"#), path: "pages[0].fields[0].maxLength", "must be a whole number")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": 5}"#), path: "pages[0].fields[0].label", "must be a string or an object")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "required": "yes"}"#), path: "pages[0].fields[0].required", "col 1: unknown field 'yes'")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "multiline": 1}"#), path: "pages[0].fields[0].multiline", "true or false")
        expectIssue(form(fields: #"{"id": "a", "type": "txt", "label": "A"}"#), path: "pages[0].fields[0].type", "did you mean 'text'")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "default": 3}"#), path: "pages[0].fields[0].default", "not a valid answer")
    }

    @Test func malformedAndDuplicateIDs() {
        expectIssue(form(fields: #"{"id": "Ho_Ten", "type": "text", "label": "A"}"#), path: "pages[0].fields[0].id", "must start with a lower-case letter")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A"}, {"id": "a", "type": "text", "label": "B"}"#), path: "pages[0].fields[1].id", "duplicate field id 'a' (first at pages[0].fields[0])")
        expectIssue(#"{"format": "motcua-form/1", "id": "Khai Sinh", "version": "1", "title": "T", "pages": [{"id": "p", "title": "P", "fields": [{"id": "a", "type": "note", "label": "x"}]}]}"#, path: "id", "must be a slug")
        expectIssue(form(fields: #"{"id": "a", "type": "choice", "label": "A", "options": [{"value": "x", "label": "X"}, {"value": "x", "label": "Y"}]}"#), path: "pages[0].fields[0].options[1].value", "duplicate option value \"x\"")
        expectIssue(form(fields: #"{"id": "a", "type": "note", "label": "A"}"#, extra: #", "checks": [{"id": "c", "rule": "true", "message": "m"}, {"id": "c", "rule": "true", "message": "m"}]"#), path: "checks[1].id", "duplicate check id")
        #expect(lint(#"{"format": "motcua-form/1", "id": "t", "id": "u", "version": "1", "title": "T", "pages": [{"id": "p", "title": "P", "fields": [{"id": "a", "type": "note", "label": "x"}]}]}"#).contains { $0.contains("key 'id' appears twice") })
    }

    @Test func missingReferences() {
        expectIssue(form(fields: #"{"id": "a", "type": "choice", "label": "A", "options": "gioi_tinh"}"#), path: "pages[0].fields[0].options", "unknown list 'gioi_tinh'")
        expectIssue(form(fields: #"{"id": "a", "type": "choice", "label": "A", "options": "@no-such-list"}"#), path: "pages[0].fields[0].options", "not found")
        expectIssue(form(fields: #"{"id": "a", "type": "note", "label": "A"}"#, extra: #", "lists": {"x": "@nope"}"#), path: "lists.x", "not found")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "relevant": "b = 1"}"#), path: "pages[0].fields[0].relevant", "col 1: unknown field 'b'")
        expectIssue(form(fields: #"{"id": "a", "type": "note", "label": "A"}"#, extra: #", "checks": [{"id": "c", "rule": "true", "message": "m", "fields": ["zz"]}]"#), path: "checks[0].fields[0]", "unknown field 'zz'")
    }

    @Test func expressionProblems() {
        let f = #"{"id": "ngay_sinh", "type": "date", "label": "D"}, {"id": "ten", "type": "text", "label": "T"}, "#
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": "age(ngay_sinhh) > 3"}"#), path: "pages[0].fields[2].constraint", "col 5: unknown field 'ngay_sinhh'")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": ". > (3"}"#), path: "pages[0].fields[2].constraint", "col 7: expected ')'")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": "tuoi(.) > 3"}"#), path: "pages[0].fields[2].constraint", "col 1: unknown function 'tuoi()'")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": "age(ngay_sinh, 1) > 3"}"#), path: "pages[0].fields[2].constraint", "age() takes 1 argument, found 2")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": "ten > 3"}"#), path: "pages[0].fields[2].constraint", "cannot compare text with a number")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "constraint": "age(ten) > 3"}"#), path: "pages[0].fields[2].constraint", "should be a date, found text")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "relevant": "ten + 1"}"#), path: "pages[0].fields[2].relevant", "needs numbers")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "relevant": "len(ten)"}"#), path: "pages[0].fields[2].relevant", "must be a true/false condition")
        expectIssue(form(fields: f + #"{"id": "a", "type": "integer", "label": "A", "relevant": ". > 1"}"#), path: "pages[0].fields[2].relevant", "can only be used in a field's constraint")
        expectIssue(form(fields: f + #"{"id": "a", "type": "text", "label": "A", "constraint": "matches(., '[a-')"}"#), path: "pages[0].fields[2].constraint", "does not compile")
    }

    @Test func calculateCycles() {
        expectIssue(form(fields: #"{"id": "a", "type": "calculate", "expression": "b + 1"}, {"id": "b", "type": "calculate", "expression": "c + 1"}, {"id": "c", "type": "calculate", "expression": "a * 2"}"#),
                    path: "pages[0].fields[0].expression", "cycle: a → b → c → a")
        expectIssue(form(fields: #"{"id": "a", "type": "calculate", "expression": "a + 1"}"#), path: "pages[0].fields[0].expression", "cycle: a → a")
    }

    @Test func regexThatDoesNotCompile() {
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "pattern": "([0-9]"}"#), path: "pages[0].fields[0].pattern", "does not compile")
    }

    @Test func repeatInsideRepeat() {
        expectIssue(form(fields: #"{"id": "r", "type": "repeat", "label": "R", "fields": [{"id": "s", "type": "repeat", "label": "S", "fields": [{"id": "x", "type": "text", "label": "X"}]}]}"#),
                    path: "pages[0].fields[0].fields[0]", "a repeat cannot be inside a repeat")
    }

    @Test func minAboveMax() {
        expectIssue(form(fields: #"{"id": "a", "type": "integer", "label": "A", "min": 5, "max": 1}"#), path: "pages[0].fields[0].min", "min (5) is above max (1)")
        expectIssue(form(fields: #"{"id": "a", "type": "date", "label": "A", "min": "2025-01-01", "max": "2024-01-01"}"#), path: "pages[0].fields[0].min", "after max")
        expectIssue(form(fields: #"{"id": "a", "type": "text", "label": "A", "minLength": 5, "maxLength": 2}"#), path: "pages[0].fields[0].minLength", "above maxLength")
        expectIssue(form(fields: #"{"id": "a", "type": "multichoice", "label": "A", "options": [{"value": "x", "label": "X"}], "minSelected": 2, "maxSelected": 1}"#), path: "pages[0].fields[0].minSelected", "above maxSelected")
        expectIssue(form(fields: #"{"id": "r", "type": "repeat", "label": "R", "minCount": 3, "maxCount": 2, "fields": [{"id": "x", "type": "text", "label": "X"}]}"#), path: "pages[0].fields[0].minCount", "above maxCount")
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() {
        let issues = lint(form(fields: #"{"id": "A", "type": "text", "label": "A", "requried": true}, {"id": "b", "type": "integer", "label": "B", "min": 3, "max": 1}"#))
        #expect(issues.count == 3, "\(issues)")
    }

    @Test func repeatFieldsAreNamedThroughTheirRepeat() {
        let json = form(fields: #"{"id": "r", "type": "repeat", "label": "R", "fields": [{"id": "tu", "type": "date", "label": "X"}]}, {"id": "n", "type": "integer", "label": "N", "constraint": "tu > today()"}"#)
        expectIssue(json, path: "pages[0].fields[1].constraint", "outside it write r.tu")
        #expect(lint(form(fields: #"{"id": "r", "type": "repeat", "label": "R", "fields": [{"id": "tu", "type": "date", "label": "X"}, {"id": "den", "type": "date", "label": "Y", "constraint": ". >= tu"}]}, {"id": "n", "type": "integer", "label": "N", "constraint": "count(r) > 0 and min(r.tu) < today()"}"#)).isEmpty)
    }
}

import Foundation
