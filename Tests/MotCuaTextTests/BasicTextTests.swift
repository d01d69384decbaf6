// Normalisation, length, width, case, name and control tests. Vietnamese text is the
// normal case: each check runs on NFC and NFD spellings.
import Foundation
import Testing
@testable import MotCuaText

/// The same text in NFD, to prove functions do not depend on how input was composed.
func decomposed(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

@Suite struct NormalizationTests {
    @Test func nfcComposesVietnamese() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ho\u{300}a"
        #expect(VietText.nfc(nfd).unicodeScalars.count == "Nguyễn Thị Hòa".unicodeScalars.count)
        #expect(Array(VietText.nfc(nfd).utf8) == Array("Nguyễn Thị Hòa".precomposedStringWithCanonicalMapping.utf8))
        #expect(VietText.nfc("plain ascii") == "plain ascii")
    }

    @Test(arguments: [
        ("Nguyễn", 6), ("Đỗ Thị Hồng", 11), ("khuỷu", 5), ("", 0), ("abc", 3), ("中文", 2), ("👨‍👩‍👧", 1), ("a\r\nb", 3),
    ])
    func lengthCountsGraphemes(text: String, expected: Int) {
        #expect(VietText.length(text) == expected)
        #expect(VietText.length(decomposed(text)) == expected)
    }

    @Test func collapseWhitespace() {
        #expect(VietText.collapseWhitespace("  Nguyễn \t Văn\u{00A0}\u{3000}An \n") == "Nguyễn Văn An")
        #expect(VietText.collapseWhitespace(" \t ") == "")
    }
}

@Suite struct WidthTests {
    @Test(arguments: [
        ("abc", 3), ("Nguyễn Văn Đức", 14), ("khuỷu", 5), ("中文", 4), ("한국어", 6), ("ｱｲｳ", 3),
        ("ＡＢ", 4), ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("🇻🇳", 2), ("e\u{301}", 1),
        ("a\u{200B}b", 2), ("\u{301}", 0), ("", 0), ("tab\there", 7), ("Tuyên Quang 省", 14),
    ])
    func width(text: String, expected: Int) {
        #expect(VietText.displayWidth(text) == expected)
        #expect(VietText.displayWidth(decomposed(text)) == expected)
    }

    @Test func allVietnameseLettersAreOneColumn() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        for c in letters + VietText.upper(letters) {
            #expect(VietText.displayWidth(c) == 1, "\(c)")
            #expect(VietText.displayWidth(decomposed(String(c))) == 1, "\(c) NFD")
        }
    }

    @Test func tableLookupMatchesEdges() {
        #expect(WidthTables.contains(WidthTables.zeroWidth, 0x300))
        #expect(WidthTables.contains(WidthTables.zeroWidth, 0x36F))
        #expect(!WidthTables.contains(WidthTables.zeroWidth, 0x370))
        #expect(WidthTables.contains(WidthTables.wide, 0x4E00))
        #expect(!WidthTables.contains(WidthTables.wide, 0x41))
        #expect(!WidthTables.contains(WidthTables.wide, 0x10FFFF))
    }
}

@Suite struct CaseTests {
    @Test(arguments: [
        ("ĐỖ THỊ hồng", "Đỗ Thị Hồng"), ("nguyễn văn đức", "Nguyễn Văn Đức"), ("h'mông", "H'Mông"),
        ("H’HEN NIÊ", "H’Hen Niê"), ("nguyễn-văn", "Nguyễn-Văn"), ("  lê   an ", "  Lê   An "),
        ("PHƯỜNG HÀ GIANG 2", "Phường Hà Giang 2"), ("ǆamila", "ǅamila"), ("", ""),
    ])
    func title(input: String, expected: String) {
        #expect(VietText.title(input) == expected)
        #expect(VietText.title(decomposed(input)).unicodeScalars.elementsEqual(VietText.nfc(expected).unicodeScalars))
    }

    @Test func upperAndLower() {
        #expect(VietText.upper("Nguyễn Văn đức") == "NGUYỄN VĂN ĐỨC")
        #expect(VietText.upper(decomposed("Thuỷ")).unicodeScalars.elementsEqual("THUỶ".unicodeScalars))
        #expect(VietText.lower("ĐỖ THỊ HỒNG") == "đỗ thị hồng")
        #expect(VietText.upper("abc") == "ABC")
    }
}

@Suite struct NameTests {
    @Test(arguments: [
        "Nguyễn Văn An", "H'Hen Niê", "H’Mông", "Nguyễn-Văn", "Đỗ Thị Hồng", "李小龍", "Ksor H'Ngăm",
        "Zoë", "Иван", "김민준",
    ])
    func validNames(name: String) {
        #expect(VietText.isValidName(name))
        #expect(VietText.isValidName(decomposed(name)))
    }

    @Test(arguments: ["", " ", "'-", "Nguyễn 2", "An!", "Lê\u{1B}[31m", "a\tb", "Hồng.", "😀"])
    func invalidNames(name: String) {
        #expect(!VietText.isValidName(name))
    }

    @Test func nameCharacters() {
        #expect(VietText.isNameCharacter("ệ"))
        #expect(VietText.isNameCharacter("e\u{302}\u{323}"))
        #expect(VietText.isNameCharacter(" "))
        #expect(!VietText.isNameCharacter("1"))
        #expect(!VietText.isNameCharacter("\u{301}"))
        #expect(!VietText.isNameCharacter("_"))
    }
}

@Suite struct ControlTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(VietText.neutralizeControls("Lê\u{1B}[2J An") == "Lê^[[2J An")
        #expect(VietText.neutralizeControls("a\u{0}b\u{7F}c\u{9B}d") == "a^@b^?c\u{FFFD}d")
        #expect(VietText.neutralizeControls("line1\nline2\r") == "line1^Jline2^M")
        #expect(VietText.neutralizeControls("line1\nline2", allowNewlines: true) == "line1\nline2")
        #expect(VietText.neutralizeControls("abc\u{202E}cba\u{2066}") == "abc\u{FFFD}cba\u{FFFD}")
        #expect(VietText.neutralizeControls("Nguyễn Văn Đức") == "Nguyễn Văn Đức")
    }

    @Test func nothingInterpretableRemains() {
        var all = ""
        for v in UInt32(0)...0x2070 { if let s = Unicode.Scalar(v) { all.unicodeScalars.append(s) } }
        let safe = VietText.neutralizeControls(all)
        for s in safe.unicodeScalars {
            #expect(!(s.value < 0x20 || (0x7F...0x9F).contains(s.value)))
            #expect(!(0x202A...0x202E).contains(s.value) && !(0x2066...0x2069).contains(s.value))
        }
    }
}
