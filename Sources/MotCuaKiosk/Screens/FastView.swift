// Fast mode, for officers entering from paper: the whole page of the current question
// as one form. Labels on the left, answers on the right; the focused field shows its
// widget (a choice opens its narrowed list under it) and its error right under it.
// The page scrolls to keep the focused field in view.
import MotCuaForms
import MotCuaInterview

enum FastView {
    static func render(_ s: InterviewScreen, into screen: inout Screen, _ body: Rect) {
        let i = s.interview
        guard case .field(let focusID) = i.cursor, let place = i.form.fieldIndex[focusID] else { return }
        let page = i.form.pages[place.page]
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        guard inner.height >= 2 else { return }
        let m = s.m
        let title = m.text("kiosk.fast.page", ["title": i.text(page.title), "page": String(place.page + 1),
                                                 "pages": String(i.form.pages.count)])
        screen.write(title, at: Point(x: inner.x, y: inner.y), style: Style(.title, bold: true), clip: inner)
        // The focused field's whole label: the column beside the answers cuts long ones.
        var top = 2
        if let f = i.form.field(focusID) {
            let label = i.text(f.label) + (FieldEditor.isRequired(f, i) ? " *" : "")
            for line in TextWrap.lines(label, width: inner.width).prefix(2) {
                screen.write(line, at: Point(x: inner.x, y: inner.y + top), style: Style(.label, bold: true), clip: inner)
                top += 1
            }
            top += 1
        }
        let area = inner.inset(top: top)
        let labelWidth = min(36, max(16, area.width * 2 / 5))
        let valueX = area.x + labelWidth + 3
        let valueWidth = max(1, area.maxX - valueX)

        // Blocks: (field, height); the focused one holds its widget and message.
        let fields = page.fields.filter { i.isRelevant($0.id) && $0.type != .calculate }
        var heights: [Int] = []
        var focusTop = 0, focusBottom = 0, total = 0
        let message = s.editor.flatMap { e in e.message.map { TextWrap.lines((e.messageIsError ? "✗ " : "! ") + $0, width: valueWidth).prefix(2) } } ?? []
        for f in fields {
            var h = 1
            if f.type == .note {
                h = min(3, TextWrap.lines(i.text(f.label), width: area.width).count)
            } else if f.id == focusID, let e = s.editor {
                h = max(1, e.widget.fastHeight(width: valueWidth)) + message.count
                focusTop = total
                focusBottom = total + h
            }
            heights.append(h)
            total += h
        }
        let first = focusBottom > area.height ? focusBottom - area.height : 0
        var y = area.y - min(first, focusTop)
        for (f, h) in zip(fields, heights) {
            defer { y += h }
            guard y + h > area.y, y < area.maxY else { continue }
            let row = Rect(x: area.x, y: y, width: area.width, height: 1)
            if f.type == .note {
                for (k, line) in TextWrap.lines(i.text(f.label), width: area.width).prefix(h).enumerated() where y + k >= area.y {
                    screen.write(line, at: Point(x: area.x, y: y + k), style: .role(.hint), clip: area)
                }
                continue
            }
            let focused = f.id == focusID
            let label = TextWrap.fit((focused ? "▸ " : "  ") + i.text(f.label) + (FieldEditor.isRequired(f, i) ? " *" : ""), width: labelWidth)
            if y >= area.y {
                screen.write(label, at: Point(x: row.x, y: y), style: Style(.label, bold: focused), clip: area)
            }
            if focused, let e = s.editor {
                var widget = e.widget
                let rect = Rect(x: valueX, y: y, width: valueWidth, height: h - message.count).intersection(area)
                widget.layout(rect)
                widget.render(into: &screen, in: rect, focused: true)
                let style = Style(e.messageIsError ? .error : .warning, bold: true)
                for (k, line) in message.enumerated() {
                    screen.write(line, at: Point(x: valueX, y: y + h - message.count + k), style: style, clip: area)
                }
            } else if y >= area.y {
                screen.write(TextWrap.fit(shown(f, i, m), width: valueWidth), at: Point(x: valueX, y: y),
                             style: i.answers[f.id] == nil ? .role(.muted) : .plain, clip: area)
            }
        }
    }

    /// A field's answer as the page shows it: the review's wording, "—" when empty.
    static func shown(_ f: Field, _ i: Interview, _ m: Messages) -> String {
        if f.type == .repeat { return m.text("review.items", ["count": String(i.itemCount(f.id))]) }
        return i.display(i.answers[f.id], f).replacingOccurrences(of: "\n", with: " / ")
    }
}
