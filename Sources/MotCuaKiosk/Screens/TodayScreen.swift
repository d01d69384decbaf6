// "Hôm nay" (F9 / Ctrl-N from home): today's numbers, the very `Report` that
// `motcua report --from TODAY --to TODAY` prints (MotCuaDesk computes it, both only
// render it, bars from the same `Report.bar`), by operator and by procedure, then today's
// dossiers one per line with their state. Shown to officers beside a citizen, so nothing
// personal: receipt codes, procedures and operators. Operators appear by name only while
// one is signed in (names are then the desk's own staff, and the screen is behind a PIN);
// otherwise by the id the journal records.
import MotCuaDesk
import MotCuaForms
import MotCuaText

enum TodayAction: Equatable { case none, back }

struct TodayScreen {
    let m: Messages
    var today: DeskToday?
    var error: String?
    /// Operator id → name, filled only while an operator is signed in.
    let names: [String: String]
    /// Form id → the procedure's title in the screen's language.
    let titles: [String: String]
    /// The first line shown of the scrolling body.
    var top = 0

    init(messages: Messages, services: KioskServices, signedIn: Bool) {
        m = messages
        var names: [String: String] = [:]
        if signedIn, let ops = services.operators { for o in ops.list() { names[o.id] = o.name } }
        self.names = names
        do { today = try services.today() } catch {
            self.error = m.text("kiosk.today.failed", ["reason": VietText.neutralizeControls("\(error)")])
        }
        var titles: [String: String] = [:]
        for id in Set((today?.dossiers.map(\.formID) ?? []) + (today?.byProcedure.rows.map(\.key) ?? [])) {
            titles[id] = VietText.neutralizeControls(services.procedureTitle(id, messages.language))
        }
        self.titles = titles
    }

    mutating func update(_ key: Key) -> TodayAction {
        switch key {
        case .escape: return .back
        case .up: top = max(0, top - 1)
        case .down: top += 1
        case .pageUp: top = max(0, top - 10)
        case .pageDown: top += 10
        default: if KioskKey.leave.matches(key) || KioskKey.today.matches(key) { return .back }
        }
        return .none
    }

    func view(size: Size) -> Screen {
        let hints = [CommonHints.scroll(m), CommonHints.escape(m, "kiosk.esc.back")]
        let status = today.map { m.text("kiosk.today.day", ["date": String(format: "%02d/%02d/%04d", $0.day.day, $0.day.month, $0.day.year)]) }
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.today"), status: status ?? "", hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        let lines = self.lines(width: inner.width)
        let first = max(0, min(top, lines.count - inner.height))
        for (k, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.write(TextWrap.fit(line.0, width: inner.width), at: Point(x: inner.x, y: inner.y + k), style: line.1, clip: inner)
        }
        screen.cursor = nil
        return screen
    }

    /// The whole body: totals, the two charts, the dossiers.
    func lines(width: Int) -> [(String, Style)] {
        guard let t = today else { return [(error ?? "", Style(.error, bold: true))] }
        var out: [(String, Style)] = []
        let totals = Report.columns.map { c in m.text(c.messageKey) + " " + Report.number(c.value(t.byOperator.total)) }
        out += Self.pack(totals, width: width).map { ($0, Style(.label, bold: true)) }
        out += chart(m.text("kiosk.today.byOperator"), t.byOperator, width: width, name: { names[$0] ?? $0 })
        out += chart(m.text("kiosk.today.byProcedure"), t.byProcedure, width: width, name: { [titles] in titles[$0] ?? $0 })
        out.append(("", .plain))
        out.append((m.text("kiosk.today.dossiers", ["count": String(t.dossiers.count)]), Style(.label, bold: true)))
        if t.dossiers.isEmpty { out.append((m.text("kiosk.today.none"), .role(.muted))) }
        for d in t.dossiers {
            let who = VietText.neutralizeControls(names[d.operatorID] ?? d.operatorID)
            var text = "\(d.receipt)  \(titles[d.formID] ?? VietText.neutralizeControls(d.formID)) · \(who) · \(d.state.words(m, short: true))"
            if d.corrects { text += " · " + m.text("kiosk.today.correction") }
            if let reason = d.reason { text += ": " + VietText.neutralizeControls(reason) }
            let style: Style = switch d.state {
            case .setAside: .role(.error)
            case .failed: .role(.warning)
            case .delivered: .role(.success)
            default: .plain
            }
            out += TextWrap.lines(text, width: width).map { ($0, style) }
        }
        return out
    }

    /// The totals' "label number" pairs, never split from each other: on one line with
    /// " · " between them when that fits, else with two spaces (80 columns), else as
    /// many " · " lines as the width needs, pairs whole (a pair wider than a line is
    /// then cut by `view`'s TextWrap.fit, never wrapped mid-pair).
    static func pack(_ pairs: [String], width: Int) -> [String] {
        for separator in [" · ", "  "] {
            let line = pairs.joined(separator: separator)
            if VietText.displayWidth(line) <= width { return [line] }
        }
        var lines: [String] = []
        for pair in pairs {
            if let last = lines.last, VietText.displayWidth(last) + 3 + VietText.displayWidth(pair) <= width {
                lines[lines.count - 1] = last + " · " + pair
            } else {
                lines.append(pair)
            }
        }
        return lines
    }

    /// "Theo người nhận (hồ sơ nhận)" then one bar per row, as `motcua report` draws them.
    private func chart(_ title: String, _ r: Report, width: Int, name: (String) -> String) -> [(String, Style)] {
        let rows = r.rows.filter { $0.row.received > 0 }
        guard !rows.isEmpty else { return [] }
        let keys = rows.map { VietText.neutralizeControls(name($0.key)) }
        let keyWidth = min(24, keys.map(VietText.displayWidth).max() ?? 1)
        let top = rows.map(\.row.received).max() ?? 0
        let barWidth = max(1, min(40, width - keyWidth - 10))
        var out: [(String, Style)] = [("", .plain), (title, Style(.label, bold: true))]
        for (key, row) in zip(keys, rows.map(\.row)) {
            let fitted = TextWrap.fit(key, width: keyWidth)
            let pad = String(repeating: " ", count: max(0, keyWidth - VietText.displayWidth(fitted)))
            out.append((fitted + pad + "  " + Report.bar(row.received, of: top, width: barWidth) + " " + Report.number(row.received), .plain))
        }
        return out
    }
}
