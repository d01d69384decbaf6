// Operators at the real kiosk in tmux (80×24): two officers and an administrator sign in
// in turn, each sees only the drafts they may (an officer their own, the administrator
// all), one is locked out by five wrong PINs, and the idle time signs out.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct OperatorsKioskTests {
    static let env = OperatorsCommandTests.env

    func addOperators(_ dir: String) throws {
        for (id, name, pin) in [("lan", "Nguyễn Thị Lan", "111111"), ("minh", "Trần Văn Minh", "222222"), ("hoa", "Lê Thị Hoa", "333333")] {
            let r = try OperatorsCommandTests.run(["add", id, "--name", name, "--pin-stdin"], dir, stdin: "\(pin)\n\(pin)\n")
            try #require(r.status == 0, "\(r.stderr)")
        }
    }

    func kiosk(_ dir: String, _ extra: [String] = []) -> TmuxSession {
        kioskSession(["--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"] + extra, environment: Self.env)
    }

    /// Chooses the `index`th name on the sign-in list and types `pin`.
    func signIn(_ t: TmuxSession, index: Int, pin: String) throws {
        try #require(t.wait(for: "Chọn tên của anh/chị:"), "\(t.text)")
        for _ in 0..<index { t.press("Down") }
        t.press("Enter")
        try #require(t.wait(for: "nhập mã PIN"), "\(t.text)")
        t.type(pin)
        try #require(t.wait(for: String(repeating: "•", count: pin.count)), "\(t.text)")  // dots, never digits
        #expect(!t.text.contains(pin))
        t.press("Enter")
    }

    /// From the sign-in list (cursor on its first name): Hoa, the third, types five wrong PINs
    /// and is locked; the list stays on her name.
    func lockOutHoa(_ t: TmuxSession) throws {
        t.press("Down", "Down", "Enter")
        for left in [4, 3, 2, 1] {
            t.type("999999"); t.press("Enter")
            try #require(t.wait(for: "Còn \(left) lần thử"), "\(t.text)")
        }
        t.type("999999"); t.press("Enter")
        try #require(t.wait(for: "Lê Thị Hoa đã bị khóa đến"), "\(t.text)")
    }

    @Test func twoOfficersAndAnAdministratorTakeTurnsAndOneIsLockedOut() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try addOperators(dir)
        let t = kiosk(dir)
        defer { t.close() }
        // Minh (an officer) starts a draft and saves it.
        try signIn(t, index: 1, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        t.type("khai sinh")
        t.press("Enter")
        try #require(t.wait(for: "Bước 1/"), "\(t.text)")
        t.press("Enter")                                  // the first answer (its default), saved to the draft
        try #require(t.wait(for: "Bước 2/"), "\(t.text)")
        t.press("C-v")                                    // "đổi người" mid-interview: the draft is saved first
        try #require(t.wait(for: "Đã lưu hồ sơ đang làm dở. Mời người tiếp theo đăng nhập."), "\(t.text)")
        try signIn(t, index: 1, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        t.press("F5")
        try #require(t.wait(for: "Chọn hồ sơ để làm tiếp"), "\(t.text)")
        #expect(!t.text.contains("Chưa có hồ sơ nào đang làm dở."))
        t.press("Escape")

        // Đổi người: Hoa (another officer) does not see Minh's draft.
        t.press("F3")
        try signIn(t, index: 2, pin: "333333")
        try #require(t.wait(for: "Cán bộ: Lê Thị Hoa"), "\(t.text)")
        t.press("F5")
        try #require(t.wait(for: "Chưa có hồ sơ nào đang làm dở."), "\(t.text)")
        t.press("Escape")

        // Lan (the administrator) sees everyone's.
        t.press("F3")
        try signIn(t, index: 0, pin: "111111")
        try #require(t.wait(for: "Cán bộ: Nguyễn Thị Lan"), "\(t.text)")
        t.press("F5")
        try #require(t.wait(for: "Chọn hồ sơ để làm tiếp"), "\(t.text)")
        #expect(!t.text.contains("Chưa có hồ sơ nào đang làm dở."))
        t.press("Escape")

        // Five wrong PINs lock Hoa; her right PIN is then refused too.
        t.press("F3")
        try #require(t.wait(for: "Chọn tên của anh/chị:"), "\(t.text)")
        try lockOutHoa(t)
        try signIn(t, index: 2, pin: "333333")
        try #require(t.wait(for: "Lê Thị Hoa đã bị khóa đến"), "\(t.text)")
        #expect(!t.text.contains("Cán bộ: Lê Thị Hoa"))

        // On disk: the draft is Minh's, and the events name who did what.
        let drafts = try FileManager.default.contentsOfDirectory(atPath: dir + "/drafts").filter { $0.hasSuffix(".json") }
        try #require(drafts.count == 1)
        let draft = try String(contentsOfFile: dir + "/drafts/" + drafts[0], encoding: .utf8)
        #expect(draft.contains("\"operator\"") && draft.contains("\"minh\""))
        // In audit.log's chain (desk records of the journal), not in a separate file; no name, no PIN.
        let events = auditEvents(dir)
        for needle in ["signed-in minh", "draft-started minh draft", "signed-in hoa", "signed-in lan", "signed-out lan",
                       "wrong-pin hoa", "locked-out hoa"] {
            #expect(events.contains(needle), "\(needle) in \(events)")
        }
        let audit = String(decoding: FileManager.default.contents(atPath: dir + "/audit.log") ?? Data(), as: UTF8.self)
        for secret in ["Lê Thị Hoa", "Hoa\"", "999999", "333333"] { #expect(!audit.contains(secret), "\(secret) in audit.log") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/operators.log"), "the journal took every event")
    }

    @Test func onATerminalThePINIsAskedTwiceWithoutEcho() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = kioskSession(["operators", "add", "lan", "--data-dir", dir], environment: Self.env)
        defer { t.close() }
        try #require(t.wait(for: "PIN (at least 6 digits):"), "\(t.text)")
        t.type("135790"); t.press("Enter")
        try #require(t.wait(for: "PIN again:"), "\(t.text)")
        t.type("135790"); t.press("Enter")
        try #require(t.wait(for: "added lan (admin)"), "\(t.text)")
        #expect(!t.text.contains("135790"))
        #expect(try OperatorsCommandTests.run(["sign-in", "lan", "--pin-stdin"], dir, stdin: "135790\n").status == 0)
    }

    @Test func aDamagedOperatorsFileKeepsTheKioskClosed() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try addOperators(dir)
        try Data("{\"format\":".utf8).write(to: URL(fileURLWithPath: dir + "/operators.json"))
        let t = kiosk(dir)
        defer { t.close() }
        try #require(t.wait(for: "Không có ai đăng nhập được"), "\(t.text)")
        t.press("F5")
        #expect(!t.wait(for: "Chọn hồ sơ để làm tiếp", seconds: 1))
    }

    @Test func theIdleTimeSignsOutAndNoOperatorsIsSaid() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // No operator: the kiosk opens on home as before and says so.
        var t = kiosk(dir)
        try #require(t.wait(for: "Chưa cấu hình người dùng"), "\(t.text)")
        t.close()
        try addOperators(dir)
        t = kiosk(dir, ["--idle", "3"])
        defer { t.close() }
        try signIn(t, index: 1, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        try #require(t.wait(for: "Đã lâu không thao tác nên đã đăng xuất."), "\(t.text)")
        #expect(t.text.contains("Chọn tên của anh/chị:"))
        t.press("F5")                                     // the drafts are not one key away
        #expect(!t.wait(for: "Chọn hồ sơ để làm tiếp", seconds: 1))
    }
}
