// The few words the terminal layer itself shows (widget chrome, the "enlarge the window"
// screen), read from Locales/ like every other string a person reads. Kept as a value so a
// screen can switch language without global state.
import MotCuaForms

/// Widget and layout wording in one language.
public struct KioskStrings: Hashable, Sendable {
    public var yes: String
    public var no: String
    /// Letters that pick "yes"/"no" in a boolean field (folded, lower case).
    public var yesKeys: Set<Character>
    public var noKeys: Set<Character>
    public var search: String
    public var noMatches: String
    /// The first row of an optional choice: no answer.
    public var leaveBlank: String
    public var digitsOnly: String
    public var enlargeTitle: String
    /// Format with {width}, {height}, {minWidth}, {minHeight}.
    public var enlargeBody: String
    /// Format with {step} and {total}.
    public var stepFormat: String
    /// Placeholders for a date typed as DD/MM/YYYY, MM/YYYY and YYYY.
    public var dayPlaceholder: String
    public var monthPlaceholder: String
    public var yearPlaceholder: String

    /// The wording from `Locales/<language>.json` (keys `kiosk.widget.*`, `kiosk.enlarge.*`,
    /// `kiosk.step`, `answer.yes`/`answer.no`), so the widgets speak with the same words
    /// as the rest of the program and no wording lives in Swift.
    public init(_ m: Messages) {
        func letters(_ key: String) -> Set<Character> {
            let text = m.text(key)
            // A missing key comes back as the key itself; its letters must not answer yes/no.
            return text == key ? [] : Set(text.lowercased())
        }
        self.init(yes: m.text("answer.yes"), no: m.text("answer.no"),
                  yesKeys: letters("kiosk.widget.yesKeys"), noKeys: letters("kiosk.widget.noKeys"),
                  search: m.text("kiosk.widget.search"), noMatches: m.text("kiosk.widget.noMatches"),
                  leaveBlank: m.text("kiosk.widget.leaveBlank"), digitsOnly: m.text("kiosk.widget.digitsOnly"),
                  enlargeTitle: m.text("kiosk.enlarge.title"), enlargeBody: m.text("kiosk.enlarge.body"),
                  stepFormat: m.text("kiosk.step"),
                  dayPlaceholder: m.text("kiosk.widget.date.day"), monthPlaceholder: m.text("kiosk.widget.date.month"),
                  yearPlaceholder: m.text("kiosk.widget.date.year"))
    }

    public init(yes: String, no: String, yesKeys: Set<Character>, noKeys: Set<Character>, search: String,
                noMatches: String, leaveBlank: String, digitsOnly: String, enlargeTitle: String,
                enlargeBody: String, stepFormat: String, dayPlaceholder: String, monthPlaceholder: String,
                yearPlaceholder: String) {
        self.yes = yes; self.no = no; self.yesKeys = yesKeys; self.noKeys = noKeys
        self.search = search; self.noMatches = noMatches; self.leaveBlank = leaveBlank
        self.digitsOnly = digitsOnly; self.enlargeTitle = enlargeTitle; self.enlargeBody = enlargeBody
        self.stepFormat = stepFormat; self.dayPlaceholder = dayPlaceholder
        self.monthPlaceholder = monthPlaceholder; self.yearPlaceholder = yearPlaceholder
    }

    /// The widgets' default (tests, the demo, `KioskProgram`'s run-loop screens): the same
    /// Locales files the kiosk reads, found as the binary finds them (`Resources.root`,
    /// MOTCUA_HOME). The kiosk app itself builds its strings from its own `Messages`.
    public static let vi = KioskStrings(Resources.messages("vi"))
    public static let en = KioskStrings(Resources.messages("en"))

    /// "Bước 3/17".
    public func step(_ step: Int, of total: Int) -> String {
        KioskStrings.fill(stepFormat, ["step": String(step), "total": String(total)])
    }

    /// Replaces `{name}` placeholders, in one pass as `Messages` does (Foundation's
    /// replacingOccurrences was a twentieth of a keystroke: "Bước 3/17" is drawn every frame).
    static func fill(_ format: String, _ values: [String: String]) -> String {
        Messages.fill(format, values)
    }
}
