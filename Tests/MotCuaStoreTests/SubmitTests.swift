import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

@Suite struct SubmitTests {
    @Test func submitIsDurableAndGivesAReceipt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let r = try store.submitOK(["name": "  Nguyễn Văn An ", "cccd": "001203004567"], at: testMorning)
        #expect(r.receipt == "HD01-261127-0001")
        #expect(DossierID.isValid(r.id))
        let r2 = try store.submitOK(["name": "Trần Thị Bình"], at: testMorning)
        #expect(r2.receipt == "HD01-261127-0002")

        // A second process (here: a second object, its own lock description) sees both.
        let other = try DossierStore.test(dir.path)
        let summary = try other.queueSummary()
        #expect(summary.items.map(\.receipt) == ["HD01-261127-0001", "HD01-261127-0002"])
        #expect(summary.counts[.queued] == 2)
        let details = try #require(try other.details(r.receipt))
        #expect(details.dossier.answers["name"] == "Nguyễn Văn An", "stored answers are the checker's normalised ones")
        #expect(details.dossier.kiosk == "HD01")
        #expect(details.dossier.operatorID == "op1")
        #expect(details.dossier.submittedAt == testMorning)
        #expect(details.state == .queued)
        #expect(details.history.map(\.event) == ["submit"])
    }

    @Test func receiptDateIsVietnamDateAndSequenceIsPerDay() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path, kiosk: "TQ07")
        let early = try store.submitOK(["name": "A"], at: testJustAfterMidnight)
        #expect(early.receipt == "TQ07-261127-0001", "00:30 in Ha Noi is already the 27th")
        let nextDay = try store.submitOK(["name": "B"], at: testMorning.adding(seconds: 86400))
        #expect(nextDay.receipt == "TQ07-261128-0001")
        let same = try store.submitOK(["name": "C"], at: testMorning)
        #expect(same.receipt == "TQ07-261127-0002")
    }

    @Test func invalidAnswersAreRefusedAndNothingIsWritten() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let before = try FileIO.readFile(dir.sub("queue.log"))
        let outcome = try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["cccd": "123", "extra": "x"], operatorID: "op1", now: testMorning))
        guard case .invalid(let issues) = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        #expect(issues.map(\.description).sorted() == ["cccd: an ID number has 12 digits", "extra: the form has no field extra", "name: name is required"])
        #expect(try FileIO.readFile(dir.sub("queue.log")) == before)
        #expect(try store.queueSummary().items.isEmpty)
    }

    @Test func anUnusableFormIsAnErrorWithItsReason() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        #expect(throws: StoreError.unusableForm("test form lacks id, version or fields")) {
            try store.submit(SubmitRequest(form: FormFile(Data("{}".utf8)), answers: [:], operatorID: "op", now: testMorning))
        }
    }

    @Test func resubmittingTheSameIdIsIdempotentAndOtherAnswersConflict() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let id = DossierID.make()
        let first = try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["name": "Lê Văn Cường"], dossierID: id, operatorID: "op1", now: testMorning))
        guard case .submitted(let r1) = first else { Issue.record("not submitted"); return }
        let again = try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["name": "Lê Văn Cường "], dossierID: id, operatorID: "op1", now: testMorning))
        guard case .alreadySubmitted(let r2) = again else { Issue.record("expected alreadySubmitted"); return }
        #expect(r2.receipt == r1.receipt)
        #expect(throws: StoreError.self) {
            try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["name": "Lê Văn Khác"], dossierID: id, operatorID: "op1", now: testMorning))
        }
        #expect(try store.queueSummary().items.count == 1)
        #expect(throws: StoreError.self) {
            try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["name": "X"], dossierID: "../../etc/passwd", operatorID: "op1", now: testMorning))
        }
    }

    @Test func theFormCopyIsKeptByContent() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let form = TestChecker.form(version: "2025.1")
        _ = try store.submitOK(["name": "Phạm Thị Dung"], form: form)
        let copy = dir.sub("forms/\(SHA256.hash(form).hex).json")
        #expect(try FileIO.readFile(copy) == [UInt8](form))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.sub("forms")).count == 1)
    }

    @Test func kioskIdAndDataDirectoryResolution() throws {
        let dir = TempDir()
        defer { dir.remove() }
        #expect(try DataDirectory.resolve(flag: "/x/y", environment: ["MOTCUA_DATA_DIR": "/a"]) == "/x/y")
        #expect(try DataDirectory.resolve(flag: nil, environment: ["MOTCUA_DATA_DIR": "/a", "XDG_DATA_HOME": "/b"]) == "/a")
        #expect(try DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/b", "HOME": "/h"]) == "/b/motcua")
        #expect(try DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/motcua")
        #expect(throws: StoreError.self) { try DataDirectory.resolve(flag: nil, environment: [:]) }

        // No id anywhere: one is chosen at first use and kept in settings.json (F6).
        let first = try DataDirectory.kioskID(flag: nil, directory: dir.path, environment: [:])
        #expect(KioskID.isValid(first) && first.hasPrefix("K") && first != KioskID.defaultID)
        #expect(try DataDirectory.kioskID(flag: nil, directory: dir.path, environment: [:]) == first)
        let other = TempDir()
        defer { other.remove() }
        #expect(try DataDirectory.kioskID(flag: nil, directory: other.path, environment: [:]) != first)
        try Data(#"{"kioskId": "hd02"}"#.utf8).write(to: URL(fileURLWithPath: dir.sub("settings.json")))
        #expect(try DataDirectory.kioskID(flag: nil, directory: dir.path, environment: [:]) == "HD02")
        #expect(try DataDirectory.kioskID(flag: nil, directory: dir.path, environment: ["MOTCUA_KIOSK_ID": "ENV1"]) == "ENV1")
        #expect(try DataDirectory.kioskID(flag: "cli9", directory: dir.path, environment: ["MOTCUA_KIOSK_ID": "ENV1"]) == "CLI9")
        #expect(throws: StoreError.self) { try DataDirectory.kioskID(flag: "HD-01", directory: dir.path, environment: [:]) }
    }

    @Test func timestampsFormatAndParse() throws {
        #expect(testMorning.iso8601 == "2026-11-27T03:00:00.000Z")
        #expect(testMorning.vietnamDisplay == "2026-11-27 10:00:00 (+07)")
        #expect(Timestamp(iso8601: "2026-11-27T03:00:00.000Z") == testMorning)
        #expect(Timestamp(iso8601: "2026-13-27T03:00:00.000Z") == nil)
        let odd = Timestamp(milliseconds: 951_782_400_123)  // 2000-02-29
        #expect(Timestamp(iso8601: odd.iso8601) == odd)
        #expect(odd.iso8601 == "2000-02-29T00:00:00.123Z")
    }
}

@Suite struct JSONBytesTests {
    /// The store's fast serialiser writes exactly what JSONValue's writer does.
    @Test func agreesWithTheFormsWriter() throws {
        let samples: [JSONValue] = [
            ["a": 1, "b": [true, false, .null], "c": 2.5, "d": 3.0, "e": -0.0001, "f": 1e300],
            ["tên": "Nguyễn Văn An", "esc": "quote \" back \\ nl \n cr \r tab \t nul \u{0} esc \u{1b} del \u{7f}",
             "c1": "\u{80}\u{9b}\u{9f}\u{a0}", "sep": "\u{2028}\u{2029}\u{2027}", "emoji": "👩‍👩‍👧 ✓", "nfd": "Tra\u{0300}n"],
            .array([]), .object(JSONObject()), "", 0, .int(Int.min),
        ]
        for v in samples { #expect(JSONBytes.encode(v) == Array(v.data()), "\(v)") }
        let answers = try JSONParser.parse(Data(#"{"x": [1, {"y": "z\u0001"}], "w": -12}"#.utf8))
        #expect(JSONBytes.encode(answers) == Array(answers.data()))
    }
}
