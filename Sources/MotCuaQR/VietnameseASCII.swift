/// Folds Vietnamese text to plain ASCII by dropping its diacritics
/// ("Lệ phí hộ tịch" → "Le phi ho tich", "Đ" → "D"), for the bank memo of a
/// VietQR payment: banks often mangle non-ASCII memos. Works on NFC and NFD
/// input alike, with its own table (this module depends on nothing).
public enum VietnameseASCII {
    /// Base letter → every precomposed Vietnamese letter built on it.
    private static let families: [(base: Character, letters: String)] = [
        ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("A", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
        ("e", "èéẻẽẹêềếểễệ"), ("E", "ÈÉẺẼẸÊỀẾỂỄỆ"),
        ("i", "ìíỉĩị"), ("I", "ÌÍỈĨỊ"),
        ("o", "òóỏõọôồốổỗộơờớởỡợ"), ("O", "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
        ("u", "ùúủũụưừứửữự"), ("U", "ÙÚỦŨỤƯỪỨỬỮỰ"),
        ("y", "ỳýỷỹỵ"), ("Y", "ỲÝỶỸỴ"),
        ("d", "đ"), ("D", "Đ"),
        // Other Latin-1 letters a foreign name may bring.
        ("a", "äåâ"), ("A", "ÄÅ"), ("c", "ç"), ("C", "Ç"), ("e", "ë"), ("E", "Ë"),
        ("i", "îï"), ("I", "ÎÏ"), ("n", "ñ"), ("N", "Ñ"), ("o", "öø"), ("O", "ÖØ"),
        ("u", "ûü"), ("U", "ÛÜ"), ("y", "ÿ"),
    ]

    /// Typographic punctuation with a plain ASCII stand-in.
    private static let punctuation: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2026}": "...", "\u{00A0}": " ",
    ]

    private static let table: [Unicode.Scalar: Character] = {
        var table: [Unicode.Scalar: Character] = [:]
        for family in families {
            for scalar in family.letters.unicodeScalars { table[scalar] = family.base }
        }
        return table
    }()

    /// `text` with diacritics removed. Combining marks (NFD input) vanish,
    /// Vietnamese and Latin-1 letters become their base letter, typographic
    /// punctuation its ASCII stand-in, tabs and line breaks a space; other
    /// control characters and any other non-ASCII character are dropped.
    public static func fold(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if scalar.value >= 0x20 && scalar.value != 0x7F {
                    result.unicodeScalars.append(scalar)
                } else if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    result += " " // white space stays a word break
                }
            } else if let base = table[scalar] {
                result.append(base)
            } else if let stand = punctuation[scalar] {
                result += stand
            }
            // Combining diacritics (U+0300-U+036F) and everything else: dropped.
        }
        return result
    }

    /// Upper-case ASCII limited to `allowed` characters, spaces collapsed and
    /// trimmed: the form banks accept in a transfer memo.
    public static func memo(_ text: String, allowed: Set<Character> = memoCharacters) -> String {
        var result = ""
        var pendingSpace = false
        for character in fold(text).uppercased() {
            if character == " " || !allowed.contains(character) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// Letters, digits and the punctuation every bank memo field takes.
    public static let memoCharacters: Set<Character> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./:,")
}
