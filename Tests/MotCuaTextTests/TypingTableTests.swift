// The Telex and VNI tables: hundreds of words and all of Tuyên Quang's communes typed key by
// key, with the tone key at the end, right after its vowel, and right after the first vowel,
// compared with the NFC spelling.
import Testing
@testable import MotCuaText

/// The word list without repeats, in order.
let uniqueWords: [String] = {
    var seen = Set<String>()
    return vietnameseWords.map { VietText.nfc($0) }.filter { seen.insert($0).inserted }
}()

@Suite struct TypingTableTests {
    @Test func tablesAreLargeEnough() {
        #expect(uniqueWords.count >= 200)
        #expect(tuyenQuangCommunes.count == 124)
    }

    @Test(arguments: [InputMethod.telex, .vni], ToneKeyPosition.allCases)
    func everyWordTypes(method: InputMethod, position: ToneKeyPosition) {
        for word in uniqueWords {
            let keys = keySequence(word: word, method: method, position: position)
            #expect(typed(keys, method) == word, "\(method) \(keys) for \(word)")
        }
    }

    @Test(arguments: [InputMethod.telex, .vni])
    func capitalsKeepTheirCase(method: InputMethod) {
        for word in uniqueWords {
            for variant in [VietText.title(word), VietText.upper(word)] {
                let keys = keySequence(word: variant, method: method, position: .end)
                #expect(typed(keys, method) == variant, "\(method) \(keys) for \(variant)")
            }
        }
    }

    @Test(arguments: [InputMethod.telex, .vni], ToneKeyPosition.allCases)
    func placementStyles(method: InputMethod, position: ToneKeyPosition) {
        for pair in placementPairs {
            let traditional = VietText.nfc(pair.traditional), modern = VietText.nfc(pair.modern)
            // The same keys give each spelling in its own style.
            let keys = keySequence(word: traditional, method: method, position: .end)
            #expect(typed(keys, method, .traditional) == traditional, "\(keys)")
            #expect(typed(keys, method, .modern) == modern, "\(keys)")
            let modernKeys = keySequence(word: modern, method: method, position: position)
            #expect(typed(modernKeys, method, .modern) == modern, "\(modernKeys)")
        }
    }

    @Test(arguments: [InputMethod.telex, .vni], ToneKeyPosition.allCases)
    func tuyenQuangCommunesType(method: InputMethod, position: ToneKeyPosition) {
        for name in tuyenQuangCommunes {
            let style: TonePlacementStyle = usesModernPlacement(name) ? .modern : .traditional
            let keys = keySequence(text: name, method: method, position: position)
            #expect(typed(keys, method, style) == VietText.nfc(name), "\(method) \(keys) for \(name)")
            // Typed in the other style, the name still compares equal.
            let other: TonePlacementStyle = style == .modern ? .traditional : .modern
            #expect(VietText.sameName(typed(keys, method, other), name), "\(keys)")
        }
    }

    @Test func communeSpellingsUseBothStyles() {
        // The data really mixes the styles, which is why the engine needs both.
        #expect(tuyenQuangCommunes.contains { usesModernPlacement($0) })
        #expect(tuyenQuangCommunes.contains { $0.contains("Thủy") })
    }

    @Test func keySequencesLookAsExpected() {
        // The helper itself, against hand-written keys.
        #expect(keySequence(word: "việt", method: .telex, position: .end) == "vieetj")
        #expect(keySequence(word: "việt", method: .telex, position: .afterTonedVowel) == "vieejt")
        #expect(keySequence(word: "việt", method: .telex, position: .afterFirstVowel) == "vijeet")
        #expect(keySequence(word: "Đường", method: .telex, position: .end) == "Dduwowngf")
        #expect(keySequence(word: "người", method: .vni, position: .end) == "ngu7o7i2")
        #expect(keySequence(text: "Phường Hà Giang 2", method: .telex, position: .end) == "Phuwowngf Haf Giang 2")
    }
}
