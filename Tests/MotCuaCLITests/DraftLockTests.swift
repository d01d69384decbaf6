import Foundation
import Testing

/// Two desks on one data folder and one draft: the second is told the draft is open
/// elsewhere (nothing is overwritten), and a desk that was killed frees it by itself.
@Suite(.serialized) struct DraftLockTests {
    static let today = "2026-11-27"
    static let inUse = "đang được mở ở một quầy hoặc máy khác"

    /// A draft with the first answers of khai-sinh, made through plain mode.
    func makeDraft(_ dir: String) throws -> String {
        let first = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", Self.today],
                                   stdin: PlainModeTests.khaiSinh.prefix(3).joined(separator: "\n") + "\n")
        #expect(first.status == 3, "\(first.stderr)")
        return try #require(first.stdout.range(of: #"[0-9a-f-]{36}"#, options: .regularExpression).map { String(first.stdout[$0]) })
    }

    /// `motcua fill --draft ID --plain` left running with its input open, after `text` appeared.
    func holder(_ dir: String, draft: String, until text: String) throws -> (Process, Pipe, Pipe) {
        let (p, input, output) = try Motcua.start(["fill", "--draft", draft, "--plain", "--data-dir", dir, "--today", Self.today])
        try #require(waitFor(text, output), "the holder never asked \(text)")
        return (p, input, output)
    }

    func waitFor(_ text: String, _ output: Pipe) -> Bool {
        var seen = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            seen.append(output.fileHandleForReading.availableData)
            if String(decoding: seen, as: UTF8.self).contains(text) { return true }
        }
        return false
    }

    @Test func aSecondProcessIsToldAndAKilledHolderFreesTheDraft() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = try makeDraft(dir)
        let (p, input, output) = try holder(dir, draft: id, until: "Số định danh")
        // A second desk: refused with the reason, in Vietnamese, before any question.
        let second = try Motcua.run(["fill", "--draft", id, "--plain", "--data-dir", dir, "--today", Self.today], stdin: "008190099999\n")
        #expect(second.status == 2)
        #expect(second.stderr.contains(Self.inUse), "\(second.stderr)")
        #expect(!second.stdout.contains("Số định danh"))
        // Nor can the draft be discarded under the holder.
        let discard = try Motcua.run(["drafts", "discard", id, "--data-dir", dir])
        #expect(discard.status == 2 && discard.stderr.contains("open at another desk"), "\(discard.stderr)")
        // The holder goes on and its answer is kept; then it is killed mid-interview.
        input.fileHandleForWriting.write(Data("008190012345\n008 190 012 345\n".utf8))
        #expect(waitFor("điện thoại", output))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        // The kernel dropped the dead holder's lock: the next desk opens the draft at once.
        let shown = try Motcua.run(["drafts", "show", id, "--data-dir", dir])
        #expect(shown.stdout.contains("008190012345"), "\(shown.stdout)")
        let resumed = try Motcua.run(["fill", "--draft", id, "--plain", "--data-dir", dir, "--today", Self.today], stdin: "")
        #expect(resumed.status == 3, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("điện thoại"), "\(resumed.stdout.suffix(500))")
        // Closed normally, the draft can be discarded, and its lock file goes with it.
        #expect(try Motcua.run(["drafts", "discard", id, "--data-dir", dir]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/drafts").isEmpty)
    }

    @Test func aSecondKioskSeesTheMessageAndOpensTheDraftOnceTheFirstLeaves() throws {
        guard kioskTmuxAvailable else { return }
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = try makeDraft(dir)
        let first = kioskSession(["fill", "--draft", id, "--data-dir", dir, "--today", Self.today])
        defer { first.close() }
        try #require(first.wait(for: "Số định danh"), "\(first.text)")
        let second = kioskSession(["--data-dir", dir, "--today", Self.today], width: 120, height: 40)
        defer { second.close() }
        try #require(second.wait(for: "Chọn thủ tục để bắt đầu"), "\(second.text)")
        second.press("F5")
        try #require(second.wait(for: "Chọn hồ sơ để làm tiếp"), "\(second.text)")
        second.press("Enter")
        try #require(second.wait(for: "Mở hồ sơ nháp"), "\(second.text)")
        second.press("Enter")
        try #require(second.wait(for: Self.inUse), "\(second.text)")
        #expect(!second.text.contains("Số định danh"))
        // The first kiosk saves and leaves (F10): the draft is free, the second opens it.
        first.press("F10")
        try #require(first.wait(for: "EXIT=0"), "\(first.text)")
        second.press("Enter")
        try #require(second.wait(for: "Mở hồ sơ nháp"), "\(second.text)")
        second.press("Enter")
        try #require(second.wait(for: "Số định danh"), "\(second.text)")
        // Leaving the interview for home frees it inside one kiosk too: plain mode opens it.
        second.press("F10")
        try #require(second.wait(for: "Chọn thủ tục để bắt đầu"), "\(second.text)")
        let plain = try Motcua.run(["fill", "--draft", id, "--plain", "--data-dir", dir, "--today", Self.today], stdin: "")
        #expect(plain.status == 3, "\(plain.stderr)")
    }
}
