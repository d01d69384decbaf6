// The shape of a Vietnamese syllable: initial consonant, vowel cluster, final consonant. Both
// the typing engine (is this a word a tone can go on? where does it go?) and the
// tone-placement normaliser ask these questions, so the answers live here once.

/// Where the parts of a syllable lie in a letter array.
struct SyllableParts: Sendable, Equatable {
    var initial: Range<Int>
    var vowels: Range<Int>
    var final: Range<Int>
}

enum Syllable {
    /// Vowel clusters that occur in Vietnamese, with their roofs and hooks and without tone.
    static let markedClusters: Set<String> = Set(
        ("a ă â e ê i o ô ơ u ư y "
            + "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
            + "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu")
            .split(separator: " ").map { VietText.nfc(String($0)) })

    /// The same clusters with roofs and hooks taken off: "ie" stands for iê while the user
    /// has yet to type the roof, so free marking can place a tone before the roof arrives.
    static let baseClusters: Set<String> = Set(markedClusters.map { VietText.fold($0) })

    /// Base clusters that may be followed by a final consonant (toán, tiếng, khuyến).
    static let clustersTakingFinal: Set<String> = [
        "a", "e", "i", "o", "u", "y", "ie", "ye", "uo", "ua", "oa", "oe", "oo", "uy", "ue", "uye",
    ]

    /// Final consonants (and, while typing, their prefixes: c of ch, n of ng and nh).
    static let finals: Set<String> = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// Finals after which only sắc and nặng are possible.
    static let stopFinals: Set<String> = ["c", "ch", "p", "t"]

    /// Splits `letters` into initial, vowel cluster and final. The initial may be any run
    /// of consonants (names of the Central Highlands begin with Kn, Ks, Ml...), with "qu"
    /// and "gi" taken as consonants when another vowel follows; the vowel cluster and the
    /// final must be Vietnamese. Nil when the letters cannot be one Vietnamese syllable.
    static func parse(_ letters: [Letter]) -> SyllableParts? {
        var i = 0
        while i < letters.count && !letters[i].isVowel { i += 1 }
        // "qu" and "gi": the u / i belongs to the consonant when a vowel follows it.
        if i == 1 && i + 1 < letters.count && letters[i + 1].isVowel && letters[i].mark == .none {
            let first = letters[0]
            if (first.base == "q" && letters[i].base == "u") || (first.base == "g" && letters[i].base == "i") {
                i += 1
            }
        }
        let initial = 0..<i
        var j = i
        while j < letters.count && letters[j].isVowel { j += 1 }
        let vowels = i..<j
        let final = j..<letters.count
        if vowels.isEmpty {
            return final.isEmpty ? SyllableParts(initial: initial, vowels: vowels, final: final) : nil
        }
        let base = String(letters[vowels].map(\.base))
        guard baseClusters.contains(base) else { return nil }
        if !final.isEmpty {
            let finalText = String(letters[final].map(\.base))
            guard letters[final].allSatisfy({ !$0.isVowel && $0.mark == .none }),
                  finals.contains(finalText), clustersTakingFinal.contains(base) else { return nil }
        }
        return SyllableParts(initial: initial, vowels: vowels, final: final)
    }

    /// The cluster's letters with marks, lower case, no tone ("ươ").
    static func markedCluster(_ letters: [Letter], _ parts: SyllableParts) -> String {
        String(letters[parts.vowels].map(\.plainLower))
    }

    /// The final consonant, lower case ("ng"), empty when there is none.
    static func finalText(_ letters: [Letter], _ parts: SyllableParts) -> String {
        String(letters[parts.final].map(\.base))
    }

    /// The index of the letter that carries the tone, by the rules of the note:
    /// one vowel takes it; a vowel with a roof, hook or breve takes it (ươ: the ơ);
    /// three vowels: the middle one (uyê: the ê); two vowels and a final: the second; two vowels at the
    /// end: the first, except oa, oe, uy in the modern style. Nil when there is no vowel.
    static func toneIndex(_ letters: [Letter], _ parts: SyllableParts, style: TonePlacementStyle) -> Int? {
        let v = parts.vowels
        guard !v.isEmpty else { return nil }
        if v.count == 1 { return v.lowerBound }
        for k in v.dropLast() where letters[k].base == "u" && letters[k].mark == .hook
            && letters[k + 1].base == "o" && letters[k + 1].mark == .hook {
            return k + 1
        }
        if let marked = v.first(where: { [.roof, .hook, .breve].contains(letters[$0].mark) }) {
            return marked
        }
        if v.count >= 3 {
            // uye is uyê waiting for its roof: the tone already goes where the roof will be.
            let base = String(letters[v].map(\.base))
            return base == "uye" ? v.lowerBound + 2 : v.lowerBound + 1
        }
        if style == .modern {
            let pair = String(letters[v].map(\.base))
            if pair == "oa" || pair == "oe" || pair == "uy" { return v.lowerBound + 1 }
        }
        return parts.final.isEmpty ? v.lowerBound : v.lowerBound + 1
    }
}
