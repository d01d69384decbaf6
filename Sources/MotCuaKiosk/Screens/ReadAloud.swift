// Reading aloud (F12): what the read key says on each screen, and the auto-read
// option that says each new question by itself. The app only decides what is
// said; the run loop hands it to a `KioskVoice` and silences it at the next key.
import MotCuaForms
import MotCuaInterview
import MotCuaText

/// Where the voice goes: espeak-ng in the real kiosk, a recorder in tests.
public protocol KioskVoice: AnyObject {
    /// Starts saying `text` (the previous text, if still being said, stops first).
    func say(_ text: String, language: String)
    /// Stops at once.
    func silence()
}

extension KioskApp {
    /// Whether espeak-ng is there, and whether each new question is read by itself
    /// (settings `readAloud`). With auto-read on and no espeak-ng, the home screen
    /// says once how to install it.
    public mutating func setSpeech(available: Bool, autoRead: Bool) {
        speechAvailable = available
        self.autoRead = autoRead
        if autoRead && !available { show(Notice(text: m.text("kiosk.speech.missing"), isError: true)) }
    }

    /// The read and auto-read keys, handled on every screen.
    mutating func speechKey(_ key: Key) -> KioskCommand? {
        if KioskKey.readAloud.matches(key) { return readAloud() }
        guard KioskKey.autoRead.matches(key) else { return nil }
        autoRead.toggle()
        show(Notice(text: m.text(autoRead ? "kiosk.speech.auto.on" : "kiosk.speech.auto.off"), isError: false))
        return autoRead ? readAloud() : KioskCommand.none
    }

    /// What the read key says here, or the notice that espeak-ng is missing.
    mutating func readAloud() -> KioskCommand {
        guard speechAvailable else {
            show(Notice(text: m.text("kiosk.speech.missing"), isError: true))
            return .none
        }
        let text = spokenScreen
        return text.isEmpty ? .none : .speak(text, language: language)
    }

    /// After a key: with auto-read on, a new question (or a new error under it) is said.
    mutating func speakIfMoved(from before: SpokenPlace) -> KioskCommand {
        guard autoRead, speechAvailable, spokenPlace != before else { return .none }
        let text = spokenScreen
        return text.isEmpty ? .none : .speak(text, language: language)
    }

    /// Identifies what is being asked and the message under it: when it changes, auto-read speaks.
    /// Worked out before every key: compared as values, not as a description of the cursor
    /// (which went through reflection, a tenth of a keystroke's time in a text field).
    var spokenPlace: SpokenPlace {
        guard case .interview(let screen) = route else { return SpokenPlace(screen: screenName) }
        return SpokenPlace(screen: "interview", cursor: screen.interview.cursor, review: screen.review != nil, message: screen.editor?.message)
    }

    /// The words for the screen on show, written for a listener.
    var spokenScreen: String {
        let parts: [String]
        switch route {
        case .interview(let screen): parts = screen.spokenParts
        case .receipt(let screen): parts = screen.receipt.layout(screen.m).drop(while: { $0.kind != .title }).map(\.text)
        default: parts = [m.text("kiosk.speech.home")]
        }
        let spoken = parts.filter { !$0.isEmpty }.map { language == "vi" ? SpokenVietnamese.text($0) : VietText.neutralizeControls($0) }
        return spoken.map(\.trimmingPauses).filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// A notice on the screen on show.
    mutating func show(_ notice: Notice) {
        switch route {
        case .interview(var screen): screen.notice = notice; route = .interview(screen)
        case .home: route = .home(HomeScreen(messages: m, services: services, notice: notice, who: whoLine, typing: typing))
        default: break
        }
    }
}

extension InterviewScreen {
    /// The question with its hint and help, its options when there are few, the answer
    /// as it stands, and the message under it (error or warning).
    var spokenParts: [String] {
        if let review {
            let errors = review.review.report.errors.count
            return [m.text("kiosk.speech.review"), errors > 0 ? m.text("kiosk.speech.review.errors", ["count": "\(errors)"]) : ""]
        }
        guard let f = interview.currentField else { return [] }
        var parts: [String] = []
        guard let editor else {
            // A repeat's list: its question and how many items it holds.
            parts.append(interview.text(f.label))
            parts.append(interview.text(f.hint))
            if case .field(let rid) = interview.cursor {
                parts.append(m.text("kiosk.speech.items", ["count": "\(interview.itemCount(rid))"]))
            }
            return parts
        }
        let content = editor.content(interview, m)
        parts.append(content.label)
        if f.type == .note { parts.append(interview.text(f.label)) }
        parts.append(content.hint ?? "")
        parts.append(interview.text(f.help))
        if let options = editor.widget.spokenOptions, options.count <= Self.optionsReadAloud {
            parts.append(SpokenVietnamese.options(options))
        }
        if f.type != .note, case .value(let value) = editor.reading(f, m) {
            parts.append(value.isNull ? m.text("kiosk.speech.empty") : m.text("kiosk.speech.answer", ["answer": interview.display(value, f)]))
        }
        if let message = content.message {
            parts.append(m.text(content.messageIsError ? "kiosk.speech.error" : "kiosk.speech.warning", ["message": message]))
        }
        return parts
    }

    /// Longer option lists (communes, ethnic groups) are searched, not listened to.
    static let optionsReadAloud = 9
}

extension String {
    /// Without the pauses and spaces at its ends, so that joined parts get one full stop.
    var trimmingPauses: String {
        var s = Substring(self)
        while let c = s.last, c == "." || c == "," || c == " " { s = s.dropLast() }
        while let c = s.first, c == " " { s = s.dropFirst() }
        return String(s)
    }
}

/// What auto-read watches: the screen, the question and the message under it.
struct SpokenPlace: Equatable {
    var screen: String
    var cursor: Cursor?
    var review = false
    var message: String?
}
