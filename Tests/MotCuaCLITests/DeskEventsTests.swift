import Foundation
import Testing

/// Desk events are records of the journal: in audit.log's chain (which `dossiers verify`
/// checks), in `dossiers show`'s history, and not counted as dossiers by the report.
@Suite struct DeskEventsTests {
    @Test func anExportedReceiptIsInTheDossiersHistoryAndTheAuditChain() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 1)
        let data = dir + "/data"
        let submit = try Motcua.run(["submit", "--today", "2026-11-27", form] + answers + ["--data-dir", data, "--kiosk", "hd01", "--operator", "lan"])
        let id = try #require(StoreFixture.submittedIDs(submit.stdout).first, "\(submit.stderr)")
        let before = try Motcua.run(["report", "--data-dir", data, "--from", "2026-11-01", "--to", "2026-12-31", "--csv", "-"])
        let text = try Motcua.run(["dossiers", "receipt", id, "--text", "--data-dir", data, "--kiosk", "hd01", "--operator", "minh"])
        #expect(text.status == 0, "\(text.stderr)")
        let show = try Motcua.run(["dossiers", "show", id, "--data-dir", data, "--lang", "en"])
        #expect(show.stdout.contains("receipt exported (HD01, minh)"), "\(show.stdout)")
        let vi = try Motcua.run(["dossiers", "show", id, "--data-dir", data, "--lang", "vi"])
        #expect(vi.stdout.contains("xuất giấy tiếp nhận (HD01, minh)"), "\(vi.stdout)")
        let entries = auditEntries(data)
        let exported = try #require(entries.first { $0["event"] as? String == "exported" }, "\(entries)")
        #expect(exported["operator"] as? String == "minh" && exported["dossier"] as? String == id)
        #expect(Set(exported.keys) == ["prev", "n", "src", "at", "event", "dossier", "operator", "kiosk"], "\(exported)")
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        // A desk event is no dossier: the report's numbers do not move.
        let after = try Motcua.run(["report", "--data-dir", data, "--from", "2026-11-01", "--to", "2026-12-31", "--csv", "-"])
        #expect(after.stdout == before.stdout && before.stdout.contains("\r\ntotal,1,"), "\(before.stdout)")
    }
}
