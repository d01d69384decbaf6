import Foundation
import MotCuaForms
import MotCuaTestSupport
import Testing

/// The kiosk's "Hôm nay" screen (F9 from home) in tmux at 80×24, the real binary,
/// against `motcua report` for the same day: the same numbers, the same bars.
@Suite(.enabled(if: kioskTmuxAvailable)) struct TodayScreenTests {
    /// Today in Viet Nam, as the program reckons it.
    static var vietnamToday: String {
        let ms = Int64(Date().timeIntervalSince1970 * 1000) + 7 * 3_600_000
        return CalendarDate(dayNumber: Int(ms / 86_400_000)).iso
    }

    @Test func todayScreenShowsTheReportsNumbersAndEachDossier() throws {
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/"
        var receipts: [String] = []
        for (form, op) in [("khai-sinh", "lan"), ("ly-lich-tu-phap", "minh"), ("khai-sinh", "lan")] {
            let r = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/\(form).json", answers + "\(form).valid.json",
                                    "--data-dir", data, "--kiosk", "HN01", "--operator", op])
            try #require(r.status == 0, "\(r.stderr)")
            receipts.append(String(r.stdout.prefix { $0 != " " }))
        }
        let delivered = try Motcua.run(["queue", "deliver", "--limit", "1", "--data-dir", data])
        try #require(delivered.status == 0, "\(delivered.stderr)")
        let day = Self.vietnamToday
        let csv = try Motcua.run(["report", "--data-dir", data, "--from", day, "--to", day, "--by", "procedure", "--csv", "-"])
        let cli = try Motcua.run(["report", "--data-dir", data, "--from", day, "--to", day, "--by", "operator"])
        // The CLI's numbers for today: 3 received, 1 delivered (the fees depend on the day: khai-sinh's is late-registration aware).
        let total = try #require(csv.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("total,") }).split(separator: ",").dropFirst().map(String.init)
        try #require(total.count == 7 && total[0] == "3" && total[1] == "1", "\(csv.stdout)")
        let fee = Int(total[4]).map { n in
            String(String(n).reversed().enumerated().map { $0 > 0 && $0 % 3 == 0 ? ".\($1)" : "\($1)" }.joined().reversed())
        } ?? "?"
        let pairs = ["Nhận 3", "Đã gửi 1", "Sửa \(total[2])", "Tạm giữ \(total[3])", "Lệ phí (đ) \(fee)", "Đến hẹn \(total[5])", "Quá hẹn \(total[6])"]
        #expect(cli.stdout.contains("\nlan       ████████████████████████████████████████ 2\nminh      ████████████████████                     1\n"), "\(cli.stdout)")

        let t = kioskSession(["--data-dir", data, "--kiosk", "HN01"])
        defer { t.close() }
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu", seconds: 30), "\(t.text)")
        #expect(t.text.contains("F9 Hôm nay"), "the home screen offers the key: \(t.text)")
        t.press("F9")
        try #require(t.wait(for: "Hồ sơ nhận hôm nay (3)", seconds: 20), "\(t.text)")
        let screen = t.text
        // The totals fit one line at 80 columns: every "label number" pair on it, none wrapped.
        let totalsLine = t.lines.first { $0.contains("Nhận 3") } ?? ""
        for pair in pairs { #expect(totalsLine.contains(pair), "\(pair) on the totals line: \(screen)") }
        // The bars are the CLI's (`Report.bar`): the longest row full, the other in proportion.
        #expect(screen.contains("lan   ████████████████████████████████████████ 2"), "\(screen)")
        #expect(screen.contains("minh  ████████████████████                     1"), "\(screen)")
        // The procedures by their titles, fitted to the key column (24), not by form id.
        #expect(screen.contains("Đăng ký khai sinh         ████████████████████████████████████████ 2"), "\(screen)")
        #expect(screen.contains("\(receipts[0])  Đăng ký khai sinh · lan · đã gửi"), "\(screen)")
        #expect(screen.contains("\(receipts[1])  Cấp Phiếu lý lịch tư pháp · minh · chờ gửi"), "\(screen)")
        // Nothing personal: the applicant's name in the answers never reaches this screen.
        for name in ["Nguyễn", "Trần", "Khôi", "NGUYỄN"] { #expect(!screen.contains(name), "\(screen)") }
        // Ctrl-N works where terminals send no F9; Esc goes home.
        t.press("Escape")
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu", seconds: 10), "\(t.text)")
        t.press("C-n")
        #expect(t.wait(for: "Hồ sơ nhận theo thủ tục", seconds: 10), "\(t.text)")
        // Narrower than 80 columns the kiosk asks for a larger window (TodayTotalsTests packs the totals at 40).
        t.resize(40, 24)
        #expect(t.wait(for: "Cửa sổ quá nhỏ", seconds: 10), "\(t.text)")
    }
}
