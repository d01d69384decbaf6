/// Renders a code as text for terminals: Unicode half blocks (two module rows
/// per character cell) for the kiosk screen, and an ASCII fallback for plain
/// mode. Pure: returns lines, the caller paints them.
///
/// In the half-block lines the *ink* (the glyph's foreground) stands for
/// dark modules: `█` both dark, `▀` top dark, `▄` bottom dark, space both
/// light. Paint them dark-on-light (black foreground on a white background,
/// spaces included) whatever the terminal's theme: a scanner needs dark
/// modules on a light quiet zone.
public enum QRTextRenderer {
    /// Quiet zone the standard asks for around a symbol, in modules.
    public static let standardQuietZone = 4

    /// The code as half-block lines, `size + 2 × quietZone` columns wide and
    /// half as many lines tall (rounded up; the extra half row is light).
    /// `quietZone` is clamped to 0...16.
    public static func halfBlockLines(_ code: QRCode, quietZone: Int = standardQuietZone) -> [String] {
        let border = clamp(quietZone, 0...16)
        let total = code.size + 2 * border
        var lines: [String] = []
        lines.reserveCapacity((total + 1) / 2)
        var y = 0
        while y < total {
            var line = ""
            line.unicodeScalars.reserveCapacity(total)
            for x in 0..<total {
                let top = code[x - border, y - border]
                let bottom = y + 1 < total && code[x - border, y + 1 - border]
                line.unicodeScalars.append(glyph(top: top, bottom: bottom))
            }
            lines.append(line)
            y += 2
        }
        return lines
    }

    /// The code in plain ASCII for plain mode and screen-reader terminals:
    /// `dark` for a dark module and `light` for a light one (two characters
    /// each by default, so modules come out roughly square). One line a row.
    public static func plainLines(_ code: QRCode, quietZone: Int = standardQuietZone,
                                  dark: String = "##", light: String = "  ") -> [String] {
        let border = clamp(quietZone, 0...16)
        let total = code.size + 2 * border
        return (0..<total).map { y in
            var line = ""
            for x in 0..<total { line += code[x - border, y - border] ? dark : light }
            return line
        }
    }

    /// Rebuilds the module grid (quiet zone included, true = dark) from
    /// half-block lines such as a terminal capture of `halfBlockLines`.
    /// Returns nil when a line holds another character or lines differ in
    /// width. Trailing spaces a capture may drop are restored as light.
    public static func modules(fromHalfBlockLines lines: [String]) -> [[Bool]]? {
        let width = lines.map { $0.unicodeScalars.count }.max() ?? 0
        var rows: [[Bool]] = []
        for line in lines {
            var top: [Bool] = [], bottom: [Bool] = []
            for scalar in line.unicodeScalars {
                switch scalar {
                case "█": top.append(true); bottom.append(true)
                case "▀": top.append(true); bottom.append(false)
                case "▄": top.append(false); bottom.append(true)
                case " ": top.append(false); bottom.append(false)
                default: return nil
                }
            }
            let pad = [Bool](repeating: false, count: width - top.count)
            rows.append(top + pad)
            rows.append(bottom + pad)
        }
        return rows
    }

    static func glyph(top: Bool, bottom: Bool) -> Unicode.Scalar {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }

    static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
