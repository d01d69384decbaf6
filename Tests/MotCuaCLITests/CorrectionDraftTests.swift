// A correction's draft is written when it opens (issue 16): the real kiosk killed with
// SIGKILL on the correction's review, before any answer, leaves a draft that reopens from
// the drafts list as the same correction, with the reason typed, and submits as one.
import Foundation
import Testing
import MotCuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct CorrectionDraftTests {
    @Test func aKioskKilledOnTheCorrectionsReviewKeepsItAsADraft() throws {
        let (dir, code) = try ReturningCitizenKioskTests().filed()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let oldID = try Motcua.run(["dossiers", "list", "--data-dir", dir]).stdout.split(separator: " ").map(String.init)[1]
        let reason = "Sai ngày sinh của mẹ"
        let t = kioskSession(["--data-dir", dir, "--today", KioskAppTests.today])
        defer { t.close() }
        try #require(t.wait(for: "F2 Tra cứu"), "\(t.text)")
        t.press("F2")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        t.type("008190012345")
        try #require(t.wait(for: "27/11/2026"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ"), "\(t.text)")
        t.press("s")
        try #require(t.wait(for: "Lý do sửa / bổ sung:"), "\(t.text)")
        t.type("Sai ngafy sinh cuar mej")
        try #require(t.wait(for: reason), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
        #expect(t.wait(for: "Bổ sung, sửa hồ sơ đã nộp · Lý do: " + reason), "the review says it is a correction: \(t.text)")
        kill(try #require(t.programPID), SIGKILL)
        try #require(t.wait(seconds: 10) { $0.text.filter { !$0.isWhitespace }.contains("EXIT=137") }, "\(t.text)")
        t.close()

        // The draft is on disk, named as a correction of the earlier dossier with its reason.
        let drafts = try FileManager.default.contentsOfDirectory(atPath: dir + "/drafts").filter { $0.hasSuffix(".json") }
        try #require(drafts.count == 1, "\(drafts)")
        let saved = try String(contentsOfFile: dir + "/drafts/" + drafts[0], encoding: .utf8)
        #expect(saved.contains(oldID) && saved.contains(reason), "\(saved)")

        let home = kioskSession(["--data-dir", dir, "--today", KioskAppTests.today])
        defer { home.close() }
        try #require(home.wait(for: "Hồ sơ nháp: 1"), "\(home.text)")
        home.press("F5")
        try #require(home.wait(for: "Chọn hồ sơ để làm tiếp"), "\(home.text)")
        home.press("Enter")
        try #require(home.wait(for: "Mở hồ sơ nháp của"), "\(home.text)")
        home.press("Enter")
        try #require(home.wait(for: "Xem lại hồ sơ: "), "the correction reopens on its review: \(home.text)")
        #expect(home.text.contains("Bổ sung, sửa hồ sơ đã nộp · Lý do: " + reason), "\(home.text)")
        home.press("F9")
        try #require(home.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(home.text)")
        home.press("Enter")
        try #require(home.wait(for: "Mã hồ sơ: \(code) ("), "\(home.text)")
        #expect(home.text.contains(reason), "\(home.text)")

        let old = try Motcua.run(["dossiers", "show", oldID, "--data-dir", dir, "--lang", "vi"]).stdout
        #expect(old.contains("(phiên bản 2) – lý do: \(reason)"), "\(old)")
        let show = try Motcua.run(["dossiers", "show", code, "--data-dir", dir, "--lang", "vi"]).stdout
        #expect(show.contains("thay cho \(oldID) – lý do: \(reason)"), "\(show)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/drafts").filter { $0.hasSuffix(".json") }.isEmpty)
    }
}
