// A dossier found only in the shared core store is corrected at another desk (issue 16),
// with a real PostgreSQL started here: desk A files and delivers; desk B (its own data
// folder, the same core in its settings) finds it with F2 in the real kiosk, supplements
// it with a reason (the kiosk killed on the review, the draft reopened) and delivers; desk
// C does the same with `dossiers correct --core`. The core then holds versions 1, 2 and 3
// of one chain under one receipt code, and shows the chain.
import Foundation
import MotCuaTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized, .enabled(if: kioskTmuxAvailable, "needs tmux"))
struct CoreCorrectionTests {
    /// An empty data folder of kiosk `kiosk` whose settings name the shared core at `url`.
    func desk(_ kiosk: String, core url: String) throws -> String {
        let dir = try Motcua.tempDir()
        try #"{"kioskId": "\#(kiosk)", "core": "\#(url)"}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        _ = chmod(dir + "/settings.json", 0o600)
        return dir
    }

    @Test func aDossierOfAnotherDeskIsSupplementedFromTheSharedCore() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        let (deskA, code) = try ReceiptCommandTests.submitted()
        defer { try? FileManager.default.removeItem(atPath: deskA) }
        let a = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskA])
        try #require(a.status == 0, "\(a.stdout)\(a.stderr)")
        let first = try #require(try pg.query("SELECT id FROM motcua.dossiers WHERE receipt_code = '\(code)'").first?.first)

        // Desk B never had it: F2 finds it in the core, S supplements it.
        let deskB = try desk("TQ02", core: pg.url)
        defer { try? FileManager.default.removeItem(atPath: deskB) }
        let reason = "Bổ sung GCN kết hôn"
        let k = kioskSession(["--data-dir", deskB, "--today", "2026-11-28"])
        defer { k.close() }
        try #require(k.wait(for: "F2 Tra cứu"), "\(k.text)")
        k.press("F2")
        try #require(k.wait(for: "Gõ để tìm"), "\(k.text)")
        k.type("008190012345")
        try #require(k.wait(for: "27/11/2026", seconds: 15), "\(k.text)")
        k.press("Enter")
        try #require(k.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ", seconds: 15), "\(k.text)")
        k.press("s")
        try #require(k.wait(for: "Lý do sửa / bổ sung:"), "\(k.text)")
        k.type("Boor sung GCN keets hoon")
        try #require(k.wait(for: reason), "\(k.text)")
        k.press("Enter")
        try #require(k.wait(for: "Xem lại hồ sơ: ", seconds: 15), "a dossier only in the core opens its correction: \(k.text)")
        // Killed on the review: the draft keeps what the core said of the predecessor.
        kill(try #require(k.programPID), SIGKILL)
        try #require(k.wait(seconds: 10) { $0.text.filter { !$0.isWhitespace }.contains("EXIT=137") }, "\(k.text)")
        k.close()
        let draft = try #require(try FileManager.default.contentsOfDirectory(atPath: deskB + "/drafts").first { $0.hasSuffix(".json") })
        #expect(try String(contentsOfFile: deskB + "/drafts/" + draft, encoding: .utf8).contains(first))
        let t = kioskSession(["--data-dir", deskB, "--today", "2026-11-28"])
        defer { t.close() }
        try #require(t.wait(for: "Hồ sơ nháp: 1"), "\(t.text)")
        t.press("F5")
        try #require(t.wait(for: "Chọn hồ sơ để làm tiếp"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Mở hồ sơ nháp của"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
        t.press("F9")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Mã hồ sơ: \(code) (bổ sung lần 1)"), "the chain's receipt code: \(t.text)")
        #expect(t.text.contains("Lý do bổ sung: " + reason), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu"), "\(t.text)")
        t.press("F10")
        #expect(t.wait(for: "EXIT=0"), "\(t.text)")
        let b = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskB])
        #expect(b.status == 0 && b.stdout.contains("delivered 1"), "accepted as a supplement: \(b.stdout)\(b.stderr)")
        let second = try #require(try pg.query("SELECT id FROM motcua.dossiers WHERE receipt_code = '\(code)' AND version = 2").first?.first)

        // Desk C, from the command line: the code names the chain's latest version, 2.
        let deskC = try desk("TQ03", core: pg.url)
        defer { try? FileManager.default.removeItem(atPath: deskC) }
        let c = try Motcua.run(["dossiers", "correct", code, "--core", pg.url, "--reason", "sai số GCN kết hôn", "--data-dir", deskC,
                                "--today", "2026-11-29"], stdin: "27\n13/2020\ncó\n")
        #expect(c.status == 0 && c.stdout.contains("Mã hồ sơ: \(code) (bổ sung lần 2)"), "\(c.stdout.suffix(2000))\(c.stderr)")
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskC]).stdout.contains("delivered 1"))

        let rows = try pg.query("""
            SELECT version, coalesce(supersedes::text, ''), chain_first::text, coalesce(reason, ''), kiosk_id
            FROM motcua.dossiers WHERE receipt_code = '\(code)' ORDER BY version
            """)
        #expect(rows.count == 3, "\(rows)")
        #expect(rows.first == ["1", "", first, "", "TQ01"])
        #expect(rows.dropFirst().first == ["2", first, first, reason, "TQ02"], "\(rows)")
        #expect(rows.last.map { Array($0.prefix(4)) } == ["3", second, first, "sai số GCN kết hôn"], "\(rows)")
        let show = try Motcua.run(["dossiers", "show", code, "--core", pg.url, "--lang", "vi"]).stdout
        #expect(show.contains("Phiên bản   3 (bổ sung lần 2)") && show.contains("Số Giấy chứng nhận kết hôn: 13/2020"), "\(show)")
        let old = try Motcua.run(["dossiers", "show", first, "--core", pg.url, "--lang", "en"]).stdout
        #expect(old.contains("replaced by \(second) (version 2) – reason: \(reason)"), "\(old)")
        #expect(try Motcua.run(["dossiers", "verify", "--core", pg.url]).status == 0)
        // F2 at desk C finds the chain as one row (its newest version), not three alike.
        let f2 = kioskSession(["--data-dir", deskC, "--today", "2026-11-29"])
        defer { f2.close() }
        try #require(f2.wait(for: "F2 Tra cứu"), "\(f2.text)")
        f2.press("F2")
        try #require(f2.wait(for: "Gõ để tìm"), "\(f2.text)")
        f2.type("008190012345")
        try #require(f2.wait(for: "29/11/2026", seconds: 15), "version 3, received on the 29th: \(f2.text)")
        #expect(f2.lines.filter { $0.contains(code) }.count == 1, "\(f2.text)")

        // A replaced version is not corrected again, from the core either.
        let again = try Motcua.run(["dossiers", "correct", first, "--core", pg.url, "--reason", "x", "--data-dir", deskC], stdin: "có\n")
        #expect(again.status == 1 && again.stderr.contains("already replaced by \(second)"), "\(again.stderr)")
    }

    /// The desk that filed version 1 supplements the chain after another desk delivered
    /// version 2: the core's later version is the one replaced (not this desk's older copy,
    /// which would make a second version 2), and its own version 1 is not a duplicate.
    @Test func theFilingDeskSupplementsTheCoresLaterVersion() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        let (deskA, code) = try ReceiptCommandTests.submitted()
        defer { try? FileManager.default.removeItem(atPath: deskA) }
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskA]).status == 0)
        let deskC = try desk("TQ03", core: pg.url)
        defer { try? FileManager.default.removeItem(atPath: deskC) }
        let c = try Motcua.run(["dossiers", "correct", code, "--reason", "lần một", "--data-dir", deskC, "--today", "2026-11-28"],
                               stdin: "27\n13/2020\ncó\n")
        #expect(c.status == 0, "\(c.stderr)")
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskC]).stdout.contains("delivered 1"))

        let a = try Motcua.run(["dossiers", "correct", code, "--core", pg.url, "--reason", "lần hai", "--data-dir", deskA,
                                "--today", "2026-11-29"], stdin: "có\n")
        #expect(a.status == 0 && a.stdout.contains("Mã hồ sơ: \(code) (bổ sung lần 2)"), "\(a.stdout.suffix(2000))\(a.stderr)")
        #expect(!a.stdout.contains("Người này đã nộp cùng thủ tục"), "its own chain is no duplicate: \(a.stdout.suffix(2000))")
        let delivered = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", deskA])
        #expect(delivered.stdout.contains("delivered 1"), "\(delivered.stdout)\(delivered.stderr)")
        let rows = try pg.query("SELECT version, coalesce(reason, '') FROM motcua.dossiers WHERE receipt_code = '\(code)' ORDER BY version")
        #expect(rows == [["1", ""], ["2", "lần một"], ["3", "lần hai"]], "\(rows)")
    }
}
