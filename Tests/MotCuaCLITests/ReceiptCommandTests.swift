// `motcua dossiers receipt` of the real binary: the PDF read back by pdftotext and
// zbarimg, the text at 48 columns, a missing font said plainly; and the kiosk's print
// key handing the PDF to the configured print command (a capture script) in tmux.
import Foundation
import MotCuaQR
import MotCuaTestSupport
import MotCuaText
import Testing

@Suite struct ReceiptCommandTests {
    static let settings = #"{"kioskId": "TQ01", "agencyName": "Ủy ban nhân dân xã Hùng Đức", "vietqr": {"bin": "970415", "account": "113366668888"}, "trackingURL": "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma={code}"}"#

    /// A data folder with one khai-sinh dossier submitted through plain mode; its receipt code.
    static func submitted(settings: String = settings) throws -> (dir: String, code: String) {
        let dir = try Motcua.tempDir()
        try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        let r = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"],
                               stdin: (PlainModeTests.khaiSinh + ["có"]).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let code = try #require(r.stdout.range(of: #"TQ01-261127-\d{4}"#, options: .regularExpression).map { String(r.stdout[$0]) })
        return (dir, code)
    }

    @Test func thePDFReadsBackAndItsCodesDecode() throws {
        let (dir, code) = try Self.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/r.pdf"
        let r = try Motcua.run(["dossiers", "receipt", code, "--pdf", pdf, "--data-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: pdf)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for e in ["ỦY BAN NHÂN DÂN XÃ HÙNG ĐỨC", "Mã hồ sơ: " + code, "Tiếp nhận hồ sơ của: Nguyễn Thị Hoà",
                  "Thủ tục: Đăng ký khai sinh", "Phí, lệ phí: 16.000 đ", "Người tiếp nhận hồ sơ: —"] {
            #expect(lines.contains(e), "\(e) missing:\n\(text)")
        }
        #expect(text == VietText.nfc(text))
        #expect(try ExternalTool.run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-singlefile", pdf, dir + "/page"]).status == 0)
        let decoded = Set(try ExternalTool.run("/usr/bin/zbarimg", ["--raw", "-q", dir + "/page.png"]).stdout.split(separator: "\n").map(String.init))
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        #expect(decoded == ["https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=" + code,
                            try VietQR.feePayload(payee: payee, amountVND: 16000, receiptCode: code, purpose: "LE PHI " + code)])
    }

    /// A file that was there, readable by all, is replaced whole and owner-only; a bare file
    /// name is written in the current folder (not at the root).
    @Test func aPDFOverAnOldFileIsOwnerOnlyAndABareNameStaysHere() throws {
        let (dir, code) = try Self.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = String(repeating: "x", count: 5_000_000)
        try old.write(toFile: dir + "/r.pdf", atomically: true, encoding: .utf8)
        _ = chmod(dir + "/r.pdf", 0o644)
        let r = try Motcua.run(["dossiers", "receipt", code, "--pdf", "r.pdf", "--data-dir", dir], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(stat(dir + "/r.pdf", &st) == 0 && st.st_mode & 0o777 == 0o600)
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/r.pdf"))
        #expect(bytes.starts(with: Data("%PDF-".utf8)) && bytes.count < 1_000_000, "nothing of the old file is left")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func textAt48ColumnsAndAMissingFontSaidPlainly() throws {
        let (dir, code) = try Self.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Motcua.run(["dossiers", "receipt", code, "--text", "--width", "48", "--data-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { VietText.displayWidth($0) <= 48 }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("Tiếp nhận hồ sơ của: Nguyễn Thị Hoà") })
        #expect(lines.contains { VietText.displayWidth($0) > 40 })
        let wide = try Motcua.run(["dossiers", "receipt", code, "--data-dir", dir])
        #expect(wide.stdout.split(separator: "\n").allSatisfy { VietText.displayWidth(String($0)) <= 80 })
        let missing = try Motcua.run(["dossiers", "receipt", code, "--pdf", dir + "/x.pdf", "--data-dir", dir],
                                     environment: ["MOTCUA_RECEIPT_FONT": dir + "/no-such-font.ttf"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("install fonts-dejavu-core"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.pdf"))
        #expect(try Motcua.run(["dossiers", "receipt", "TQ01-261127-9999", "--data-dir", dir]).status == 1)
        #expect(try Motcua.run(["dossiers", "receipt", "--help"]).status == 0)
    }
}

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct KioskPrintTests {
    /// The print key runs `printCommand` with the PDF as its last argument: a script
    /// copies it aside; pdftotext reads the receipt code in the copy.
    @Test func thePrintKeyHandsThePDFToThePrintCommand() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/capture.sh"
        try "#!/bin/sh\necho \"$1\" > \(dir)/args\ncp \"$2\" \(dir)/printed.pdf\n".write(toFile: script, atomically: true, encoding: .utf8)
        _ = chmod(script, 0o755)
        let settings = #"{"kioskId": "TQ01", "printCommand": "\#(script) -d"}"#
        try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        let (t, code) = try kioskSubmitsKhaiSinh(dir, today: KioskAppTests.today)
        defer { t.close() }
        t.press("i")
        try #require(t.wait(for: "Đã gửi giấy tiếp nhận tới máy in."), "\(t.text)")
        let printed = try ExternalTool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", dir + "/printed.pdf", "-"]).stdout
        #expect(printed.contains("Mã hồ sơ: " + code), "\(printed)")
        #expect(try String(contentsOfFile: dir + "/args", encoding: .utf8) == "-d\n")
        // The spool copy is the command's business: the kiosk's own file is gone.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir + "/print"))?.isEmpty == true)
        // A command that fails is said on the receipt screen, which stays.
        try #"{"kioskId": "TQ01", "printCommand": "/bin/false"}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        t.press("i")
        try #require(t.wait(for: "Không in được: /bin/false báo lỗi, mã 1"), "\(t.text)")
        try #"{"kioskId": "TQ01", "printCommand": "no-such-printer-command"}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        t.press("i")
        try #require(t.wait(for: "Không in được: không tìm thấy lệnh in"), "\(t.text)")
        t.press("Enter")
        try #require(t.wait(for: "EXIT=0"), "\(t.text)")
    }
}
