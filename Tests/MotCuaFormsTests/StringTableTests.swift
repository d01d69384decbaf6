import Foundation
import Testing
@testable import MotCuaForms

/// `JSONParser.parseStringTable` (the locale files' fast path) against the whole parse it
/// replaced: parse the tree, keep the string members. Same table, same errors.
@Suite struct StringTableTests {
    /// The table the whole parse gives: nil when the document is not an object.
    private func viaTree(_ data: Data) throws(JSONSyntaxError) -> [String: String]? {
        guard case .object(let o) = try JSONParser.parse(data) else { return nil }
        var t: [String: String] = [:]
        for (k, v) in o.pairs { if case .string(let s) = v { t[k] = s } }
        return t
    }

    @Test func theLocaleFilesGiveTheSameTable() throws {
        for lang in ["vi", "en"] {
            let data = try #require(FileManager.default.contents(atPath: "\(repoRoot)/Locales/\(lang).json"))
            let fast = try JSONParser.parseStringTable(data)
            #expect(fast == (try viaTree(data)), "\(lang).json")
            #expect((fast?.count ?? 0) > 100)
        }
    }

    @Test func sameTableAsTheTree() throws {
        let documents = [
            #"{}"#, " { } ", "\u{FEFF}{\"a\": \"b\"}",
            #"{"a": "x", "a": 1}"#, #"{"a": 1, "a": "x"}"#, #"{"a": "x", "a": "y"}"#,
            #"{"a": {"b": "c", "d": [1, "e"]}, "f": "Nguyễn \u0110\u1ee9c", "g": null, "h": true}"#,
            #"{"tab\t": "a\"b\\c\n", "k": -1.5e3, "m": []}"#,
            #"[1, 2]"#, #""text""#, "3", "null",
        ]
        for text in documents {
            let data = Data(text.utf8)
            #expect(try JSONParser.parseStringTable(data) == (try viaTree(data)), "\(text)")
        }
    }

    @Test func sameErrorsAsTheTree() {
        let documents = [
            "", "{", #"{"a": "b",}"#, #"{"a" "b"}"#, #"{a: "b"}"#, #"{"a": "b"} x"#, #"{"a": 'b'}"#,
            "{\"a\": \"Hùng\n\"}", #"{"a": [1, 2,]}"#, #"{"a": "\q"}"#, #"{"a": "b" "c": "d"}"#, "{\"a\": \"\u{1}\"}",
            String(repeating: "[", count: 600), "{\"a\":" + String(repeating: "[", count: 600),
        ]
        for text in documents {
            let data = Data(text.utf8)
            var fast: JSONSyntaxError?
            var tree: JSONSyntaxError?
            do { _ = try JSONParser.parseStringTable(data) } catch { fast = error }
            do { _ = try viaTree(data) } catch { tree = error }
            #expect(tree != nil, "\(text)")
            #expect(fast == tree, "\(text)")
        }
    }
}
