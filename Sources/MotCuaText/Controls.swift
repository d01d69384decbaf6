// Neutralising control characters. Stored text (names, addresses, pasted notes) is drawn on
// a terminal; an ESC or a C1 CSI inside it could move the cursor, recolour the screen or
// worse, and bidi overrides can make text read differently from what is stored. Before any
// such text reaches a terminal it goes through this function.

extension VietText {
    /// Replaces everything a terminal could interpret with a visible placeholder:
    /// C0 controls and DEL become caret notation (ESC → "^[", NUL → "^@", DEL → "^?"),
    /// C1 controls (U+0080–U+009F), bidi embedding, override and isolate controls
    /// (U+202A–U+202E, U+2066–U+2069), the line and paragraph separators
    /// (U+2028, U+2029) become U+FFFD. With `allowNewlines`, "\n" is kept (for multi-line
    /// notes drawn by code that handles line breaks itself).
    public static func neutralizeControls(_ s: String, allowNewlines: Bool = false) -> String {
        if !s.unicodeScalars.contains(where: { needsNeutralizing($0, allowNewlines: allowNewlines) }) {
            return s
        }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard needsNeutralizing(scalar, allowNewlines: allowNewlines) else {
                out.append(scalar)
                continue
            }
            if v < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out.append("^")
                out.append("?")
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func needsNeutralizing(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
        let v = scalar.value
        if v < 0x20 { return !(allowNewlines && v == 0x0A) }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        switch v {
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension VietText {
    /// A scalar's code point as people write it: "U+001B", "U+0301", "U+1F600".
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `s` for an error message about bad input: every character `neutralizeControls`
    /// would replace is written as an escape instead ("\u001B", "\u009B", "\u202E"), so
    /// the message shows what the file held and the terminal receives none of it.
    public static func escapingControls(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: { needsNeutralizing($0, allowNewlines: false) }) { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if needsNeutralizing(scalar, allowNewlines: false) {
                out += "\\u" + codePoint(scalar).dropFirst(2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
