import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaForms

/// `JSONParser.members`, the parser's fast path the report reads dossier
/// bodies with, held equal to the full parse: on every JSON file of the
/// repository (as it is, and as a stored body `{"answers": FILE}`), on random
/// documents and on damaged ones (cut, bytes changed): the same members, the
/// same "no such object", the same refusal.
@Suite struct JSONParserMembersTests {
    enum Outcome: Equatable { case refused, none, members(JSONObject) }

    /// What the full parse gives: the document, its member `container` as an object, those of its members in `keys`.
    static func reference(_ doc: [UInt8], _ keys: Set<String>, _ container: String) -> Outcome {
        guard let value = try? JSONParser.parse(Data(doc)) else { return .refused }
        guard let object = value[container]?.objectValue else { return .none }
        var kept = JSONObject()
        for (k, v) in object.pairs where keys.contains(k) { kept[k] = v }
        return .members(kept)
    }

    static func fast(_ doc: [UInt8], _ keys: Set<String>, _ container: String) -> Outcome {
        doc.withUnsafeBytes { b in
            do { return try JSONParser.members(keys, of: container, in: b).map(Outcome.members) ?? .none } catch { return .refused }
        }
    }

    static func expectSame(_ doc: [UInt8], _ keys: Set<String>, _ container: String, _ what: String) {
        let r = reference(doc, keys, container)
        let f = fast(doc, keys, container)
        #expect(f == r, "\(what): \(String(decoding: doc.prefix(300), as: UTF8.self))")
    }

    static var fixtures: [String] {
        var paths: [String] = []
        for dir in ["Forms", "Tests", "Fuzz/Corpus", "Locales"] {
            let e = FileManager.default.enumerator(atPath: repoRoot + "/" + dir)
            while let p = e?.nextObject() as? String { if p.hasSuffix(".json") { paths.append(repoRoot + "/" + dir + "/" + p) } }
        }
        return paths.sorted()
    }

    @Test func equalToTheFullParseOnEveryFixture() throws {
        var rng = SeededRandom(seed: TestSeed.take("JSONParserMembersTests.fixtures"))
        let paths = Self.fixtures
        #expect(paths.count > 50, "the repository's JSON files: \(paths.count)")
        for path in paths {
            let doc = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let top = (try? JSONParser.parse(Data(doc)))?.objectValue
            let keys = top.map { Set($0.pairs.map(\.key)) } ?? []
            // The file as a stored body's answers: every key, a random half, none, one that is not there.
            let body = Array("{\"id\": \"x\", \"answers\": ".utf8) + doc + Array("}".utf8)
            let half = keys.filter { _ in rng.next() % 2 == 0 }
            for wanted: Set<String> in [keys, half, [], ["không có"]] {
                Self.expectSame(body, wanted, "answers", path)
            }
            // Each of the file's own members as the container (objects, arrays, strings...).
            for container in keys.sorted() {
                let inner = Set(top?[container]?.objectValue?.pairs.map(\.key) ?? [])
                Self.expectSame(doc, inner.filter { _ in rng.next() % 3 != 0 }, container, path + " [" + container + "]")
            }
            // Cut and damaged: refused exactly when the full parse refuses.
            for _ in 0..<20 {
                var bad = body
                if rng.next() % 2 == 0 {
                    bad.removeLast(Int(rng.next() % UInt64(bad.count)))
                } else {
                    for _ in 0...(rng.next() % 3) { bad[Int(rng.next() % UInt64(bad.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                }
                Self.expectSame(bad, keys, "answers", path + " (damaged)")
            }
        }
    }

    @Test func equalToTheFullParseOnRandomDossiers() {
        var rng = SeededRandom(seed: TestSeed.take("JSONParserMembersTests.random"))
        let pool = ["a", "b", "ks_ngay_sinh", "họ_tên", "é", "e\u{301}", "answers", "x"]
        for round in 0..<4000 {
            var g = RandomJSON(rng: rng)
            var doc = g.dossier(keys: pool)
            rng = g.rng
            if round % 2 == 1 {  // every other one damaged
                for _ in 0...(rng.next() % 2) where !doc.isEmpty {
                    let k = Int(rng.next() % UInt64(doc.count))
                    switch rng.next() % 3 {
                    case 0: doc[k] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: doc.remove(at: k)
                    default:
                        let marks = Array("\"\\{}[],:0e-.u\u{7F}".utf8)
                        doc.insert(marks[Int(rng.next() % UInt64(marks.count))], at: k)
                    }
                }
            }
            let keys = Set(pool.filter { _ in rng.next() % 2 == 0 })
            Self.expectSame(doc, keys, "answers", "round \(round)")
        }
    }

    @Test func nestingLimitsAndEdgesAreTheFullParses() {
        func deep(_ n: Int) -> String { String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        for doc in [
            "{\"x\": \(deep(511)), \"answers\": {\"a\": 1}}", "{\"x\": \(deep(512)), \"answers\": {\"a\": 1}}",
            "{\"answers\": {\"b\": \(deep(511))}}", "{\"answers\": {\"a\": \(deep(600))}}",
            "\u{FEFF}{\"answers\": {\"a\": 1}}", "  {\"answers\": {\"a\": 1, \"a\": 2}} ", "{\"answers\": {\"a\": 1}, \"answers\": 3}",
            "{\"answers\": {\"a\": 1}, \"answers\": {\"b\": 2}}", "{\"answers\": [1]}", "[{\"answers\": {\"a\": 1}}]", "",
            "{\"answers\": {\"b\": 1e400, \"a\": 1}}", "{\"answers\": {\"b\": 99999999999999999999, \"a\": -0}}",
            "{\"answers\": {\"b\": \"\\ud800\", \"a\": 1}}", "{\"answers\": {\"b\": \"\\ud83d\\ude00\\u00e9\", \"a\": 1}}",
            "{\"answers\": {\"b\": \"\\ud83d\\u0041\"}}", "{\"answers\": {\"b\": \"\\x\"}}", "{\"answers\": {\"a\": 1},}",
            "{\"answers\": {\"a\": 1}} x", "{\"answers\": {\"b\": tru, \"a\": 1}}", "{\"answers\": {\"b\": 01}}",
            "{\"answers\": {\"e\u{301}\": 1, \"é\": 2, \"\\u00e9\": 3}}", "{\"answers\" : { \"a\" :\t[ ] , \"b\": { } }}",
        ] {
            for keys: Set<String> in [["a"], ["a", "b"], ["é"], []] { Self.expectSame(Array(doc.utf8), keys, "answers", doc) }
        }
        // Raw bytes no text can hold: an invalid sequence skipped, before and after an escape.
        for bytes: [UInt8] in [[0xC3], [0xC3, 0x5C, 0x6E], [0x5C, 0x6E, 0xA9], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
                               [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80]] {
            let doc = Array("{\"answers\": {\"b\": \"".utf8) + bytes + Array("\", \"a\": 1}}".utf8)
            Self.expectSame(doc, ["a"], "answers", "\(bytes)")
        }
    }

    /// The validator the skipped strings go through decides as `String(validating:)` does.
    @Test func utf8CheckIsTheStandardLibrarys() {
        var rng = SeededRandom(seed: TestSeed.take("JSONParserMembersTests.utf8"))
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                    0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<200_000 {
            let n = Int(rng.next() % 6)
            let bytes = (0..<n).map { _ in rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : interesting[Int(rng.next() % UInt64(interesting.count))] }
            let fast = bytes.withUnsafeBufferPointer { JSONParser.isUTF8($0, 0, $0.count) }
            #expect(fast == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}

/// Random stored-dossier-like documents: an answers object among other
/// members, values of every kind, strings with escapes, Vietnamese and odd bytes.
struct RandomJSON {
    var rng: SeededRandom

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }

    mutating func dossier(keys: [String]) -> [UInt8] {
        var members: [String] = []
        for _ in 0...(rng.next() % 4) {
            let key = pick(["id", "answers", "answers", "form", "\\u0061nswers", "meta"])
            members.append("\"\(key)\": " + (key.hasSuffix("nswers") && rng.next() % 5 != 0 ? object(keys: keys, depth: 1) : value(depth: 1)))
        }
        return Array(("{" + members.joined(separator: pick([",", " ,\n  "])) + "}").utf8)
    }

    mutating func object(keys: [String], depth: Int) -> String {
        let n = Int(rng.next() % 6)
        return "{" + (0..<n).map { _ in "\"\(pick(keys))\":" + value(depth: depth + 1) }.joined(separator: ",") + "}"
    }

    mutating func value(depth: Int) -> String {
        switch rng.next() % (depth > 4 ? 4 : 6) {
        case 0: return pick(["0", "-0", "12", "1.5e3", "-2.25", "99999999999999999999", "1e400", "3E-2", "9223372036854775807"])
        case 1: return pick(["true", "false", "null"])
        case 2, 3: return "\"" + (0..<(rng.next() % 5)).map { _ in
                pick(["Nguyễn", "e\u{301}", "\\n", "\\\"", "\\u1ec7", "\\ud83d\\ude00", "\\ud83d", "\\/", "a b", "😀", "\\\\", "\t"])
            }.joined() + "\""
        case 4: return "[" + (0..<(rng.next() % 4)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
        default: return object(keys: ["a", "b", "é", "answers"], depth: depth)
        }
    }
}
