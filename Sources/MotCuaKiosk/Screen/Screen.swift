// The screen model: what a view function produces and what the ncurses driver paints.
// It is a grid of cells, each holding one grapheme cluster, the number of columns it
// takes and its style, plus where the real cursor goes. Tests read it back as lines of
// text, exactly as a person would read the terminal.
import MotCuaText

/// One terminal cell. A double-width grapheme occupies its cell (width 2) and the cell to
/// its right, which is a continuation (empty text, width 0).
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here, in NFC; empty for the right half of a wide one.
    public var text: String
    /// Columns the grapheme takes: 1, 2, or 0 for a continuation.
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text; self.width = width; self.style = style
    }
    public static func blank(_ style: Style = .plain) -> Cell { Cell(text: " ", width: 1, style: style) }
    /// True for the right half of a double-width grapheme.
    public var isContinuation: Bool { width == 0 }
}

/// A full frame: `size.height` rows of `size.width` cells and the cursor position
/// (`nil` hides the cursor).
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's real cursor goes: input methods and braille displays follow it.
    public var cursor: Point?

    public init(size: Size, style: Style = .plain) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank(style), count: self.size.width * self.size.height)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    public func cell(at p: Point) -> Cell {
        precondition(bounds.contains(p), "cell \(p) outside \(size)")
        return cells[p.y * size.width + p.x]
    }

    /// The style of the cell at `p`, or `nil` outside the screen.
    public func style(at p: Point) -> Style? { bounds.contains(p) ? cells[p.y * size.width + p.x].style : nil }

    // MARK: Drawing

    /// Draws `text` on one row from `origin`, grapheme by grapheme, clipped to `clip`
    /// (default: the whole screen), and returns the number of columns it advanced.
    /// Text is drawn in NFC; a wide grapheme that would cross the clip edge becomes a space;
    /// control characters are shown visibly (ESC as "^[", bidi overrides as U+FFFD, as
    /// `VietText.neutralizeControls` does everywhere) so nothing reaches the terminal as a command.
    @discardableResult
    public mutating func write(_ text: String, at origin: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard origin.y >= area.y, origin.y < area.maxY else { return 0 }
        var x = origin.x
        for grapheme in VietText.nfc(VietText.neutralizeControls(text)) {
            let glyph = Screen.glyph(grapheme)
            if glyph.width == 0 { continue }
            if x + glyph.width > area.maxX {
                if x < area.maxX && x >= area.x { put(" ", width: 1, style: style, x: x, y: origin.y) }
                return area.maxX - origin.x
            }
            if x >= area.x {
                put(glyph.text, width: glyph.width, style: style, x: x, y: origin.y)
            } else if x + glyph.width > area.x {
                put(" ", width: 1, style: style, x: area.x, y: origin.y)  // right half of a cut wide grapheme
            }
            x += glyph.width
        }
        return x - origin.x
    }

    /// Clears `rect` to spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { put(" ", width: 1, style: style, x: x, y: y) }
        }
    }

    /// Changes the style of every cell in `rect` without touching the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { change(&cells[y * size.width + x].style) }
        }
    }

    /// Stores one glyph, first blanking the other half of any wide grapheme it cuts.
    private mutating func put(_ text: String, width: Int, style: Style, x: Int, y: Int) {
        let row = y * size.width
        let last = x + width - 1
        if cells[row + x].isContinuation && x > 0 { cells[row + x - 1] = .blank(cells[row + x - 1].style) }
        if cells[row + last].width == 2 && last + 1 < size.width { cells[row + last + 1] = .blank(cells[row + last + 1].style) }
        cells[row + x] = Cell(text: text, width: width, style: style)
        if width == 2 { cells[row + x + 1] = Cell(text: "", width: 0, style: style) }
    }

    // MARK: Measuring

    /// What is drawn for one grapheme and how many columns it takes. Shared by the
    /// editors so the caret lands exactly where the text was drawn.
    public static func glyph(_ c: Character) -> (text: String, width: Int) {
        guard let first = c.unicodeScalars.first else { return ("", 0) }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return ("\u{FFFD}", 1) }
        let w = VietText.displayWidth(c)
        if w > 0 { return (String(c), w) }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return ("\u{25CC}" + String(c), 1)  // a mark with no base
        default: return ("", 0)  // zero-width format characters are not drawn
        }
    }

    /// Columns `text` takes when drawn (after NFC).
    public static func width(_ text: String) -> Int {
        var total = 0
        for c in VietText.nfc(text) { total += glyph(c).width }
        return total
    }

    /// Columns one grapheme takes when drawn.
    public static func width(_ c: Character) -> Int { glyph(c).width }

    // MARK: Reading back (tests, plain dumps)

    /// Row `y` as text, every column included (trailing spaces kept).
    public func rowText(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width { s += cells[y * size.width + x].text }
        return s
    }

    /// Every row as text with trailing spaces removed: what a person reads.
    public var lines: [String] {
        (0..<size.height).map { y in
            var s = rowText(y)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The screen as one string, rows separated by newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// The cell position of the first occurrence of `needle` on a single row.
    public func find(_ needle: String) -> Point? {
        let target = VietText.nfc(needle)
        for y in 0..<size.height {
            let row = rowText(y)
            guard let range = row.range(of: target) else { continue }
            return Point(x: Screen.width(String(row[..<range.lowerBound])), y: y)
        }
        return nil
    }
}
