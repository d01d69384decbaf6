import Foundation
import Testing
@testable import MotCuaForms
import MotCuaText

/// Locales/vi.json and Locales/en.json against each other and against the
/// code: every key defined in both languages, every key used somewhere in
/// Sources/ as a whole string literal (`"validation.required"`), and every
/// key-like literal in Sources/ defined. Keys are never built by
/// concatenation in this codebase, which is what makes the literal scan exact.
@Suite struct LocaleTests {
    /// The repository this file really lives in: a dev package that links
    /// Tests/ and a few modules in by symlink must still scan every module.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func table(_ language: String) throws -> [String: String] {
        let path = root + "/Locales/\(language).json"
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        // Through the JSON parser rather than Messages, so a non-string value is caught too.
        let object = try #require(try JSONParser.parse(data).objectValue, "\(path) must be a JSON object")
        var out: [String: String] = [:]
        for (key, value) in object.pairs {
            let text = try #require(value.stringValue, "\(language).json: \(key) is not a string")
            out[key] = text
        }
        return out
    }

    /// Every .swift file under Sources/, concatenated.
    static let sources: String = {
        let sources = URL(fileURLWithPath: root + "/Sources").resolvingSymlinksInPath()
        var text = ""
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files.sorted(by: { $0.path < $1.path }) {
            if let data = FileManager.default.contents(atPath: file.path) { text += String(decoding: data, as: UTF8.self) + "\n" }
        }
        return text
    }()

    /// `{name}` placeholders of a message (an identifier in braces; other
    /// braces, such as a JSON example in the text, are not placeholders).
    static func placeholders(_ s: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\{([a-z_][a-z0-9_]*)\}"#)
        return Set(pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap {
            Range($0.range(at: 1), in: s).map { String(s[$0]) }
        })
    }

    @Test func bothLanguagesDefineTheSameKeys() throws {
        let vi = try Self.table("vi"), en = try Self.table("en")
        let missingInEnglish = Set(vi.keys).subtracting(en.keys).sorted()
        let missingInVietnamese = Set(en.keys).subtracting(vi.keys).sorted()
        #expect(missingInEnglish.isEmpty, "keys missing from Locales/en.json: \(missingInEnglish)")
        #expect(missingInVietnamese.isEmpty, "keys missing from Locales/vi.json: \(missingInVietnamese)")
        #expect(!vi.isEmpty)
    }

    @Test func translationsAreFilledAndKeepTheirPlaceholders() throws {
        let vi = try Self.table("vi"), en = try Self.table("en")
        for (key, text) in vi {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "vi.json: \(key) is empty")
            guard let english = en[key] else { continue }
            #expect(!english.trimmingCharacters(in: .whitespaces).isEmpty, "en.json: \(key) is empty")
            #expect(Self.placeholders(text) == Self.placeholders(english), "\(key): placeholders differ between vi and en")
            #expect(text == text.precomposedStringWithCanonicalMapping, "vi.json: \(key) is not NFC")
        }
    }

    @Test func everyKeyIsUsedInTheSources() throws {
        let keys = Set(try Self.table("vi").keys).union(try Self.table("en").keys)
        #expect(Self.sources.count > 10_000, "Sources/ not found under \(Self.root)")
        let unused = keys.filter { !Self.sources.contains("\"\($0)\"") }.sorted()
        #expect(unused.isEmpty, "defined but never used as a literal in Sources/: \(unused)")
    }

    /// The other direction: a literal in the sources that looks like a key of
    /// one of the locale's namespaces (`validation.…`, `cli.…`) must be defined,
    /// so a typo in a key shows up here rather than as a raw key on screen.
    @Test func everyKeyLikeLiteralIsDefined() throws {
        let vi = try Self.table("vi")
        let namespaces = Set(vi.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let pattern = try NSRegularExpression(pattern: #""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        let text = Self.sources
        var undefined = Set<String>()
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range(at: 1), in: text) else { continue }
            let literal = String(text[r])
            guard let head = literal.split(separator: ".").first, namespaces.contains(String(head)) else { continue }
            if vi[literal] == nil { undefined.insert(literal) }
        }
        #expect(undefined.isEmpty, "used in Sources/ but not defined in Locales: \(undefined.sorted())")
    }

    @Test func theScanSeesKeysReturnedByFormats() {
        // Formats.swift returns its keys whole; these once were built from a prefix.
        for key in ["validation.format.cccd.digits", "validation.format.cccd.length",
                    "validation.format.cmnd.digits", "validation.format.cmnd.length"] {
            #expect(Self.sources.contains("\"\(key)\""), "\(key)")
        }
        #expect(Formats.check(.cmnd, "07012345", today: fixedToday) == .invalid(key: "validation.format.cmnd.length", args: ["count": "8"]))
        #expect(Formats.check(.cmnd, "07012345x", today: fixedToday) == .invalid(key: "validation.format.cmnd.digits", args: [:]))
        #expect(Formats.check(.cccd, "0081900123", today: fixedToday) == .invalid(key: "validation.format.cccd.length", args: ["count": "10"]))
    }
}

extension LocaleTests {
    /// Issue 14, wording: one tone-placement style in the UI text, the forms' and Telex's
    /// ("xóa", "Hòa"), not "xoá" beside "xóa" (the walk of 2026-12-06 met "hãy xoá nó").
    @Test func vietnameseWordingUsesTheTraditionalTonePlacement() throws {
        for (key, text) in try LocaleTests.table("vi") {
            let traditional = VietText.normalizeTonePlacement(text, style: .traditional)
            #expect(traditional == text.precomposedStringWithCanonicalMapping, "vi.json \(key): \(text)")
        }
    }
}
