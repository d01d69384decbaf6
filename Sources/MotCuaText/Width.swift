// Terminal column width. The kiosk positions the cursor and pads columns by these numbers,
// so they must not depend on the C library or the process locale (which differ between a
// developer's machine and the kiosk). The tables in WidthTables.swift come from Unicode.

extension VietText {
    /// The number of terminal columns `s` occupies.
    ///
    /// Each grapheme cluster takes the widest of its scalars: 0 for combining marks,
    /// format and zero-width characters, 2 for East Asian Wide and Fullwidth characters
    /// and emoji (a cluster holding U+FE0F, the emoji presentation selector, is 2), 1
    /// otherwise. NFC and NFD spellings of the same text have the same width. Control
    /// characters count 0: pass untrusted text through ``neutralizeControls(_:allowNewlines:)``
    /// before drawing it.
    public static func displayWidth(_ s: String) -> Int {
        if isASCII(s) {
            var width = 0
            for byte in s.utf8 where byte >= 0x20 && byte != 0x7F { width += 1 }
            return width
        }
        var total = 0
        for character in s {
            total += displayWidth(character)
        }
        return total
    }

    /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2).
    public static func displayWidth(_ c: Character) -> Int {
        var widest = 0
        for scalar in c.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            let w = scalarWidth(scalar)
            if w > widest { widest = w }
        }
        return widest
    }

    /// The width of a single scalar, ignoring its neighbours.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 {
            // Latin, including all of Vietnamese's base letters: only controls differ.
            return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1
        }
        if WidthTables.contains(WidthTables.zeroWidth, v) { return 0 }
        if WidthTables.contains(WidthTables.wide, v) { return 2 }
        return 1
    }
}

/// Range tables for ``VietText/displayWidth(_:)``; the data is generated into
/// WidthTables.swift.
enum WidthTables {
    /// Binary search of `v` in a flat table of inclusive (first, last) pairs.
    static func contains(_ table: [UInt32], _ v: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        if high < 0 || v < table[0] || v > table[table.count - 1] { return false }
        while low <= high {
            let mid = (low + high) / 2
            if v < table[2 * mid] {
                high = mid - 1
            } else if v > table[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
