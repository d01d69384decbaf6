// Turns Vietnamese text into the keys a person types for it in Telex or VNI. Written from
// Unicode decompositions, not from the engine's tables, so that the typing tests compare
// the engine against an independent spelling of each word.
import Foundation
@testable import MotCuaText

/// Where the tone key goes in the typed sequence.
enum ToneKeyPosition: CaseIterable, Sendable {
    /// After the last letter of the word (free marking): "vieetj".
    case end
    /// Right after the vowel that carries the tone: "vieejt".
    case afterTonedVowel
    /// Right after the first vowel of the word, before the rest: "vijeet".
    case afterFirstVowel
}

/// One letter of a word, read from its canonical decomposition.
private struct SpelledLetter {
    var base: Character          // as written, with its case
    var modifierKeys: (telex: String, vni: String)
    var tone: Character?         // the combining tone mark, if any
    var isVowel: Bool
}

private func spell(_ word: String) -> [SpelledLetter] {
    var letters: [SpelledLetter] = []
    for c in word {
        let scalars = Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars)
        var base = Character(scalars[0])
        var telex = "", vni = ""
        var tone: Character?
        if base == "đ" || base == "Đ" {
            base = base == "đ" ? "d" : "D"
            telex = "d"; vni = "9"
        }
        for mark in scalars.dropFirst() {
            switch mark.value {
            case 0x302: telex += base.lowercased(); vni += "6"   // circumflex: â ê ô
            case 0x306: telex += "w"; vni += "8"                 // breve: ă
            case 0x31B: telex += "w"; vni += "7"                 // horn: ơ ư
            default: tone = Character(mark)
            }
        }
        let isVowel = "aeiouyAEIOUY".contains(base)
        letters.append(SpelledLetter(base: base, modifierKeys: (telex, vni), tone: tone, isVowel: isVowel))
    }
    return letters
}

private func toneKey(_ mark: Character, method: InputMethod) -> String {
    let telex: [Character: String] = ["\u{301}": "s", "\u{300}": "f", "\u{309}": "r", "\u{303}": "x", "\u{323}": "j"]
    let vni: [Character: String] = ["\u{301}": "1", "\u{300}": "2", "\u{309}": "3", "\u{303}": "4", "\u{323}": "5"]
    return (method == .vni ? vni : telex)[mark] ?? "?"
}

/// The keys for one word (letters only) in `method`, with the tone key at `position`.
func keySequence(word: String, method: InputMethod, position: ToneKeyPosition) -> String {
    let letters = spell(word)
    guard let tonedIndex = letters.firstIndex(where: { $0.tone != nil }), let mark = letters[tonedIndex].tone else {
        return letters.map { String($0.base) + (method == .vni ? $0.modifierKeys.vni : $0.modifierKeys.telex) }.joined()
    }
    let key = toneKey(mark, method: method)
    let firstVowel = letters.firstIndex(where: \.isVowel) ?? tonedIndex
    var out = ""
    for (i, letter) in letters.enumerated() {
        out.append(letter.base)
        out += method == .vni ? letter.modifierKeys.vni : letter.modifierKeys.telex
        if (position == .afterTonedVowel && i == tonedIndex) || (position == .afterFirstVowel && i == firstVowel) {
            out += key
        }
    }
    if position == .end { out += key }
    return out
}

/// The keys for a text of several words separated by spaces and punctuation.
func keySequence(text: String, method: InputMethod, position: ToneKeyPosition) -> String {
    var out = "", word = ""
    for c in VietText.nfc(text) {
        if c.isLetter {
            word.append(c)
        } else {
            out += keySequence(word: word, method: method, position: position)
            word = ""
            out.append(c)
        }
    }
    return out + keySequence(word: word, method: method, position: position)
}

/// True when `text` puts the tone of a final oa, oe or uy on the second vowel (hoà, thuỷ),
/// read from the decomposition, independently of the library's placement rule.
func usesModernPlacement(_ text: String) -> Bool {
    for word in VietText.nfc(text).split(whereSeparator: { !$0.isLetter }) {
        let letters = spell(String(word).lowercased())
        guard letters.count >= 2 else { continue }
        let last = letters[letters.count - 1], previous = letters[letters.count - 2]
        let pair = String([previous.base, last.base])
        if ["oa", "oe", "uy"].contains(pair) && last.tone != nil
            && !(letters.count >= 3 && letters[letters.count - 3].base == "q") { return true }
    }
    return false
}
