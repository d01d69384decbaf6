// Two operators each file a whole khai-sinh dossier at the real kiosk (tmux, 80×24),
// switching with F3 between them; each dossier's audit names the one who received it.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct OperatorsFilingTests {
    /// From home: khai-sinh typed in Telex to its receipt, then back home.
    func fileKhaiSinh(_ t: TmuxSession, child: (telex: String, shown: String)) throws {
        t.type("khai sinh"); t.press("Enter")
        try #require(t.wait(for: "Bước 1/"), "\(t.text)")
        t.press("Enter")
        t.type("hung duc"); t.press("Enter")
        try #require(t.wait(for: "Họ, chữ đệm, tên người yêu cầu"), "\(t.text)")
        t.type("Nguyeenx Thij Hoaf")
        try #require(t.wait(for: "  Nguyễn Thị Hòa"), "\(t.text)")
        t.press("Enter")
        t.type("008190012345"); t.press("Enter")
        try #require(t.wait(for: "Nhập lại lần nữa để xác nhận"), "\(t.text)")
        t.type("008190012345"); t.press("Enter")
        t.type("0912345678"); t.press("Enter")
        t.type("me"); t.press("Enter")
        try #require(t.wait(for: "Họ, chữ đệm, tên của trẻ"), "\(t.text)")
        t.type(child.telex)
        try #require(t.wait(for: "  " + child.shown), "\(t.text)")
        t.press("Enter")
        t.type("20102026"); t.press("Enter")
        t.type("nam"); t.press("Enter")
        t.press("Enter", "Enter")
        t.type("Beenhj vieenj tirnh Tuyeen Quang"); t.press("Enter")
        t.type("Xax Hufng Dduwcs, tirnh Tuyeen Quang"); t.press("Enter")
        try #require(t.wait(for: "Đã xác định được người mẹ chưa?"), "\(t.text)")
        t.press("Enter")
        t.type("Nguyeenx Thij Hoaf"); t.press("Enter")
        t.type("1995"); t.press("Enter", "Enter", "Enter", "Enter")
        try #require(t.wait(for: "Đã xác định được người cha chưa?"), "\(t.text)")
        t.press("Enter")
        t.type("Traanf Vawn Dduwcs"); t.press("Enter")
        t.type("1993"); t.press("Enter", "Enter", "Enter", "Enter")
        try #require(t.wait(for: "Cha mẹ của trẻ đã đăng ký kết hôn chưa?"), "\(t.text)")
        t.type("c"); t.press("Enter")
        t.type("12/2020"); t.press("Enter")
        t.type("01/2020"); t.press("Enter")
        t.type("15052020"); t.press("Enter")
        t.type("UBND xax Hafm Yeen, tirnh Tuyeen Quang"); t.press("Enter")
        try #require(t.wait(for: "Có đề nghị cấp bản sao trích lục"), "\(t.text)")
        t.type("c"); t.press("Enter", "Enter")
        try #require(t.wait(for: "Tôi cam đoan nội dung"), "\(t.text)")
        t.press("Enter"); t.type("c"); t.press("Enter")
        try #require(t.wait(for: "Xem lại hồ sơ: 33 câu trả lời · 0 lỗi"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"))
        t.press("Enter")
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
        try fileKhaiSinh(t, child: ("Traanf Minh Anh", "Trần Minh Anh"))

        for (receipt, officer) in [("TQ01-261127-0001", "Trần Văn Minh (minh)"), ("TQ01-261127-0002", "Nguyễn Thị Lan (lan)")] {
            let shown = try Motcua.run(["dossiers", "show", receipt, "--data-dir", dir])
            #expect(shown.stdout.contains("by \(officer)"), "\(shown.stdout) \(shown.stderr)")
        }
        let audit = try Motcua.run(["dossiers", "show", "TQ01-261127-0001", "--data-dir", dir])
        #expect(audit.stdout.contains("submit (TQ01, minh)"), "\(audit.stdout)")
    }
}
