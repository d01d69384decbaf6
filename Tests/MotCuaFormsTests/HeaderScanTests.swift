import Foundation
import Testing
@testable import MotCuaForms

/// The scan behind `Catalog.loadHeaders`: the members kept parse exactly as in the whole
/// file, the others become null, and anything it cannot follow is left to the parser.
@Suite struct HeaderScanTests {
    private let keep: Set<String> = ["id", "title", "procedure"]

    private func scanned(_ text: String) throws -> JSONValue? {
        guard let bytes = HeaderScan.keeping(keep, of: Array(text.utf8)) else { return nil }
        return try JSONParser.parse(Data(bytes))
    }

    @Test func realFormsKeepTheirHeader() throws {
        let dir = repoRoot + "/Forms"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 5)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: dir + "/" + name))
            let whole = try JSONParser.parse(data)
            let bytes = try #require(HeaderScan.keeping(keep, of: [UInt8](data)), "\(name)")
            #expect(bytes.count * 3 < data.count, "\(name): pages, checks and lists dropped")
            let header = try JSONParser.parse(Data(bytes))
            for key in keep { #expect(header[key] == whole[key], "\(name) \(key)") }
            #expect(header["pages"] == .null)
        }
    }

    @Test func dropsValuesWhateverTheyHold() throws {
        let text = """
        \u{FEFF}{ "pages" : [ {"label": "a } ] \\" [ {", "x": [1, {"y": null}]} ],
          "id":"khai-sinh", "n": -1.5e3 , "b":true, "title": {"vi": "Đăng ký \\"khai sinh\\" {"}, "s": "}" }
        """
        let v = try #require(try scanned(text))
        #expect(v["id"] == .string("khai-sinh"))
        #expect(v["title"]?["vi"] == .string("Đăng ký \"khai sinh\" {"))
        for dropped in ["pages", "n", "b", "s"] { #expect(v[dropped] == .null, "\(dropped)") }
    }

    @Test func keepsChosenMembersWithinAKeptObject() throws {
        let text = #"{"id": "x", "procedure": {"code": "1.2", "documents": [{"name": "}"}], "fee": 5, "domain": {"vi": "Hộ tịch"}}, "pages": []}"#
        let bytes = try #require(HeaderScan.keeping(["id", "procedure"], within: ["procedure": ["code", "domain"]], of: Array(text.utf8)))
        let v = try JSONParser.parse(Data(bytes))
        #expect(v["procedure"]?["code"] == .string("1.2"))
        #expect(v["procedure"]?["domain"]?["vi"] == .string("Hộ tịch"))
        #expect(v["procedure"]?["documents"] == .null && v["procedure"]?["fee"] == .null && v["pages"] == .null)
        // A kept member that is not an object is kept whole; one the scan cannot follow is left to the parser.
        let plain = try #require(HeaderScan.keeping(["procedure"], within: ["procedure": ["code"]], of: Array(#"{"procedure": [1, {"a": 2}]}"#.utf8)))
        #expect(try JSONParser.parse(Data(plain))["procedure"]?.arrayValue?.count == 2)
        // The real forms: the catalog's part of the procedure is a small share of it.
        let data = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/khai-sinh.json"))
        let whole = try JSONParser.parse(data)
        let kept = try JSONParser.parse(Data(try #require(HeaderScan.keeping(keep, within: ["procedure": ["code", "processingDays"]], of: [UInt8](data)))))
        #expect(kept["procedure"]?["code"] == whole["procedure"]?["code"])
        #expect(kept["procedure"]?["processingDays"] == whole["procedure"]?["processingDays"])
        #expect(kept["procedure"]?["documents"] == .null && whole["procedure"]?["documents"] != .null)
    }

    @Test func escapedKeysAreKept() throws {
        let v = try #require(try scanned(#"{"pag\u0065s": [1], "id": "x"}"#))
        #expect(v["pages"] == .array([.int(1)]))
    }

    @Test func leavesWhatItCannotFollowToTheParser() {
        for text in ["[1, 2]", "", "{\"id\": \"x\"", "{\"pages\": [1, 2}", "{id: 1}", "{\"a\" 1}", "{\"a\": \"open"] {
            #expect(HeaderScan.keeping(keep, of: Array(text.utf8)) == nil, "\(text)")
        }
        #expect(HeaderScan.keeping(keep, of: Array("{}".utf8)) == Array("{}".utf8))
    }
}
