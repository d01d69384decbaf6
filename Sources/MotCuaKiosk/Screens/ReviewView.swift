// Drawing the review: a summary line (answers, errors, warnings), then every answer by
// page, the label on the left and the answer as a person reads it on the right, ✗ and !
// marking errors and warnings (so it reads the same without colour), "submit" at the end,
// and the last question before the dossier goes to the queue.
import MotCuaForms
import MotCuaInterview
import MotCuaText

enum ReviewView {
    static func render(_ state: ReviewState, m: Messages, into screen: inout Screen, _ body: Rect) {
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        guard inner.height >= 3 else { return }
        var summary = m.text("kiosk.review.summary", ["answers": String(state.answerCount), "errors": String(state.errorCount),
                                                      "warnings": String(state.warningCount)])
        if let fee = state.fee {
            summary += " · " + (fee > 0 ? m.text("receipt.fee", ["amount": formatVND(fee)]) : m.text("receipt.fee.none"))
        }
        screen.write(TextWrap.fit(summary, width: inner.width), at: Point(x: inner.x, y: inner.y),
                     style: Style(state.errorCount > 0 ? .error : .success, bold: true), clip: inner)
        var list = inner.inset(top: 2)
        if let reason = state.correctionReason {
            // A correction is said above its answers, with its reason, as its receipt will say it.
            let text = m.text("kiosk.review.correction", ["reason": VietText.neutralizeControls(reason)])
            screen.write(TextWrap.fit(text, width: inner.width), at: Point(x: inner.x, y: inner.y + 1), style: Style(.hint, bold: true), clip: inner)
            list = inner.inset(top: 3)
        }
        if state.blocked {
            let (rest, line) = list.splitBottom(1)
            list = rest
            screen.write(TextWrap.fit(m.text("kiosk.review.blocked", ["count": String(state.errorCount)]), width: line.width),
                         at: Point(x: line.x, y: line.y), style: Style(.error, bold: true), clip: line)
        }
        guard !list.isEmpty else { return }
        let rows = state.rows
        let first = list.firstVisible(of: rows.count, keeping: state.highlight)
        let labelWidth = min(44, max(16, (list.width - 4) / 2))
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(list.height) {
            let line = list.row(offset - first)
            let on = offset == state.highlight
            if on { screen.fill(line, style: Style(.selection)) }
            switch row {
            case .section(let title):
                screen.write("── " + title + " ──", at: Point(x: line.x, y: line.y), style: Style(.title, bold: true), clip: line)
            case .entry(let e):
                let mark = !e.errors.isEmpty ? "✗" : !e.warnings.isEmpty ? "!" : " "
                let indent = String(repeating: "  ", count: e.depth)
                let label = TextWrap.fit(indent + e.label, width: labelWidth - 4)
                let style: Style = on ? Style(.selection) : .plain
                let markStyle: Style = on ? Style(.selection, bold: true) : Style(!e.errors.isEmpty ? .error : .warning, bold: true)
                screen.write(on ? "▸" : " ", at: Point(x: line.x, y: line.y), style: style, clip: line)
                screen.write(mark, at: Point(x: line.x + 1, y: line.y), style: markStyle, clip: line)
                screen.write(label, at: Point(x: line.x + 3, y: line.y), style: on ? style : Style(.label), clip: line)
                let valueX = line.x + labelWidth
                screen.write(TextWrap.fit(e.value.replacingOccurrences(of: "\n", with: " / "), width: max(1, line.maxX - valueX)), at: Point(x: valueX, y: line.y),
                             style: style, clip: line)
            case .error(let text):
                screen.write(TextWrap.fit("✗ " + text, width: line.width - 5), at: Point(x: line.x + 5, y: line.y),
                             style: Style(.error, bold: true), clip: line)
            case .warning(let text):
                screen.write(TextWrap.fit("! " + text, width: line.width - 5), at: Point(x: line.x + 5, y: line.y),
                             style: Style(.warning, bold: true), clip: line)
            case .more(let text, let error):
                screen.write(TextWrap.fit("  " + text, width: line.width - 5), at: Point(x: line.x + 5, y: line.y),
                             style: Style(error ? .error : .warning, bold: true), clip: line)
            case .submit:
                let label = "[ " + m.text("kiosk.review.submit") + " ]"
                screen.write((on ? "▸ " : "  ") + label, at: Point(x: line.x, y: line.y),
                             style: on ? Style(.selection, bold: true) : Style(.label, bold: true), clip: line)
            }
        }
        screen.cursor = nil
        if state.confirming { renderConfirm(m, into: &screen, body) }
    }

    /// "Submit this dossier to the queue?" in a box over the list.
    private static func renderConfirm(_ m: Messages, into screen: inout Screen, _ body: Rect) {
        let question = m.text("kiosk.review.confirm")
        let keys = m.text("kiosk.review.confirm.keys")
        let width = min(body.width - 4, max(Screen.width(question), Screen.width(keys)) + 6)
        let box = body.centered(Size(width: width, height: 6))
        screen.fill(box)
        let inner = Box.draw(into: &screen, box, title: m.text("kiosk.review.submit")).inset(dx: 2, dy: 0)
        screen.write(TextWrap.fit(question, width: inner.width), at: Point(x: inner.x, y: inner.y + 1),
                     style: Style(.label, bold: true), clip: inner)
        screen.write(TextWrap.fit(keys, width: inner.width), at: Point(x: inner.x, y: inner.y + 2), style: .role(.hint), clip: inner)
    }
}
