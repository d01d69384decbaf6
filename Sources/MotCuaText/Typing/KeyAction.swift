// What each key means in Telex and VNI. Keeping the key maps apart from the composer lets
// both methods share one implementation of the spelling rules.

/// What a key asks the word composer to do.
enum KeyAction: Sendable, Equatable {
    /// Append the key as a letter.
    case letter
    /// Set this tone on the word; `.level` removes the tone (Telex z, VNI 0).
    case tone(Tone)
    /// Put a roof on a vowel: Telex names the vowel (aa ee oo), VNI's 6 takes any of a e o.
    case roof(Character?)
    /// Hook or breve: Telex w (ư ơ ă, or ư alone), VNI 7 (ư ơ) and 8 (ă).
    case hook(HookKind)
    /// Cross the initial d (Telex dd, VNI 9).
    case stroke
}

enum HookKind: Sendable, Equatable {
    case telexW
    case hookOnly
    case breveOnly
}

extension InputMethod {
    /// The action of `key` under this method; nil when the key ends the word (a space,
    /// punctuation, a digit in Telex, a non-ASCII character).
    func action(for key: Character) -> KeyAction? {
        guard key.isASCII else { return nil }
        switch self {
        case .off:
            return nil
        case .telex:
            guard key.isLetter, let k = key.lowercased().first else { return nil }
            switch k {
            case "s": return .tone(.acute)
            case "f": return .tone(.grave)
            case "r": return .tone(.hook)
            case "x": return .tone(.tilde)
            case "j": return .tone(.dot)
            case "z": return .tone(.level)
            case "a", "e", "o": return .roof(k)
            case "w": return .hook(.telexW)
            case "d": return .stroke
            default: return .letter
            }
        case .vni:
            if key.isLetter { return .letter }
            switch key {
            case "1": return .tone(.acute)
            case "2": return .tone(.grave)
            case "3": return .tone(.hook)
            case "4": return .tone(.tilde)
            case "5": return .tone(.dot)
            case "0": return .tone(.level)
            case "6": return .roof(nil)
            case "7": return .hook(.hookOnly)
            case "8": return .hook(.breveOnly)
            case "9": return .stroke
            default: return nil
            }
        }
    }
}
