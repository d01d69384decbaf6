// The letters of a Vietnamese word as the typing engine and the tone-placement normaliser see
// them: a base letter, the one mark it may carry (roof, hook, breve or the stroke of đ) and its
// case. The tone is not a property of a letter but of the whole word (free marking places it
// by rule), so it is kept apart and drawn on one letter when the word is rendered.

/// One of the six Vietnamese tones, in the order the composition table below uses.
enum Tone: Int, Sendable, CaseIterable {
    case level = 0  // ngang (no mark)
    case grave      // huyền
    case acute      // sắc
    case hook       // hỏi
    case tilde      // ngã
    case dot        // nặng
}

/// The mark a letter carries besides the tone.
enum LetterMark: Sendable, Equatable {
    case none
    case roof   // â ê ô
    case hook   // ơ ư
    case breve  // ă
    case stroke // đ
}

/// One letter of the word being composed or normalised.
struct Letter: Sendable, Equatable {
    /// The lower-case ASCII base letter ("a" for ấ, "d" for Đ).
    var base: Character
    var mark: LetterMark = .none
    var isUpper: Bool = false
    /// True for an ư made by a lone Telex "w": undoing it gives back the letter w itself.
    var fromLoneW: Bool = false

    var isVowel: Bool { Letter.vowelBases.contains(base) }

    static let vowelBases: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// A plain ASCII letter, keeping its case.
    init?(ascii c: Character) {
        guard c.isASCII, c.isLetter, let lower = c.lowercased().first else { return nil }
        base = lower
        isUpper = c.isUppercase
    }

    init(base: Character, mark: LetterMark = .none, isUpper: Bool = false, fromLoneW: Bool = false) {
        self.base = base
        self.mark = mark
        self.isUpper = isUpper
        self.fromLoneW = fromLoneW
    }

    /// The letter with its mark and `tone`, as one precomposed character.
    func rendered(tone: Tone = .level) -> Character {
        if let row = LetterTable.row(base: base, mark: mark) {
            let index = row * 6 + tone.rawValue
            return isUpper ? LetterTable.upper[index] : LetterTable.lower[index]
        }
        if base == "d" && mark == .stroke { return isUpper ? "Đ" : "đ" }
        return isUpper ? Character(base.uppercased()) : base
    }

    /// The lower-case letter with its mark and no tone, for comparing vowel clusters.
    var plainLower: Character {
        var copy = self
        copy.isUpper = false
        return copy.rendered()
    }

    /// Reads one NFC character as a letter and its tone; nil for anything that is not an
    /// ASCII letter or a Vietnamese letter.
    static func parse(_ c: Character) -> (letter: Letter, tone: Tone)? {
        if let letter = Letter(ascii: c) { return (letter, .level) }
        return LetterTable.parsed[c]
    }
}

/// Composition tables for the twelve Vietnamese vowels with each of the six tones.
enum LetterTable {
    /// Rows: a ă â e ê i o ô ơ u ư y; columns: the tones in `Tone` order.
    static let lowerRows = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]
    /// Base letter and mark of each row.
    static let rowKeys: [(Character, LetterMark)] = [
        ("a", .none), ("a", .breve), ("a", .roof), ("e", .none), ("e", .roof), ("i", .none),
        ("o", .none), ("o", .roof), ("o", .hook), ("u", .none), ("u", .hook), ("y", .none),
    ]

    // The source file is NFC, but normalise anyway so a stray edit cannot break the tables.
    static let lower: [Character] = lowerRows.flatMap { Array(VietText.nfc($0)) }
    static let upper: [Character] = lower.map { Character(VietText.nfc(String($0).uppercased())) }

    /// Every toned or marked letter (both cases, plus đ Đ) mapped back to letter and tone.
    static let parsed: [Character: (letter: Letter, tone: Tone)] = {
        var table: [Character: (letter: Letter, tone: Tone)] = [:]
        for (row, key) in rowKeys.enumerated() {
            for tone in Tone.allCases {
                let index = row * 6 + tone.rawValue
                table[lower[index]] = (Letter(base: key.0, mark: key.1), tone)
                table[upper[index]] = (Letter(base: key.0, mark: key.1, isUpper: true), tone)
            }
        }
        table["đ"] = (Letter(base: "d", mark: .stroke), .level)
        table["Đ"] = (Letter(base: "d", mark: .stroke, isUpper: true), .level)
        return table
    }()

    static func row(base: Character, mark: LetterMark) -> Int? {
        switch (base, mark) {
        case ("a", .none): return 0
        case ("a", .breve): return 1
        case ("a", .roof): return 2
        case ("e", .none): return 3
        case ("e", .roof): return 4
        case ("i", .none): return 5
        case ("o", .none): return 6
        case ("o", .roof): return 7
        case ("o", .hook): return 8
        case ("u", .none): return 9
        case ("u", .hook): return 10
        case ("y", .none): return 11
        default: return nil
        }
    }
}
