import Foundation
import Testing

/// Issue 14, a first day at the desk: the plain line mode over pipes.
@Suite(.serialized) struct FirstDayPlainTests {
    func fill(_ dir: String, _ lines: [String], extra: [String] = []) throws -> Motcua.Result {
        try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"] + extra,
                       stdin: lines.joined(separator: "\n") + "\n")
    }

    /// Defects 3 and 4: a well-written day that does not exist is said to not exist; a
    /// year field's example is a year.
    @Test func impossibleDaysAndYearExamples() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = PlainModeTests.khaiSinh
        let birth = try #require(lines.firstIndex(of: "20/10/2026"))
        lines.insert(contentsOf: ["31/02/2026", "29/02/2026", "15/13/2026", "20-10"], at: birth)
        let year = try #require(lines.firstIndex(of: "1995"))
        lines.insert("5/3/1995", at: year)
        let r = try fill(dir, lines + ["có"])
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout.suffix(2000))")
        let impossible = r.stdout.components(separatedBy: "Không có ngày này trong lịch").count - 1
        #expect(impossible == 3, "\(r.stdout)")
        #expect(r.stdout.contains("Hãy nhập ngày theo dạng DD/MM/YYYY, ví dụ 05/03/2024."))  // "20-10": the shape is wrong
        #expect(r.stdout.contains("Hãy nhập năm đủ 4 chữ số, ví dụ 1990."), "\(r.stdout)")
        #expect(!r.stdout.contains("dạng YYYY, ví dụ 05/03/2024"))
    }

    /// Defect 9: a binary copied alone says, in whole sentences, where it looked for its
    /// Forms/ and Locales/ and how to fix it; no raw message keys, exit status 2.
    @Test func aBinaryCopiedAloneSaysWhereItLookedAndHowToFixIt() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alone = dir + "/bin/motcua"
        try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Motcua.path, toPath: alone)
        for args in [[], ["fill", "khai-sinh", "--plain"], ["validate", "khai-sinh", "x.json"], ["forms", "check"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: alone)
            p.arguments = args
            var env = ProcessInfo.processInfo.environment
            env["MOTCUA_HOME"] = nil
            p.environment = env
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            let err = Pipe(), out = Pipe()
            p.standardError = err; p.standardOutput = out; p.standardInput = FileHandle.nullDevice
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 2, "\(args): \(e)")
            #expect(e.contains("cannot find the folders Forms/ and Locales/"), "\(args): \(e)")
            #expect(e.contains("  - \(dir)/bin\n") && e.contains("/usr/local/share/motcua"), "\(e)")
            #expect(e.contains("export MOTCUA_HOME="), "\(e)")
            #expect(!(e + o).contains("kiosk.") && !(e + o).contains("no such file"), "\(args): \(e)\(o)")
        }
        let wrong = try Motcua.run(["fill", "khai-sinh", "--plain"], environment: ["MOTCUA_HOME": dir])
        #expect(wrong.status == 2 && wrong.stderr.contains("MOTCUA_HOME is set to \(dir), but that folder does not hold Forms/"))
    }

    /// Defects 10, 11, 12: every command and subcommand has --help (exit 0); `fill` without
    /// a form says so in a sentence; validate and submit take a form id as fill does.
    @Test func helpEverywhereAndFormIdsEverywhere() throws {
        for args in [["forms", "--help"], ["forms", "check", "--help"], ["validate", "--help"], ["fill", "--help"],
                     ["drafts", "--help"], ["drafts", "list", "--help"], ["submit", "--help"], ["queue", "--help"],
                     ["queue", "deliver", "-h"], ["dossiers", "--help"], ["dossiers", "show", "--help"], ["qr", "--help"]] {
            let r = try Motcua.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stdout.hasPrefix("usage: motcua \(args[0])"), "\(args): \(r.stdout)")
        }
        let fill = try Motcua.run(["fill", "--plain"])
        #expect(fill.status == 2)
        #expect(fill.stderr.contains("which form?") && !fill.stderr.contains("^J"), "\(fill.stderr)")
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json"
        let valid = try Motcua.run(["validate", "khai-sinh", answers, "--today", "2026-11-27"])
        #expect(valid.status == 0, "\(valid.stderr)")
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let submitted = try Motcua.run(["submit", "khai-sinh", answers, "--data-dir", dir, "--kiosk", "TQ01"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.hasPrefix("TQ01-"), "\(submitted.stdout)")
        // Walk of 2026-12-06: a warning said "note:" before its Vietnamese message.
        let late = try Motcua.run(["submit", "khai-sinh", answers, "--data-dir", dir, "--kiosk", "TQ01", "--today", "2027-06-01"])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.contains("ks_ngay_sinh: Lưu ý: ") && !late.stdout.contains("note:"), "\(late.stdout)")
        // Walk of 2026-12-06: a common option before the command made the kiosk refuse it.
        let drafts = try Motcua.run(["--data-dir", dir, "dossiers", "list"])
        #expect(drafts.status == 0 && drafts.stdout.contains("TQ01-"), "\(drafts.stdout)\(drafts.stderr)")
        let help = try Motcua.run(["--data-dir", dir, "--help"])
        #expect(help.status == 0 && help.stdout.contains("Usage:"), "\(help.stdout)\(help.stderr)")
    }

    /// Defect 14: `dossiers show --lang vi` is Vietnamese and shows labels and option labels
    /// as the review does, not field ids and codes.
    @Test func dossiersShowInVietnameseWithLabels() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json"
        let submitted = try Motcua.run(["submit", "khai-sinh", answers, "--data-dir", dir, "--kiosk", "TQ01"])
        let receipt = try #require(submitted.stdout.split(separator: " ").first.map(String.init))
        let vi = try Motcua.run(["dossiers", "show", receipt, "--lang", "vi", "--data-dir", dir])
        #expect(vi.status == 0, "\(vi.stderr)")
        for text in ["Biên nhận   " + receipt, "Trạng thái  chờ gửi", "Nội dung khai", "Giới tính: Nam", "Xã Hùng Đức", "Dân tộc: Kinh", "tiếp nhận (TQ01, "] {
            #expect(vi.stdout.contains(text), "\(text) missing from \(vi.stdout)")
        }
        for raw in ["co_quan_xa", "ks_gioi_tinh", ": nam", "02425", "Receipt", "Answers", " submit (", "unknown"] {
            #expect(!vi.stdout.contains(raw), "\(raw) in \(vi.stdout)")
        }
        let en = try Motcua.run(["dossiers", "show", receipt, "--data-dir", dir])
        #expect(en.stdout.contains("Receipt") && en.stdout.contains("Sex: Male"), "\(en.stdout)")
    }

    /// Frictions: plain mode converts Telex with --telex (names, not ID numbers), and `<`
    /// after `:review` returns to the question the person was on.
    @Test func plainTelexAndBackFromTheReview() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = PlainModeTests.khaiSinh
        lines[2] = "Nguyeenx Thij Hoaf"
        let child = try #require(lines.firstIndex(of: "Trần Minh Khôi"))
        lines[child] = "Traanf Minh Khooi"
        // At the child's birth date: look at the review, then come back to the same question.
        lines.insert(contentsOf: [":review", "<"], at: child + 1)
        let r = try fill(dir, lines + ["có"], extra: ["--telex"])
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout.suffix(2000))")
        #expect(r.stdout.contains("Nguyễn Thị Hòa"), "\(r.stdout.suffix(3000))")
        #expect(r.stdout.contains("TRẦN MINH KHÔI"))
        #expect(!r.stdout.contains("Nguyeenx"))
        // After `<` the birth date is asked again (not the last question, as before).
        let afterReview = try #require(r.stdout.range(of: "Nộp hồ sơ? Gõ")).upperBound
        let next = r.stdout[afterReview...].split(separator: "\n").first { $0.hasPrefix("[") }
        #expect(next?.hasPrefix("[8/28] Ngày, tháng, năm sinh") == true, "\(String(describing: next))")
    }

    /// Friction: going back over a confirmed CCCD and pressing Enter keeps it, without
    /// asking for it twice again.
    @Test func aConfirmedIDNumberIsKeptWithoutConfirmingAgain() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = PlainModeTests.khaiSinh
        let relation = try #require(lines.firstIndex(of: "2"))
        lines.insert(contentsOf: ["<", "<", "", ""], at: relation)  // back to the CCCD, Enter, Enter
        let r = try fill(dir, lines + ["có"])
        #expect(r.status == 0, "\(r.stdout.suffix(1500))")
        let kept = try #require(r.stdout.range(of: "Đang có: 008190012345")).upperBound
        #expect(!r.stdout[kept...].contains("Nhập lại lần nữa"), "\(r.stdout[kept...].prefix(1500))")
    }
}
