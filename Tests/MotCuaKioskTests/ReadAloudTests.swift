// Reading aloud in the kiosk: what the read key (F12) says, auto-read of each new
// question, the notice without espeak-ng, and the run loop silencing the voice at the
// next key. What is said is checked as the listener hears it (SpokenVietnamese).
import MotCuaForms
import MotCuaText
import Testing
@testable import MotCuaKiosk

/// Records what the run loop asks of the voice.
final class RecordingVoice: KioskVoice {
    var said: [(String, String)] = []
    var silenced = 0
    func say(_ text: String, language: String) { said.append((text, language)) }
    func silence() { silenced += 1 }
}

@Suite struct ReadAloudTests {
    func speech(_ command: KioskCommand) -> String? {
        if case .speak(let text, _) = command { return text }
        return nil
    }

    func app(_ desk: FakeDesk, _ form: String = "khai-sinh", _ answers: JSONObject = khaiSinhFirstPage) -> KioskApp {
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview(form, answers)))
        app.setSpeech(available: true, autoRead: false)
        return app
    }

    @Test func theReadKeySaysTheQuestionTheAnswerAndTheLastError() throws {
        let desk = FakeDesk()
        var app = app(desk)
        let field = try #require(app.interview?.currentField)
        let label = app.interview!.text(field.label)
        let first = try #require(speech(app.update(.key(.function(12)))))
        #expect(first.hasPrefix(SpokenVietnamese.text(label)), "\(first)")
        #expect(first.contains("Chưa có câu trả lời"), "\(first)")
        // Ctrl-B is the same key for terminals without F12.
        #expect(speech(app.update(.key(.control("b")))) == first)

        app.type("Nguyen 3")
        app.press(.enter)
        let withError = try #require(speech(app.update(.key(.function(12)))))
        #expect(withError.contains("Câu trả lời hiện tại, Nguyen ba"), "\(withError)")
        #expect(withError.contains("Lỗi,"), "\(withError)")
    }

    @Test func fewOptionsAreReadWithTheirNumbers() throws {
        let desk = FakeDesk()
        var app = app(desk, "ho-gia-dinh", JSONObject())
        let said = try #require(speech(app.update(.key(.function(12)))))
        #expect(said.hasPrefix("Giấy tờ mang theo"), "\(said)")
        #expect(said.contains("Một, Thẻ căn cước. Hai, Sổ hộ khẩu cũ. Ba, Giấy khai sinh"), "\(said)")
    }

    @Test func autoReadSaysEachNewQuestionAndTheKeyTogglesIt() throws {
        let desk = FakeDesk()
        var app = app(desk)
        #expect(app.update(.key(.character("N"))) == .none)   // typing is not a new question
        app.setSpeech(available: true, autoRead: true)
        app.press(.backspace)
        app.type("Nguyen Van An")
        let before = app.interview?.cursor
        let command = app.update(.key(.enter))
        #expect(app.interview?.cursor != before)
        let said = try #require(speech(command))
        let next = app.interview!.text(app.interview!.currentField!.label)
        #expect(said.hasPrefix(SpokenVietnamese.text(next)), "\(said) / \(next)")
        // Ctrl-Y turns it off (and says so on screen); the next question is then silent.
        _ = app.update(.key(.control("y")))
        #expect(!app.autoRead)
        #expect(app.view(size: sizes[0]).text.contains("Tự đọc: tắt"))
    }

    @Test func withoutEspeakTheKeySaysHowToInstallIt() {
        let desk = FakeDesk()
        var app = app(desk)
        app.setSpeech(available: false, autoRead: false)
        #expect(app.update(.key(.function(12))) == .none)
        #expect(app.view(size: sizes[0]).text.contains("apt-get install espeak-ng"))
        // Asked to read by itself without espeak-ng: said once on the screen, nothing else changes.
        var home = KioskApp(services: desk.services)
        home.setSpeech(available: false, autoRead: true)
        #expect(home.view(size: sizes[0]).text.contains("espeak-ng"))
        #expect(home.update(.key(.down)) == .none)
    }

    @Test func theFooterAndTheHelpShowTheKeys() {
        var app = app(FakeDesk())
        #expect(app.view(size: sizes[0]).text.contains("F12 Đọc to"))
        app.press(.function(1))
        let help = app.view(size: sizes[0]).text
        #expect(help.contains("F12 / Ctrl-B: Đọc to"))
        #expect(help.contains("F11 / Ctrl-Y: Tự đọc từng câu"))
    }

    /// The run loop hands `.speak` to the voice and silences it at the next key.
    @Test func theNextKeySilencesTheVoice() {
        struct Speaking: KioskProgram {
            mutating func update(_ event: KioskEvent) -> KioskCommand {
                event == .key(.function(12)) ? .speak("xin chào", language: "vi") : event == .key(.function(10)) ? .quit(0) : .none
            }
            func view(size: Size) -> Screen { Screen(size: size) }
            mutating func terminate(signal: Int32) {}
        }
        var program = Speaking()
        let voice = RecordingVoice()
        let terminal = ScriptedTerminal([.key(.function(12)), .resize(.minimum), .key(.character("a")), .key(.function(10))])
        let status = KioskRunner.run(&program, on: terminal, voice: voice, pendingSignal: terminal.takeSignal)
        #expect(status == 0)
        #expect(voice.said.map(\.0) == ["xin chào"])
        // Silenced before each key was handled (F12 itself, "a", F10) and once more on leaving; not on the resize.
        #expect(voice.silenced == 4)
    }
}
