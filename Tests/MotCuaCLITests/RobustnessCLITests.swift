import Foundation
import Testing

/// Issue 12's reproducers F0, F1, F2, F4, F5, F8, F10 through the real binary: each
/// crafted input gives its error and exit status, never a trap, a hang or raw controls.
@Suite struct RobustnessCLITests {
    let fixtures = Motcua.repoRoot + "/Tests/Robustness/"

    func noRawControls(_ r: Motcua.Result) -> Bool {
        !(r.stdout + r.stderr).unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    func writeForm(_ expression: String, in dir: String) throws -> String {
        let path = dir + "/form.json"
        let json = #"{"format": "motcua-form/1", "id": "t", "version": "1", "title": "T", "pages": [{"id": "p", "title": "P", "fields": [{"id": "a", "type": "integer", "label": "A"}, {"id": "c", "type": "calculate", "expression": "\#(expression)"}]}]}"#
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func f0IfWithTwoArguments() throws {
        let r = try Motcua.run(["forms", "check", fixtures + "F0-if-two-args.form.json"])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("expression: col 1: if() takes 3 arguments, found 2"))
    }

    @Test func f1DigitWithCombiningMark() throws {
        for (file, shown) in [("F1-digit-combining.form.json", "col 5: unexpected character '1\u{301}' (U+0031 U+0301)"), ("F1-keycap.form.json", "U+0031 U+FE0F U+20E3")] {
            let r = try Motcua.run(["forms", "check", fixtures + file])
            #expect(r.status == 1 && (r.stdout + r.stderr).contains(shown), "\(r.stdout)\(r.stderr)")
        }
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"a": 1}"#.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        let v = try Motcua.run(["validate", fixtures + "F1-digit-combining.form.json", dir + "/a.json"])
        #expect(v.status == 2 && v.stderr.contains("unexpected character"))
    }

    /// F2: 20,000 nested parentheses and a 25,000-term sum (generated here), and shapes
    /// within the length limit that are too deep.
    @Test func f2DeepAndLongExpressions() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases = [
            (String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000), "too long: 40001 characters"),
            (Array(repeating: "a", count: 25_000).joined(separator: "+"), "too long: 49999 characters"),
            (String(repeating: "(", count: 1_500) + "a" + String(repeating: ")", count: 1_500), "col 65: the expression is nested too deeply"),
            (String(repeating: "-", count: 3_900) + "a", "nested too deeply"),
            (Array(repeating: "a", count: 1_900).joined(separator: "*"), "too long: more than 256 operations"),
        ]
        for (expression, message) in cases {
            let r = try Motcua.run(["forms", "check", try writeForm(expression, in: dir)])
            #expect(r.status == 1 && (r.stdout + r.stderr).contains(message), "\(r.status) \(r.stdout.prefix(300))")
        }
    }

    /// F4: an overflowing calculation is null in the dossier, whose bytes stay JSON.
    @Test func f4NonFiniteCalculationsAreNull() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        for (name, answer) in [("inf", #"{"a": 1e+308}"#), ("nan", #"{"a": 1.5}"#)] {
            try answer.write(toFile: dir + "/\(name).json", atomically: true, encoding: .utf8)
            let submit = try Motcua.run(["submit", fixtures + "F4-calc-inf-nan.form.json", dir + "/\(name).json", "--data-dir", data])
            #expect(submit.status == 0, "\(submit.stderr)")
            let receipt = try #require(submit.stdout.split(separator: " ").first.map(String.init))
            let show = try Motcua.run(["dossiers", "show", receipt, "--json", "--data-dir", data])
            #expect(show.status == 0, "\(show.stderr)")
            #expect(!show.stdout.contains("inf") && !show.stdout.contains("nan"), "\(show.stdout)")
            #expect((try? JSONSerialization.jsonObject(with: Data(show.stdout.utf8))) != nil, "\(show.stdout)")
        }
        let deliver = try Motcua.run(["queue", "deliver", "--data-dir", data])
        #expect(deliver.stdout.contains("delivered 2") && deliver.stdout.contains("set aside 0"), "\(deliver.stdout)")
    }

    /// F5: a malformed answers file's escapes are shown escaped, never sent raw.
    @Test func f5ControlCharactersInMessagesAreEscaped() throws {
        for (file, shown) in [("F5-esc-in-json-key.answers.json", "\\u001B]0;PWNED\\u0007\\u001B[2J"), ("F5-c1-unknown-escape.answers.json", "unknown escape \\<byte 0x9B>")] {
            let r = try Motcua.run(["validate", Motcua.repoRoot + "/Forms/khai-sinh.json", fixtures + file])
            #expect(r.status != 0 && noRawControls(r), "\(r.stderr.debugDescription)")
            #expect(r.stderr.contains(shown), "\(r.stderr)")
        }
    }

    /// F8: a letter carrying 160,000 marks is refused by the text gate (the reproducer's answer, generated here).
    @Test func f8HugeMarkRunIsRefused() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answer = "{\"a\": \"a" + String(repeating: "\u{301}\u{316}", count: 40_000) + "\"}"
        try answer.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        let r = try Motcua.run(["validate", fixtures + "F8-nfc-quadratic.form.json", dir + "/a.json"])
        #expect(r.status == 1 && r.stdout.contains("Ký tự thứ 1 mang quá nhiều dấu (tối đa 8)"), "\(r.stdout.prefix(300))")
        try #"{"a": "Lê\u001b[2JVăn"}"#.write(toFile: dir + "/esc.json", atomically: true, encoding: .utf8)
        let esc = try Motcua.run(["validate", fixtures + "F8-nfc-quadratic.form.json", dir + "/esc.json"])
        #expect(esc.status == 1 && esc.stdout.contains("U+001B") && noRawControls(esc), "\(esc.stdout)")
    }

    /// F10: the 60 KB form with 30,000-letter names: a short message, at once.
    @Test func f10LongNamesInLint() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let defined = String(repeating: "a", count: 30_000), missing = String(repeating: "b", count: 30_000)
        let json = """
            {"format": "motcua-form/1", "id": "t", "version": "1", "title": "T", "lists": {"\(defined)": [{"value": "x", "label": "X"}]},
             "pages": [{"id": "p", "title": "P", "fields": [{"id": "c", "type": "choice", "label": "C", "options": "\(missing)"}]}]}
            """
        try json.write(toFile: dir + "/slow.json", atomically: true, encoding: .utf8)
        let r = try Motcua.run(["forms", "check", dir + "/slow.json"])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("(30000 characters)") && (r.stdout + r.stderr).utf8.count < 2_000)
    }
}
