import Foundation
import Testing
@testable import MotCuaText

/// The one gate for text entering a dossier or a draft (issue 12; issue 14 item 8).
@Suite struct TextGateTests {
    @Test func plainVietnameseAndOtherScriptsPass() {
        for s in ["Nguyễn Thị Hoà", "Nguye\u{0302}\u{0303}n", "ἀρχή", "中文", "👩‍👩‍👧 ✓", "O'Neil-Trần", "1\u{FE0F}\u{20E3}", ""] {
            #expect(TextGate.check(s, multiline: false) == nil, "\(s)")
        }
        #expect(TextGate.check("Dòng một\nDòng hai\r\n\tba", multiline: true) == nil)
    }

    @Test func controlCharactersAreNamedWithTheirPlace() {
        #expect(TextGate.check("Lê\u{1B}[2J", multiline: false) == TextRefusal(.control("\u{1B}"), position: 3))
        #expect(TextGate.check("ab\u{9B}c", multiline: true) == TextRefusal(.control("\u{9B}"), position: 3))
        #expect(TextGate.check("a\u{7F}", multiline: true) == TextRefusal(.control("\u{7F}"), position: 2))
        #expect(TextGate.check("a\u{0}", multiline: true)?.messageArguments["char"] == "U+0000")
        #expect(TextGate.check("a\u{2028}b", multiline: true) == TextRefusal(.control("\u{2028}"), position: 2))
        // Tab and line breaks only in multi-line text; a lone CR is not a line break.
        #expect(TextGate.check("Nguyễn\tVăn", multiline: false) == TextRefusal(.control("\t"), position: 7))
        #expect(TextGate.check("Nguyễn\tVăn", multiline: false)?.messageKey == "text.refused.linebreak")
        #expect(TextGate.check("a\nb", multiline: false)?.messageKey == "text.refused.linebreak")
        #expect(TextGate.check("a\rb", multiline: true) == TextRefusal(.control("\r"), position: 2))
        #expect(TextGate.check("a\u{1B}", multiline: false)?.messageKey == "text.refused.control")
    }

    @Test func bidiControlsAreRefused() {
        for u: Unicode.Scalar in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"] {
            let r = TextGate.check("ab" + String(u) + "c", multiline: true)
            #expect(r == TextRefusal(.bidi(u), position: 3))
            #expect(r?.messageArguments["char"] == VietText.codePoint(u))
        }
    }

    @Test func runsOfMarksAreBounded() {
        let ok = "a" + String(repeating: "\u{0301}", count: TextGate.maxMarksPerBase)
        #expect(TextGate.check(ok, multiline: false) == nil)
        let bad = "xy" + "a" + String(repeating: "\u{0301}\u{0316}", count: 4_000)
        #expect(TextGate.check(bad, multiline: true) == TextRefusal(.marks(limit: TextGate.maxMarksPerBase), position: 3))
        #expect(TextGate.check(String(repeating: "\u{0301}", count: 20), multiline: true)?.position == 1)
    }

    @Test func lengthIsCappedInCharacters() {
        let line = String(repeating: "ệ", count: TextGate.maxSingleLine)
        #expect(TextGate.check(line, multiline: false) == nil)
        #expect(TextGate.check(line + "a", multiline: false) == TextRefusal(.tooLong(count: TextGate.maxSingleLine + 1, limit: TextGate.maxSingleLine), position: TextGate.maxSingleLine + 1))
        // Decomposed letters count as one character each, as a person counts them.
        let nfd = String(repeating: "e\u{0302}\u{0323}", count: TextGate.maxSingleLine)
        #expect(TextGate.check(nfd, multiline: false) == nil)
        #expect(TextGate.check(line + "a", multiline: true) == nil)
    }

    /// Issue 14 item 8: a tone typed on a letter that has one replaces it.
    @Test func doubledTonesBecomeOne() {
        #expect(TextGate.admit("Hoà\u{0301}", multiline: false) == .success("Hoá"))
        #expect(TextGate.admit("Hoa\u{0300}\u{0300}", multiline: false) == .success("Hoà"))
        #expect(TextGate.admit("Nguyê\u{0303}\u{0301}n", multiline: false) == .success("Nguyến"))
        #expect(TextGate.admit("Đặng\u{0309} Thuỳ", multiline: false) == .success("Đặng\u{0309} Thuỳ"))  // g is not a vowel: left alone
        #expect(TextGate.admit("Nguyễn Thị Hoà", multiline: false) == .success("Nguyễn Thị Hoà"))
        #expect(TextGate.admit("ê\u{0323}", multiline: false) == .success("ệ"))  // circumflex and one tone: kept
    }
}

/// NFC and NFD of long text are computed in pieces (Foundation's normaliser is
/// quadratic in its input's length): the result is the same as in one go.
@Suite struct PiecewiseNormalizationTests {
    @Test func piecesGiveTheSameTextAsOneGo() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["Nguye\u{0302}\u{0303}n", " ", "\n", "a\u{0301}\u{0316}", "\u{0323}", "ệ", "한", "\u{1100}\u{1161}", "\u{11A8}", "가\u{11A8}",
                      "中文", "ἀρχή", "e\u{0302}", "\u{0302}", "Å", "A\u{030A}", "ক\u{09BE}", "\u{09C7}\u{09BE}", "x", "👩‍👩‍👧"]
        for _ in 0..<40 {
            var s = ""
            while s.utf8.count < 3 * 4096 { s += pieces.randomElement(using: &rng)! }
            #expect(VietText.nfc(s) == s.precomposedStringWithCanonicalMapping)
            #expect(VietText.nfd(s) == s.decomposedStringWithCanonicalMapping)
        }
    }
}

/// The table composition of Latin text gives Foundation's NFC.
@Suite struct LatinCompositionTests {
    /// The flat table (no hashing) is the dictionary of pairs, over every base × mark.
    @Test func flatPairTableAgreesWithTheDictionary() {
        var differing: [String] = []
        for b in UInt32(0)...0x1EFF {
            for m in UInt32(0x2FF)...0x370
            where LatinComposition.pair(b, m) != LatinComposition.pairs[LatinComposition.key(b, m)] {
                differing.append(String(format: "U+%04X U+%04X", b, m))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(LatinComposition.pair(0x61, 0x301) == 0xE1)  // a + ́ = á
        #expect(LatinComposition.pair(0x1EA1, 0x302) == 0x1EAD)  // ạ + ̂ = ậ (the dictionary's side)
    }

    @Test func tableCompositionAgreesWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("aAeEiIoOuUyYdDnNgGhHcCzZ '-1.=<>") + ["ă", "â", "ê", "ô", "ơ", "ư", "đ", "ệ", "Ấ", "ñ", "ü", "Ǘ", "ǿ"]
        let marks: [String] = ["\u{300}", "\u{301}", "\u{302}", "\u{303}", "\u{306}", "\u{309}", "\u{31B}", "\u{323}", "\u{308}", "\u{30C}", "\u{327}", "\u{328}", "\u{304}", "\u{316}", "\u{338}", "\u{345}", "\u{34F}", "\u{35C}"]
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                s += String(letters.randomElement(using: &rng)!)
                for _ in 0..<Int.random(in: 0...3, using: &rng) { s += marks.randomElement(using: &rng)! }
            }
            #expect(VietText.nfc(s) == s.precomposedStringWithCanonicalMapping, "\(Array(s.unicodeScalars))")
        }
        // Every letter the table treats as stable is NFC on its own.
        for v in Array(0xA0...0x24F) + Array(0x1E00...0x1EFF) {
            let s = String(Unicode.Scalar(UInt32(v))!)
            #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars), "U+\(String(v, radix: 16))")
        }
    }
}

@Suite struct DoubledToneEdgeTests {
    @Test func tonesSeparatedByAnotherMarkAreFoundToo() {
        #expect(TextGate.admit("a\u{0301}\u{0302}\u{0300}", multiline: false) == .success("ầ"))
        #expect(TextGate.admit("Hoà\u{0301} và Lê", multiline: false) == .success("Hoá và Lê"))
        #expect(TextGate.admit("Nguyễn", multiline: false) == .success("Nguyễn"))
    }
}

/// Finding K3 (fuzz-text): the normal form is its own normal form, whatever spelling
/// of a tone arrives (U+0341 is an acute, "ṍ" holds two tones), and the table path
/// for Latin text gives what the plain definition (Foundation's NFD, tones reduced,
/// Foundation's NFC) gives.
@Suite struct NormalFormTests {
    /// Found by fuzz-keys: Foundation on Linux composed U+10103 (a scalar beyond U+FFFF)
    /// with a following tilde as if it were U+0103 ("ẵ"). Such text is NFC as it is.
    @Test func aScalarBeyondTheBMPIsNotComposedByItsLow16Bits() {
        let s = String(String.UnicodeScalarView([Unicode.Scalar(0x10103)!, Unicode.Scalar(0x303)!, "a"]))
        #expect(Array(VietText.nfc(s).unicodeScalars.map(\.value)) == [0x10103, 0x303, 0x61])
        #expect(Array(TextGate.normalForm(s).unicodeScalars.map(\.value)) == [0x10103, 0x303, 0x61])
        #expect(TextGate.normalFormByDefinition(s) == TextGate.normalForm(s))
        let mixed = "Hoa\u{0300} " + s + " Nguye\u{0302}\u{0303}n"
        #expect(VietText.nfc(mixed) == "Hoà " + s + " Nguyễn")
        #expect(VietText.nfc(VietText.nfc(mixed)) == VietText.nfc(mixed))
    }

    /// Finding K4 (Fuzz/Findings/text-K4-gate-U0344-two-marks): U+0344 is one mark as
    /// typed and two after NFC; an admitted text's normal form must be admitted too.
    @Test func theNormalFormOfAnAdmittedTextIsAdmitted() {
        let bytes: [UInt8] = [0xe1, 0xbb, 0xb5, 0xcd, 0x84, 0xcc, 0x81, 0xb5, 0xcd, 0x84, 0xcc, 0xbb, 0xb5, 0xcd, 0x84, 0xcc,
                              0x81, 0xb5, 0xcd, 0x84, 0xcc, 0x81, 0xcd, 0x84, 0xcc, 0x81, 0xcd, 0x84, 0xcc, 0x81]
        for s in [String(decoding: bytes, as: UTF8.self), "a" + String(repeating: "\u{0344}", count: 5),
                  "\u{0F40}" + String(repeating: "\u{0F73}", count: 5)] {
            for multiline in [false, true] where TextGate.check(s, multiline: multiline) == nil {
                let n = TextGate.normalForm(s)
                #expect(TextGate.check(n, multiline: multiline) == nil, "\(Array(s.unicodeScalars)) → \(Array(n.unicodeScalars))")
            }
        }
        #expect(TextGate.check("a" + String(repeating: "\u{0344}", count: 5), multiline: false) != nil)  // 10 marks as stored
    }

    @Test func normalFormIsItsOwnNormalForm() {
        // Inputs of Fuzz/Findings/text-K3-*, and their shapes.
        let found = ["Ã\u{0341}", "\u{1EF5}\u{0341}", "\u{1EB5}\u{0313}\u{0323}\t\t\u{06BC}\"\t", "\u{1EB1}\u{0302}\u{0323}",
                     "OOO\u{0300}\u{0341}", "\u{1EB5}\u{1EB5}\u{0343}\u{0323}", "a\u{0301}\u{0318}\u{0301}\u{0318}\u{0301}\u{0308}",
                     "\u{00C3}\u{0325}\u{0323}\u{0302}\u{00FC}\u{0323}", "\u{1EF0}\u{030B}\u{0323}", "a\u{0341}", "a\u{0340}\u{0301}", "u\u{0344}"]
        for s in found {
            let n = TextGate.normalForm(s)
            #expect(TextGate.normalForm(n) == n, "\(Array(s.unicodeScalars)) → \(Array(n.unicodeScalars))")
            #expect(n == TextGate.normalFormByDefinition(s), "\(Array(s.unicodeScalars))")
            #expect(n.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(n.unicodeScalars))
        }
        #expect(TextGate.admit("Ã\u{0341}", multiline: false) == .success("Á"))  // U+0341 is a second tone
        #expect(TextGate.admit("Hoa\u{0340}\u{0301}", multiline: false) == .success("Hoá"))
        #expect(TextGate.admit("\u{1E4D}", multiline: false) == .success("ó"))  // ṍ: tilde and acute, the acute kept
        #expect(VietText.nfc("a\u{0341}") == "á")  // the table composes the singleton marks as NFC does
    }

    /// Any fast path equals the plain definition: random Latin, Vietnamese, other
    /// scripts and marks, short (one piece) and long (several pieces).
    @Test func tableAndFallbackAgreeWithTheDefinition() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "A", "e", "o", "u", "y", "g", "đ", "ê", "ơ", "ấ", "Ặ", "ṍ", "Ṹ", "ǯ", "ø", " ", "\n", "\u{0300}", "\u{0301}", "\u{0303}",
                      "\u{0309}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}", "\u{0313}", "\u{0316}", "\u{0340}", "\u{0341}", "\u{0343}",
                      "\u{0344}", "\u{0903}", "\u{102C}", "ก", "\u{0E33}", "中", "한", "\u{1100}\u{1161}", "ἀ", "\u{1AB0}", "😀"]
        for round in 0..<2_000 {
            var s = ""
            // A few long texts (several pieces); Foundation's NFC of the definition is slow on them.
            let size = round % 250 == 0 ? 3 * 4096 : Int.random(in: 1...14, using: &rng)
            while s.unicodeScalars.count < size { s += pieces.randomElement(using: &rng)! }
            let n = TextGate.normalForm(s)
            #expect(n == TextGate.normalFormByDefinition(s), "\(Array(s.unicodeScalars))")
            #expect(TextGate.normalForm(n) == n, "\(Array(s.unicodeScalars))")
            #expect(VietText.nfc(s) == s.precomposedStringWithCanonicalMapping, "\(Array(s.unicodeScalars))")
        }
    }
}
