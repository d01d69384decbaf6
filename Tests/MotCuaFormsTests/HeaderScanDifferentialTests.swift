import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaForms

/// `HeaderScan` reads the forms folder through a pointer with `memchr` for strings; held
/// byte for byte equal to the plain scan it replaced (kept here as the reference), on every
/// JSON file of the repository, damaged copies of them and random runs of quotes,
/// backslashes and brackets; and on any document the parser accepts, the members it keeps
/// parse as in the whole document.
@Suite struct HeaderScanDifferentialTests {
    private static let keep: Set<String> = ["id", "version", "title", "summary", "keywords", "languages", "procedure"]
    private static let within: [String: Set<String>] = ["procedure": ["code", "domain", "agency", "processingDays"]]

    private static func expectSame(_ doc: [UInt8], _ what: String) {
        let fast = HeaderScan.keeping(keep, within: within, of: doc)
        let plain = ReferenceHeaderScan.keeping(keep, within: within, of: doc)
        #expect(fast == plain, "\(what): \(String(decoding: doc.prefix(200), as: UTF8.self))")
        // Whatever the parser accepts, the scan follows, and the header is the whole document's.
        guard let whole = try? JSONParser.parse(Data(doc)), whole.objectValue != nil else { return }
        guard let fast, let header = try? JSONParser.parse(Data(fast)) else {
            Issue.record("\(what): a document the parser accepts was not scanned")
            return
        }
        for key in keep where key != "procedure" { #expect(header[key] == whole[key], "\(what) \(key)") }
        for key in within["procedure"] ?? [] { #expect(header["procedure"]?[key] == whole["procedure"]?[key], "\(what) procedure.\(key)") }
    }

    @Test func equalToThePlainScanOnEveryFixtureAndDamagedCopies() throws {
        var rng = SeededRandom(seed: TestSeed.take("HeaderScanDifferentialTests.fixtures"))
        let paths = JSONParserMembersTests.fixtures
        #expect(paths.count > 50)
        let specials = Array(#""\{}[],: "#.utf8)
        for path in paths {
            let doc = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            Self.expectSame(doc, path)
            for _ in 0..<12 where !doc.isEmpty {
                var bad = doc
                switch rng.next() % 3 {
                case 0: bad.removeLast(Int(rng.next() % UInt64(bad.count)))
                case 1: for _ in 0...(rng.next() % 3) { bad[Int(rng.next() % UInt64(bad.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                default: for _ in 0...(rng.next() % 3) { bad.insert(specials[Int(rng.next() % UInt64(specials.count))], at: Int(rng.next() % UInt64(bad.count))) }
                }
                Self.expectSame(bad, path + " (damaged)")
            }
        }
    }

    @Test func equalToThePlainScanOnRunsOfQuotesAndBackslashes() {
        var rng = SeededRandom(seed: TestSeed.take("HeaderScanDifferentialTests.random"))
        let alphabet = Array(#""\\\\{}[],:a "#.utf8)
        for _ in 0..<20000 {
            let body = (0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let prefix: [[UInt8]] = [[], Array(#"{"id": "#.utf8), Array(#"{"pages": "#.utf8), Array(#"{"title": ""#.utf8)]
            let doc = prefix[Int(rng.next() % 4)] + body + (rng.next() % 2 == 0 ? Array("}".utf8) : [])
            Self.expectSame(doc, "random")
        }
        // Escaped quotes and backslashes before a closing quote, in a kept and a dropped value.
        Self.expectSame(Array(#"{"pages": ["a\\", "\\\"]\\\\", "\"}\\"], "title": "x\\\\\"y\\"}"#.utf8), "escapes")
        Self.expectSame([], "empty")
    }
}

/// The scan as it was before it read through a pointer: one byte at a time, a backslash
/// skipping the byte after it.
private enum ReferenceHeaderScan {
    static func keeping(_ keep: Set<String>, within: [String: Set<String>] = [:], of bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { keeping(keep, within: within, of: $0) }
    }

    static func keeping(_ keep: Set<String>, within: [String: Set<String>] = [:], of b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        func skipString() -> Bool {
            i += 1
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\\"): i += 2
                case UInt8(ascii: "\""): i += 1; return true
                default: i += 1
                }
            }
            return false
        }
        func skipValue() -> Bool {
            guard i < b.count else { return false }
            switch b[i] {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < b.count {
                    switch b[i] {
                    case UInt8(ascii: "\""): if !skipString() { return false }; continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"),
                      b[i] != 0x20, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
                return true
            }
        }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        var copied = i
        i += 1
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") { break }
            guard b[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            guard skipString() else { return nil }
            let raw = UnsafeBufferPointer(rebasing: b[keyStart..<(i - 1)])
            let escaped = raw.contains(UInt8(ascii: "\\"))
            let key = String(decoding: raw, as: UTF8.self)
            let wanted = escaped || keep.contains(key)
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            guard skipValue(), i > valueStart else { return nil }
            if !wanted {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<valueStart]))
                out.append(contentsOf: "null".utf8)
                copied = i
            } else if !escaped, let inner = within[key], b[valueStart] == UInt8(ascii: "{"),
                      let kept = keeping(inner, of: UnsafeBufferPointer(rebasing: b[valueStart..<i])) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<valueStart]))
                out.append(contentsOf: kept)
                copied = i
            }
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { break }
            return nil
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<b.count]))
        return out
    }
}
