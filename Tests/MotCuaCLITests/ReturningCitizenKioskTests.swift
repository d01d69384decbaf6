import Foundation
import Testing
import MotCuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 with the real binary: a citizen found again from the kiosk's home (F2), the
/// receipt shown and printed again, and the 30-day duplicate warning in both front ends.
@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct ReturningCitizenKioskTests {
    /// A data folder holding one filed khai-sinh dossier, whose print command copies the PDF aside.
    func filed() throws -> (dir: String, code: String) {
        let dir = try Motcua.tempDir()
        let script = dir + "/capture.sh"
        try "#!/bin/sh\ncp \"$1\" \(dir)/printed.pdf\n".write(toFile: script, atomically: true, encoding: .utf8)
        _ = chmod(script, 0o755)
        let settings = #"{"kioskId": "TQ01", "printCommand": "\#(script)"}"#
        try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        let r = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", KioskAppTests.today, "--kiosk", "TQ01"],
                               stdin: (PlainModeTests.khaiSinh + ["có"]).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let code = try #require(r.stdout.range(of: #"TQ01-261127-\d{4}"#, options: .regularExpression).map { String(r.stdout[$0]) })
        return (dir, code)
    }

    @Test func f2FindsTheCitizenByIDShowsAndPrintsTheReceiptAgain() throws {
        let (dir, code) = try filed()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = kioskSession(["--data-dir", dir, "--today", KioskAppTests.today])
        defer { t.close() }
        try #require(t.wait(for: "F2 Tra cứu"), "\(t.text)")
        t.press("F2")
        try #require(t.wait(for: "Gõ để tìm: chưa có hồ sơ nào được hiện."), "\(t.text)")
        t.type("008190012345")
        try #require(t.wait(for: "27/11/2026"), "\(t.text)")
        // One row: the procedure, the day received, the state, the appointment.
        let row = try #require(t.lines.first { $0.contains("▸ ") })
        #expect(row.contains("khai sinh") && row.contains("27/11/2026") && row.contains("chờ gửi"), "\(t.text)")
        #expect(row.range(of: #"\d\d/\d\d/2026\s*$"#, options: .regularExpression) != nil && row.components(separatedBy: "/2026").count == 3, "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ"), "\(t.text)")
        #expect(t.text.contains(code))
        t.press("i")
        try #require(t.wait(for: "Đã gửi giấy tiếp nhận tới máy in."), "\(t.text)")
        let printed = try ExternalTool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", dir + "/printed.pdf", "-"]).stdout
        #expect(printed.contains("Mã hồ sơ: " + code), "\(printed)")
        // Enter goes back to the list; a name typed without diacritics finds it too.
        t.press("Enter")
        try #require(t.wait(for: "Ngày hẹn"), "\(t.text)")
        t.press("Escape")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        t.type("nguyen thi hoa")
        try #require(t.wait(for: "27/11/2026"), "\(t.text)")
        t.type(" 999")  // in no name, ID, phone or code of it
        try #require(t.wait(for: "Không tìm thấy hồ sơ nào."), "\(t.text)")
        t.press("Escape")
        t.press("Escape")
        try #require(t.wait(for: "F2 Tra cứu"), "\(t.text)")
        t.press("F10")
        #expect(t.wait(for: "EXIT=0"), "\(t.text)")
    }

    /// With a shared core configured, F2 searches it: a dossier filed and delivered at
    /// another desk is found from a desk that never had it, and its receipt shown from the
    /// core's copy of the dossier and of its form (a real PostgreSQL started here).
    @Test func f2SearchesTheSharedCoreWhenOneIsSet() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        let (other, code) = try filed()
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        let delivered = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", other])
        try #require(delivered.status == 0, "\(delivered.stdout)\(delivered.stderr)")
        // This desk: an empty data folder whose settings name the shared core.
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"kioskId": "TQ02", "core": "\#(pg.url)"}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        _ = chmod(dir + "/settings.json", 0o600)
        let t = kioskSession(["--data-dir", dir, "--today", KioskAppTests.today])
        defer { t.close() }
        try #require(t.wait(for: "F2 Tra cứu"), "\(t.text)")
        t.press("F2")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        t.type("nguyen thi hoa")
        try #require(t.wait(for: "27/11/2026", seconds: 15), "\(t.text)")
        let row = try #require(t.lines.first { $0.contains("▸ ") })
        #expect(row.contains("khai sinh") && row.contains("27/11/2026") && row.contains("đã chuyển"), "\(row)")
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ", seconds: 15), "\(t.text)")
        #expect(t.text.contains(code), "\(t.text)")
        t.press("Enter")
        t.press("Escape")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        // By national id, whole: the same dossier.
        t.type("008190012345")
        try #require(t.wait(for: "27/11/2026", seconds: 15), "\(t.text)")
        // This desk's own store holds nothing: without the core, nothing is found.
        let local = kioskSession(["--data-dir", try Motcua.tempDir(), "--today", KioskAppTests.today])
        defer { local.close() }
        try #require(local.wait(for: "F2 Tra cứu"), "\(local.text)")
        local.press("F2")
        try #require(local.wait(for: "Gõ để tìm"), "\(local.text)")
        local.type("008190012345")
        #expect(local.wait(for: "Không tìm thấy hồ sơ nào."), "\(local.text)")
    }

    @Test func theIdleResetLeavesNoCitizenOnScreen() throws {
        let (dir, code) = try filed()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = kioskSession(["--data-dir", dir, "--today", KioskAppTests.today, "--idle", "2"])
        defer { t.close() }
        try #require(t.wait(for: "F2 Tra cứu"), "\(t.text)")
        t.press("C-r")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        t.type("0912345678")
        try #require(t.wait(for: "27/11/2026"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: code), "\(t.text)")
        // Idle: home, with no name, ID or code; F2 opens an empty search.
        try #require(t.wait(for: "F2 Tra cứu", seconds: 15), "\(t.text)")
        #expect(!t.text.contains(code) && !t.text.contains("Hoà") && !t.text.contains("008190012345"), "\(t.text)")
        t.press("F2")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        #expect(!t.text.contains("27/11/2026"), "\(t.text)")
    }

    @Test func theKioskWarnsOfTheSameCitizenAndStillSubmits() throws {
        let (dir, code) = try filed()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plain = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", KioskAppTests.today],
                                   stdin: PlainModeTests.khaiSinh.joined(separator: "\n") + "\n")
        let draft = try #require(plain.stdout.range(of: #"[0-9a-f-]{36}"#, options: .regularExpression).map { String(plain.stdout[$0]) })
        let t = kioskSession(["fill", "--draft", draft, "--data-dir", dir, "--today", KioskAppTests.today])
        defer { t.close() }
        try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Có thể trùng hồ sơ"), "\(t.text)")
        #expect(t.text.contains(code + " · nhận ngày 27/11/2026 · chờ gửi (cùng số định danh)"), "\(t.text)")
        // Esc: back to the review, nothing submitted.
        t.press("Escape")
        try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
        #expect(try Motcua.run(["queue", "status", "--data-dir", dir]).stdout.contains("1"))
        t.press("Enter")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Có thể trùng hồ sơ"), "\(t.text)")
        // Enter: submitted anyway, a new receipt.
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ"), "\(t.text)")
        #expect(t.text.contains("TQ01-261127-0002"), "\(t.text)")
    }

    @Test func plainModeWarnsAsksAndDoesNotBlock() throws {
        let (dir, code) = try filed()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // "k" (no): back to the review; then yes to both questions.
        let r = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", KioskAppTests.today, "--kiosk", "TQ01"],
                               stdin: (PlainModeTests.khaiSinh + ["có", "k", "có", "có"]).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == "Người này đã nộp cùng thủ tục trong 30 ngày qua:" }.count == 2, "\(r.stdout)")
        #expect(lines.contains("  \(code) · nhận ngày 27/11/2026 · chờ gửi (cùng số định danh)"), "\(r.stdout)")
        #expect(lines.filter { $0 == "Vẫn nộp hồ sơ mới? (c/k)" }.count == 2)
        #expect(r.stdout.contains("TQ01-261127-0002"), "\(r.stdout)")
        // Another day more than 30 days later: no warning.
        let later = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-12-28", "--kiosk", "TQ01"],
                                   stdin: (PlainModeTests.khaiSinh + ["có"]).joined(separator: "\n") + "\n")
        #expect(!later.stdout.contains("Người này đã nộp"), "\(later.stdout)")
        #expect(later.stdout.contains("TQ01-261228-"), "\(later.stdout)")
    }
}
