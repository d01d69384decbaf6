import Foundation
import Testing
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// The desk layer without a front end: an installation read once, one store per desk,
/// sessions that hold their drafts and queue their dossiers.
@Suite struct DeskSessionTests {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let form = """
        {"format": "motcua-form/1", "id": "thu", "version": "1", "title": {"vi": "Thử", "en": "Trial"}, "languages": ["vi", "en"],
         "pages": [{"id": "p", "title": {"vi": "Trang", "en": "Page"}, "fields": [
           {"id": "ten", "type": "text", "label": {"vi": "Tên", "en": "Name"}, "required": true}]}]}
        """

    /// A private installation (its own Forms/ with the trial form and the shipped holidays,
    /// the shipped Locales/) and an empty data folder.
    func fixture(form: String = Self.form, named file: String = "thu.json") throws -> (home: String, data: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-desk-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/home/Forms/lists", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.repoRoot + "/Locales", toPath: base + "/home/Locales")
        try fm.copyItem(atPath: Self.repoRoot + "/Forms/lists/holidays.json", toPath: base + "/home/Forms/lists/holidays.json")
        try form.write(toFile: base + "/home/Forms/" + file, atomically: true, encoding: .utf8)
        return (base + "/home", base + "/data")
    }

    func desk(_ f: (home: String, data: String)) throws -> Desk {
        let env = ["MOTCUA_HOME": f.home]
        return try Desk(installation: try Installation(environment: env), dataDirFlag: f.data, kiosk: "TQ01", operatorID: "test",
                        today: CalendarDate.parseISO("2026-11-27", precision: .day), environment: env)
    }

    @Test func aSessionHoldsItsDraftAndQueuesItsDossier() throws {
        let f = try fixture()
        let desk = try desk(f)
        var first: DeskSession? = try desk.start(form: "thu", language: "vi")
        let id = try #require(first?.draft.id)
        var interview = try #require(first?.makeInterview())
        try first?.save(Interview(form: interview.form, validator: interview.validator, answers: JSONObject([("ten", .string("Lê Vân"))])))
        // The same desk cannot open it twice; released with its session, it resumes with the answer.
        let busy = #expect(throws: DraftInUse.self) { _ = try desk.resume(draft: id) }
        #expect(busy?.draftID == id)
        first = nil
        let resumed = try desk.resume(draft: id)
        interview = resumed.makeInterview()
        #expect(interview.answers["ten"] == "Lê Vân")
        let receipt = try resumed.submit(interview)
        #expect(receipt.receipt.hasPrefix("TQ01-261127-"))
        #expect(receipt.id == id)
        #expect(try desk.drafts.load(id) == nil)
        #expect(try desk.store.queueSummary().items.count == 1)
    }

    /// Answering up to the review is not "changed after review"; going back from the review
    /// and changing an answer is, once, in the audit chain (draft id, operator, no answer).
    @Test func anAnswerChangedAfterTheReviewIsADeskEvent() throws {
        let f = try fixture()
        let desk = try desk(f)
        let session = try desk.start(form: "thu", language: "vi")
        var i = session.makeInterview()
        #expect(i.answer(.string("Lê Vân")) == .accepted(warning: nil))
        #expect(i.cursor == .review)
        try session.save(i)
        i.edit(.field("ten"))
        _ = i.answer(.string("Lê Vân"))  // the same answer again: nothing changed
        try session.save(i)
        i.edit(.field("ten"))
        _ = i.answer(.string("Lê Văn Vân"))
        try session.save(i)
        let audit = String(decoding: FileManager.default.contents(atPath: f.data + "/audit.log") ?? Data(), as: UTF8.self)
        let changes = audit.split(separator: "\n").filter { $0.contains("\"answer-changed\"") }
        #expect(changes.count == 1, "\(audit)")
        #expect(changes.first?.contains(session.draft.id) == true && changes.first?.contains("Văn") == false, "\(audit)")
    }

    @Test func theHolidaysAreReadOncePerInstallation() throws {
        let f = try fixture()
        let installation = try Installation(environment: ["MOTCUA_HOME": f.home])
        let first = try installation.holidays()
        // Gone from disk after the first read: the installation still has them.
        try FileManager.default.removeItem(atPath: f.home + "/Forms/lists/holidays.json")
        let again = try installation.holidays()
        #expect(first.daysOff == again.daysOff)
        // A new installation reads the disk, and says what is missing.
        #expect(throws: StoreError.self) { _ = try Installation(environment: ["MOTCUA_HOME": f.home]).holidays() }
    }

    /// A correction (issue 16): the predecessor's answers prefilled under a new id, the
    /// correction kept with its draft across a resume, the receipt with version and reason.
    @Test func aCorrectionIsPrefilledSurvivesAResumeAndReceiptsItsVersion() throws {
        let f = try fixture()
        let desk = try desk(f)
        let first = try desk.start(form: "thu", language: "vi")
        let original = try first.submit(Interview(form: first.loaded.form, validator: first.makeInterview().validator,
                                                  answers: JSONObject([("ten", .string("Lê Vân"))])))
        #expect(throws: StoreError.self) { _ = try desk.openCorrection(of: original.receipt, reason: "\u{7}") }
        var session: DeskSession? = try desk.openCorrection(of: original.receipt, reason: "sai tên", operatorID: "lan")
        let id = try #require(session?.draft.id)
        #expect(id != original.id)
        var interview = try #require(session?.makeInterview())
        #expect(interview.answers["ten"] == "Lê Vân", "prefilled")
        #expect(interview.cursor == .review, "a correction opens on the review")
        try session?.save(Interview(form: interview.form, validator: interview.validator, answers: JSONObject([("ten", .string("Lê Văn Vân"))])))
        session = nil
        let resumed = try desk.resume(draft: id)
        #expect(resumed.correction == CorrectionRequest(of: original.id, reason: "sai tên"))
        interview = resumed.makeInterview()
        let receipt = try resumed.submitReceipt(interview)
        #expect(receipt.code == original.receipt)
        #expect(receipt.version == 2 && receipt.correctionReason == "sai tên")
        let lines = receipt.layout(desk.installation.messages("vi")).map(\.text)
        #expect(lines.contains("Mã hồ sơ: \(original.receipt) (bổ sung lần 1)"), "\(lines)")
        let stored = try #require(try desk.store.details(original.receipt))
        #expect(stored.dossier.id == id && stored.dossier.answers["ten"] == "Lê Văn Vân")
        #expect(stored.predecessor?.id == original.id)
        #expect(try desk.store.details(original.id)?.state == .superseded)
    }
}
