// `motcua dossiers correct` of the real binary over pipes (issue 16): the plain review
// prefilled with the earlier answers, one item changed, the new version queued under the
// same receipt code with its reason; the earlier one never delivered; `show` prints the
// chain both ways.
import Foundation
import Testing

@Suite struct CorrectCommandTests {
    @Test func aQueuedDossierIsCorrectedAndOnlyTheNewVersionIsDelivered() throws {
        let (dir, code) = try ReceiptCommandTests.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Motcua.run(["dossiers", "list", "--data-dir", dir]).stdout.split(separator: " ").map(String.init)
        let oldID = first[1]
        // The review opens with every earlier answer; item 27 (the marriage certificate's
        // number) is changed, the review comes back and "có" submits.
        let input = ["27", "13/2020", "có"]
        let r = try Motcua.run(["dossiers", "correct", code, "--reason", "sai tên mẹ", "--data-dir", dir, "--today", "2026-11-28", "--kiosk", "TQ01"],
                               stdin: input.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Mã hồ sơ: \(code) (bổ sung lần 1)"), "\(r.stdout.suffix(3000))")
        #expect(r.stdout.contains("Lý do bổ sung: sai tên mẹ"))

        let list = try Motcua.run(["dossiers", "list", "--data-dir", dir]).stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(list.count == 2)
        #expect(list.map { $0[0] } == [code, code], "the same receipt code")
        #expect(list[0][1] == oldID && list[0].contains("superseded"))
        let newID = list[1][1]

        let delivered = try Motcua.run(["queue", "deliver", "--data-dir", dir])
        #expect(delivered.status == 0, "\(delivered.stderr)")
        let show = try Motcua.run(["dossiers", "show", code, "--data-dir", dir, "--lang", "vi"]).stdout
        let old = try Motcua.run(["dossiers", "show", oldID, "--data-dir", dir, "--lang", "vi"]).stdout
        #expect(show.contains("Hồ sơ       \(newID)"), "the receipt code finds the latest version:\n\(show)")
        #expect(show.contains("Phiên bản   2 (bổ sung lần 1)"))
        #expect(show.contains("thay cho \(oldID) – lý do: sai tên mẹ"))
        #expect(show.contains("Số Giấy chứng nhận kết hôn: 13/2020"))
        #expect(old.contains("Số Giấy chứng nhận kết hôn: 12/2020"), "both versions kept")
        #expect(old.contains("đã được thay bằng \(newID) (phiên bản 2) – lý do: sai tên mẹ"), "\(old)")
        #expect(old.contains("Trạng thái  đã được thay bằng bản mới, không gửi"))
        let status = try Motcua.run(["queue", "status", "--data-dir", dir])
        #expect(!status.stdout.contains("queued 1") && status.status == 0)
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", dir]).status == 0)
        // The portal's sync gets the version in force once, under the receipt code.
        let dvc = try Motcua.run(["dossiers", "export", "--format", "dvc", dir + "/dvc.json", "--data-dir", dir])
        #expect(dvc.status == 0 && dvc.stdout.contains("exported 1 dossier record "), "\(dvc.stdout)\(dvc.stderr)")

        // The older version cannot be corrected again, and a reason is required.
        let again = try Motcua.run(["dossiers", "correct", oldID, "--reason", "x", "--data-dir", dir], stdin: "có\n")
        #expect(again.status == 1 && again.stderr.contains("already replaced by \(newID)"), "\(again.stderr)")
        #expect(try Motcua.run(["dossiers", "correct", code, "--data-dir", dir]).status == 2)
    }
}

extension CorrectCommandTests {
    /// The HTTPS delivery of a supplement names its predecessor in a header and in the body.
    @Test func aSupplementIsSentWithItsLink() throws {
        let (dir, code) = try ReceiptCommandTests.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let receiver = try ReceiverProcess(in: dir)
        defer { receiver.stop() }
        #expect(try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", dir]).status == 0)
        let r = try Motcua.run(["dossiers", "correct", code, "--reason", "bổ sung", "--data-dir", dir, "--today", "2026-11-28"],
                               stdin: "27\n13/2020\ncó\n")
        #expect(r.status == 0, "\(r.stderr)")
        let d = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", dir])
        #expect(d.status == 0 && d.stdout.contains("delivered 1"), "\(d.stdout)\(d.stderr)")
        let sent = receiver.requests()
        #expect(sent.count == 2)
        let first = sent.first?["headers"] as? [String: String] ?? [:]
        let second = sent.last?["headers"] as? [String: String] ?? [:]
        let firstID = String((sent.first?["path"] as? String ?? "").dropFirst("/dossiers/".count))
        #expect(first["x-motcua-supersedes"] == nil)
        #expect(second["x-motcua-supersedes"] == firstID && second["x-motcua-version"] == "2", "\(second)")
        #expect(second["x-motcua-receipt"] == code)
    }
}
