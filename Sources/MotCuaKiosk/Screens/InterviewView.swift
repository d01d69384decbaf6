// Drawing the interview: the frame (form title, typing mode, "Bước 3/17" and its bar, the
// keys in the current language), then the body the cursor calls for: a guided question,
// a page in fast mode, a repeat's list or the review; a notice line, and the help on top.
import MotCuaForms
import MotCuaInterview
import MotCuaText

extension InterviewScreen {
    func view(size: Size) -> Screen {
        if let duplicates { return duplicateView(duplicates, size: size) }
        let onReview = review != nil
        var progress: FrameContent.Progress?
        if !onReview {
            let total = stepsTotal
            let step = min(interview.stepNumber, max(total, 1))
            // "Bước 3/17 · Người yêu cầu": the part of the form, as the form names it.
            let page = interview.pageTitle
            let label = strings.step(step, of: total) + (page.isEmpty ? "" : " · " + page)
            progress = FrameContent.Progress(step: step, total: total, label: label)
        }
        let title = m.text("kiosk.title.form", ["title": interview.text(interview.form.title)])
        var (screen, body) = KioskFrame.render(FrameContent(title: title, status: status, progress: progress, hints: hints), size: size)
        if let notice { body = notice.draw(into: &screen, bottomOf: body, marked: true) }
        if let review {
            ReviewView.render(review, m: m, into: &screen, body)
        } else if interview.currentField?.type == .repeat {
            renderRepeat(into: &screen, body)
        } else if fast, case .field = interview.cursor {
            FastView.render(self, into: &screen, body)
        } else if let editor {
            var widget = editor.widget
            let content = editor.content(interview, m)
            widget.layout(QuestionLayout.widgetRect(content, widget: widget, in: body, memo: wrapMemo))
            QuestionLayout.render(content, widget: widget, into: &screen, in: body, memo: wrapMemo)
        }
        if showHelp { renderHelp(into: &screen) }
        return screen
    }

    /// "Gõ: Telex", with "Nhập nhanh" in front in fast mode.
    var status: String {
        let method: String
        switch typing {
        case .telex: method = m.text("kiosk.typing.telex")
        case .vni: method = m.text("kiosk.typing.vni")
        case .off: method = m.text("kiosk.typing.off")
        }
        return fast ? m.text("kiosk.fast.on") + " · " + method : method
    }

    /// The footer: the keys that work here, most needed first (those that do not fit are left out).
    var hints: [KeyHint] {
        if let review {
            if review.confirming {
                return [CommonHints.enter(m, "kiosk.enter.submit"), CommonHints.escape(m, "kiosk.esc.cancel")]
            }
            // Enter does what the highlighted row says: edit an answer, or submit.
            let onSubmit = review.rows.indices.contains(review.highlight) && review.rows[review.highlight] == .submit
            // (F9 submits from any row; on the submit row it would say the same twice.)
            let enter = onSubmit ? [CommonHints.enter(m, "kiosk.review.submit")] : [CommonHints.enter(m, "kiosk.enter.edit"), KioskKey.submit.hint(m)]
            return enter + [CommonHints.escape(m, "kiosk.esc.back"), KioskKey.leave.hint(m), KioskKey.help.hint(m)]
        }
        if interview.currentField?.type == .repeat {
            return [CommonHints.enter(m, "kiosk.enter.choose"), KeyHint("+", m.text("kiosk.repeat.add")),
                    KeyHint("Del", m.text("kiosk.repeat.remove")), CommonHints.escape(m, "kiosk.esc.back"),
                    KioskKey.leave.hint(m), KioskKey.review.hint(m), KioskKey.help.hint(m)]
        }
        var keys = [CommonHints.enter(m, "kiosk.enter.next"), CommonHints.escape(m, "kiosk.esc.back")]
        if fast { keys.append(KeyHint("Tab", m.text("kiosk.tab.next"))) }
        keys += [KioskKey.leave.hint(m), KioskKey.review.hint(m), KioskKey.help.hint(m), KioskKey.readAloud.hint(m)]
        if editor?.vietnamese == true { keys.append(KioskKey.typing.hint(m)) }
        keys.append(fast ? KeyHint(KioskKey.fast.label, m.text("kiosk.key.guided")) : KioskKey.fast.hint(m))
        return keys
    }

    // MARK: A repeat's list

    private func renderRepeat(into screen: inout Screen, _ body: Rect) {
        guard case .field(let rid) = interview.cursor, let f = interview.form.field(rid) else { return }
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var y = inner.y
        let label = interview.text(f.label) + (FieldEditor.isRequired(f, interview) ? " *" : "")
        for line in TextWrap.lines(label, width: inner.width).prefix(2) {
            screen.write(line, at: Point(x: inner.x, y: y), style: Style(.label, bold: true), clip: inner); y += 1
        }
        y += 1
        let hint = interview.text(f.hint)
        for line in TextWrap.lines(hint.isEmpty ? m.text("kiosk.repeat.hint") : hint, width: inner.width).prefix(2) {
            screen.write(line, at: Point(x: inner.x, y: y), style: .role(.hint), clip: inner); y += 1
        }
        y += 1
        let rows = repeatRows()
        let list = Rect(x: inner.x, y: y, width: min(inner.width, QuestionLayout.maxInputWidth), height: inner.maxY - y)
        guard !list.isEmpty else { return }
        let first = list.firstVisible(of: rows.count, keeping: repeatHighlight)
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(list.height) {
            let line = list.row(offset - first)
            let on = offset == repeatHighlight
            let text: String
            switch row {
            case .item(let i):
                // "1. Nơi cư trú thứ 1 · 03/2009 · 08/2013 · Tỉnh Tuyên Quang": which item is which.
                let summary = interview.itemSummary(rid, i)
                text = "\(i + 1). " + interview.itemLabel(rid, i) + (summary.isEmpty ? "" : " · " + summary)
            case .add: text = "+ " + m.text("kiosk.repeat.add")
            case .done: text = "✓ " + m.text("kiosk.repeat.done")
            }
            let style = on ? Style(.selection) : (row == .done || row == .add ? Style(.label, bold: true) : .plain)
            if on { screen.fill(line, style: style) }
            screen.write((on ? "▸ " : "  ") + text, at: Point(x: line.x, y: line.y), style: style, clip: line)
        }
        if interview.itemCount(rid) == 0 {
            screen.write(m.text("kiosk.repeat.none"), at: Point(x: list.x + 2, y: min(list.maxY - 1, list.y + rows.count)),
                         style: .role(.muted), clip: list)
        }
        screen.cursor = nil
    }

    // MARK: Help

    private func renderHelp(into screen: inout Screen) {
        let width = min(72, screen.size.width - 4)
        var lines: [(String, Style)] = []
        if let f = interview.currentField {
            let help = interview.text(f.help)
            for l in TextWrap.lines(help.isEmpty ? m.text("plain.help.none") : help, width: width - 4) { lines.append((l, .plain)) }
            lines.append(("", .plain))
        }
        lines.append((m.text("kiosk.help.keys"), Style(.label, bold: true)))
        lines.append(("Enter: " + m.text("kiosk.enter.next") + " · Esc: " + m.text("kiosk.esc.back")
                      + " · Tab/Shift-Tab: " + m.text("kiosk.tab.next"), .plain))
        for key in [KioskKey.help, .review, .fast, .highContrast, .typing, .language, .submit, .leave, .readAloud, .autoRead] {
            lines.append(("\(key.label) / \(key.controlLabel): \(key.meaning(m))", .plain))
        }
        // The input's own keys (editing, the typing tables): what a first-day volunteer asks for.
        for help in editor?.widget.helpLines(m) ?? FieldWidgets.editingHelp(m) {
            for l in TextWrap.lines(help, width: width - 4) { lines.append((l, .plain)) }
        }
        lines.append(("", .plain))
        lines.append((m.text("kiosk.help.close"), .role(.hint)))
        let height = min(screen.size.height - 2, lines.count + 2)
        let box = screen.bounds.centered(Size(width: width, height: height))
        screen.fill(box)
        let inner = Box.draw(into: &screen, box, title: m.text("kiosk.help.title")).inset(dx: 1, dy: 0)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            screen.write(line.0, at: Point(x: inner.x, y: inner.y + i), style: line.1, clip: inner)
        }
        screen.cursor = nil
    }
}
