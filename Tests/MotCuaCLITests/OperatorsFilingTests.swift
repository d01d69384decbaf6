// Two operators each file a whole khai-sinh dossier at the real kiosk (tmux, 80×24),
// switching with F3 between them; each dossier's audit names the one who received it.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct OperatorsFilingTests {
    /// From home: khai-sinh typed in Telex to its receipt, then back home.
    /// `duplicate`: the same mother filed khai-sinh before, so the 30-day warning comes
    /// first (issue 16) and Enter submits anyway.
    func fileKhaiSinh(_ t: TmuxSession, child: (telex: String, shown: String), duplicate: Bool = false) throws {
        t.type("khai sinh"); t.press("Enter")
        try KioskAppTests().answerKhaiSinh(t, child: child)
        t.press("Enter")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"))
        t.press("Enter")
        if duplicate {
            try #require(t.wait(for: "Có thể trùng hồ sơ"), "\(t.text)")
            t.press("Enter")
        }
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu"), "\(t.text)")
    }

    @Test func twoOperatorsEachFileADossierAndTheAuditNamesThem() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let kiosk = OperatorsKioskTests()
        try kiosk.addOperators(dir)
        let t = kiosk.kiosk(dir)
        defer { t.close() }
        try kiosk.signIn(t, index: 1, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        try fileKhaiSinh(t, child: ("Traanf Minh Khooi", "Trần Minh Khôi"))
        t.press("F3")
        try kiosk.signIn(t, index: 0, pin: "111111")
        try #require(t.wait(for: "Cán bộ: Nguyễn Thị Lan"), "\(t.text)")
        try fileKhaiSinh(t, child: ("Traanf Minh Anh", "Trần Minh Anh"), duplicate: true)

        for (receipt, officer) in [("TQ01-261127-0001", "Trần Văn Minh (minh)"), ("TQ01-261127-0002", "Nguyễn Thị Lan (lan)")] {
            let shown = try Motcua.run(["dossiers", "show", receipt, "--data-dir", dir])
            #expect(shown.stdout.contains("by \(officer)"), "\(shown.stdout) \(shown.stderr)")
        }
        let audit = try Motcua.run(["dossiers", "show", "TQ01-261127-0001", "--data-dir", dir])
        #expect(audit.stdout.contains("received (TQ01, minh)"), "\(audit.stdout)")
    }
}
