// The screen model: what a view function produces and what the ncurses driver paints.
// It is a grid of cells, each holding one grapheme cluster, the number of columns it
// takes and its style, plus where the real cursor goes. Tests read it back as lines of
// text, exactly as a person would read the terminal.
import MotCuaText

/// One terminal cell. A double-width grapheme occupies its cell (width 2) and the cell to
/// its right, which is a continuation (empty text, width 0).
///
/// The grapheme is kept inline as up to five Unicode scalars (what ncurses keeps per cell:
/// a base character and four combining marks), so a cell holds no reference: a frame of
/// 80×24 or 120×40 cells is created, compared and thrown away with plain memory copies,
/// which is most of the work of echoing a key.
public struct Cell: Hashable, Sendable {
    private var scalars: (UInt32, UInt32, UInt32, UInt32, UInt32)
    /// Columns the grapheme takes: 1, 2, or 0 for a continuation.
    public var width: Int
    public var style: Style

    /// A cell showing `text` (one grapheme; scalars beyond the fifth are dropped).
    public init(text: String, width: Int, style: Style) {
        self.init(scalars: text.unicodeScalars, width: width, style: style)
    }

    /// A cell of one scalar (the common case, without a sequence to walk).
    init(scalar: UInt32, width: Int, style: Style) {
        scalars = (scalar, 0, 0, 0, 0)
        self.width = width; self.style = style
    }

    init(scalars source: some Sequence<Unicode.Scalar>, width: Int, style: Style) {
        var values: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
        var count = 0
        for scalar in source {
            switch count {
            case 0: values.0 = scalar.value
            case 1: values.1 = scalar.value
            case 2: values.2 = scalar.value
            case 3: values.3 = scalar.value
            default: values.4 = scalar.value
            }
            count += 1
            if count == 5 { break }
        }
        scalars = values
        self.width = width; self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(scalar: 0x20, width: 1, style: style)
    }

    /// Calls `body` with each scalar value of the grapheme (none for a continuation),
    /// without making an array: the ncurses driver does this for every cell it draws.
    func forEachScalarValue(_ body: (UInt32) -> Void) {
        if scalars.0 != 0 { body(scalars.0) }
        if scalars.1 != 0 { body(scalars.1) }
        if scalars.2 != 0 { body(scalars.2) }
        if scalars.3 != 0 { body(scalars.3) }
        if scalars.4 != 0 { body(scalars.4) }
    }

    /// The grapheme cluster drawn here, in NFC; empty for the right half of a wide one.
    public var text: String {
        var out = String.UnicodeScalarView()
        for value in scalarValues { if let scalar = Unicode.Scalar(value) { out.append(scalar) } }
        return String(out)
    }

    /// The scalar values of the grapheme (none for a continuation).
    public var scalarValues: [UInt32] {
        [scalars.0, scalars.1, scalars.2, scalars.3, scalars.4].filter { $0 != 0 }
    }

    /// True for the right half of a double-width grapheme.
    public var isContinuation: Bool { width == 0 }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.scalars.0 == b.scalars.0 && a.scalars.1 == b.scalars.1 && a.scalars.2 == b.scalars.2
            && a.scalars.3 == b.scalars.3 && a.scalars.4 == b.scalars.4 && a.width == b.width && a.style == b.style
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scalars.0); hasher.combine(scalars.1); hasher.combine(scalars.2)
        hasher.combine(scalars.3); hasher.combine(scalars.4); hasher.combine(width); hasher.combine(style)
    }
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
        // Fast path: a scalar that is its own one-column grapheme (see `isSimple`) goes
        // straight into a cell, without grapheme breaking or normalisation; most labels,
        // titles and names are only such scalars. The rest of the text, from the first
        // scalar that is not, takes the general path below.
        var clipped = false
        let stop = text.utf8.withContiguousStorageIfAvailable { utf8 in
            Screen.simpleRun(utf8) { value in
                if x >= area.maxX { clipped = true; return false }
                if x >= area.x { put(Cell(scalar: value, width: 1, style: style), x: x, y: origin.y) }
                x += 1
                return true
            }
        }
        if clipped { return area.maxX - origin.x }
        if stop == text.utf8.count { return x - origin.x }
        let rest = Screen.remainder(text, from: stop)
        for grapheme in VietText.neutralizeControls(rest) {
            let width = Screen.width(grapheme)
            if width == 0 { continue }
            if x + width > area.maxX {
                if x < area.maxX && x >= area.x { put(.blank(style), x: x, y: origin.y) }
                return area.maxX - origin.x
            }
            if x >= area.x {
                put(Screen.cell(grapheme, width: width, style: style), x: x, y: origin.y)
            } else if x + width > area.x {
                put(.blank(style), x: area.x, y: origin.y)  // right half of a cut wide grapheme
            }
            x += width
        }
        return x - origin.x
    }

    /// Clears `rect` to spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { put(.blank(style), x: x, y: y) }
        }
    }

    /// Changes the style of every cell in `rect` without touching the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { change(&cells[y * size.width + x].style) }
        }
    }

    /// Stores one cell, first blanking the other half of any wide grapheme it cuts.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let row = y * size.width
        let last = x + cell.width - 1
        if cells[row + x].isContinuation && x > 0 { cells[row + x - 1] = .blank(cells[row + x - 1].style) }
        if cells[row + last].width == 2 && last + 1 < size.width { cells[row + last + 1] = .blank(cells[row + last + 1].style) }
        cells[row + x] = cell
        if cell.width == 2 { cells[row + x + 1] = Cell(scalars: EmptyCollection(), width: 0, style: cell.style) }
    }

    // MARK: Measuring

    /// The cell drawn for one grapheme of `width` columns (from `width(_:)`, not 0).
    /// Multi-scalar graphemes are drawn in NFC ("e" + U+0302 + U+0303 as "ễ"): the Linux
    /// console cannot compose marks. Normalising per grapheme, not per string, keeps the
    /// common single-scalar case free of any normalisation work on every frame.
    static func cell(_ c: Character, width: Int, style: Style) -> Cell {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return .blank(style) }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) {
            return Cell(scalars: CollectionOfOne(Unicode.Scalar(0xFFFD)!), width: 1, style: style)
        }
        if VietText.displayWidth(c) == 0 {  // a mark with no base: shown on a dotted circle
            return Cell(scalars: [Unicode.Scalar(0x25CC)!] + Array(scalars), width: 1, style: style)
        }
        if scalars.count == 1 { return Cell(scalars: scalars, width: width, style: style) }
        return Cell(scalars: VietText.nfc(String(c)).unicodeScalars, width: width, style: style)
    }

    /// Columns `text` takes when drawn (the same in NFC and NFD).
    public static func width(_ text: String) -> Int {
        var total = 0
        // As in `write`: simple scalars count one column each without grapheme breaking.
        let stop = text.utf8.withContiguousStorageIfAvailable { utf8 in simpleRun(utf8) { _ in total += 1; return true } }
        if stop == text.utf8.count { return total }
        for c in remainder(text, from: stop) { total += width(c) }
        return total
    }

    /// Calls `body` with each scalar of the leading run of simple scalars of `utf8` (a
    /// string's valid UTF-8) that are graphemes of their own, until `body` returns false;
    /// returns the byte offset where the run ended. A simple scalar followed by one that
    /// is not is left out of the run: it may be the base of a combining mark.
    @inline(__always)
    static func simpleRun(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Bool) -> Int {
        var i = 0
        guard !utf8.isEmpty else { return 0 }
        var (value, length) = scalar(utf8, at: 0)
        while isSimple(value) {
            let next = i + length
            if next == utf8.count { return body(value) ? next : i }
            let (following, followingLength) = scalar(utf8, at: next)
            guard isSimple(following), body(value) else { return i }
            i = next; value = following; length = followingLength
        }
        return i
    }

    /// The scalar value starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(b[i + 1]) & 0x3F, 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | UInt32(b[i + 2]) & 0x3F, 3) }
        return ((b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | UInt32(b[i + 3]) & 0x3F, 4)
    }

    /// `text` from UTF-8 offset `offset` (the end of a simple run: a grapheme boundary,
    /// since the scalar before it and the one at it are both simple); all of `text` when
    /// there was no run or no contiguous storage.
    private static func remainder(_ text: String, from offset: Int?) -> String {
        guard let offset, offset > 0 else { return text }
        return String(text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...])
    }

    /// A scalar that, when not followed by a combining mark, is a grapheme of its own,
    /// one column wide, drawn as is and never neutralised: printable ASCII, Latin-1
    /// (without the soft hyphen), Latin Extended-A and -B, and Latin Extended Additional
    /// (every precomposed Vietnamese vowel with its tone), the dashes, quotes, bullet and
    /// ellipsis of General Punctuation (U+2010...U+2027), and "▸", the list marker. Two
    /// simple scalars in a row always have a grapheme break between them (Unicode's rule
    /// GB999).
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x250 && v != 0xAD) || (v >= 0x1E00 && v < 0x1F00)
            || (v >= 0x2010 && v <= 0x2027) || v == 0x25B8
    }

    /// Columns one grapheme takes when drawn (as `cell(_:width:style:)` draws it).
    public static func width(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return 1 }
        let w = VietText.displayWidth(c)
        if w > 0 { return w }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return 1
        default: return 0
        }
    }

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
