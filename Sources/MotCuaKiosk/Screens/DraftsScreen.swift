// The drafts that can be resumed: procedure, applicant's initials and last change. Enter
// asks before resuming one at its first unanswered question; Delete discards one after asking.
// The list is one key from the home screen, where the idle reset returns, so no name is
// shown in full and opening a draft (which shows its answers) takes a deliberate second
// step (issue 12, F13; the operators' work adds who may open it).
import MotCuaForms

enum DraftsAction: Equatable { case none, back, resume(String) }

struct DraftsScreen {
    let m: Messages
    var items: [DraftItem] = []
    var highlight = 0
    /// "Discard this draft?" is asked.
    var confirmingDiscard = false
    /// "Open this draft?" is asked.
    var confirmingResume = false
    var notice: Notice?

    init(messages: Messages, services: KioskServices) {
        m = messages
        load(services)
    }

    private mutating func load(_ services: KioskServices) {
        do { items = try services.drafts(m.language) } catch {
            items = []
            notice = Notice(text: m.text("kiosk.drafts.failed", ["reason": "\(error)"]), isError: true)
        }
        highlight = min(highlight, max(0, items.count - 1))
    }

    mutating func update(_ key: Key, services: KioskServices) -> DraftsAction {
        if confirmingDiscard {
            confirmingDiscard = false
            guard key == .enter, items.indices.contains(highlight) else { return .none }
            do {
                try services.discardDraft(items[highlight].id)
                notice = Notice(text: m.text("kiosk.drafts.discarded"), isError: false)
            } catch {
                notice = Notice(text: m.text("kiosk.drafts.failed", ["reason": "\(error)"]), isError: true)
            }
            load(services)
            return .none
        }
        if confirmingResume {
            confirmingResume = false
            guard key == .enter, items.indices.contains(highlight) else { return .none }
            return .resume(items[highlight].id)
        }
        notice = nil
        switch key {
        case .up: highlight = max(0, highlight - 1)
        case .down: highlight = min(max(0, items.count - 1), highlight + 1)
        case .escape: return .back
        case .delete: if items.indices.contains(highlight) { confirmingDiscard = true }
        case .enter: if items.indices.contains(highlight) { confirmingResume = true }
        default: if KioskKey.leave.matches(key) || KioskKey.drafts.matches(key) { return .back }
        }
        return .none
    }

    func view(size: Size) -> Screen {
        let hints: [KeyHint] = confirmingDiscard || confirmingResume
            ? [CommonHints.enter(m, confirmingDiscard ? "kiosk.drafts.discard" : "kiosk.enter.resume"), CommonHints.escape(m, "kiosk.esc.cancel")]
            : [CommonHints.enter(m, "kiosk.enter.resume"), KeyHint("Del", m.text("kiosk.drafts.discard")), CommonHints.escape(m, "kiosk.esc.back")]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.drafts"), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        screen.write(m.text("kiosk.drafts.pick"), at: Point(x: inner.x, y: inner.y), style: Style(.label, bold: true), clip: inner)
        var list = inner.inset(top: 2)
        if let notice { list = notice.draw(into: &screen, bottomOf: list) }
        if confirmingDiscard || confirmingResume, items.indices.contains(highlight) {
            let (rest, line) = list.splitBottom(1)
            list = rest
            let who = items[highlight].applicant.map(DraftsScreen.initials) ?? items[highlight].procedure
            let question = m.text(confirmingDiscard ? "kiosk.drafts.confirm" : "kiosk.drafts.confirmResume", ["name": who])
            screen.write(TextWrap.fit(question, width: line.width), at: Point(x: line.x, y: line.y),
                         style: Style(.warning, bold: true), clip: line)
        }
        if items.isEmpty {
            screen.write(m.text("kiosk.drafts.none"), at: Point(x: list.x, y: list.y), style: .role(.muted), clip: list)
        }
        guard !list.isEmpty else { screen.cursor = nil; return screen }
        let procedureWidth = min(34, list.width * 2 / 5), nameWidth = min(30, list.width / 3)
        let first = list.firstVisible(of: items.count, keeping: highlight)
        for (k, item) in items.enumerated().dropFirst(first).prefix(list.height) {
            let line = list.row(k - first)
            let on = k == highlight
            let style = on ? Style(.selection) : Style.plain
            if on { screen.fill(line, style: style) }
            screen.write((on ? "▸ " : "  ") + TextWrap.fit(item.procedure, width: procedureWidth - 3), at: Point(x: line.x, y: line.y), style: style, clip: line)
            screen.write(TextWrap.fit(item.applicant.map(DraftsScreen.initials) ?? "—", width: nameWidth - 1), at: Point(x: line.x + procedureWidth, y: line.y),
                         style: on ? style : Style(.label), clip: line)
            screen.write(item.updated, at: Point(x: line.x + procedureWidth + nameWidth, y: line.y), style: on ? style : .role(.muted), clip: line)
        }
        screen.cursor = nil
        return screen
    }

    /// "Nguyễn Thị Hòa" → "N. T. H.": enough for the officer and citizen
    /// beside them to find their draft, not a name for a passer-by.
    static func initials(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { $0.first.map { String($0).uppercased() + "." } }
            .joined(separator: " ")
    }
}
