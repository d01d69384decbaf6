// Home: the procedure catalog narrowed as the officer types (diacritics and case
// ignored, the national code works too), and the way to drafts, the queue and the other
// language. Nothing personal is ever shown here: it is where the idle timer returns to.
import MotCuaForms
import MotCuaText

enum HomeAction: Equatable {
    case none, drafts, queue, language, quit, today, returning
    case start(String)
}

struct HomeScreen {
    let m: Messages
    /// The search line, Telex/VNI as the desk types; the keys as typed are searched too.
    var search = SearchLine(typing: nil)
    var matches: [ProcedureItem]
    var highlight = 0
    /// Counts for the status line, read when home is shown (nil when unreadable).
    let draftCount: Int?
    let queue: QueueOverview?
    /// "Hồ sơ nháp: 2 · Hàng đợi: 1 chờ gửi, 0 tạm giữ – cần xem lại", made once from the counts.
    let statusLine: String
    var notice: Notice?
    /// Who is signed in, or that no operator is configured: shown beside the language.
    let who: String?
    /// Operators are configured: F3 "đổi người" is offered.
    let canSwitch: Bool
    /// What does not change while home is shown (the frame, the heading, the wrapped
    /// hint and summaries), kept so a keystroke only redraws the search and the list.
    private let layoutCache = HomeLayoutCache()

    /// `typing`: the desk's Telex/VNI, which the search line takes like any name field.
    init(messages: Messages, services: KioskServices, notice: Notice? = nil, who: String? = nil, typing: InputMethod = .telex) {
        m = messages
        search = SearchLine(typing: typing == .off ? nil : VietTypingEngine(method: typing, style: services.toneStyle))
        matches = services.searchProcedures("", messages.language)
        draftCount = (try? services.drafts(messages.language))?.count
        queue = try? services.queue()
        statusLine = HomeScreen.statusLine(messages, drafts: draftCount, queue: queue)
        self.who = who
        canSwitch = services.operators != nil
        self.notice = notice
    }

    mutating func update(_ key: Key, services: KioskServices) -> HomeAction {
        notice = nil
        switch KioskKey.command(key, among: [.drafts, .queue, .today, .language, .leave, .returning]) {
        case .returning?: return .returning
        case .drafts?: return .drafts
        case .today?: return .today
        case .queue?: return .queue
        case .language?: return .language
        case .leave?: return .quit
        default: break
        }
        if let moved = ListHighlight.moved(key, highlight, count: matches.count) { highlight = moved; return .none }
        switch key {
        case .enter:
            guard matches.indices.contains(highlight) else { return .none }
            return .start(matches[highlight].id)
        case .escape:
            if !search.isEmpty { search.clear(); refresh(services) }
        default:
            if search.update(key) { refresh(services) }
        }
        return .none
    }

    private mutating func refresh(_ services: KioskServices) {
        matches = services.searchProcedures(search.text, m.language)
        // Also as keyed, where Telex changed the letters ("khaisinh" is not "khaisính").
        if let keyed = search.asKeyed { matches = ProcedureItem.merged(matches, services.searchProcedures(keyed, m.language)) }
        highlight = 0
    }

    func view(size: Size, strings: KioskStrings) -> Screen {
        var (screen, inner, y) = layoutCache.heading(size) { chrome(size: size) }
        let used = screen.write(strings.search + " ", at: Point(x: inner.x, y: y), style: .role(.label), clip: inner)
        search.render(into: &screen, in: Rect(x: inner.x + used, y: y, width: min(40, inner.width - used - 8), height: 1), focused: true)
        let count = "\(matches.count)"
        screen.write(count, at: Point(x: inner.maxX - Screen.width(count), y: y), style: .role(.muted), clip: inner)
        y += 1
        let cursor = screen.cursor
        // The bottom: the highlighted procedure's summary, then drafts and queue at a glance.
        var bottom: [(String, Style)] = []
        if let notice { bottom.append((notice.text, notice.style)) }
        if matches.indices.contains(highlight), let summary = matches[highlight].summary {
            bottom += layoutCache.wrapped(summary, width: inner.width).prefix(2).map { ($0, Style(.hint)) }
        }
        bottom.append((statusLine, .role(.muted)))
        let list = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y - bottom.count - 1)
        if matches.isEmpty {
            screen.write(m.text("kiosk.home.none"), at: Point(x: list.x, y: list.y), style: .role(.warning), clip: list)
        } else if !list.isEmpty {
            let first = list.firstVisible(of: matches.count, keeping: highlight)
            for (k, item) in matches.enumerated().dropFirst(first).prefix(list.height) {
                let line = list.row(k - first)
                let on = k == highlight
                let style = on ? Style(.selection) : Style.plain
                if on { screen.fill(line, style: style) }
                let code = item.code ?? ""
                let titleWidth = line.width - Screen.width(code) - 4
                let title = item.reason.map { item.title + " (" + $0 + ")" } ?? item.title
                screen.write((on ? "▸ " : "  ") + TextWrap.fit(title, width: titleWidth), at: Point(x: line.x, y: line.y), style: style, clip: line)
                screen.write(code, at: Point(x: line.maxX - Screen.width(code), y: line.y), style: on ? style : .role(.muted), clip: line)
            }
        }
        for (k, line) in bottom.enumerated() {
            screen.write(TextWrap.fit(line.0, width: inner.width), at: Point(x: inner.x, y: inner.maxY - bottom.count + k), style: line.1, clip: inner)
        }
        screen.cursor = cursor
        return screen
    }

    /// The frame, the heading and the hint under it: the screen, the area inside the
    /// margins, and the row where the search goes.
    private func chrome(size: Size) -> (Screen, Rect, Int) {
        let hints = [CommonHints.enter(m, "kiosk.enter.start"), KioskKey.returning.hint(m)] + (canSwitch ? [KioskKey.switchOperator.hint(m)] : [])
            + [KioskKey.drafts.hint(m), KioskKey.queue.hint(m), KioskKey.today.hint(m),
               KioskKey.language.hint(m), KeyHint(KioskKey.leave.label, m.text("kiosk.key.quit")), KioskKey.highContrast.hint(m)]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.home"),
                                                            status: [who, m.text("kiosk.language.name")].compactMap { $0 }.joined(separator: " · "),
                                                            hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var y = inner.y
        screen.write(m.text("kiosk.home.pick"), at: Point(x: inner.x, y: y), style: Style(.label, bold: true), clip: inner)
        y += 1
        for line in TextWrap.lines(m.text("kiosk.home.hint"), width: inner.width).prefix(2) {
            screen.write(line, at: Point(x: inner.x, y: y), style: .role(.hint), clip: inner); y += 1
        }
        return (screen, inner, y + 1)
    }

    /// "Hồ sơ nháp: 2 · Hàng đợi: 1 chờ gửi, 0 tạm giữ – cần xem lại".
    static func statusLine(_ m: Messages, drafts: Int?, queue: QueueOverview?) -> String {
        let drafts = drafts.map { m.text("kiosk.home.drafts", ["count": String($0)]) }
        let queued = queue.map {
            m.text("kiosk.home.queue", ["queued": String($0.count(.queued) + $0.count(.failed) + $0.count(.delivering)),
                                        "aside": String($0.count(.setAside))])
        }
        return [drafts, queued].compactMap { $0 }.joined(separator: " · ")
    }
}

/// The parts of the home screen that only depend on the window size and the language,
/// made on first use. A reference, so the pure `view` can fill it; what it returns is
/// exactly what would be drawn afresh (the view tests compare whole screens).
private final class HomeLayoutCache {
    private var heading: (size: Size, screen: Screen, inner: Rect, y: Int)?
    private var wrapped: [String: (width: Int, lines: [String])] = [:]

    func heading(_ size: Size, make: () -> (Screen, Rect, Int)) -> (Screen, Rect, Int) {
        if let h = heading, h.size == size { return (h.screen, h.inner, h.y) }
        let (screen, inner, y) = make()
        heading = (size, screen, inner, y)
        return (screen, inner, y)
    }

    func wrapped(_ text: String, width: Int) -> [String] {
        if let w = wrapped[text], w.width == width { return w.lines }
        let lines = TextWrap.lines(text, width: width)
        wrapped[text] = (width, lines)
        return lines
    }
}
