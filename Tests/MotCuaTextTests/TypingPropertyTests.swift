// Properties that must hold for any key sequence, checked over many pseudo-random ones:
// the edits the engine hands out, applied to a field, always leave the word it reports just
// before the caret, and nothing crashes or produces non-NFC text.
import Testing
@testable import MotCuaText

/// A small deterministic generator (SplitMix64), so failures can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct TypingPropertyTests {
    @Test(arguments: [InputMethod.telex, .vni], [TonePlacementStyle.traditional, .modern])
    func editsKeepFieldAndEngineInStep(method: InputMethod, style: TonePlacementStyle) {
        let alphabet = Array("aeiouyAEOUdDwWsfrxjzqgnhctpmk 0123456789'-\u{8}")
        var rng = SplitMix64(state: method == .telex ? 1 : 2)
        for _ in 0..<1500 {
            var engine = VietTypingEngine(method: method, style: style)
            var text = "Tên: "
            let length = Int.random(in: 1...14, using: &rng)
            var keys = ""
            for _ in 0..<length {
                let key = alphabet.randomElement(using: &rng)!
                keys.append(key)
                let edit = key == "\u{8}" ? engine.backspace() : engine.feed(key)
                #expect(edit.deleteCount >= 0)
                edit.apply(to: &text)
                #expect(text.hasPrefix("Tên") || key == "\u{8}", "\(keys)")
                #expect(text.hasSuffix(engine.currentWord), "\(keys): \(text) vs \(engine.currentWord)")
                #expect(text == VietText.nfc(text), "\(keys)")
            }
        }
    }

    @Test func applyNeverDeletesMoreThanThereIs() {
        var text = "ab"
        TypingEdit(deleteCount: 5, insert: "c").apply(to: &text)
        #expect(text == "c")
        #expect(TypingEdit.none.isEmpty)
    }
}
