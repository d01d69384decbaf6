import Foundation
import MotCuaForms
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The queue screen (F7) lists every dossier of the outbox with its state, in tmux at
/// 80×24 with the real binary: the set-aside one first with its reason, then the others
/// newest first, scrolled; R retries the selected one only when it needs attention.
@Suite(.enabled(if: kioskTmuxAvailable)) struct QueueListKioskTests {
    @Test func everyDossierIsListedWithItsStateAndTheSelectedOneIsRetried() throws {
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/"
        var receipts: [String] = []
        for (form, count) in [("ly-lich-tu-phap", 1), ("khai-sinh", 20)] {
            let r = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/\(form).json"] + Array(repeating: answers + "\(form).valid.json", count: count)
                                   + ["--data-dir", data, "--kiosk", "HQ01", "--operator", "lan"])
            try #require(r.status == 0, "\(r.stderr)")
            receipts += r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        }
        try #require(receipts.count == 21)
        // The receiver rejects the criminal-record request (set aside) and stores the next two.
        let passThrough = DossierChecker { _ in
            PreparedForm(formID: "any", formVersion: "any") { answers, _, _ in .valid(CheckedAnswers(answers: answers)) }
        }
        do {
            let store = try DossierStore(directory: data, kioskID: "HQ01", checker: passThrough)
            let report = try store.deliver(operatorID: "lan", limit: 3, to: ReportCommandTests.PickyDestination())
            try #require(report.delivered.count == 2 && report.setAside.count == 1)
        }

        let t = kioskSession(["--data-dir", data, "--kiosk", "HQ01"])
        defer { t.close() }
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu", seconds: 30), "\(t.text)")
        t.press("F7")
        try #require(t.wait(for: "Các hồ sơ khác (20), mới nhất trước:", seconds: 20), "\(t.text)")
        var screen = t.text
        #expect(screen.contains("Cần xem lại:"), "\(screen)")
        #expect(screen.contains("▶ \(receipts[0]) Cấp Phiếu lý lịch tư pháp · tạm giữ – cần xem lại:"), "\(screen)")
        #expect(screen.contains("    rejected: not ours"), "the reason wraps under its line: \(screen)")
        #expect(screen.contains("  \(receipts[20]) Đăng ký khai sinh · chờ gửi"), "newest first: \(screen)")
        #expect(!screen.contains(receipts[1]), "the oldest are below the fold: \(screen)")
        // Down to the bottom: the two delivered ones, the oldest, scroll into view.
        t.press("PageDown", "PageDown", "PageDown")
        #expect(t.wait(for: "▶ \(receipts[1]) Đăng ký khai sinh · đã gửi"), "\(t.text)")
        screen = t.text
        #expect(screen.contains("  \(receipts[2]) Đăng ký khai sinh · đã gửi"), "\(screen)")
        #expect(!screen.contains(receipts[0]), "scrolled past the first: \(screen)")
        // R on a delivered dossier does nothing; on the set-aside one it puts it back in the queue.
        t.type("R")
        #expect(!t.wait(for: "trở lại hàng đợi", seconds: 1))
        t.press("PageUp", "PageUp", "PageUp")
        #expect(t.wait(for: "▶ \(receipts[0]) Cấp Phiếu lý lịch tư pháp"), "\(t.text)")
        t.type("R")
        #expect(t.wait(for: "Đã đưa hồ sơ \(receipts[0]) trở lại hàng đợi."), "\(t.text)")
        screen = t.text
        #expect(screen.contains("Không có hồ sơ nào gửi lỗi hay đang tạm giữ."), "\(screen)")
        #expect(screen.contains("Các hồ sơ khác (21), mới nhất trước:"), "\(screen)")
    }
}
