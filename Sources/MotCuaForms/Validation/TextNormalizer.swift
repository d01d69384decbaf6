import MotCuaText

/// Trims, collapses white space (single-line answers) and brings text to NFC
/// in one pass over the scalars, calling Foundation's normaliser only when a
/// scalar could need it. Validation runs on every answer of every dossier, and
/// Foundation's trimming and normalisation cost microseconds each on Linux.
enum TextNormalizer {
    static func normalize(_ s: String, multiline: Bool) -> String {
        if isClean(s) { return s }
        return rebuild(s, multiline: multiline)
    }

    /// True when `s` needs nothing: no edge or doubled white space, no control
    /// white space, and only scalars that are NFC whatever follows them.
    private static func isClean(_ s: String) -> Bool {
        var previousSpace = true
        var sawE1 = false
        for b in s.utf8 {
            if b == 0x20 { if previousSpace { return false }; previousSpace = true; continue }
            if b < 0x20 { return false }
            previousSpace = false
            // Lead bytes of U+0080–U+02FF (C2–CB) and continuation bytes are NFC-stable;
            // E1 leads U+1000–U+1FFF, checked below; any other lead takes the careful path.
            if b >= 0x80 && !(b <= 0xBF || (b >= 0xC2 && b <= 0xCB)) {
                if b == 0xE1 { sawE1 = true } else { return false }
            }
        }
        if previousSpace && !s.isEmpty { return false }
        if sawE1 {
            for u in s.unicodeScalars where u.value >= 0x1000 && u.value < 0x2000 && !(u.value >= 0x1E00 && u.value <= 0x1EFF) { return false }
        }
        return true
    }

    private static func rebuild(_ s: String, multiline: Bool) -> String {
        var changed = false
        var mayNeedNFC = false
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var sawContent = false
        for u in s.unicodeScalars {
            let v = u.value
            let space: Bool
            if v < 0x80 { space = v == 0x20 || (v >= 0x09 && v <= 0x0D) } else { space = u.properties.isWhitespace }
            if space {
                if !sawContent { changed = true; continue }
                if multiline && v != 0x20 && v != 0x09 {
                    // Keep line breaks in multi-line answers.
                    if pendingSpace { pendingSpace = false }
                    out.append(u)
                    continue
                }
                if pendingSpace || v != 0x20 { changed = true }
                pendingSpace = true
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            sawContent = true
            if !(v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2000 && v <= 0x20CF)) { mayNeedNFC = true }
            out.append(u)
        }
        if pendingSpace { changed = true }
        var result = changed ? String(out) : s
        if multiline { result = trimLines(result) }
        return mayNeedNFC ? VietText.nfc(result) : result
    }

    private static func trimLines(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Grapheme clusters of NFC text, without the grapheme-break machinery
    /// when no scalar can join its neighbour (ASCII, Latin with precomposed
    /// Vietnamese letters): then clusters are scalars (CR LF aside).
    static func graphemeCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars {
            let v = u.value
            guard (v >= 0x20 && v < 0x300) || (v >= 0x1E00 && v <= 0x1EFF) else { return s.count }
            n += 1
        }
        return n
    }

    /// Whether `s` is a valid person's name: letters of any script with their
    /// marks, spaces, apostrophes and hyphens, at least one letter, and no mark
    /// standing alone. A scalar walk with an ASCII fast path; same verdict as
    /// `VietText.isValidName` on NFC text.
    static func isValidName(_ s: String) -> Bool {
        var sawLetter = false
        var previousIsLetterOrMark = false
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { sawLetter = true; previousIsLetterOrMark = true; continue }
                if v == 0x20 || v == 0x27 || v == 0x2D { previousIsLetterOrMark = false; continue }
                return false
            }
            if v == 0x2019 || v == 0x2010 { previousIsLetterOrMark = false; continue }
            if v == 0x200C || v == 0x200D { if !previousIsLetterOrMark { return false }; continue }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                sawLetter = true; previousIsLetterOrMark = true
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !previousIsLetterOrMark { return false }
            default: return false
            }
        }
        return sawLetter
    }
}
