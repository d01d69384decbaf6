// The outbox: how many dossiers wait, are being sent, were sent, failed (and will be
// tried again) or were set aside, and why, then every dossier one per line (those that
// need attention first, then the others newest first, scrolled with ↑/↓/PgUp/PgDn); Enter
// delivers now to the core store; R puts the selected failed or set-aside dossier back in
// the queue (the officer's decision: a conflict or a rejection is never retried by itself). A status line names the destination and
// when a delivery last succeeded (the kiosk delivers in the background when one is set).
import MotCuaDesk
import MotCuaForms
import MotCuaText

enum QueueAction: Equatable { case none, back }

struct QueueScreen {
    let m: Messages
    var overview: QueueOverview?
    var error: String?
    /// What the last "deliver now" did.
    var result: DeliverySummary?
    /// The dossier of `rows` selected (R retries it when it needs attention).
    var selected = 0
    /// Receipt code put back in the queue by the last R.
    var retried: String?
    /// Form id → the procedure's title, for the lines (read with the queue).
    private var titles: [String: String] = [:]

    init(messages: Messages, services: KioskServices) {
        m = messages
        reload(services)
    }

    private mutating func reload(_ services: KioskServices) {
        do {
            overview = try services.queue()
            for id in Set(rows.map(\.formID)) where titles[id] == nil {
                titles[id] = VietText.neutralizeControls(services.procedureTitle(id, m.language))
            }
            error = nil
            selected = min(selected, max(0, rows.count - 1))
        } catch {
            overview = nil
            self.error = m.text("kiosk.queue.failed", ["reason": "\(error)"])
        }
    }

    mutating func update(_ key: Key, services: KioskServices) -> QueueAction {
        switch key {
        case .escape: return .back
        case .enter:
            do { result = try services.deliver() } catch {
                result = nil
                self.error = m.text("kiosk.queue.failed", ["reason": "\(error)"])
                return .none
            }
            reload(services)
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, rows.count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - 10)
        case .pageDown: selected = min(max(0, rows.count - 1), selected + 10)
        case .character("r"), .character("R"):
            let items = rows
            guard items.indices.contains(selected), items[selected].state == .failed || items[selected].state == .setAside else { return .none }
            do {
                try services.retry(items[selected].receipt)
                retried = items[selected].receipt
                result = nil
            } catch {
                self.error = m.text("kiosk.queue.failed", ["reason": "\(error)"])
                return .none
            }
            reload(services)
        default:
            if KioskKey.leave.matches(key) || KioskKey.queue.matches(key) { return .back }
        }
        return .none
    }

    /// Every dossier of the outbox: those needing attention first (oldest first), then the others (newest first).
    var rows: [QueueLine] { (overview?.attention ?? []) + (overview?.others ?? []) }

    func view(size: Size) -> Screen {
        var hints = [CommonHints.enter(m, "kiosk.enter.deliver")]
        if overview?.attention.isEmpty == false { hints.append(KeyHint("R", m.text("kiosk.queue.retry"))) }
        hints.append(CommonHints.escape(m, "kiosk.esc.back"))
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.queue"), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var lines: [(String, Style)] = []
        var list: [[(String, Style)]] = []  // one entry per row of `rows`, each its wrapped lines
        var bottom: [(String, Style)] = []
        if let o = overview {
            let counts = m.text("kiosk.queue.counts", [
                "queued": String(o.count(.queued)), "delivering": String(o.count(.delivering)),
                "delivered": String(o.count(.delivered)), "failed": String(o.count(.failed)), "aside": String(o.count(.setAside)),
            ])
            lines += TextWrap.lines(counts, width: inner.width).map { ($0, Style(.label, bold: true)) }
            var stored = m.text("kiosk.queue.stored", ["count": String(o.storedDossiers)])
            if o.conflicts > 0 { stored += " · " + m.text("kiosk.queue.conflicts", ["count": String(o.conflicts)]) }
            lines.append((stored, .plain))
            let status = m.text("kiosk.queue.destination", ["to": o.destination ?? m.text("kiosk.queue.local")])
                + " · " + (o.lastDelivered.map { m.text("kiosk.queue.last", ["time": $0]) } ?? m.text("kiosk.queue.never"))
            lines += TextWrap.lines(status, width: inner.width).map { ($0, .plain) }
            lines.append(("", .plain))
            if o.attention.isEmpty {
                lines.append((m.text("kiosk.queue.clear"), .role(.success)))
            } else {
                lines.append((m.text("kiosk.queue.attention"), Style(.label, bold: true)))
            }
            for (k, item) in o.attention.enumerated() { list.append(attentionLines(item, width: inner.width, selected: k == selected)) }
            for (k, item) in o.others.enumerated() {
                list.append(otherLines(item, width: inner.width, selected: o.attention.count + k == selected, heading: k == 0 ? o.others.count : nil))
            }
        }
        if let error { bottom.append(("", .plain)); bottom.append((error, Style(.error, bold: true))) }
        if let retried { bottom.append(("", .plain)); bottom.append((m.text("kiosk.queue.retried", ["receipt": retried]), .role(.success))) }
        if let r = result {
            bottom.append(("", .plain))
            let text = m.text("kiosk.queue.delivered", ["delivered": String(r.delivered), "already": String(r.alreadyStored),
                                                        "failed": String(r.failed), "aside": String(r.setAside), "waiting": String(r.waiting)])
            bottom += TextWrap.lines(text, width: inner.width).map { ($0, Style(r.failed + r.setAside > 0 ? .warning : .success, bold: true)) }
        }
        // The list takes the room between the status lines and the messages, scrolled so the selected dossier shows.
        let room = max(0, inner.height - lines.count - bottom.count)
        var start = 0
        if !list.isEmpty {
            let upTo = list.prefix(selected + 1).reduce(0) { $0 + $1.count }
            let flat = list.reduce(0) { $0 + $1.count }
            if upTo > room { start = min(upTo - room + room / 2, max(0, flat - room)) }
        }
        lines += list.flatMap { $0 }.dropFirst(start).prefix(room)
        lines += bottom
        for (k, line) in lines.prefix(inner.height).enumerated() {
            screen.write(line.0, at: Point(x: inner.x, y: inner.y + k), style: line.1, clip: inner)
        }
        screen.cursor = nil
        return screen
    }

    /// "  TQ01-261206-0004 Đăng ký khai sinh · chờ gửi", under "Các hồ sơ khác (12):" for the first.
    private func otherLines(_ item: QueueLine, width: Int, selected: Bool, heading: Int?) -> [(String, Style)] {
        var out: [(String, Style)] = []
        if let heading { out.append((m.text("kiosk.queue.others", ["count": String(heading)]), Style(.label, bold: true))) }
        let text = "\(item.receipt) \(title(item)) · \(item.state.words(m, short: true))"
        let style = item.state == .delivered ? Style(.success, bold: selected) : Style(.normal, bold: selected)
        out += TextWrap.lines(text, width: max(1, width - 4)).enumerated().map { k, line in
            ((k == 0 ? (selected ? "▶ " : "  ") : "    ") + line, selected ? Style(.selection) : style)
        }
        return out
    }

    /// "✗ TQ01-261127-0003 Đăng ký khai sinh · set aside: reason", wrapped under its code.
    private func attentionLines(_ item: QueueLine, width: Int, selected: Bool) -> [(String, Style)] {
        let state: String
        if item.state == .setAside {
            state = m.text("kiosk.queue.state.aside")
        } else {
            state = m.text("kiosk.queue.state.failed", ["attempts": String(item.attempts), "next": item.nextRetry ?? "—"])
        }
        let text = "\(item.receipt) \(title(item)) · \(state)" + (item.reason.map { ": " + $0 } ?? "")
        let wrapped = TextWrap.lines(text, width: max(1, width - 4))
        return wrapped.enumerated().map { k, line in
            ((k == 0 ? (selected ? "▶ " : "✗ ") : "    ") + line, Style(item.state == .setAside ? .error : .warning, bold: selected))
        }
    }

    private func title(_ item: QueueLine) -> String { titles[item.formID] ?? VietText.neutralizeControls(item.formID) }
}
