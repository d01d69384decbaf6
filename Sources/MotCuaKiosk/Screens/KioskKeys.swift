// The app's command keys. Each has a function key and a Ctrl fallback for terminals
// (and remote sessions) that do not send function keys; the footer shows the function
// key, the help screen both. The Ctrl letters avoid those the text editor uses
// (A, E, J) and the ones terminals keep for themselves (C, Z).
import MotCuaForms

/// A command of the kiosk and the keys that give it.
enum KioskKey: CaseIterable {
    case help, review, fast, highContrast, drafts, typing, queue, language, submit, qrCodes, leave, readAloud, autoRead
    /// "Đổi người": outside an interview (where F3 is the fast view), back to sign-in.
    case switchOperator
    /// "Hôm nay": on the home screen (where F9 submits nothing), today's numbers and dossiers.
    case today
    /// "Tra cứu hồ sơ" on the home screen (where F2 / Ctrl-R, the review, is never needed):
    /// a returning citizen's dossiers.
    case returning

    var function: Int {
        switch self {
        case .help: 1
        case .review, .returning: 2
        case .fast, .switchOperator: 3
        case .highContrast: 4
        case .drafts, .qrCodes: 5
        case .typing: 6
        case .queue: 7
        case .language: 8
        case .submit, .today: 9
        case .leave: 10
        case .autoRead: 11
        case .readAloud: 12
        }
    }

    var control: Character {
        switch self {
        case .help: "g"
        case .review, .returning: "r"
        case .fast: "f"
        case .highContrast: "o"
        case .drafts: "d"
        case .qrCodes: "p"
        case .typing: "t"
        case .queue: "q"
        case .language: "l"
        case .submit, .today: "n"
        case .leave: "x"
        case .readAloud: "b"
        case .autoRead: "y"
        case .switchOperator: "v"
        }
    }

    func matches(_ key: Key) -> Bool {
        if key == .function(function) || key == .control(control) { return true }
        return self == .leave && key == .control("s")  // "save": what the demo and editors use
    }

    /// "F1", as the footer shows it.
    var label: String { "F\(function)" }
    /// "Ctrl-G", for the help screen.
    var controlLabel: String { "Ctrl-" + String(control).uppercased() }

    /// What the key does, in the current language.
    func meaning(_ m: Messages) -> String {
        switch self {
        case .help: m.text("kiosk.key.help")
        case .review: m.text("kiosk.key.review")
        case .fast: m.text("kiosk.key.fast")
        case .highContrast: m.text("kiosk.key.contrast")
        case .drafts: m.text("kiosk.key.drafts")
        case .qrCodes: m.text("kiosk.key.qr")
        case .typing: m.text("kiosk.key.typing")
        case .queue: m.text("kiosk.key.queue")
        case .language: m.text("kiosk.key.language")
        case .submit: m.text("kiosk.key.submit")
        case .leave: m.text("kiosk.key.leave")
        case .readAloud: m.text("kiosk.key.read")
        case .autoRead: m.text("kiosk.key.autoread")
        case .switchOperator: m.text("kiosk.key.switch")
        case .today: m.text("kiosk.key.today")
        case .returning: m.text("kiosk.key.returning")
        }
    }

    func hint(_ m: Messages) -> KeyHint { KeyHint(label, meaning(m)) }

    /// The command a key gives among `keys`, if any.
    static func command(_ key: Key, among keys: [KioskKey]) -> KioskKey? {
        keys.first { $0.matches(key) }
    }
}

/// Footer hints for the keys every screen has (Enter, Esc) in the current language.
enum CommonHints {
    static func enter(_ m: Messages, _ meaningKey: String) -> KeyHint { KeyHint("Enter", m.text(meaningKey)) }
    static func escape(_ m: Messages, _ meaningKey: String) -> KeyHint { KeyHint("Esc", m.text(meaningKey)) }
    /// "↑↓ cuộn", on screens whose body can be longer than the screen.
    static func scroll(_ m: Messages) -> KeyHint { KeyHint("↑↓", m.text("kiosk.scroll")) }
}
