import Foundation
import Testing

/// The plain line mode driven through pipes, as a screen reader or a script would.
@Suite(.serialized) struct PlainModeTests {
    /// Every answer of a complete khai-sinh dossier, in the order asked.
    static let khaiSinh: [String] = [
        "",                                  // province: default Tuyên Quang
        "hung duc",                          // commune narrowed by typing, no diacritics
        "Nguyễn Thị Hoà",
        "008190012345", "008 190 012 345",   // confirm field: typed twice
        "0912 345 678",
        "2",                                 // Mẹ
        "Trần Minh Khôi",
        "20/10/2026",
        "1",                                 // Nam
        "", "",                              // ethnic group, nationality: defaults
        "Bệnh viện Đa khoa tỉnh Tuyên Quang",
        "Xã Hùng Đức, tỉnh Tuyên Quang",
        "",                                  // mother known: default yes
        "Nguyễn Thị Hoà", "1995", "", "", "",
        "",                                  // father known
        "Trần Văn Đức", "1993", "", "", "",
        "có", "12/2020", "01/2020", "15/05/2020", "UBND xã Hàm Yên, tỉnh Tuyên Quang",
        "có", "2",                           // two copies
        "",                                  // the declaration note
        "có",                                // agree
    ]

    func fill(_ dir: String, _ lines: [String], extra: [String] = []) throws -> Motcua.Result {
        try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"] + extra,
                       stdin: lines.joined(separator: "\n") + "\n")
    }

    @Test func completeDossierEndsInReceipt() throws {
        let dir = try Motcua.tempDir()
        let r = try fill(dir, Self.khaiSinh + ["có"])
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout.suffix(2000))")
        #expect(r.stdout.contains("[1/"))
        #expect(r.stdout.contains("Hồ sơ hợp lệ."))
        #expect(r.stdout.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(r.stdout.range(of: #"Mã hồ sơ: TQ01-261127-0001"#, options: .regularExpression) != nil)
        #expect(r.stdout.contains("Thủ tục: Đăng ký khai sinh"))
        #expect(r.stdout.contains("Phí, lệ phí: 16.000 đ"))
        #expect(r.stdout.contains("Giấy chứng nhận kết hôn của cha mẹ (xuất trình)"))
        #expect(r.stdout.contains("Quét để tra cứu hồ sơ"))
        // No colours, no cursor movement: nothing a screen reader would read out as noise.
        #expect(!r.stdout.contains("\u{1B}"))
        // Queued durably; delivered to the core store it is found by the child's name.
        #expect(try Motcua.run(["queue", "deliver", "--data-dir", dir]).status == 0)
        let list = try Motcua.run(["dossiers", "list", "--search", "tran minh khoi", "--data-dir", dir])
        #expect(list.stdout.contains("TQ01-"), "\(list.stdout)")
        #expect(try Motcua.run(["drafts", "list", "--data-dir", dir]).stdout.isEmpty)
    }

    @Test func wrongAnswerThenCorrectionAndBack() throws {
        let dir = try Motcua.tempDir()
        var lines = Self.khaiSinh
        lines.insert("00819001234", at: 3)                 // 11 digits: refused
        lines.insert("<", at: 7)                           // back from the relationship question...
        lines.insert("0987 654 321", at: 8)                // ...to change the phone number
        let r = try fill(dir, lines + ["có"])
        #expect(r.stdout.contains("Chưa đúng: Số định danh cá nhân phải có đúng 12 chữ số (bạn đã nhập 11)."))
        #expect(r.status == 0, "\(r.stdout.suffix(1500))")
        #expect(r.stdout.contains("Đang có: 0912345678"))
        let id = r.stdout.range(of: #"TQ01-261127-\d{4}"#, options: .regularExpression).map { String(r.stdout[$0]) } ?? "?"
        #expect(try Motcua.run(["dossiers", "show", id, "--data-dir", dir]).stdout.contains("0987654321"))
    }

    @Test func endOfInputSavesTheDraftAndDraftResumes() throws {
        let dir = try Motcua.tempDir()
        let first = try fill(dir, Array(Self.khaiSinh.prefix(8)))
        #expect(first.status == 3)
        guard let id = first.stdout.range(of: #"[0-9a-f-]{36}"#, options: .regularExpression).map({ String(first.stdout[$0]) }) else {
            Issue.record("no draft id in \(first.stdout.suffix(300))"); return
        }
        let list = try Motcua.run(["drafts", "list", "--data-dir", dir])
        #expect(list.stdout.contains(id) && list.stdout.contains("khai-sinh") && list.stdout.contains("Nguyễn Thị Hoà"))
        let resumed = try Motcua.run(["fill", "--draft", id, "--plain", "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"],
                                     stdin: (Array(Self.khaiSinh.dropFirst(8)) + ["có"]).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stdout.suffix(1500))")
        #expect(resumed.stdout.contains("Mã hồ sơ: TQ01-"))
        #expect(resumed.stdout.contains(id))  // the dossier keeps the id made when the interview started
    }

    @Test func sigkillKeepsEveryConfirmedAnswer() throws {
        let dir = try Motcua.tempDir()
        let (p, input, output) = try Motcua.start(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-11-27"])
        let answers = Array(Self.khaiSinh.prefix(9))
        for a in answers { input.fileHandleForWriting.write(Data((a + "\n").utf8)) }
        // Wait until the prompt after the last answer appears: that answer is then saved.
        var seen = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            seen.append(output.fileHandleForReading.availableData)
            if String(decoding: seen, as: UTF8.self).contains("Giới tính") { break }
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        let list = try Motcua.run(["drafts", "list", "--data-dir", dir])
        guard let id = list.stdout.split(separator: " ").first.map(String.init), !id.isEmpty else { Issue.record("no draft after kill"); return }
        let shown = try Motcua.run(["drafts", "show", id, "--data-dir", dir])
        for expected in ["\"08\"", "Nguyễn Thị Hoà", "008190012345", "0912345678", "\"me\"", "TRẦN MINH KHÔI", "2026-10-20"] {
            #expect(shown.stdout.contains(expected), "\(expected) missing from \(shown.stdout)")
        }
        // Resuming starts at the first unanswered question: the child's sex.
        let resumed = try Motcua.run(["fill", "--draft", id, "--plain", "--data-dir", dir, "--today", "2026-11-27"], stdin: "")
        #expect(resumed.status == 3)
        #expect(resumed.stdout.contains("Giới tính"))
        #expect(!resumed.stdout.contains("Họ, chữ đệm, tên người yêu cầu"))
    }

    @Test func helpListsTheCommands() throws {
        let r = try Motcua.run(["fill", "--help"])
        #expect(r.status == 0)
        for cmd in ["<", "?", "!", ":review", ":save"] { #expect(r.stdout.contains(cmd)) }
    }
}
