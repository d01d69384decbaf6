import Foundation
import Testing
@testable import MotCuaForms
import MotCuaText

/// The byte-level fast paths of validation give the verdicts of the general
/// (scalar) rules, and the ordered object stays a correct dictionary on both
/// sides of its index threshold.
@Suite struct FastPathTests {
    /// A fixed-seed generator (Knuth's MMIX constants), so that a failure can be replayed.
    struct Replayable: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state ^ (state >> 29) }
    }

    @Test func asciiEmailAgreesWithTheScalarRules() {
        var rng = Replayable(state: 2026)
        let localChars = Array("ab9Z.-_+!#~ ")
        let labels = ["x", "vn", "gov", "a-b", "-a", "b-", "9", "", "v", "xn--p1ai", "co2"]
        var checked = 0
        for _ in 0..<20_000 {
            let local = String((0..<Int.random(in: 0...6, using: &rng)).map { _ in localChars.randomElement(using: &rng)! })
            let domain = (0..<Int.random(in: 1...4, using: &rng)).map { _ in labels.randomElement(using: &rng)! }.joined(separator: ".")
            var s = local + "@" + domain
            if Int.random(in: 0..<10, using: &rng) == 0 { s.insert(["@", ".", "-"].randomElement(using: &rng)!, at: s.index(s.startIndex, offsetBy: Int.random(in: 0...s.count, using: &rng))) }
            let fast = Formats.email(s), general = Formats.emailByScalars(s)
            #expect(fast == general, "\(s)")
            if case .ok = general { checked += 1 }
        }
        #expect(checked > 500)  // the corpus reaches valid addresses too
        // Non-ASCII addresses take the scalar rules.
        #expect(Formats.email("hòa@bưuđiện.vn") == .ok("hòa@bưuđiện.vn"))
        #expect(Formats.email("hòa@bưuđiện.v1") == .invalid(key: "validation.format.email", args: [:]))
    }

    /// The small matcher agrees with NSRegularExpression (whole answer) on
    /// patterns of its subset, for ASCII text (matched on bytes) and for
    /// Vietnamese text (matched on scalars).
    @Test func simplePatternsAgreeWithNSRegularExpression() throws {
        let patterns = ["[A-Z][0-9]{7}", "[A-Z0-9]{2,8}-[0-9]{6}-[0-9]{4}", "\\d+", "\\w+ ?\\w*", "[^0-9]*", "a.c",
                        "[a-zđ]+", "\\s*x\\S?", "[0-9]{2,}", "ab?c*d+", "[\\d.]{3,5}", "\\W"]
        let alphabet = Array("aAbcdxZ09-. _\tđƠễ١")  // ١ is an Arabic-Indic digit: \d, not [0-9]
        var rng = Replayable(state: 8)
        var compared = 0
        for source in patterns {
            let simple = try #require(SimplePattern(source), "\(source)")
            let regex = try NSRegularExpression(pattern: "^(?:" + source + ")$")
            for _ in 0..<600 {
                let text = String((0..<Int.random(in: 0...9, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                let expected = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(simple.matches(text) == expected, "\(source) on \(text)")
                compared += 1
            }
            for text in ["C1234567", "HD01-261127-0007", "123", "Nguyễn Văn", "abccd", "1.2.3"] {
                let expected = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(simple.matches(text) == expected, "\(source) on \(text)")
            }
        }
        #expect(compared == patterns.count * 600)
    }

    @Test func phoneAndIDSeparators() {
        #expect(Formats.phone("0084 912 345 678") == .ok("0912345678"))
        // Digits only: the plain number is judged in place, but an international prefix is still taken off.
        #expect(Formats.phone("0084912345678") == .ok("0912345678"))
        #expect(Formats.phone("84912345678") == .ok("0912345678"))
        #expect(Formats.phone("0912345678") == .ok("0912345678") && Formats.phone("02073822345") == .ok("02073822345"))
        #expect(Formats.phone("0112345678") == .invalid(key: "validation.format.phone.prefix", args: ["prefix": "011"]))
        #expect(Formats.phone("0") == .invalid(key: "validation.format.phone.length", args: ["count": "1"]))
        // Plain digits (judged in place) and the same digits with a separator (judged after stripping) agree.
        var rng = Replayable(state: 84)
        for _ in 0..<3_000 {
            let prefix = ["0", "00", "0084", "84", "02", "09", "1", ""].randomElement(using: &rng)!
            let digits = prefix + String((0..<Int.random(in: 0...12, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            guard digits.count >= 2 else { continue }
            var spaced = digits
            spaced.insert(" ", at: spaced.index(after: spaced.startIndex))
            #expect(Formats.phone(digits) == Formats.phone(spaced), "\(digits)")
        }
        #expect(Formats.phone("+84912345678") == .ok("0912345678"))
        #expect(Formats.phone("(024) 3825-1234") == .ok("02438251234"))
        #expect(Formats.phone("0912\u{00A0}345\u{00A0}678") == .ok("0912345678"))
        #expect(Formats.phone("0912 345 67đ") == .invalid(key: "validation.format.phone", args: [:]))
        #expect(Formats.phone("0912 345 678 9") == .invalid(key: "validation.format.phone.length", args: ["count": "11"]))
        #expect(Formats.cccd("008\u{00A0}190\u{00A0}012345", today: fixedToday) == .ok("008190012345"))
        #expect(Formats.cccd("００８190012345", today: fixedToday) == .invalid(key: "validation.format.cccd.digits", args: [:]))
        #expect(Formats.cccd("0081900123", today: fixedToday) == .invalid(key: "validation.format.cccd.length", args: ["count": "10"]))
    }

    @Test func graphemeCountMatchesCharacters() {
        for s in ["Nguyễn Thị Hoà", "Đặng Thuỳ", "abc", "Nguye\u{0302}\u{0303}n", "😀 cười", "ἀρχή", "", "Ơn Ưu", "\u{1E9E}"] {
            #expect(TextNormalizer.graphemeCount(s) == s.count, "\(s)")
        }
    }

    @Test func namesWithVietnameseLettersAndOtherScripts() {
        for good in ["Nguyễn Thị Hoà", "Đặng Ơn Ưu", "Ỷ Lan", "Müller", "Łukasz", "Σοφία", "María-José", "H'Mông"] {
            #expect(TextNormalizer.isValidName(good), "\(good)")
        }
        for bad in ["A × B", "A ÷ B", "An 2", "\u{0301}An", "-", "An!"] {
            #expect(!TextNormalizer.isValidName(bad), "\(bad)")
        }
        // The byte decoder against the general rule, on scalars of one to four bytes.
        let alphabet = ["a", "Ễ", "đ", " ", "'", "-", "李", "𠀀", "\u{0301}", "\u{200D}", "1", "!", "ক", "\u{09BF}", "😀", "ʻ", "\u{2019}",
                        "\u{102C}", "\u{0E33}", "\u{0D4E}", "\u{FF9E}", "\u{0316}", "ª", "\u{00AD}", "ṍ"]
        var rng = Replayable(state: 31)
        for _ in 0..<5_000 {
            let s = VietText.nfc((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined())
            #expect(TextNormalizer.isValidName(s) == VietText.isValidName(s), "\(Array(s.unicodeScalars))")
        }
    }

    /// Finding K2 (fuzz-text): a mark Unicode attaches to nothing (U+102C after
    /// "c" is a grapheme cluster of its own), a letter that attaches to the
    /// scalar before it (U+0E33, U+0EB3) or after it (U+0D4E, Prepend), a
    /// letter that extends a cluster (U+FF9E): the validator's name check
    /// gives VietText's verdict, the one definition.
    @Test func nameCheckFollowsGraphemeClusters() {
        let odd = ["\u{102C}", "\u{102B}", "\u{1038}", "\u{0E33}", "\u{0EB3}", "\u{0D4E}", "\u{FF9E}", "\u{1A61}", "\u{AA7B}", "\u{200D}", "\u{200C}"]
        for mark in odd {
            for s in ["c" + mark, " " + mark, mark + " a", "a " + mark, "ก" + mark, "a" + mark + "b", "Hoà" + mark + "\u{0301}"] {
                #expect(TextNormalizer.isValidName(s) == VietText.isValidName(s), "\(Array(s.unicodeScalars))")
            }
        }
        #expect(Formats.check(.name, "c\u{102C}", today: fixedToday) == .invalid(key: "validation.format.name", args: [:]))
        #expect(Formats.check(.name, "\u{0D4E} a", today: fixedToday) == .invalid(key: "validation.format.name", args: [:]))
        #expect(Formats.check(.name, "กำ", today: fixedToday) == .ok("กำ"))  // U+0E33 after its letter
        #expect(Formats.check(.name, "Nguyễn Thị Hoà", today: fixedToday) == .ok("Nguyễn Thị Hoà"))
    }

    /// The word-at-a-time "already clean" check and the scalar rebuild agree
    /// with a plain definition: white space runs become one space, the ends
    /// are trimmed, the text is NFC.
    @Test func normalisationAgreesWithItsDefinition() throws {
        var rng = Replayable(state: 27)
        let pieces = ["Nguyễn", "Van", " ", "  ", "\t", "abcdefgh", "ABCDEFGHIJK", "e\u{0302}\u{0303}", "ἀ", "\u{00A0}",
                      "xã Lâm Bình", "12A/3", "\n", "đ", "x", "Thuỷ"]
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let words = s.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).map { String(String.UnicodeScalarView($0)) }
            let expected = words.joined(separator: " ").precomposedStringWithCanonicalMapping
            // Tabs and line breaks are refused by the text gate in a single-line answer.
            if s.contains("\t") || s.contains("\n") {
                #expect(throws: TextRefusal.self) { try TextNormalizer.normalize(s, multiline: false) }
            } else {
                #expect(try TextNormalizer.normalize(s, multiline: false) == expected, "\(Array(s.unicodeScalars))")
            }
        }
    }

    /// Finding K3 (fuzz-text): validating a stored answer again leaves it as it is,
    /// also when it arrived with two tones on a letter in another spelling (U+0341).
    @Test func normalisingTwiceChangesNothing() throws {
        for s in ["Ã\u{0341}", "\u{1EB5}\u{0313}\u{0323}\t\t\u{06BC}\"\t", "  Hoa\u{0340}\u{0301}  ", "\u{1E4D}", "x\u{1EF5}\u{0341} b"] {
            for multiline in [false, true] {
                guard let n = try? TextNormalizer.normalize(s, multiline: multiline) else { continue }
                #expect(try TextNormalizer.normalize(n, multiline: multiline) == n, "\(Array(s.unicodeScalars))")
                #expect(n == TextGate.normalForm(n))
            }
        }
        #expect(try TextNormalizer.normalize("Ã\u{0341}", multiline: false) == "Á")
        #expect(!TextNormalizer.isClean("\u{1E4D}"))  // ṍ holds two tones
    }

    /// The byte walk of multi-line answers against a plain definition: white
    /// space trimmed at both ends, a run of spaces and tabs is one space (none
    /// before a line break), other white space (line breaks) kept, then the
    /// normal form.
    @Test func multilineNormalisationAgreesWithItsDefinition() throws {
        var rng = Replayable(state: 12)
        let pieces = ["Nguyễn", "a\u{0301}\u{0300}", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", "x", "ṍ", "中", "e\u{0302}", "đ"]
        func isH(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" }
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var scalars = Array(s.unicodeScalars)
            while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
            while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
            var out = String.UnicodeScalarView()
            var i = 0
            while i < scalars.count {
                if isH(scalars[i]) {
                    var j = i
                    while j < scalars.count, isH(scalars[j]) { j += 1 }
                    if !(j < scalars.count && scalars[j].properties.isWhitespace) { out.append(" ") }
                    i = j
                } else { out.append(scalars[i]); i += 1 }
            }
            let expected = TextGate.normalForm(String(out))
            #expect(try TextNormalizer.normalize(s, multiline: true) == expected, "\(Array(s.unicodeScalars))")
        }
    }

    @Test func normalisationStillTrimsAndComposes() throws {
        #expect(try TextNormalizer.normalize("  Nguye\u{0302}\u{0303}n   Văn  ", multiline: false) == "Nguyễn Văn")
        #expect(try TextNormalizer.normalize("Nguyễn Văn", multiline: false) == "Nguyễn Văn")
        #expect(try TextNormalizer.normalize("ἀ  b", multiline: false) == "ἀ b")
        #expect(try TextNormalizer.normalize("A\u{00A0}B", multiline: false) == "A B")
        #expect(try TextNormalizer.normalize("A\tB", multiline: true) == "A B")  // a tab is allowed, and spaces out
    }

    @Test(arguments: [5, JSONObject.indexThreshold - 1, JSONObject.indexThreshold, 3 * JSONObject.indexThreshold])
    func orderedObjectOnBothSidesOfTheIndex(size: Int) {
        var o = JSONObject()
        for i in 0..<size { o["trường_\(i)"] = .int(i) }
        #expect(o.count == size)
        #expect(o.keys == (0..<size).map { "trường_\($0)" })
        for i in 0..<size { #expect(o["trường_\(i)"] == .int(i)) }
        #expect(o["không có"] == nil)
        o["trường_0"] = .string("Hoà")  // an overwrite keeps the place
        #expect(o.keys.first == "trường_0" && o["trường_0"] == .string("Hoà") && o.count == size)
        o["trường_1"] = nil
        #expect(o.count == size - 1 && o["trường_1"] == nil && o["trường_\(size - 1)"] == .int(size - 1))
        o["mới"] = .bool(true)
        #expect(o.keys.last == "mới" && o["mới"] == .bool(true))
        // Equality and hashing ignore member order, as JSON does.
        let reversed = JSONObject(o.pairs.reversed().map { ($0.key, $0.value) })
        #expect(reversed == o)
        #expect(reversed.hashValue == o.hashValue)
        var other = o
        other["mới"] = .bool(false)
        #expect(other != o)
    }

    @Test func modifyArrayKeepsThePlace() {
        var o: JSONObject = JSONObject([("a", .int(1)), ("con", .array([.int(1)])), ("z", .null)])
        o.modifyArray("con") { $0.append(.int(2)) }
        #expect(o.keys == ["a", "con", "z"])
        #expect(o["con"] == .array([.int(1), .int(2)]))
        o.modifyArray("a") { $0.append(.int(9)) }
        #expect(o["a"] == .int(1))
    }

    /// Answers are found by position, not copied into optionals: a field not
    /// given stays not given (a note in a repeat is not an answer), one given
    /// as null stays given, and the stored dossier keeps the form's order.
    @Test func givenAbsentAndNullAnswersStayApart() {
        let f = mustLoad(form(fields: """
            {"id": "ghi_chu", "type": "note", "label": "Đọc kỹ"},
            {"id": "ho_ten", "type": "text", "label": "Họ tên", "required": true},
            {"id": "con", "type": "repeat", "label": "Con", "fields": [
              {"id": "ten", "type": "text", "label": "Tên"},
              {"id": "luu_y", "type": "note", "label": "Lưu ý"},
              {"id": "ngay_sinh", "type": "date", "label": "Ngày sinh"}]}
            """))
        let ok = validate(f, ["con": [["ngay_sinh": "2020-01-02", "ten": "Lò Thị Mai"]], "ho_ten": "Đỗ Văn Hùng"])
        #expect(ok.errors.isEmpty, "\(ok.errors)")
        #expect(ok.answers.objectValue?.keys == ["ho_ten", "con"])
        #expect(ok.answers["con"]?.arrayValue?.first?.objectValue?.keys == ["ten", "ngay_sinh"])
        let notes = validate(f, ["ghi_chu": .null, "ho_ten": "Đỗ Văn Hùng", "con": [["luu_y": "x"]]])
        #expect(notes.errors.map(\.field) == ["ghi_chu", "con[0].luu_y"])
        #expect(notes.errors.allSatisfy { $0.code == .type })
        // In the form's order and clean: stored as given. Otherwise rebuilt.
        let clean: JSONValue = ["ho_ten": "Đỗ Văn Hùng", "con": [["ten": "Lò Thị Mai", "ngay_sinh": "2020-01-02"]]]
        #expect(validate(f, clean).answers == clean)
        let spaced = validate(f, ["ho_ten": "  Đỗ  Văn Hùng ", "con": [["ten": "Lò Thị Mai "], ["ngay_sinh": "2021-03-04"]]])
        #expect(spaced.answers == ["ho_ten": "Đỗ Văn Hùng", "con": [["ten": "Lò Thị Mai"], ["ngay_sinh": "2021-03-04"]]])
        // An item given out of order is stored in the form's order, the others as given.
        let reordered = validate(f, ["ho_ten": "Đỗ Văn Hùng", "con": [["ten": "An"], ["ngay_sinh": "2020-01-02", "ten": "Bình"]]])
        #expect(reordered.answers["con"]?.arrayValue?.map { $0.objectValue?.keys ?? [] } == [["ten"], ["ten", "ngay_sinh"]])
        let extra = validate(f, ["ho_ten": "Đỗ Văn Hùng", "la": 1])
        #expect(extra.answers == ["ho_ten": "Đỗ Văn Hùng"] && extra.errors.map(\.code) == [.unknownField])
        let missing = validate(f, ["ho_ten": .null])
        #expect(missing.errors.map(\.code) == [.required])
        // Items that are not objects are a type error of the list, never dropped in silence.
        let scalars = validate(f, ["ho_ten": "Đỗ Văn Hùng", "con": [1, ["ten": "An"]]])
        #expect(scalars.errors.map(\.field) == ["con"] && scalars.errors.map(\.code) == [.type], "\(scalars.errors)")
    }
}
