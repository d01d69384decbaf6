// Drawing a text field. Single-line fields scroll sideways to keep the caret in view
// (a "…" marks hidden text on the left); multi-line fields wrap by display width and
// scroll down. The caret column is measured with the same widths the screen draws with.
import MotCuaForms
import MotCuaInterview
import MotCuaText

extension TextEditor {
    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style = Style(focused ? .inputFocused : .input)
        if multiline { renderLines(into: &screen, rect, style: style, focused: focused) }
        else { renderLine(into: &screen, rect.row(0), style: style, focused: focused) }
    }

    public func preferredHeight(width: Int) -> Int {
        guard multiline else { return 1 }
        return min(6, max(3, TextWrap.spans(graphemes, width: max(1, width - 1)).count))
    }

    private func renderLine(into screen: inout Screen, _ row: Rect, style: Style, focused: Bool) {
        screen.fill(row, style: style)
        if graphemes.isEmpty {
            screen.write(placeholder, at: Point(x: row.x, y: row.y), style: Style(.placeholder), clip: row)
            if focused { screen.cursor = Point(x: row.x, y: row.y) }
            return
        }
        // First visible grapheme: 0 when the caret fits, else as far left as the caret allows.
        // Only the graphemes near the caret are measured: a line holds at most a
        // thousand characters, but drawing must not cost the whole text on every key.
        var start = 0
        if !TextEditor.fits(graphemes[0..<caret], width: row.width) {
            start = caret
            var used = 0
            while start > 0 && used + Screen.width(graphemes[start - 1]) <= row.width - 2 {
                start -= 1; used += Screen.width(graphemes[start])
            }
        }
        var x = row.x
        if start > 0 { x += screen.write("…", at: Point(x: x, y: row.y), style: Style(.placeholder), clip: row) }
        let end = min(graphemes.count, start + row.width)  // every grapheme drawn takes a column or more
        screen.write(String(graphemes[start..<end]), at: Point(x: x, y: row.y), style: selectedAll ? Style(.selection) : style, clip: row)
        if focused {
            screen.cursor = Point(x: x + Screen.width(String(graphemes[start..<caret])), y: row.y)
        }
    }

    private func renderLines(into screen: inout Screen, _ rect: Rect, style: Style, focused: Bool) {
        screen.fill(rect, style: style)
        if graphemes.isEmpty {
            for (i, line) in TextWrap.lines(placeholder, width: rect.width).prefix(rect.height).enumerated() {
                screen.write(line, at: Point(x: rect.x, y: rect.y + i), style: Style(.placeholder), clip: rect)
            }
            if focused { screen.cursor = Point(x: rect.x, y: rect.y) }
            return
        }
        let spans = TextWrap.spans(graphemes, width: max(1, rect.width - 1))
        let caretRow = TextEditor.row(of: caret, in: spans)
        let first = max(0, caretRow - rect.height + 1)
        for (offset, span) in spans[first...].prefix(rect.height).enumerated() {
            screen.write(String(graphemes[span.start..<span.end]), at: Point(x: rect.x, y: rect.y + offset),
                         style: selectedAll ? Style(.selection) : style, clip: rect)
        }
        if focused {
            let span = spans[caretRow]
            screen.cursor = Point(x: rect.x + Screen.width(String(graphemes[span.start..<caret])),
                                  y: rect.y + caretRow - first)
        }
    }

    /// Whether `text` takes fewer than `width` columns, measuring no further than needed.
    static func fits(_ text: ArraySlice<Character>, width: Int) -> Bool {
        var used = 0
        for g in text {
            used += Screen.width(g)
            if used >= width { return false }
        }
        return true
    }
}

// As a question's input: `text` fields.
extension TextEditor: FieldInput {
    public static var fieldTypes: [FieldType] { [.text] }

    public static func make(_ c: WidgetContext) -> TextEditor {
        TextEditor(text: c.value?.stringValue ?? "", multiline: c.field.multiline)
    }

    public func reading(_ f: Field, _ m: Messages) -> FieldReading { FieldWidgets.parse(text, f, m) }
    public func displayText(strings: KioskStrings) -> String { text.replacingOccurrences(of: "\n", with: " / ") }
    public func fastHeight(width: Int) -> Int { multiline ? 3 : 1 }
    public var growsVertically: Bool { multiline }
    public mutating func layout(_ rect: Rect) { layoutWidth = rect.width }
    public mutating func selectForReplacing() { selectAll() }

    /// Telex/VNI only where names and addresses are typed: ID numbers, phones and e-mail
    /// addresses are Latin whatever the form says.
    public mutating func setTyping(_ engine: VietTypingEngine?, vietnamese: Bool) {
        if vietnamese { typing = engine }
    }

    /// The text gate said no: say why.
    public func refusalMessage(_ m: Messages) -> String? { refusal.map { m.text($0.messageKey, $0.messageArguments) } }
}
