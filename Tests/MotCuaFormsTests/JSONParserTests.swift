import Testing
@testable import MotCuaForms

@Suite struct JSONParserTests {
    @Test func parsesValuesKeepingOrderAndIntegers() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": [1.5, true, null, "Nguyễn \u0110\u1ee9c"], "c": -0, "d": 1e3}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c", "d"])
        #expect(v["b"] == .int(1))
        #expect(v["a"]?.arrayValue?[0] == .double(1.5))
        #expect(v["a"]?.arrayValue?[3] == .string("Nguyễn Đức"))
        #expect(v["d"] == .double(1000))
    }

    @Test func reportsLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}", 3, 14, "trailing comma"),
            ("{\"a\": 'x'}", 1, 7, "double quotes"),
            ("{\"tên\": tru}", 1, 9, "unknown word"),
            ("", 1, 1, "empty"),
            ("{\"a\": 1} x", 1, 10, "after the end"),
            ("{\"a\": \"Hùng\n\"}", 1, 12, "line break"),
            ("[01]", 1, 2, "must not start with 0"),
        ]
        for (text, line, col, fragment) in cases {
            do {
                _ = try JSONParser.parse(text)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.line == line && error.column == col, "\(text): got \(error)")
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
    }

    @Test func findsDuplicateKeys() throws {
        var p = JSONParser(#"{"pages": [{"id": "a", "id": "b"}]}"#)
        _ = try p.parseDocument()
        #expect(p.duplicateKeys.count == 1)
        #expect(p.duplicateKeys.first?.path == "pages[0]")
    }

    @Test func writerRoundTripsAndEscapesControls() throws {
        let v: JSONValue = ["tên": "Đỗ \u{1B}[2J", "n": 3, "x": 2.5, "l": [true, .null]]
        let text = v.serialized()
        #expect(text.contains("\\u001b"))
        #expect(try JSONParser.parse(text) == v)
    }
}
