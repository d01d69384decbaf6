// Issue 16's day at one desk, end to end, with the real binary in tmux at 80×24: two
// officers sign in in turn and each files a dossier; a third is locked out by five wrong
// PINs; the citizen is found again by national id (F2), her receipt reprinted as a PDF that
// pdftotext and zbarimg read back, then corrected with a reason; "Hôm nay" (F9), `motcua
// report` and the audit chain count all of it.
import Foundation
import MotCuaQR
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct DesksDayTests {
    @Test func twoOfficersALockoutAReprintAndACorrectionAllCounted() throws {
        let dir = try Motcua.tempDir()
        // The print command and the pictures live outside the data folder (verify checks it).
        let work = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: work) }
        let script = work + "/capture.sh"
        try "#!/bin/sh\ncp \"$1\" \(work)/printed.pdf\n".write(toFile: script, atomically: true, encoding: .utf8)
        _ = chmod(script, 0o755)
        let settings = #"{"kioskId": "TQ01", "printCommand": "\#(script)", "vietqr": {"bin": "970415", "account": "113366668888"}, "trackingURL": "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma={code}"}"#
        try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        let officers = OperatorsKioskTests()
        try officers.addOperators(dir)  // lan (administrator), minh, hoa
        let t = officers.kiosk(dir)
        defer { t.close() }
        let filing = OperatorsFilingTests()

        // Minh files the first dossier; Lan, after "đổi người", the same mother's second.
        try officers.signIn(t, index: 1, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        try filing.fileKhaiSinh(t, child: ("Traanf Minh Khooi", "Trần Minh Khôi"))
        t.press("F3")
        try officers.signIn(t, index: 0, pin: "111111")
        try #require(t.wait(for: "Cán bộ: Nguyễn Thị Lan"), "\(t.text)")
        try filing.fileKhaiSinh(t, child: ("Traanf Minh Anh", "Trần Minh Anh"), duplicate: true)

        // Hoa: five wrong PINs lock her out.
        t.press("F3")
        try #require(t.wait(for: "Chọn tên của anh/chị:"), "\(t.text)")
        try officers.lockOutHoa(t)

        // Minh (one row above Hoa, where the list stays) finds the citizen again by her
        // national id: both her dossiers.
        t.press("Up")
        try officers.signIn(t, index: 0, pin: "222222")
        try #require(t.wait(for: "Cán bộ: Trần Văn Minh"), "\(t.text)")
        t.press("F2")
        try #require(t.wait(for: "Gõ để tìm"), "\(t.text)")
        t.type("008190012345")
        try #require(t.wait(for: "Ngày hẹn"), "\(t.text)")
        #expect(t.lines.filter { $0.contains("Đăng ký khai sinh") && $0.contains("chờ gửi") }.count == 2, "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ"), "\(t.text)")
        let shown = t.text
        let code = try #require(shown.range(of: #"TQ01-261127-000[12]"#, options: .regularExpression).map { String(shown[$0]) }, "\(shown)")

        // The receipt reprinted as a PDF: its text and both QR codes read back.
        t.press("i")
        try #require(t.wait(for: "Đã gửi giấy tiếp nhận tới máy in."), "\(t.text)")
        let pdf = work + "/printed.pdf"
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
        #expect(text.contains("Mã hồ sơ: " + code) && text.contains("Tiếp nhận hồ sơ của: Nguyễn Thị H"), "\(text)")
        // The fee as printed ("8.000 đ": one copy of the extract asked for), in the VietQR code too.
        let feeText = try #require(text.range(of: #"Phí, lệ phí: [0-9.]+ đ"#, options: .regularExpression).map { String(text[$0]) }, "\(text)")
        let fee = try #require(Int(feeText.filter(\.isNumber)))
        #expect(try ExternalTool.run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-singlefile", pdf, work + "/page"]).status == 0)
        let decoded = Set(try ExternalTool.run("/usr/bin/zbarimg", ["--raw", "-q", work + "/page.png"]).stdout.split(separator: "\n").map(String.init))
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        #expect(decoded == ["https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=" + code,
                            try VietQR.feePayload(payee: payee, amountVND: fee, receiptCode: code, purpose: "LE PHI " + code)], "\(decoded)")

        // Corrected with a reason (typed in Telex): the new version keeps the code.
        t.press("s")
        try #require(t.wait(for: "Lý do sửa / bổ sung:"), "\(t.text)")
        t.type("Sai soos ddieenj thoaij")
        try #require(t.wait(for: "Sai số điện thoại"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
        t.press("F9")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Có thể trùng hồ sơ"), "\(t.text)")  // her other dossier, not this chain
        #expect(!t.text.contains(code + " ·"), "a correction is not its own duplicate: \(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "Mã hồ sơ: \(code) (bổ sung lần 1)"), "\(t.text)")
        #expect(t.text.contains("Lý do bổ sung: Sai số điện thoại"), "\(t.text)")
        t.press("Enter")

        // "Hôm nay" and the report count it all: 3 received (one a correction), by officer.
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu"), "\(t.text)")
        t.press("F9")
        try #require(t.wait(for: "Hồ sơ nhận hôm nay (3)"), "\(t.text)")
        #expect(t.text.contains("Nhận 3  Đã gửi 0  Sửa 1  Tạm giữ 0"), "\(t.text)")  // two spaces: " · " would wrap at 80
        #expect(t.text.contains(code + "  Đăng ký khai sinh · Trần Văn Minh · chờ gửi · bản sửa"), "\(t.text)")
        let day = "2026-11-27"  // the kiosk's day of record (--today), which "Hôm nay" follows too
        let csv = try Motcua.run(["report", "--data-dir", dir, "--from", day, "--to", day, "--by", "operator", "--csv", "-"]).stdout
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.contains { $0.hasPrefix("minh,2,0,1,0,") }, "\(csv)")
        #expect(rows.contains { $0.hasPrefix("lan,1,0,0,0,") }, "\(csv)")
        #expect(rows.contains { $0.hasPrefix("total,3,0,1,0,") }, "\(csv)")

        // The audit chain names who did what; the chain shows both versions.
        let events = auditEvents(dir)
        for needle in ["signed-in minh", "signed-in lan", "wrong-pin hoa", "locked-out hoa", "printed minh", "submit minh", "submit lan"] {
            #expect(events.contains(needle), "\(needle) in \(events)")
        }
        let show = try Motcua.run(["dossiers", "show", code, "--data-dir", dir, "--lang", "en"]).stdout
        #expect(show.contains("Version     2") && show.contains("reason: Sai số điện thoại"), "\(show)")
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", dir])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }
}
