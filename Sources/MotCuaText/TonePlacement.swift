// Two spellings of the same name are common on real papers: "Hòa" (traditional placement,
// tone on the first vowel of a final oa) and "Hoà" (modern placement, on the second), and
// likewise thủy/thuỷ, khỏe/khoẻ. Names are compared after putting every tone where one
// chosen style says it goes.

/// Where the tone mark goes in the open syllables oa, oe and uy.
public enum TonePlacementStyle: String, Sendable, CaseIterable {
    /// hòa, khỏe, thủy: the tone on the first vowel (the default).
    case traditional
    /// hoà, khoẻ, thuỷ: the tone on the second vowel.
    case modern
}

extension VietText {
    /// Moves each word's tone mark to where `style` places it, keeping letters and case:
    /// "Thanh Thủy" with `.modern` → "Thanh Thuỷ", "Xã Thuận Hoà" with `.traditional` →
    /// "Xã Thuận Hòa". Also corrects marks set on the consonant part of "qu" and "gi"
    /// ("qúy" → "quý"). Words that are not one Vietnamese syllable, or carry more than one
    /// tone, are left as they are. The result is NFC.
    public static func normalizeTonePlacement(_ s: String, style: TonePlacementStyle) -> String {
        if isASCII(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var word: [Character] = []
        for c in nfc(s) {
            if isWordLetter(c) {
                word.append(c)
            } else {
                out += placeTone(in: word, style: style)
                word.removeAll(keepingCapacity: true)
                out.append(c)
            }
        }
        out += placeTone(in: word, style: style)
        return out
    }

    /// True when `a` and `b` are the same name as people write it: compared after NFC,
    /// case folding, collapsing white space, treating ’ as ', and normalising tone
    /// placement, so "Nguyễn Thị Hòa" ≡ "NGUYỄN THỊ HOÀ" ≡ "nguyễn  thị hoà".
    /// Diacritics still matter: "Hòa" and "Hoa" are different names.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        nameKey(a) == nameKey(b)
    }

    /// The comparison key of ``sameName(_:_:)``.
    static func nameKey(_ s: String) -> String {
        let lowered = lower(collapseWhitespace(s)).replacingApostrophes()
        return normalizeTonePlacement(lowered, style: .traditional)
    }

    /// A character that belongs to a word for tone placement: a letter or combining mark.
    private static func isWordLetter(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return isLetter(first)
    }

    /// Re-places the tone of one word; returns the word unchanged when it is not a single
    /// Vietnamese syllable with exactly one tone.
    private static func placeTone(in word: [Character], style: TonePlacementStyle) -> String {
        if word.isEmpty { return "" }
        var letters: [Letter] = []
        letters.reserveCapacity(word.count)
        var tone = Tone.level
        for c in word {
            guard let (letter, t) = Letter.parse(c) else { return String(word) }
            if t != .level {
                if tone != .level { return String(word) }
                tone = t
            }
            letters.append(letter)
        }
        guard tone != .level, let parts = Syllable.parse(letters),
              let target = Syllable.toneIndex(letters, parts, style: style) else { return String(word) }
        var out = ""
        for (i, letter) in letters.enumerated() {
            out.append(letter.rendered(tone: i == target ? tone : .level))
        }
        return out
    }
}

extension String {
    /// The typographic apostrophe ’ replaced by the ASCII one, for comparing names.
    fileprivate func replacingApostrophes() -> String {
        var scalars = String.UnicodeScalarView()
        for u in unicodeScalars { scalars.append(u == "\u{2019}" ? "'" : u) }
        return String(scalars)
    }
}
