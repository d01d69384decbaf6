// The real demo binary in tmux: what a person sees and what the terminal is left as.
import Foundation
import Testing

@Suite(.enabled(if: tmuxAvailable && kioskDemoCommand != nil, "needs tmux and the kiosk demo binary"))
struct KioskEndToEndTests {
    let demo = kioskDemoCommand ?? []

    func tempFile(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-kiosk-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func telexNamesDatesSearchAndAPasteReachTheSummary() throws {
        let draft = tempFile("draft.txt")
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng đến bộ phận một cửa"))
        t.press("Enter")
        t.type("Nguyeenx Thij Hoongf Nhung")
        #expect(t.wait(for: "  Nguyễn Thị Hồng Nhung"))
        #expect(t.cursor == (23, 8))  // the real cursor sits on the caret
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
        #expect(t.wait(for: "  Bà nội đưa đi"))
        #expect(t.lines[1].hasPrefix(" Bước 9/9"))  // the pasted newlines did not submit
        t.press("Enter")
        #expect(t.wait(for: "Xem lại"))
        let summary = t.text
        for answer in ["Nguyễn Thị Hồng Nhung", "05/03/2024", "1990", "Xã Hùng Đức", "Giấy chứng sinh", "2 bản", " Có"] {
            #expect(summary.contains(answer), "\(answer)")
        }
        t.press("Enter")
        #expect(t.wait(for: "TTY-RESTORED"))
        #expect(t.text.contains("EXIT=0"))
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
        #expect(t.wait(for: "Cửa sổ quá nhỏ"))
        #expect(t.text.contains("60×20"))
        t.type("xyz")  // keys are held back while the form cannot be seen
        t.resize(80, 24)
        #expect(t.wait(for: "  Trần Văn Bình"))
        #expect(!t.text.contains("xyz") && !t.text.contains("Bìnhx"))
        #expect(t.cursor == (15, 8))
        t.resize(120, 40)
        #expect(t.wait { $0.lines.count >= 40 && $0.lines[39].hasPrefix(" Enter Tiếp") })
        #expect(t.lines[0].hasSuffix("Gõ: Telex"))
        #expect(Array(t.lines[0]).count == 119)  // the title bar spans the wider window
        #expect(t.text.contains("  Trần Văn Bình"))
    }

    @Test func sigtermSavesTheDraftAndRestoresTheTerminal() throws {
        let draft = tempFile("draft.txt")
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter")
        t.type("Lee Thij Thu")
        #expect(t.wait(for: "  Lê Thị Thu"))
        let pid = try #require(t.programPID)
        kill(pid, SIGTERM)
        #expect(t.wait(for: "TTY-RESTORED"))
        #expect(t.text.contains("EXIT=143"))
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\tLê Thị Thu\n"))
    }

    @Test func ctrlCSavesTheDraftAndRestoresTheTerminal() throws {
        let draft = tempFile("draft.txt")
        let t = TmuxSession(demo + ["--draft", draft])
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter"); t.type("Hoa"); t.press("C-c")
        #expect(t.wait(for: "TTY-RESTORED"))
        #expect(t.text.contains("EXIT=130"))
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\tHoa\n"))
    }

    @Test func idleTimeSavesTheDraftAndLeavesNothingPersonalOnScreen() throws {
        let draft = tempFile("draft.txt")
        let t = TmuxSession(demo + ["--draft", draft, "--idle", "1"])
        #expect(t.wait(for: "Chào mừng"))
        t.press("Enter"); t.type("Phamj Vawn Dduwcs")
        #expect(t.wait(for: "Phạm Văn Đức"))
        #expect(t.wait(seconds: 10) { !$0.text.contains("Phạm") && $0.text.contains("Chào mừng") })
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\tPhạm Văn Đức\n"))
    }

    @Test func aNonUTF8LocaleIsRefusedWithTheReason() {
        let t = TmuxSession(demo, environment: ["LC_ALL": "C"])
        #expect(t.wait(for: "EXIT=2"))
        #expect(t.text.contains("not UTF-8"))
        #expect(t.text.contains("TTY-RESTORED"))
    }

    @Test func noColorGivesNoColoursButKeepsReverseVideo() {
        let t = TmuxSession(demo, environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(t.wait(for: "Chào mừng"))
        let styled = t.styledText
        #expect(sgrParameters(styled).contains(7))  // reverse video for the bars
        #expect(sgrParameters(styled).allSatisfy { !isColour($0) })
        let colour = TmuxSession(demo, environment: ["TERM": "xterm-256color"])
        #expect(colour.wait(for: "Chào mừng"))
        #expect(sgrParameters(colour.styledText).contains(where: isColour))
        let contrast = TmuxSession(demo + ["--high-contrast"], environment: ["TERM": "xterm-256color"])
        #expect(contrast.wait(for: "Chào mừng"))
        #expect(sgrParameters(contrast.styledText).contains(40))  // black background
        #expect(!sgrParameters(contrast.styledText).contains(2))  // nothing dim
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
