// The full-screen kiosk of the real `motcua` binary in tmux: a whole khai-sinh dossier
// typed in Telex, resizing mid-form, a SIGKILL and the draft resumed from home, the
// receipt's QR codes read off the terminal and decoded by zbarimg, idle and signals.
// Every wait is short and every session is killed in a `defer`.
import Foundation
import MotCuaQR
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct KioskAppTests {
    static let today = "2026-11-27"

    func fill(_ dir: String, _ extra: [String] = [], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) -> TmuxSession {
        kioskSession(["fill", "khai-sinh", "--data-dir", dir, "--today", Self.today, "--kiosk", "TQ01"] + extra,
                  width: width, height: height, environment: environment)
    }

    /// Answers khai-sinh's first page, typing the name in Telex; returns when the
    /// child's name is asked (so every answer before it is saved).
    func firstPage(_ t: TmuxSession) throws {
        try #require(t.wait(for: "Bước 1/28"), "\(t.text)")
        t.press("Enter")                              // the province: Tuyên Quang by default
        t.type("hung duc"); t.press("Enter")          // the commune, narrowed without diacritics
        try #require(t.wait(for: "Họ, chữ đệm, tên người yêu cầu"), "\(t.text)")
        t.type("Nguyeenx Thij Hoaf")
        try #require(t.wait(for: "  Nguyễn Thị Hòa"), "\(t.text)")
        t.press("Enter")
        t.type("008190012345"); t.press("Enter")      // a confirm field: typed twice
        try #require(t.wait(for: "Nhập lại lần nữa để xác nhận"), "\(t.text)")
        t.type("008190012345"); t.press("Enter")
        t.type("0912345678"); t.press("Enter")
        t.type("me"); t.press("Enter")
        try #require(t.wait(for: "Họ, chữ đệm, tên của trẻ"), "\(t.text)")
    }

    /// khai-sinh from its first question to the review, every answer typed as a person
    /// would (Telex); `child`: the child's name as typed and as shown. Also used by
    /// OperatorsFilingTests.
    func answerKhaiSinh(_ t: TmuxSession, child: (telex: String, shown: String) = ("Traanf Minh Khooi", "Trần Minh Khôi")) throws {
        try firstPage(t)
        t.type(child.telex)
        try #require(t.wait(for: "  " + child.shown), "\(t.text)")
        t.press("Enter")
        t.type("20102026"); t.press("Enter")
        t.type("nam"); t.press("Enter")
        t.press("Enter", "Enter")                     // ethnic group and nationality: the defaults
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
        t.type("c"); t.press("Enter", "Enter")       // one copy (the default)
        try #require(t.wait(for: "Tôi cam đoan nội dung"), "\(t.text)")
        t.press("Enter"); t.type("c"); t.press("Enter")
        try #require(t.wait(for: "Xem lại hồ sơ: 33 câu trả lời · 0 lỗi"), "\(t.text)")
    }

    @Test func aKhaiSinhDossierTypedInTelexReachesTheReceiptAndTheQueue() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir)
        defer { t.close() }
        try answerKhaiSinh(t)
        t.press("Enter")
        try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"))
        t.press("Enter")
        try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "\(t.text)")
        let receipt = t.text
        #expect(receipt.range(of: #"Mã hồ sơ: TQ01-261127-0001"#, options: .regularExpression) != nil, "\(receipt)")
        #expect(receipt.contains("Thủ tục: Đăng ký khai sinh"))
        #expect(receipt.contains("Quét để tra cứu hồ sơ"))
        t.press("PageDown")                           // the fee is below the papers received
        try #require(t.wait(for: "Phí, lệ phí: 8.000 đ"), "\(t.text)")
        t.press("Enter")                              // dismissed: opened on one form, the program ends
        try #require(t.wait(for: "EXIT=0"), "\(t.text)")
        #expect(t.text.contains("Đã tiếp nhận hồ sơ TQ01-"))
        // In the queue, durably; delivered, it is found by the Vietnamese names.
        let status = try Motcua.run(["queue", "status", "--data-dir", dir])
        #expect(status.stdout.hasPrefix("queued 1,"), "\(status.stdout)")
        #expect(try Motcua.run(["queue", "deliver", "--data-dir", dir]).status == 0)
        let list = try Motcua.run(["dossiers", "list", "--search", "nguyen thi hoa", "--data-dir", dir])
        for name in ["Nguyễn Thị Hòa", "TRẦN MINH KHÔI", "Trần Văn Đức"] { #expect(list.stdout.contains(name), "\(list.stdout)") }
        let id = try #require(list.stdout.split(separator: " ").first.map(String.init))
        let shown = try Motcua.run(["dossiers", "show", id, "--data-dir", dir])
        for text in ["Bệnh viện tỉnh Tuyên Quang", "Xã Hùng Đức, tỉnh Tuyên Quang", "UBND xã Hàm Yên, tỉnh Tuyên Quang", "008190012345"] {
            #expect(shown.stdout.contains(text), "\(text) missing from \(shown.stdout)")
        }
        #expect(try Motcua.run(["drafts", "list", "--data-dir", dir]).stdout.isEmpty)
    }

    @Test func resizingBelowTheMinimumMidFormLosesNothing() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir)
        defer { t.close() }
        try #require(t.wait(for: "Bước 1/28"))
        t.press("Enter"); t.type("hung duc"); t.press("Enter")
        t.type("Nguyeenx Thij Ho")
        try #require(t.wait(for: "  Nguyễn Thị Ho"), "\(t.text)")
        t.resize(60, 20)
        try #require(t.wait(for: "Cửa sổ quá nhỏ"), "\(t.text)")
        #expect(t.text.contains("60×20"))
        #expect(!t.text.contains("Nguyễn"))
        t.type("xyz")                                 // held back while the form cannot be seen
        t.resize(80, 24)
        try #require(t.wait(for: "  Nguyễn Thị Ho"), "\(t.text)")
        #expect(!t.text.contains("xyz"))
        #expect(t.lines[1].hasPrefix(" Bước 3/28"))
        t.resize(120, 40)                             // a larger window: the layout uses it
        try #require(t.wait { $0.lines.count >= 40 && $0.lines[39].hasPrefix(" Enter Tiếp") }, "\(t.text)")
        #expect(t.lines[0].count == 119 && t.lines[0].hasSuffix("Gõ: Telex"))
        t.type("af"); t.press("Enter")
        try #require(t.wait(for: "Số định danh cá nhân (thẻ căn cước)"), "\(t.text)")
        let drafts = try Motcua.run(["drafts", "list", "--data-dir", dir])
        #expect(drafts.stdout.contains("khai-sinh") && drafts.stdout.contains("Nguyễn Thị Hòa"), "\(drafts.stdout)")
    }

    @Test func sigkillMidFormThenTheDraftResumesFromHome() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir)
        defer { t.close() }
        try firstPage(t)
        t.type("Traanf Minh Khooi"); t.press("Enter")
        try #require(t.wait(for: "Ngày, tháng, năm sinh"), "\(t.text)")   // the name is saved
        t.type("2010")                                                  // typed, never confirmed
        try #require(t.wait(for: "20/10/nnnn"))
        let pid = try #require(t.programPID)
        kill(pid, SIGKILL)
        // The shell's "Killed … EXIT=137" wraps wherever the binary's path ends the line.
        try #require(t.wait(seconds: 10) { $0.text.filter { !$0.isWhitespace }.contains("EXIT=137") }, "\(t.text)")
        t.close()

        let home = kioskSession(["--data-dir", dir, "--today", Self.today, "--kiosk", "TQ01"], width: 120, height: 40)
        defer { home.close() }
        try #require(home.wait(for: "Chọn thủ tục để bắt đầu"), "\(home.text)")
        #expect(home.text.contains("Hồ sơ nháp: 1"))
        #expect(!home.text.contains("Nguyễn"))
        home.press("F5")
        try #require(home.wait(for: "Chọn hồ sơ để làm tiếp"), "\(home.text)")
        let row = try #require(home.lines.first { $0.contains("▸ Đăng ký khai sinh") })
        #expect(row.contains("N. T. H.") && !home.text.contains("Nguyễn"), "\(home.text)")
        home.press("Enter")
        try #require(home.wait(for: "Mở hồ sơ nháp của N. T. H.?"), "\(home.text)")
        home.press("Enter")
        try #require(home.wait(for: "Ngày, tháng, năm sinh"), "\(home.text)")   // the first unanswered question
        #expect(home.lines[1].hasPrefix(" Bước 8/28"))
        #expect(!home.text.contains("20/10"))
        home.press("F2")
        try #require(home.wait(for: "Xem lại hồ sơ"), "\(home.text)")
        home.press("Home")
        try #require(home.wait(for: "── Người yêu cầu ──"), "\(home.text)")
        let review = home.text
        for answer in ["Tỉnh Tuyên Quang", "Xã Hùng Đức", "Nguyễn Thị Hòa", "008190012345", "0912345678", "Mẹ", "TRẦN MINH KHÔI"] {
            #expect(review.contains(answer), "\(answer) missing from the resumed review:\n\(review)")
        }
    }

    @Test func theReceiptsQRCodesReadOffTheTerminalDecodeToTheirContent() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let settings = #"{"kioskId": "TQ01", "vietqr": {"bin": "970415", "account": "113366668888"}, "trackingURL": "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma={code}"}"#
        try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        // Every answer through plain mode (fast); the kiosk resumes the draft and submits it.
        let (t, code) = try kioskSubmitsKhaiSinh(dir, today: Self.today)
        defer { t.close() }
        #expect(t.text.contains("Nhấn F5 để xem mã QR."))
        t.press("F5")
        try #require(t.wait(for: "Quét để tra cứu hồ sơ"), "\(t.text)")
        #expect(try decode(t.lines) == "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=" + code)
        t.press("Tab")
        try #require(t.wait(for: "Quét để nộp lệ phí 16.000 đ"), "\(t.text)")
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        let payment = try VietQR.feePayload(payee: payee, amountVND: 16000, receiptCode: code, purpose: "LE PHI " + code)
        #expect(try decode(t.lines) == payment)
        t.press("Escape", "Enter")
        try #require(t.wait(for: "EXIT=0"), "\(t.text)")
    }

    @Test func idleTimeSavesAndLeavesNothingPersonalOnScreen() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir, environment: ["MOTCUA_IDLE_SECONDS": "1"])
        defer { t.close() }
        try #require(t.wait(for: "Bước 1/28"))
        // Every key in one burst (one tmux call), nothing awaited on screen in between:
        // the 1-second timer can only fire once the keys are all in.
        t.press("Enter", "hung duc", "Enter", "Phamj Vawn Dduwcs", "Enter")
        // The explicit wait: for the saved draft itself, not for a screen the timer may already have left.
        var listed = ""
        let saved = TmuxSession.poll {
            listed = (try? Motcua.run(["drafts", "list", "--data-dir", dir]).stdout) ?? ""
            return listed.contains("Phạm Văn Đức")
        }
        #expect(saved, "\(listed)")
        try #require(t.wait(seconds: 10) { $0.text.contains("Chọn thủ tục để bắt đầu") }, "\(t.text)")
        #expect(!t.text.contains("Phạm"))
        #expect(t.text.contains("Đã lâu không thao tác"))
        let shown = try Motcua.run(["drafts", "list", "--data-dir", dir])
        #expect(shown.stdout.contains("Phạm Văn Đức"), "\(shown.stdout)")
    }

    @Test func sigtermSavesTheDraftAndRestoresTheTerminal() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = fill(dir)
        defer { t.close() }
        try #require(t.wait(for: "Bước 1/28"))
        t.press("Enter"); t.type("hung duc"); t.press("Enter")
        try #require(t.wait(for: "Bước 3/28"))
        kill(try #require(t.programPID), SIGTERM)
        try #require(t.wait(for: "EXIT=143"), "\(t.text)")
        let list = try Motcua.run(["drafts", "list", "--data-dir", dir])
        let id = try #require(list.stdout.split(separator: " ").first.map(String.init))
        #expect(try Motcua.run(["drafts", "show", id, "--data-dir", dir]).stdout.contains("co_quan_xa: \"02425\""))
        // Ctrl-C in the middle of the next answer: the draft is saved the same way.
        let again = kioskSession(["fill", "--draft", id, "--data-dir", dir, "--today", Self.today])
        defer { again.close() }
        try #require(again.wait(for: "Bước 3/28"), "\(again.text)")
        again.type("Lee Vaan"); again.press("Enter")
        try #require(again.wait(for: "Số định danh cá nhân (thẻ căn cước)"), "\(again.text)")
        again.press("C-c")
        try #require(again.wait(for: "EXIT=130"), "\(again.text)")
        #expect(try Motcua.run(["drafts", "show", id, "--data-dir", dir]).stdout.contains("nyc_ho_ten: \"Lê Vân\""))
    }

    @Test func withoutAUTF8TerminalItSaysWhyAndListsTheCatalog() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = kioskSession(["--data-dir", dir], height: 40, environment: ["LC_ALL": "C"])  // the reason above the whole catalog
        defer { t.close() }
        try #require(t.wait(for: "EXIT=0"), "\(t.text)")
        // The reason, in the person's language (Vietnamese by default), naming the locale's code set.
        // (Joined across the 80-column wrap.)
        #expect(t.text.replacingOccurrences(of: "\n", with: "").contains("ngôn ngữ hệ thống dùng bảng mã ANSI_X3.4-1968, không phải UTF-8"), "\(t.text)")
        #expect(t.text.contains("khai-sinh"))
        // Through pipes (a script): plain mode, the reason on stderr.
        let piped = try Motcua.run(["--data-dir", dir])
        #expect(piped.status == 0)
        #expect(piped.stderr.contains("không mở được màn hình kiosk"))
        #expect(piped.stdout.contains("khai-sinh") && piped.stdout.contains("Đăng ký khai sinh (1.001193)"))
        #expect(piped.stdout.contains("motcua fill --help") && !piped.stdout.contains("usage:"))  // one language (issue 14)
    }

    /// Rebuilds the QR code drawn in half blocks on a captured screen, renders it to PBM
    /// and returns what zbarimg reads from it.
    func decode(_ lines: [String]) throws -> String? {
        let rows = lines.map { Array($0.unicodeScalars) }
        var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
        for (y, row) in rows.enumerated() {
            for (x, s) in row.enumerated() where s == "█" || s == "▀" || s == "▄" {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        let blank = String(repeating: " ", count: maxX - minX + 9)
        var region = [blank, blank]
        for row in rows[minY...maxY] {
            var line = "    "
            for x in minX...maxX { line.unicodeScalars.append(x < row.count ? row[x] : " ") }
            region.append(line + "    ")
        }
        region += [blank, blank]
        let modules = try #require(QRTextRenderer.modules(fromHalfBlockLines: region))
        let scale = 4
        var pbm = "P1\n\(modules[0].count * scale) \(modules.count * scale)\n"
        for row in modules {
            let line = row.map { $0 ? "1" : "0" }.flatMap { Array(repeating: $0, count: scale) }.joined(separator: " ")
            for _ in 0..<scale { pbm += line + "\n" }
        }
        let folder = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/code.pbm"
        try pbm.write(toFile: file, atomically: true, encoding: .ascii)
        let zbar = try ExternalTool.run("/usr/bin/env", ["zbarimg", "--raw", "-q", "-Sbinary", file])
        guard zbar.status == 0 else { return nil }
        var text = zbar.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
