import Foundation
import Testing
@testable import MotCuaForms

/// Robustness findings F0, F1, F2, F4 (issue 12): an expression from a form handed
/// over by anyone is parsed, checked and evaluated without trapping or overflowing.
@Suite struct ExpressionLimitsTests {
    func parseError(_ source: String) -> ExpressionSyntaxError? {
        do { _ = try ExpressionParser.parse(source); return nil } catch { return error }
    }

    /// F0: `if` with two arguments is a lint error, not a trap in the checker.
    @Test func ifWithTwoArgumentsIsALintError() throws {
        let json = try String(contentsOfFile: repoRoot + "/Tests/Robustness/F0-if-two-args.form.json", encoding: .utf8)
        #expect(lint(json) == ["pages[0].fields[1].expression: col 1: if() takes 3 arguments, found 2"])
        #expect(lint(form(fields: #"{"id": "c", "type": "calculate", "expression": "if(true)"}"#))
            == ["pages[0].fields[0].expression: col 1: if() takes 3 arguments, found 1"])
    }

    /// A tree with a wrong arity (never produced by a loaded form) evaluates to null.
    @Test func evaluatorNeverReadsPastTheArguments() {
        let bad = Node.call("if", [.literal(.bool(true), col: 1)], col: 1)
        #expect(Evaluator.eval(bad, Scope(values: [:]), EvaluationContext(today: fixedToday)) == .null)
        let unknown = Node.call("nope", [], col: 1)
        #expect(Evaluator.eval(unknown, Scope(values: [:]), EvaluationContext(today: fixedToday)) == .null)
    }

    /// F1: a digit carrying a combining mark, a variation selector or a keycap is an
    /// unexpected character, named with its code points.
    @Test func digitWithMarkIsASyntaxError() throws {
        for (source, column, shown) in [("a + 1\u{0301}", 5, "U+0031 U+0301"), ("1\u{FE0F}\u{20E3}", 1, "U+0031 U+FE0F U+20E3"),
                                        ("2\u{200D}", 1, "U+0032 U+200D"), ("12\u{0323}", 2, "U+0032 U+0323")] {
            let e = try #require(parseError(source), "\(source) parsed")
            #expect(e.column == column && e.message.contains(shown), "\(e)")
        }
        let json = try String(contentsOfFile: repoRoot + "/Tests/Robustness/F1-digit-combining.form.json", encoding: .utf8)
        #expect(lint(json).first?.contains("col 5: unexpected character") == true)
        let keycap = try String(contentsOfFile: repoRoot + "/Tests/Robustness/F1-keycap.form.json", encoding: .utf8)
        #expect(lint(keycap).first?.contains("U+20E3") == true)
        // A control character in an expression is named, never echoed raw.
        let esc = try #require(parseError("a + \u{1B}[2J"))
        #expect(esc.message.contains("U+001B") && !esc.message.unicodeScalars.contains("\u{1B}"))
    }

    /// A literal too large for a Double is refused rather than becoming infinity.
    @Test func hugeLiteralIsRefused() throws {
        let e = try #require(parseError(String(repeating: "9", count: 400)))
        #expect(e.message == "the number is too large")
    }

    /// F2: deep nesting and long chains are refused with their column, whatever the shape.
    @Test func depthAndLengthAreBounded() throws {
        let parens = try #require(parseError(String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000)))
        #expect(parens.message.contains("nested too deeply") && parens.column == ExpressionParser.maxNesting + 1)
        #expect(parseError(String(repeating: "-", count: 3_000) + "1")?.message.contains("nested too deeply") == true)
        #expect(parseError(String(repeating: "not ", count: 900) + "true")?.message.contains("nested too deeply") == true)
        #expect(parseError(String(repeating: "max(", count: 500) + "1" + String(repeating: ")", count: 500))?.message.contains("nested too deeply") == true)
        let sum = try #require(parseError(Array(repeating: "a", count: 1_500).joined(separator: "+")))
        #expect(sum.message.contains("too long: more than \(ExpressionParser.maxDepth)"))
        let huge = try #require(parseError(Array(repeating: "a", count: 25_000).joined(separator: "+")))
        #expect(huge.message == "the expression is too long: 49999 characters (at most 4000)")
        // Just inside the limits parses, checks and evaluates.
        let deep = String(repeating: "(", count: ExpressionParser.maxNesting - 1) + "1" + String(repeating: ")", count: ExpressionParser.maxNesting - 1)
        #expect(eval(deep) == .number(1))
        #expect(eval(Array(repeating: "1", count: ExpressionParser.maxDepth).joined(separator: "+")) == .number(Double(ExpressionParser.maxDepth)))
        let longest = Array(repeating: "a", count: ExpressionParser.maxDepth).joined(separator: "+")
        #expect(lint(form(fields: #"{"id": "a", "type": "integer", "label": "A"}, {"id": "c", "type": "calculate", "expression": "\#(longest)"}"#)).isEmpty)
    }

    /// F4: a calculation that overflows or gives NaN is null, as a division by zero is.
    @Test func nonFiniteResultsAreNull() throws {
        let big = ["a": Value.number(1e308)]
        #expect(eval("a * 10", values: big) == .null)
        #expect(eval("a + a", values: big) == .null)
        #expect(eval("-(a * 10)", values: big) == .null)
        #expect(eval("round(1.5, 400)") == .null)
        #expect(eval("sum(l)", values: ["l": .list([.number(1e308), .number(1e308)])]) == .null)
        #expect(eval("coalesce(a * 10, 7)", values: big) == .number(7))
        #expect(eval("round(2.5, 0)") == .number(3))
        let json = try String(contentsOfFile: repoRoot + "/Tests/Robustness/F4-calc-inf-nan.form.json", encoding: .utf8)
        let f = mustLoad(json)
        for a in [JSONValue.double(1e308), .double(1.5)] {
            let report = validate(f, ["a": a])
            #expect(report.isValid)
            let stored = report.answers
            #expect(stored["c"] == nil || stored["c"] == .null || stored["c"]?.doubleValue?.isFinite == true)
            #expect(stored["r"] == nil || stored["r"] == .null)
            let bytes = stored.serialized()
            #expect((try? JSONParser.parse(Data(bytes.utf8))) != nil, "\(bytes)")
        }
    }
}

/// F5: a malformed file's text quoted in a syntax error is escaped, never raw.
@Suite struct SyntaxMessageEscapingTests {
    @Test func controlsInJSONErrorsAreEscaped() throws {
        for (file, shown) in [("F5-esc-in-json-key.answers.json", "\\u001B]0;PWNED\\u0007\\u001B[2J"), ("F5-c1-unknown-escape.answers.json", "<byte 0x9B>")] {
            let data = try Data(contentsOf: URL(fileURLWithPath: repoRoot + "/Tests/Robustness/" + file))
            do {
                _ = try JSONParser.parse(data)
                Issue.record("\(file) parsed")
            } catch {
                let text = error.description
                #expect(text.contains(shown), "\(text)")
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }, "\(text.debugDescription)")
            }
        }
    }
}
