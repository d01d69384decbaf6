// The kiosk with `deliverTo` set, in tmux at 80×24, against a real PostgreSQL started
// here: it delivers on its own in the background, the queue screen shows a conflict with
// its reason and when a delivery last succeeded, R puts the conflict back in the queue,
// and another desk finds the delivered dossier through `--core`.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.serialized, .enabled(if: kioskTmuxAvailable, "needs tmux"))
struct KioskDeliveryTests {
    @Test func aKioskWithDeliverToDeliversOnItsOwnAndShowsConflicts() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        // Another laptop set up with the same kiosk id delivered first: receipt KC01-…-0001 is taken.
        let first = try PostgresDeliveryTests.kiosk(root, "KC01", count: 1)
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", first.data]).status == 0)

        // This desk: two dossiers, the first holding the same receipt code with other content.
        let (form, answers) = try StoreFixture.make(in: root + "/desk", count: 3, note: 1)
        let data = root + "/data-desk"
        let submitted = try Motcua.run(["submit", form, answers[0], answers[2], "--data-dir", data, "--kiosk", "KC01"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let receipts = submitted.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.hasPrefix("KC01-") }
        try #require(receipts.count == 2, "\(submitted.stdout)")
        try #"{"deliverTo": "\#(pg.url)"}"#.write(toFile: data + "/settings.json", atomically: true, encoding: .utf8)
        chmod(data + "/settings.json", 0o600)

        let t = kioskSession(["--data-dir", data, "--kiosk", "KC01"], environment: ["MOTCUA_DELIVER_EVERY": "1"])
        defer { t.close() }
        try #require(t.wait(for: "Chọn thủ tục để bắt đầu", seconds: 30), "\(t.text)")
        // No key pressed: the background delivery stores the second dossier.
        let delivered = TmuxSession.poll(seconds: 60) {
            (try? pg.query("SELECT count(*) FROM motcua.dossiers WHERE receipt_code = '\(receipts[1])'")) == [["1"]]
        }
        #expect(delivered, "the kiosk delivered on its own")
        // Typing is never blocked: the home screen's search still answers.
        t.type("khai sinh")
        #expect(t.wait(for: "khai sinh", seconds: 10), "\(t.text)")

        t.press("F7")
        try #require(t.wait(for: "Hàng đợi gửi hồ sơ", seconds: 15), "\(t.text)")
        #expect(t.wait(for: "thành công lần cuối:", seconds: 10), "\(t.text)")
        let screen = t.text
        #expect(screen.contains("Nơi nhận: postgresql://"), "\(screen)")
        #expect(screen.contains("\(receipts[0])") && screen.contains("tạm giữ"), "\(screen)")
        #expect(screen.contains("conflict: receipt") && screen.contains("is already used in the shared core store"), "the conflict's reason: \(screen)")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })

        // The officer retries the conflict: back in the queue (delivery sets it aside again).
        t.press("R")
        #expect(t.wait(for: "Đã đưa hồ sơ \(receipts[0]) trở lại hàng đợi.", seconds: 10), "\(t.text)")
        let status = try Motcua.run(["queue", "status", "--all", "--data-dir", data]).stdout
        #expect(status.contains("delivered"), "\(status)")

        // Another desk finds the delivered dossier in the shared core.
        let found = try Motcua.run(["dossiers", "list", "--core", pg.url, "--search", receipts[1]])
        #expect(found.status == 0 && found.stdout.contains(receipts[1]), "\(found.stdout)\(found.stderr)")
        let byName = try Motcua.run(["dossiers", "list", "--core", pg.url, "--search", "le van c"])
        #expect(byName.stdout.contains(receipts[1]), "a name typed without diacritics: \(byName.stdout)")
        let show = try Motcua.run(["dossiers", "show", receipts[1], "--core", pg.url])
        #expect(show.status == 0 && show.stdout.contains(receipts[1]), "\(show.stdout)\(show.stderr)")
    }
}
