// A note takes no answer: it shows its text (wrapped, scrollable with the arrows when it
// is longer than the room) and Enter moves on.
import MotCuaForms
import MotCuaInterview

public struct NoteView: Widget, Sendable {
    public let text: String
    /// First wrapped line shown.
    public private(set) var scroll = 0
    /// Columns and rows the screen gives the note (set when laying out), for scrolling.
    public var layoutSize = Size(width: 76, height: 10)

    public init(text: String) { self.text = text }

    private var lineCount: Int { TextWrap.lines(text, width: layoutSize.width).count }

    public mutating func update(_ key: Key) -> WidgetAction {
        let maxScroll = max(0, lineCount - layoutSize.height)
        switch key {
        case .down: scroll = min(maxScroll, scroll + 1)
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll = min(maxScroll, scroll + max(1, layoutSize.height - 1))
        case .pageUp: scroll = max(0, scroll - max(1, layoutSize.height - 1))
        case .enter: return .submit
        default: return .ignored
        }
        return .handled
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let lines = TextWrap.lines(text, width: rect.width)
        let first = min(scroll, max(0, lines.count - rect.height))
        let more = lines.count - first > rect.height
        for (row, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            if more && row == rect.height - 1 {
                screen.write("▼ …", at: Point(x: rect.x, y: rect.y + row), style: .role(.muted), clip: rect)
            } else {
                screen.write(line, at: Point(x: rect.x, y: rect.y + row), style: .plain, clip: rect)
            }
        }
        if focused { screen.cursor = nil }
    }

    public func preferredHeight(width: Int) -> Int { TextWrap.lines(text, width: width).count }
}

// As a question's input: a `note` (and, should one reach it, a field asked otherwise).
extension NoteView: FieldInput {
    public static var fieldTypes: [FieldType] { [.note, .repeat, .calculate] }

    public static func make(_ c: WidgetContext) -> NoteView {
        let hint = c.interview.text(c.field.hint)
        return NoteView(text: c.interview.text(c.field.label) + (hint.isEmpty ? "" : "\n\n" + hint))
    }

    public func reading(_ f: Field, _ m: Messages) -> FieldReading { .value(.null) }
    public func displayText(strings: KioskStrings) -> String { "" }
    public var growsVertically: Bool { true }
    public var usesFullWidth: Bool { true }
    public mutating func layout(_ rect: Rect) { layoutSize = rect.size }
}
