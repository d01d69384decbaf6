// Case mapping for Vietnamese names and addresses. Swift's String case mapping follows
// Unicode's locale-independent rules, which are right for Vietnamese (đ ↔ Đ, ệ ↔ Ệ);
// what Vietnamese needs on top is per-word title case for names typed in any case.

extension VietText {
    /// Upper case of `s`, in NFC: "Nguyễn Văn đức" → "NGUYỄN VĂN ĐỨC".
    public static func upper(_ s: String) -> String {
        if isASCII(s) { return s.uppercased() }
        return nfc(nfc(s).uppercased())
    }

    /// Lower case of `s`, in NFC: "ĐỖ THỊ" → "đỗ thị".
    public static func lower(_ s: String) -> String {
        if isASCII(s) { return s.lowercased() }
        return nfc(nfc(s).lowercased())
    }

    /// Per-word title case, in NFC: the first letter of each word upper case, the rest
    /// lower case. A word starts after white space, a hyphen or an apostrophe, so
    /// "ĐỖ THỊ hồng" → "Đỗ Thị Hồng", "h'mông" → "H'Mông", "nguyễn-văn" → "Nguyễn-Văn".
    /// Characters that are not letters (digits, punctuation) are kept as they are.
    public static func title(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var atWordStart = true
        for character in nfc(s) {
            guard let first = character.unicodeScalars.first else { continue }
            if first.properties.isAlphabetic {
                if atWordStart {
                    // Title case of the base scalar (ǆ → ǅ, not Ǆ), its marks unchanged.
                    out += first.properties.titlecaseMapping
                    for mark in character.unicodeScalars.dropFirst() { out.unicodeScalars.append(mark) }
                } else {
                    out += character.lowercased()
                }
                atWordStart = false
            } else {
                out.append(character)
                atWordStart = first.properties.isWhitespace || isWordJoiner(first)
            }
        }
        return nfc(out)
    }

    /// Hyphens and apostrophes join two capitalised parts of a name.
    private static func isWordJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x27, 0x2019: return true
        default: return false
        }
    }
}
