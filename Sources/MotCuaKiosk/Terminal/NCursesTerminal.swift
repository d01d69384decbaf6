// The ncurses driver: it paints Screens and reads Keys, nothing else. ncurses does the
// diffing against the real terminal; this layer only skips cells that did not change
// since the last paint, so a keystroke costs a handful of cell updates.
import CNCursesW
import Foundation

public final class NCursesTerminal: TerminalDevice {
    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let baseTheme: Theme
    /// The theme in use (colour, monochrome or high contrast).
    public private(set) var theme: Theme
    private var colours: ColourPairs
    private var decoder = InputDecoder()
    private var lastPainted: Screen?
    private var cursorShown: Bool?
    /// The style last turned into attributes and a pair, for `rendition` (forgotten when
    /// the theme changes).
    private var lastRendition: (style: Style, attributes: attr_t, pair: Int16)?
    /// True until the first paint: the window is still the blank one `newterm` made.
    private var neverPainted = true
    private var restored = false

    /// Takes over the terminal: locale, raw keys, no echo, keypad, 50 ms Esc delay,
    /// bracketed paste, colours. Throws (having changed nothing visible) when the
    /// full-screen kiosk cannot run here; the caller then uses plain mode.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                highContrast: Bool = false) throws(TerminalUnavailable) {
        if let problem = TerminalUnavailable.check(environment: environment) { throw problem }
        // Private copies of the descriptors, so closing these FILEs leaves stdin/stdout open.
        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            throw TerminalUnavailable(.notATerminal)
        }
        SignalTrap.install()
        let term = environment["TERM"] ?? ""
        guard let handle = newterm(term, output, input), let window = motcua_stdscr() else {
            SignalTrap.uninstall()
            fclose(output); fclose(input)
            throw TerminalUnavailable(.unknownTerminal(term))
        }
        screenHandle = handle; self.window = window
        self.output = output; self.input = input
        raw(); noecho(); nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, false)
        scrollok(window, false)
        set_escdelay(50)
        define_key("\u{1B}[200~", InputDecoder.pasteBegin)
        define_key("\u{1B}[201~", InputDecoder.pasteEnd)
        let hasColours = has_colors()
        var defaultsAllowed = false
        if hasColours {
            start_color()
            defaultsAllowed = use_default_colors() == OK
        }
        colours = ColourPairs(defaultsAllowed: defaultsAllowed)
        baseTheme = Theme.choose(environment: environment, terminalHasColours: hasColours)
        theme = highContrast && baseTheme.usesColour ? .highContrast : baseTheme
        NCursesTerminal.writeRaw("\u{1B}[?2004h")  // bracketed paste on
        SignalTrap.setTerminalActive(true)
    }

    deinit { restore() }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func setHighContrast(_ on: Bool) {
        guard baseTheme.usesColour else { return }
        theme = on ? .highContrast : baseTheme
        lastRendition = nil
        lastPainted = nil
    }

    public func paint(_ screen: Screen) {
        guard !restored else { return }
        let width = min(screen.size.width, Int(getmaxx(window)))
        let height = min(screen.size.height, Int(getmaxy(window)))
        let previous = lastPainted?.size == screen.size ? lastPainted?.cells ?? [] : []
        // On the first paint ncurses' window is all plain blanks already (and the terminal
        // is cleared by the first refresh): blank cells that look plain need no drawing.
        let blank = Cell.blank()
        let skipBlanks = neverPainted && rendition(blank.style) == (motcua_a_normal(), 0)
        neverPainted = false
        // Compared in place through buffer pointers: copying each Cell out of the arrays
        // (retain/release of its String) was the largest cost of a keystroke.
        screen.cells.withUnsafeBufferPointer { cells in
            previous.withUnsafeBufferPointer { before in
                let compare = before.count == cells.count
                for y in 0..<height {
                    // A row that did not change (most of them, on a keystroke) is skipped
                    // with one memcmp. Cell is a plain value (no references), so equal
                    // bytes mean equal cells; unequal padding only costs the cell loop.
                    if compare && memcmp(cells.baseAddress! + y * screen.size.width, before.baseAddress! + y * screen.size.width,
                                         width * MemoryLayout<Cell>.stride) == 0 { continue }
                    for x in 0..<width {
                        let i = y * screen.size.width + x
                        if cells[i].isContinuation || (compare && before[i] == cells[i]) { continue }
                        if skipBlanks && cells[i] == blank { continue }
                        draw(cells[i], x: x, y: y, maxWidth: width)
                    }
                }
            }
        }
        let cursor = screen.cursor.flatMap { Rect(x: 0, y: 0, width: width, height: height).contains($0) ? $0 : nil }
        if cursorShown != (cursor != nil) {
            curs_set(cursor != nil ? 1 : 0)
            cursorShown = cursor != nil
        }
        // The cursor goes last: input-method pop-ups and braille displays follow it.
        if let cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        wrefresh(window)
        lastPainted = screen
    }

    private func draw(_ cell: Cell, x: Int, y: Int, maxWidth: Int) {
        let (attributes, pair) = rendition(cell.style)
        // A wide grapheme cut by a narrower terminal is drawn as a space.
        let cut = cell.width == 2 && x + 1 >= maxWidth
        // ncurses keeps a spacing character and up to four combining marks per cell: five
        // at most, and the terminating zero. No array per cell: a list that changes on a
        // keystroke is hundreds of cells.
        var glyph = cchar_t()
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { wide in
            var count = 0
            if !cut { cell.forEachScalarValue { wide[count] = wchar_t(bitPattern: $0); count += 1 } }
            if count == 0 { wide[0] = 0x20; count = 1 }
            wide[count] = 0
            setcchar(&glyph, wide.baseAddress, attributes, pair, nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &glyph)  // ERR in the bottom-right cell is expected
    }

    /// The ncurses attributes and colour pair of `style` in the current theme. The last
    /// one is kept: neighbouring cells nearly always share their style.
    private func rendition(_ style: Style) -> (attr_t, Int16) {
        if let last = lastRendition, last.style == style { return (last.attributes, last.pair) }
        let look = theme.resolve(style)
        var attributes: attr_t = motcua_a_normal()
        if look.bold { attributes |= motcua_a_bold() }
        if look.reverse { attributes |= motcua_a_reverse() }
        if look.underline { attributes |= motcua_a_underline() }
        if look.dim { attributes |= motcua_a_dim() }
        let pair = theme.usesColour ? colours.pair(look.foreground, look.background) : 0
        lastRendition = (style, attributes, pair)
        return (attributes, pair)
    }

    /// A key read by `pollKey` and not yet handed out.
    private var peeked: Key?

    public func pollKey() -> Key? {
        if let key = peeked { peeked = nil; return key }
        return readKey(timeoutMilliseconds: 0)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !restored else { return nil }
        if let key = peeked { peeked = nil; return key }
        while true {
            // Inside a paste the rest is already on its way: wait up to a second for it.
            wtimeout(window, Int32(decoder.inPaste ? 1000 : max(0, timeoutMilliseconds)))
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            let raw: RawInput
            if result == OK { raw = .character(value) }
            else if result == KEY_CODE_YES { raw = .keyCode(Int32(value)) }
            else { return decoder.flushPaste() }  // timeout or a signal
            if let key = decoder.decode(raw) {
                if key == .resize { lastPainted = nil }  // ncurses resized its buffers: repaint all
                return key
            }
            if !decoder.inPaste { return nil }
        }
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        SignalTrap.setTerminalActive(false)
        NCursesTerminal.writeRaw("\u{1B}[?2004l")  // bracketed paste off
        curs_set(1)
        endwin()
        delscreen(screenHandle)
        fclose(output); fclose(input)
        SignalTrap.uninstall()
    }

    public func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Writes a control sequence ncurses does not know about straight to the terminal.
    private static func writeRaw(_ sequence: String) {
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }
}
