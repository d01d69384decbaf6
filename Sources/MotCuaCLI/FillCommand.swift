import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaPlain
import MotCuaSpeech
import MotCuaQR
import MotCuaStore
import MotCuaText

/// Exit status when standard input ends mid-interview (the draft is saved).
let exitEndOfInput: Int32 = 3

let fillUsage = """
usage: motcua fill FORM [--draft ID] [--plain] [--telex|--vni] [--speak] [--lang vi|en] [--data-dir D] [--kiosk K] [--operator O]
  FORM is a form file or the id of a form under Forms/ (e.g. khai-sinh).
  --speak reads each question, its options and any error aloud (espeak-ng).
  Plain mode (lines, for screen readers and scripts) runs with --plain, when
  output is not a terminal, or with TERM=dumb. Commands alone on a line:
    <        back to the previous question
    ?        help for this question
    !        clear this answer
    :review  review the whole dossier
    :save    save the draft and leave
  --telex or --vni: names and addresses typed in that method are converted
  (Nguyeenx Thij Hoaf gives Nguyễn Thị Hòa); ID numbers and phones are not.
  Every confirmed answer is saved to the draft at once. End of input saves
  the draft, prints its id and exits with status 3; resume with --draft ID.
"""

/// `motcua fill`: runs an interview in plain mode (or the kiosk's full screen).
public func runFillCommand(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") { Console.out(fillUsage); return 0 }
    guard let line = StoreCommandLine(args, command: "fill", valued: ["--draft", "--lang", "--today", "--idle"],
                                      switches: ["--plain", "--high-contrast", "--telex", "--vni", "--speak"]) else { return 2 }
    let lang = line.values["--lang"] ?? "vi"
    guard ["vi", "en"].contains(lang) else { Console.err("motcua fill: --lang takes vi or en"); return 2 }
    do {
        let session = try FillSetup(line: line, language: lang)
        // On a terminal that can show it, the full-screen kiosk; otherwise (or with --plain) lines.
        if !line.flags.contains("--plain"), let status = runKioskFill(session) { return status }
        return session.runPlain()
    } catch let busy as DraftInUse {
        // Another desk has this draft open: say so in the desk's language, and change nothing.
        Console.err(Console.safe("motcua fill: " + Resources.messages(lang).text("draft.in_use", ["id": busy.draftID])))
        return 2
    } catch {
        Console.err(Console.safe("motcua fill: \(error)"))
        return 2
    }
}

/// `motcua fill`'s interview: the desk's session (form, draft, store) and the options
/// of the command line that only the front ends use (typing, speech).
struct FillSetup {
    let desk: Desk
    let session: DeskSession
    let line: StoreCommandLine

    var loaded: LoadedForm { session.loaded }
    var draft: Draft { session.draft }
    var messages: Messages { session.messages }
    var holidays: HolidayCalendar { session.holidays }
    var dataDir: String { desk.dataDir }

    init(desk: Desk, session: DeskSession, line: StoreCommandLine) {
        self.desk = desk; self.session = session; self.line = line
    }

    /// The interview `line` names (a form, or `--draft ID`), at a desk made from its options.
    init(line: StoreCommandLine, language: String) throws {
        let today = line.values["--today"].flatMap { CalendarDate.parseISO($0, precision: .day) }
        let desk = try Desk(installation: try Installation(), dataDirFlag: line.dataDir, kiosk: line.kiosk,
                            operatorID: line.operatorID, today: today)
        let session: DeskSession
        if let id = line.values["--draft"] {
            session = try desk.resume(draft: id, form: line.positional.first, language: line.values["--lang"] != nil ? language : nil)
        } else {
            guard let f = line.positional.first else { throw StoreError.invalidArgument("which form? Name one, e.g. khai-sinh (see 'motcua fill --help')") }
            session = try desk.start(form: f, language: language)
        }
        self.init(desk: desk, session: session, line: line)
    }

    func makeInterview() -> Interview { session.makeInterview() }

    func save(_ i: Interview) throws { try session.save(i) }

    /// Queues the dossier (durable before this returns), drops the draft and
    /// gives the receipt's lines.
    func submit(_ i: Interview) throws -> [String] {
        try submitReceipt(i).plainLines(messages)
    }

    /// As `submit`, giving the receipt itself (the kiosk draws its codes).
    func submitReceipt(_ i: Interview) throws -> Receipt {
        try session.submitReceipt(i)
    }

    /// Plain mode; with `--speak` every question, option list and error is also read aloud.
    func runPlain() -> Int32 {
        guard line.flags.contains("--speak") else { return runPlain(io: StandardIO()) }
        let speaker = Speaker(settings: speechSettings(desk.settingsJSON))
        if !speaker.isAvailable { Console.err(messages.text("kiosk.speech.missing")) }
        return runPlain(io: SpeakingIO(StandardIO(), speaker: speaker, language: messages.language))
    }

    func runPlain<IO: PlainIO>(io given: IO) -> Int32 {
        var io = given
        var hooks = PlainHooks(save: self.session.save, submit: submit)
        hooks.duplicates = { [session] in session.duplicateLines(session.possibleDuplicates($0)) }
        var session = PlainSession(interview: makeInterview(), io: io, hooks: hooks)
        session.typing = line.flags.contains("--telex") ? .telex : line.flags.contains("--vni") ? .vni : .off
        if let style = desk.settings.toneStyle { session.toneStyle = style }
        do { try save(session.interview) } catch {
            Console.err(Console.safe("motcua fill: cannot save the draft: \(error)"))
            return 2
        }
        let exit = session.run()
        switch exit {
        case .submitted: return 0
        case .saved:
            io.write(messages.text("plain.saved", ["id": draft.id, "form": loaded.form.id]))
            return 0
        case .endOfInput:
            io.write(messages.text("plain.eof", ["id": draft.id]))
            return exitEndOfInput
        case .failed(let why):
            Console.err(Console.safe("motcua fill: \(why)"))
            return 2
        }
    }
}

/// A form given by path, or by id under Forms/ (`Installation.formPath`).
func resolveFormPath(_ s: String) -> String {
    (try? Installation())?.formPath(s) ?? s
}

/// Standard input and output as lines; output is flushed at each line so a
/// screen reader or a script sees the prompt before typing.
struct StandardIO: PlainIO {
    mutating func readLine() -> String? { Swift.readLine(strippingNewline: true) }
    mutating func write(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

