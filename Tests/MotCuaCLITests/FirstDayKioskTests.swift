// Issue 14, a first day at the desk: the real `motcua` in tmux at 80×24, as a new user
// meets it. TERM is xterm-256color inside tmux, whose terminfo does not describe the keys
// tmux sends for Home, End, Delete…: the odd terminal the desk had.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct FirstDayKioskTests {
    func fill(_ dir: String, _ form: String = "khai-sinh", environment: [String: String] = [:]) -> TmuxSession {
        kioskSession(["fill", form, "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"], environment: environment)
    }

    /// khai-sinh up to the requester's name.
    func requesterName(_ t: TmuxSession) throws {
        try #require(t.wait(for: "Bước 1/28"), "\(t.text)")
        t.press("Enter")
        t.type("hung duc"); t.press("Enter")
        try #require(t.wait(for: "Họ, chữ đệm, tên người yêu cầu"), "\(t.text)")
    }

    @Test func keysTheTerminfoDoesNotDescribeAreDecodedNotTyped() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir)
        defer { t.close() }
        try requesterName(t)
        t.type("Nguyeenx Thij Hoaf")
        try #require(t.wait(for: "  Nguyễn Thị Hòa"), "\(t.text)")
        t.press("Home")
        t.press("Delete")  // ESC [ 3 ~ : deletes the N under the cursor
        try #require(t.wait(for: "  guyễn Thị Hòa"), "\(t.text)")
        t.press("End"); t.type("x")
        try #require(t.wait(for: "  guyễn Thị Hõa"), "\(t.text)")  // End then Telex x: ngã on the last word
        t.press("M-a")      // Alt+a: nothing (it went back and typed "a")
        t.press("PageUp", "F12")
        usleep(300_000)
        #expect(t.text.contains("Họ, chữ đệm, tên người yêu cầu"), "\(t.text)")
        #expect(t.text.contains("  guyễn Thị Hõa\n"), "\(t.text)")
        #expect(!t.text.contains("~") && !t.text.contains("[1"), "\(t.text)")
        t.press("Escape")   // the Esc key alone still goes back
        try #require(t.wait(for: "Bước 2/28"), "\(t.text)")
    }
}
