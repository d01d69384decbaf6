// What a person's name may contain. Names come from every ethnic group of Viet Nam and from
// foreigners, so any script's letters are allowed; digits, punctuation other than the
// apostrophe and hyphen, symbols and controls are not.

extension VietText {
    /// True when `c` may appear in a person's name: a letter of any script with its
    /// combining marks (one grapheme cluster), a space, an apostrophe (' or ’) or a hyphen (- or ‐).
    public static func isNameCharacter(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return false }
        switch first.value {
        case 0x20, 0x27, 0x2019, 0x2D, 0x2010:
            return scalars.count == 1
        default:
            break
        }
        guard isLetter(first) else { return false }
        // The rest of the cluster: marks, or letters that join the first one (Hangul jamo
        // in NFD, Indic conjuncts), or the joiners ZWJ/ZWNJ.
        return scalars.dropFirst().allSatisfy { isMark($0) || isLetter($0) || $0.value == 0x200C || $0.value == 0x200D }
    }

    /// True when every character of `s` is a name character and at least one is a letter.
    public static func isValidName(_ s: String) -> Bool {
        var sawLetter = false
        for c in s {
            guard isNameCharacter(c) else { return false }
            if let first = c.unicodeScalars.first, isLetter(first) { sawLetter = true }
        }
        return sawLetter
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
