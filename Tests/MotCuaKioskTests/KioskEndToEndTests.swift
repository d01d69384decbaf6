// The real demo binary in tmux: what a person sees and what the terminal is left as.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: tmuxAvailable && kioskDemoCommand != nil, "needs tmux and the kiosk demo binary"))
struct KioskEndToEndTests {
    let demo = kioskDemoCommand ?? []

    func tempFile(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-kiosk-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// Removes the folder `tempFile` made (drafts hold personal data, even made-up ones).
    func removeTemp(_ path: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    @Test func telexNamesDatesSearchAndAPasteReachTheSummary() throws {
        let draft = tempFile("draft.txt")
        defer { removeTemp(draft) }
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng đến bộ phận một cửa"))
        t.press("Enter")
        t.type("Nguyeenx Thij Hoongf Nhung")
        // The real cursor sits on the caret.
        #expect(t.wait { $0.text.contains("  Nguyễn Thị Hồng Nhung") && $0.cursor == (23, 8) })
        t.press("BSpace")
        t.type("g")
        #expect(t.wait(for: "  Nguyễn Thị Hồng Nhung"))
        t.press("Enter"); t.type("5/3/2024"); t.press("Enter")
        #expect(t.wait(for: "Năm sinh của mẹ"))
        t.type("1990"); t.press("Enter")
        t.type("hung duc")
        #expect(t.wait(for: "▸ Xã Hùng Đức"))
        t.press("Enter", "Space", "Enter")
        t.type("2"); t.press("Enter")
        t.type("c"); t.press("Enter")
        #expect(t.wait(for: "Ghi chú"))
        t.paste("Mẹ đi làm xa\nBà nội đưa đi\n")
        // The pasted newlines did not submit: still on step 9 with both lines in the field.
        #expect(t.wait { $0.text.contains("  Bà nội đưa đi") && $0.lines[1].hasPrefix(" Bước 9/9") })
        t.press("Enter")
        let answers = ["Xem lại", "Nguyễn Thị Hồng Nhung", "05/03/2024", "1990", "Xã Hùng Đức", "Giấy chứng sinh",
                       "2 bản", " Có", "Mẹ đi làm xa / Bà nội đưa đi"]
        // Wait for the whole frame: tmux may show a frame that is still being drawn.
        #expect(t.wait { s in answers.allSatisfy { s.text.contains($0) } }, "\(t.text)")
        t.press("Enter")
        #expect(t.wait { $0.text.contains("TTY-RESTORED") && $0.text.contains("EXIT=0") })
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("Họ, chữ đệm và tên của trẻ\tNguyễn Thị Hồng Nhung"))
        #expect(saved.contains("Ghi chú\tMẹ đi làm xa / Bà nội đưa đi"))
        let mode = try FileManager.default.attributesOfItem(atPath: draft)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func resizingBelowTheMinimumShowsTheEnlargeScreenAndLosesNothing() {
        let t = TmuxSession(demo)
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter")
        t.type("Trần Văn Bình")
        #expect(t.wait(for: "  Trần Văn Bình"))
        t.resize(60, 20)
        #expect(t.wait { $0.text.contains("Cửa sổ quá nhỏ") && $0.text.contains("60×20") })
        t.type("xyz")  // keys are held back while the form cannot be seen
        t.resize(80, 24)
        #expect(t.wait { $0.text.contains("  Trần Văn Bình") && $0.cursor == (15, 8) })
        #expect(!t.text.contains("xyz") && !t.text.contains("Bìnhx"))
        t.resize(120, 40)
        // The title bar spans the wider window; the footer moved to the new last row.
        #expect(t.wait { $0.lines.count >= 40 && $0.lines[39].hasPrefix(" Enter Tiếp")
                && $0.lines[0].hasSuffix("Gõ: Telex") && $0.lines[0].count == 119 && $0.text.contains("  Trần Văn Bình") })
    }

    @Test func sigtermSavesTheDraftAndRestoresTheTerminal() throws {
        let draft = tempFile("draft.txt")
        defer { removeTemp(draft) }
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter")
        t.type("Lee Thij Thu")
        #expect(t.wait(for: "  Lê Thị Thu"))
        let pid = try #require(t.programPID)
        kill(pid, SIGTERM)
        #expect(t.wait { $0.text.contains("TTY-RESTORED") && $0.text.contains("EXIT=143") })
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\tLê Thị Thu\n"))
    }

    @Test func ctrlCSavesTheDraftAndRestoresTheTerminal() throws {
        let draft = tempFile("draft.txt")
        defer { removeTemp(draft) }
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter"); t.type("Hoa"); t.press("C-c")
        #expect(t.wait { $0.text.contains("TTY-RESTORED") && $0.text.contains("EXIT=130") })
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\tHoa\n"))
    }

    @Test func aCrashStillRestoresTheTerminal() {
        // The Swift runtime's backtracer still runs after the terminal is restored; on a tty
        // it would wait for a key, which a kiosk (and this test) must not.
        let t = TmuxSession(demo + ["--allow-crash"], environment: ["SWIFT_BACKTRACE": "interactive=no"])
        #expect(t.wait(for: "Chào mừng"))
        t.press("F12")
        // A Swift trap is SIGILL (x86-64) or SIGTRAP (arm64): the shell sees 128 + that.
        #expect(t.wait(seconds: 20) { $0.text.contains("TTY-RESTORED") }, "\(t.text)")
        #expect(t.text.contains("EXIT=132") || t.text.contains("EXIT=133"))
        #expect(t.textWithHistory.contains("Program crashed"))  // the backtrace is readable on the normal screen
        #expect(!t.text.contains("Chào mừng"))  // back on the normal screen, not the kiosk's
    }

    @Test func idleTimeSavesTheDraftAndLeavesNothingPersonalOnScreen() throws {
        let draft = tempFile("draft.txt")
        defer { removeTemp(draft) }
        let t = TmuxSession(demo + ["--draft", draft, "--idle", "1"])
        #expect(t.wait(for: "Chào mừng"))
        // One burst of keys (one tmux call): the 1-second timer cannot fire between them.
        // Nothing is awaited on screen in between, so the timer cannot win a race either.
        t.press("Enter", "Phamj Vawn Dduwcs")
        let saved = TmuxSession.poll {
            (try? String(contentsOfFile: draft, encoding: .utf8))?.contains("\tPhạm Văn Đức\n") == true
        }
        #expect(saved, "the idle time did not save the draft: \((try? String(contentsOfFile: draft, encoding: .utf8)) ?? "none")")
        #expect(t.wait(seconds: 10) { !$0.text.contains("Phạm") && $0.text.contains("Chào mừng") }, "\(t.text)")
    }

    @Test func aNonUTF8LocaleIsRefusedWithTheReason() {
        let t = TmuxSession(demo, environment: ["LC_ALL": "C"])
        #expect(t.wait { $0.text.contains("EXIT=2") && $0.text.contains("not UTF-8") && $0.text.contains("TTY-RESTORED") }, "\(t.text)")
    }

    @Test func noColorGivesNoColoursButKeepsReverseVideo() {
        let t = TmuxSession(demo, environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(waitForWholeFrame(t), "\(t.text)")
        let styled = t.styledText
        #expect(sgrParameters(styled).contains(7))  // reverse video for the bars
        #expect(sgrParameters(styled).allSatisfy { !isColour($0) })
        let colour = TmuxSession(demo, environment: ["TERM": "xterm-256color"])
        #expect(waitForWholeFrame(colour), "\(colour.text)")
        #expect(sgrParameters(colour.styledText).contains(where: isColour))
        let contrast = TmuxSession(demo + ["--high-contrast"], environment: ["TERM": "xterm-256color"])
        #expect(waitForWholeFrame(contrast), "\(contrast.text)")
        #expect(sgrParameters(contrast.styledText).contains(40))  // black background
        #expect(!sgrParameters(contrast.styledText).contains(2))  // nothing dim
    }

    /// The welcome frame drawn to its last row: title bar, text and key bar,
    /// and the same on two captures in a row (a snapshot mid-paint would miss
    /// the bars whose styles the colour tests read).
    func waitForWholeFrame(_ t: TmuxSession) -> Bool {
        var last = ""
        return t.wait { s in
            let lines = s.lines
            let whole = lines.first?.hasPrefix(" MỘT CỬA · ") == true && s.text.contains("Chào mừng")
                && lines.contains { $0.hasPrefix(" Enter Tiếp  Esc Quay lại  F10 Lưu và thoát") }
            defer { last = s.styledText }
            return whole && s.styledText == last
        }
    }

    /// Every parameter of every "ESC [ … m" sequence in `text`.
    func sgrParameters(_ text: String) -> [Int] {
        var result: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !$0.isNumber && $0 != ";" }) else { break }
            if rest[end] == "m" { result += rest[..<end].split(separator: ";").compactMap { Int($0) } }
            rest = rest[end...]
        }
        return result
    }

    /// A foreground or background colour (39 and 49, "default colour", are not colours).
    func isColour(_ p: Int) -> Bool {
        (30...38).contains(p) || (40...48).contains(p) || (90...97).contains(p) || (100...107).contains(p)
    }
}
