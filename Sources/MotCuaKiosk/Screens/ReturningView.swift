// The returning-citizen screen's views: the search and its list, the receipt of the
// dossier opened (ReceiptScreen's), and the reason line of a correction.
import MotCuaDesk
import MotCuaForms
import MotCuaText

extension ReturningScreen {
    func view(size: Size, strings: KioskStrings) -> Screen {
        if let reason, let shown = opened { return reasonView(reason, code: shown.receipt.receipt.code, size: size) }
        if let shown = opened { return shown.receipt.view(size: size) }
        let hints = [CommonHints.enter(m, "kiosk.returning.open"), CommonHints.escape(m, "kiosk.esc.back")]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.returning"), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var y = inner.y
        for line in TextWrap.lines(m.text("kiosk.returning.hint"), width: inner.width).prefix(2) {
            screen.write(line, at: Point(x: inner.x, y: y), style: .role(.hint), clip: inner); y += 1
        }
        y += 1
        let used = screen.write(strings.search + " ", at: Point(x: inner.x, y: y), style: .role(.label), clip: inner)
        search.render(into: &screen, in: Rect(x: inner.x + used, y: y, width: min(40, inner.width - used - 8), height: 1), focused: true)
        let count = "\(found.count)"
        screen.write(count, at: Point(x: inner.maxX - Screen.width(count), y: y), style: .role(.muted), clip: inner)
        let cursor = screen.cursor
        y += 2
        var list = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        if let notice {
            let (rest, line) = list.splitBottom(1)
            list = rest
            screen.write(TextWrap.fit(notice.text, width: line.width), at: Point(x: line.x, y: line.y),
                         style: Style(notice.isError ? .error : .success, bold: true), clip: line)
        }
        // Columns: receipt code (two dossiers of one citizen differ by it), procedure (what is
        // left), received, state, appointment. The code column fits the longest code listed (a
        // random kiosk id "K" + five makes 18 characters) while the procedure keeps 12 columns.
        let dateWidth = 11, stateWidth = min(24, max(10, list.width / 5))
        let longest = found.map { Screen.width(VietText.neutralizeControls($0.receipt)) }.max() ?? 0
        let codeWidth = max(19, min(longest + 3, list.width - 2 * dateWidth - stateWidth - 12))
        let procedureWidth = max(8, list.width - codeWidth - 2 * dateWidth - stateWidth)
        func columns(_ code: String, _ a: String, _ b: String, _ c: String, _ d: String) -> String {
            TextWrap.fit(code, width: codeWidth - 1).padding(width: codeWidth)
                + TextWrap.fit(a, width: procedureWidth - 1).padding(width: procedureWidth) + b.padding(width: dateWidth)
                + TextWrap.fit(c, width: stateWidth - 1).padding(width: stateWidth) + d
        }
        if search.isEmpty {
            screen.write(m.text("kiosk.returning.type"), at: Point(x: list.x, y: list.y), style: .role(.muted), clip: list)
        } else if found.isEmpty {
            screen.write(m.text("kiosk.returning.none"), at: Point(x: list.x, y: list.y), style: .role(.warning), clip: list)
        } else if list.height > 1 {
            screen.write(columns("  " + m.text("kiosk.returning.col.code"), m.text("kiosk.returning.col.procedure"), m.text("kiosk.returning.col.received"),
                                 m.text("kiosk.returning.col.state"), m.text("kiosk.returning.col.appointment")),
                         at: Point(x: list.x, y: list.y), style: Style(.label, bold: true), clip: list)
            let rows = list.inset(top: 1)
            let first = rows.firstVisible(of: found.count, keeping: highlight)
            for (k, d) in found.enumerated().dropFirst(first).prefix(rows.height) {
                let line = rows.row(k - first)
                let on = k == highlight
                let style = on ? Style(.selection) : Style.plain
                if on { screen.fill(line, style: style) }
                let text = columns((on ? "▸ " : "  ") + VietText.neutralizeControls(d.receipt), VietText.neutralizeControls(d.procedure), d.received.display,
                                   d.state.words(m), d.appointment?.display ?? "—")
                screen.write(text, at: Point(x: line.x, y: line.y), style: style, clip: line)
            }
        }
        screen.cursor = cursor
        return screen
    }

    private func reasonView(_ editor: TextEditor, code: String, size: Size) -> Screen {
        let hints = [CommonHints.enter(m, "kiosk.returning.startCorrection"), CommonHints.escape(m, "kiosk.esc.back")]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.correct", ["code": code]), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        screen.write(m.text("kiosk.returning.reason"), at: Point(x: inner.x, y: inner.y), style: Style(.label, bold: true), clip: inner)
        editor.render(into: &screen, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1), focused: true)
        let cursor = screen.cursor
        if let notice {
            screen.write(TextWrap.fit(notice.text, width: inner.width), at: Point(x: inner.x, y: inner.y + 4),
                         style: Style(notice.isError ? .error : .success, bold: true), clip: inner)
        }
        screen.cursor = cursor
        return screen
    }
}

private extension String {
    /// Padded with spaces to `width` terminal columns.
    func padding(width: Int) -> String {
        let w = Screen.width(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
