// Guided mode: one question per screen, laid out for someone reading over the officer's
// shoulder. The label is bold with room around it, then the hint and the example, then the
// input, and the error or warning right under the input. Lists and multi-line inputs take
// the rows that are left, so a taller window shows more options.

public struct QuestionContent: Hashable, Sendable {
    public var label: String
    public var required: Bool
    public var hint: String?
    /// Already formatted, e.g. "Ví dụ: Nguyễn Văn An".
    public var example: String?
    /// The error or warning about the current answer.
    public var message: String?
    public var messageIsError: Bool

    public init(label: String, required: Bool = false, hint: String? = nil, example: String? = nil,
                message: String? = nil, messageIsError: Bool = true) {
        self.label = label; self.required = required; self.hint = hint; self.example = example
        self.message = message; self.messageIsError = messageIsError
    }
}

public enum QuestionLayout {
    /// Widest an input is drawn, so a short answer does not stretch across a wide screen.
    static let maxInputWidth = 72

    /// Where each part goes: computed once, used both to size the widget and to draw.
    struct Placement {
        var lines: [(text: String, style: Style, y: Int)] = []
        var widget = Rect(x: 0, y: 0, width: 0, height: 0)
    }

    /// Where the widget goes for this content inside `body`; pass it to
    /// `FieldWidget.layout` so keys such as Page Down move by what is shown.
    /// `memo`: the wrapped text of the last question drawn (the interview screen keeps one).
    public static func widgetRect(_ content: QuestionContent, widget: FieldWidget, in body: Rect,
                                  memo: QuestionWrapMemo? = nil) -> Rect {
        placement(content, widget: widget, in: body, memo: memo).widget
    }

    /// Draws the question and its widget (focused, so the widget places the cursor).
    public static func render(_ content: QuestionContent, widget: FieldWidget, into screen: inout Screen, in body: Rect,
                              memo: QuestionWrapMemo? = nil) {
        let place = placement(content, widget: widget, in: body, memo: memo)
        for line in place.lines {
            screen.write(line.text, at: Point(x: body.x + 2, y: line.y), style: line.style, clip: body)
        }
        widget.render(into: &screen, in: place.widget, focused: true)
    }

    static func placement(_ content: QuestionContent, widget: FieldWidget, in body: Rect,
                          memo: QuestionWrapMemo? = nil) -> Placement {
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var place = Placement()
        guard !inner.isEmpty else { return place }
        let width = inner.width
        let text = memo?.wrapped(content, width: width) ?? WrappedQuestion(content, width: width)
        let label = text.label, message = text.message
        var extra = text.hint.map { ($0, Style(.hint)) } + text.example.map { ($0, Style(.example)) }
        let preferred = max(1, widget.preferredHeight(width: width))
        let minimumWidget = widget.growsVertically ? min(preferred, 3) : preferred
        // The hint and the example give way first when the window is short.
        let budget = inner.height - label.count - 1 - minimumWidget - message.count
        if extra.count + 1 > budget { extra = Array(extra.prefix(max(0, budget - 1))) }

        var y = inner.y
        for line in label { place.lines.append((line, Style(.label, bold: true), y)); y += 1 }
        y += 1
        if !extra.isEmpty {
            for line in extra { place.lines.append((line.0, line.1, y)); y += 1 }
            y += 1
        }
        let available = max(1, inner.maxY - y - message.count)
        let height = widget.growsVertically ? available : min(preferred, available)
        let inputWidth: Int
        inputWidth = widget.usesFullWidth ? width : min(width, maxInputWidth)
        place.widget = Rect(x: inner.x, y: y, width: inputWidth, height: height)
        y += height
        let messageStyle = Style(content.messageIsError ? .error : .warning, bold: true)
        for line in message { place.lines.append((line, messageStyle, y)); y += 1 }
        return place
    }
}

/// A question's text broken into lines for one width: what `QuestionLayout.placement`
/// draws, apart from the widget.
struct WrappedQuestion: Equatable {
    var label: [String]
    var message: [String]
    var hint: [String]
    var example: [String]

    init(_ content: QuestionContent, width: Int) {
        label = Array(TextWrap.lines(content.label + (content.required ? " *" : ""), width: width).prefix(3))
        // Whole: a message cut short leaves the person guessing (four lines hold the longest).
        message = content.message.map { Array(TextWrap.lines((content.messageIsError ? "✗ " : "! ") + $0, width: width).prefix(4)) } ?? []
        hint = content.hint.map { TextWrap.lines($0, width: width) } ?? []
        example = content.example.map { TextWrap.lines($0, width: width) } ?? []
    }
}

/// The last question's wrapped text, so a keystroke in a field does not wrap its label and
/// hint again at every frame (with the placement worked out twice a frame, that was a
/// quarter of a keystroke's time). Keyed by the whole content and the width: another
/// field, another message or a resized window wraps afresh. A cache only, shared by the
/// copies of the screen that holds it: what it returns is what wrapping now would give.
public final class QuestionWrapMemo {
    private var last: (content: QuestionContent, width: Int, text: WrappedQuestion)?
    /// How many times the text was wrapped (tests: not once per frame).
    private(set) var wraps = 0

    public init() {}

    func wrapped(_ content: QuestionContent, width: Int) -> WrappedQuestion {
        if let last, last.width == width, last.content == content { return last.text }
        let text = WrappedQuestion(content, width: width)
        wraps += 1
        last = (content, width, text)
        return text
    }
}
