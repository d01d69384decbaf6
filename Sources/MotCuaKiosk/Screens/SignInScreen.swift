// Who is at the desk: the operators' names to choose from, then the PIN, shown only as
// dots. The kiosk opens here when operators are configured and comes back here after
// the idle timeout or "đổi người", so nothing personal is ever one key away from it.
import MotCuaDesk
import MotCuaForms

enum SignInAction: Equatable { case none, quit, signedIn(OperatorItem) }

struct SignInScreen {
    let m: Messages
    var operators: [OperatorItem]
    var highlight = 0
    /// The operator whose PIN is being typed (nil: choosing a name).
    var chosen: OperatorItem?
    /// The digits typed so far; never drawn, only counted.
    private var pin: [Character] = []
    var notice: Notice?

    init(messages: Messages, services: OperatorServices, notice: Notice? = nil) {
        m = messages
        operators = services.list()
        self.notice = notice
    }

    mutating func update(_ key: Key, services: OperatorServices) -> SignInAction {
        guard let who = chosen else {
            notice = nil
            switch key {
            case .up: highlight = max(0, highlight - 1)
            case .down: highlight = min(max(0, operators.count - 1), highlight + 1)
            case .enter:
                if operators.indices.contains(highlight) { chosen = operators[highlight]; pin = [] }
            default: if KioskKey.leave.matches(key) { return .quit }
            }
            return .none
        }
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            if pin.count < 32 { pin.append(c) }
            notice = nil
        case .backspace: if !pin.isEmpty { pin.removeLast() }
        case .escape:
            chosen = nil
            pin = []
            notice = nil
        case .enter:
            let typed = String(pin)
            pin = []
            guard DeskSignIn.mayBePIN(typed) else {
                notice = Notice(text: m.text("kiosk.signin.short"), isError: true)
                return .none
            }
            switch services.signIn(who.id, typed) {
            case .signedIn(let item):
                chosen = nil
                return .signedIn(item)
            case .wrongPIN(let left):
                notice = Notice(text: m.text("kiosk.signin.wrong", ["left": String(left)]), isError: true)
            case .locked(let until):
                notice = Notice(text: m.text("kiosk.signin.locked", ["name": who.name, "until": until]), isError: true)
                chosen = nil
            case .refused(let reason):
                notice = Notice(text: reason, isError: true)
                chosen = nil
            }
        default: break
        }
        return .none
    }

    func view(size: Size) -> Screen {
        let hints: [KeyHint] = chosen == nil
            ? [CommonHints.enter(m, "kiosk.signin.choose"), KeyHint(KioskKey.leave.label, m.text("kiosk.key.quit"))]
            : [CommonHints.enter(m, "kiosk.signin.enter"), CommonHints.escape(m, "kiosk.esc.back")]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.signin"), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var list = inner.inset(top: 2)
        if let notice { list = notice.draw(into: &screen, bottomOf: list) }
        screen.cursor = nil
        if let who = chosen {
            screen.write(m.text("kiosk.signin.pin", ["name": who.name]), at: Point(x: inner.x, y: inner.y), style: Style(.label, bold: true), clip: inner)
            let dots = String(repeating: "•", count: pin.count)
            let used = screen.write(m.text("kiosk.signin.pinLabel") + " ", at: Point(x: list.x, y: list.y), style: .role(.label), clip: list)
            screen.write(dots, at: Point(x: list.x + used, y: list.y), style: Style(.selection), clip: list)
            screen.cursor = Point(x: list.x + used + pin.count, y: list.y)
            return screen
        }
        screen.write(m.text("kiosk.signin.pick"), at: Point(x: inner.x, y: inner.y), style: Style(.label, bold: true), clip: inner)
        if operators.isEmpty {
            screen.write(TextWrap.fit(m.text("kiosk.signin.none"), width: list.width), at: Point(x: list.x, y: list.y), style: .role(.warning), clip: list)
        }
        guard !list.isEmpty else { return screen }
        let first = list.firstVisible(of: operators.count, keeping: highlight)
        for (k, item) in operators.enumerated().dropFirst(first).prefix(list.height) {
            let line = list.row(k - first)
            let on = k == highlight
            let style = on ? Style(.selection) : Style.plain
            if on { screen.fill(line, style: style) }
            let role = m.text(item.isAdmin ? "kiosk.signin.admin" : "kiosk.signin.officer")
            screen.write((on ? "▸ " : "  ") + TextWrap.fit(item.name, width: line.width - Screen.width(role) - 4),
                         at: Point(x: line.x, y: line.y), style: style, clip: line)
            screen.write(role, at: Point(x: line.maxX - Screen.width(role), y: line.y), style: on ? style : .role(.muted), clip: line)
        }
        return screen
    }
}
