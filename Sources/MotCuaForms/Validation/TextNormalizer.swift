import MotCuaText

/// Trims, collapses white space (single-line answers) and brings text to NFC
/// in one pass over the scalars, calling Foundation's normaliser only when a
/// scalar could need it. Validation runs on every answer of every dossier, and
/// Foundation's trimming and normalisation cost microseconds each on Linux.
///
/// Text that is not clean goes through the one text gate first (`TextGate`:
/// controls, bidi overrides, runs of marks, length), so what is refused is
/// refused with its reason and normalising stays linear in the text's size.
enum TextNormalizer {
    static func normalize(_ s: String, multiline: Bool) throws(TextRefusal) -> String {
        var unchanged = true
        return try normalize(s, multiline: multiline, unchanged: &unchanged)
    }

    /// The same, telling whether the result is `s` itself. `s` is consumed:
    /// clean text (most answers) comes back without a copy.
    @inline(__always)
    static func normalize(_ s: consuming String, multiline: Bool, unchanged: inout Bool) throws(TextRefusal) -> String {
        if isClean(s, multiline: multiline) { unchanged = true; return s }
        if let refusal = TextGate.check(s, multiline: multiline) { throw refusal }
        let rebuilt = rebuild(s, multiline: multiline)
        // Bytes, not `==` (canonical equivalence, which calls NFD text equal to its NFC).
        unchanged = rebuilt.utf8.elementsEqual(s.utf8)
        return rebuilt
    }

    /// True when `s` needs nothing: no edge or doubled space, no other white
    /// space (tabs, no-break spaces), no controls (C0, DEL, C1), no more bytes
    /// than the gate lets a field hold, and only scalars that are NFC whatever
    /// follows them.
    static func isClean(_ s: String, multiline: Bool = false) -> Bool {
        return s.withUTF8Bytes { b in
            guard let base = b.baseAddress, !b.isEmpty else { return true }
            // Bytes bound characters: within the limit in bytes is within it in characters.
            if b.count > (multiline ? TextGate.maxMultiLine : TextGate.maxSingleLine) { return false }
            if b[0] == 0x20 || b[b.count - 1] == 0x20 { return false }
            var i = 0
            var previousSpace = false
            // Eight bytes at a time while they are ASCII (most answers are):
            // no control byte, no two spaces side by side.
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= b.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & high != 0 { break }
                if (w &- 0x20 &* ones) & ~w & high != 0 { return false }  // a byte below 0x20
                let del = w ^ (0x7F &* ones)  // DEL becomes a zero byte
                if (del &- ones) & ~del & high != 0 { return false }
                let x = w ^ (0x20 &* ones)  // spaces become zero bytes
                let spaces = ~(((x & ~high) &+ ~high) | x | ~high)  // 0x80 in each zero byte, exactly
                if spaces & (spaces << 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
                previousSpace = spaces >> 63 != 0
                i += 8
            }
            // The rest a byte at a time. Printable ASCII and continuation
            // bytes (0x21–0xBF) are most of them and take one comparison; the
            // leads of U+00C0–U+02FF (C3–CB) are NFC whatever follows.
            while i < b.count {
                let c = b[i]
                i += 1
                if c &- 0x21 < 0x9F && c != 0x7F { previousSpace = false; continue }
                switch c {
                case 0x20:
                    if previousSpace { return false }
                    previousSpace = true
                case 0xC3...0xCB: previousSpace = false
                case 0xC2:  // U+0080–U+00BF: C1 controls up to U+009F, and U+00A0 is white space
                    if i < b.count && (b[i] <= 0x9F || b[i] == 0xA0) { return false }
                    previousSpace = false
                case 0xE1:  // only U+1E00–U+1EFF (E1 B8–BB, Vietnamese letters) are NFC-stable,
                    // but for ṍ and ṹ (E1 B9 8C/8D/B8/B9), which hold two tones.
                    guard i < b.count, b[i] >= 0xB8 && b[i] <= 0xBB else { return false }
                    if b[i] == 0xB9, i + 1 < b.count, b[i + 1] == 0x8C || b[i + 1] == 0x8D || b[i + 1] == 0xB8 || b[i + 1] == 0xB9 { return false }
                    previousSpace = false
                default: return false  // controls, and leads whose scalars may need normalising
                }
            }
            return true
        }
    }

    /// White space collapsed (line breaks kept in multi-line text), the ends
    /// trimmed, then the normal form. A walk over the UTF-8 bytes into a byte
    /// buffer: appending scalar by scalar to a String was most of the time of
    /// validating a long answer (perf, motcua-bench hostile).
    private static func rebuild(_ s: String, multiline: Bool) -> String {
        var changed = false
        var mayNeedNFC = false
        var out: [UInt8] = []
        var pendingSpace = false
        var sawContent = false
        var contentEnd = 0  // bytes of `out` up to its last scalar that is not white space
        s.withUTF8Bytes { b in
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let c = b[i]
                let v: UInt32, n: Int
                if c < 0x80 { v = UInt32(c); n = 1 }
                else if c < 0xE0 { v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); n = 2 }
                else if c < 0xF0 { v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); n = 3 }
                else { v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); n = 4 }
                defer { i += n }
                if isWhitespace(v) {
                    if !sawContent { changed = true; continue }
                    if multiline && v != 0x20 && v != 0x09 {
                        // Keep line breaks in multi-line answers.
                        if pendingSpace { pendingSpace = false; changed = true }
                        for k in i..<(i + n) { out.append(b[k]) }
                        continue
                    }
                    if pendingSpace || v != 0x20 { changed = true }
                    pendingSpace = true
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                sawContent = true
                if !(v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF && !TextGate.isTwoToneLetter(v)) || (v >= 0x2000 && v <= 0x20CF)) { mayNeedNFC = true }
                for k in i..<(i + n) { out.append(b[k]) }
                contentEnd = out.count
            }
        }
        if pendingSpace || contentEnd < out.count { changed = true }
        out.removeSubrange(contentEnd...)  // white space at the end, line breaks too
        let result = changed ? String(decoding: out, as: UTF8.self) : s
        // NFC with doubled tones reduced: after the white space, so that what is
        // stored is its own normal form (finding K3).
        return mayNeedNFC ? TextGate.normalForm(result) : result
    }

    /// Unicode's White_Space, looking up the property only for the few ranges that hold it.
    @inline(__always)
    private static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        guard v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x205F) || v == 0x3000 else { return false }
        return Unicode.Scalar(v)?.properties.isWhitespace ?? false
    }

    /// Grapheme clusters of NFC text, without the grapheme-break machinery
    /// when no scalar can join its neighbour (ASCII, Latin with precomposed
    /// Vietnamese letters): then clusters are scalars (CR LF aside).
    static func graphemeCount(_ s: String) -> Int {
        let simple: Int? = s.withUTF8Bytes { b in
            var n = 0
            var i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0x20 && c < 0x80 { n += 1; i += 1 }  // U+0020–U+007F
                else if c >= 0xC2 && c <= 0xCB { n += 1; i += 2 }  // U+0080–U+02FF
                else if c == 0xE1, i + 1 < b.count, b[i + 1] >= 0xB8 && b[i + 1] <= 0xBB { n += 1; i += 3 }  // U+1E00–U+1EFF
                else { return nil }
            }
            return n
        }
        return simple ?? s.count
    }

    /// Whether `s` is a valid person's name: `VietText.isValidName`'s verdict,
    /// the one definition (grapheme clusters decide which mark belongs to
    /// which letter). Most names hold only scalars below U+0370 and
    /// Vietnamese letters, where a cluster is one scalar and the marks of
    /// U+0300–U+036F after it; those are judged here in one byte walk. Any
    /// other scalar (another script, a mark outside that block, a joiner)
    /// hands the name to VietText: Unicode attaches some marks to nothing
    /// (U+102C after "c" is a cluster of its own) and some letters to the
    /// scalar before them (U+0E33) or after them (U+0D4E), which a scalar
    /// walk cannot see (finding K2 of the fuzz-text target).
    static func isValidName(_ s: String) -> Bool {
        // Decoded from the bytes in place: iterating `unicodeScalars` holds a
        // copy of the string (a retain and a release per name), and the
        // standard decoder costs twice the instructions of this one, which
        // can trust the bytes (a String's UTF-8 is always well formed).
        let simple: Bool? = s.withUTF8Bytes { b in
            var sawLetter = false
            var previousIsLetterOrMark = false
            var i = 0
            while i < b.count {
                let c = UInt32(b[i])
                let v: UInt32
                if c < 0x80 { v = c; i += 1 }
                else if c < 0xE0 { v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
                else if c < 0xF0 { v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3 }
                else { v = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4 }
                guard let u = Unicode.Scalar(v) else { return false }
                switch accepts(u, sawLetter: &sawLetter, previousIsLetterOrMark: &previousIsLetterOrMark) {
                case true?: continue
                case false?: return false
                case nil: return nil
                }
            }
            return sawLetter
        }
        return simple ?? VietText.isValidName(s)
    }

    /// One scalar of a name, given what came before it; nil when the scalar
    /// is outside the range judged here (see `isValidName`).
    @inline(__always)
    private static func accepts(_ u: Unicode.Scalar, sawLetter: inout Bool, previousIsLetterOrMark: inout Bool) -> Bool? {
        let v = u.value
        if v < 0x80 {
            if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { sawLetter = true; previousIsLetterOrMark = true; return true }
            if v == 0x20 || v == 0x27 || v == 0x2D { previousIsLetterOrMark = false; return true }
            return false
        }
        if v == 0x2019 || v == 0x2010 { previousIsLetterOrMark = false; return true }
        if isVietnameseLetter(v) || (v >= 0x1E00 && v <= 0x1EFF) { sawLetter = true; previousIsLetterOrMark = true; return true }
        // Below U+0370 no scalar joins another in a grapheme cluster but the
        // marks of U+0300–U+036F (Grapheme_Cluster_Break=Extend) and CR LF.
        if v >= 0x370 { return nil }
        if v >= 0x300 { return previousIsLetterOrMark }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            sawLetter = true; previousIsLetterOrMark = true
            return true
        default: return false
        }
    }

    /// Letters of Vietnamese (and the rest of Latin-1 and Latin Extended-A),
    /// known without asking Unicode's tables: almost every name has them.
    static func isVietnameseLetter(_ v: UInt32) -> Bool {
        (v >= 0xC0 && v <= 0x17F && v != 0xD7 && v != 0xF7) || v == 0x1A0 || v == 0x1A1 || v == 0x1AF || v == 0x1B0
            || (v >= 0x1EA0 && v <= 0x1EF9)
    }
}
