import Foundation
import Testing
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// The returning citizen's search (ranking, the fields it reads, the rows it gives) and
/// the 30-day duplicate check, over a real store in a temp folder.
@Suite struct ReturningCitizenTests {
    static let form = """
        {"format": "motcua-form/1", "id": "hs", "version": "1", "title": {"vi": "Hồ sơ thử", "en": "Trial dossier"}, "languages": ["vi", "en"],
         "procedure": {"processingDays": 3, "fee": 0},
         "pages": [{"id": "p", "title": {"vi": "Trang", "en": "Page"}, "fields": [
           {"id": "ho_ten", "type": "text", "format": "name", "label": {"vi": "Họ tên", "en": "Name"}, "required": true},
           {"id": "ngay_sinh", "type": "date", "label": {"vi": "Ngày sinh", "en": "Born"}},
           {"id": "cccd", "type": "text", "format": "cccd", "label": {"vi": "Số định danh", "en": "ID"}},
           {"id": "dien_thoai", "type": "text", "format": "phone", "label": {"vi": "Điện thoại", "en": "Phone"}}]}]}
        """

    func fixture() throws -> (home: String, data: String) {
        try DeskSessionTests().fixture(form: Self.form, named: "hs.json")
    }

    func desk(_ f: (home: String, data: String), today: String = "2026-11-27") throws -> Desk {
        let env = ["MOTCUA_HOME": f.home]
        return try Desk(installation: try Installation(environment: env), dataDirFlag: f.data, kiosk: "TQ01", operatorID: "test",
                        today: CalendarDate.parseISO(today, precision: .day), environment: env)
    }

    /// The session for one citizen's answers, ready to submit.
    func filled(_ desk: Desk, _ answers: [(String, String)]) throws -> (DeskSession, Interview) {
        let s = try desk.start(form: "hs", language: "vi")
        let i = s.makeInterview()
        return (s, Interview(form: i.form, validator: i.validator, answers: JSONObject(answers.map { ($0.0, JSONValue.string($0.1)) })))
    }

    @discardableResult
    func submit(_ desk: Desk, _ answers: [(String, String)]) throws -> Submission {
        let (s, i) = try filled(desk, answers)
        return try s.submit(i)
    }

    @Test func findsByNameWithoutDiacriticsIDPhoneAndReceiptRankedWholeWordFirst() throws {
        let f = try fixture()
        defer { try? FileManager.default.removeItem(atPath: (f.home as NSString).deletingLastPathComponent) }
        let desk = try desk(f)
        let lan = try submit(desk, [("ho_ten", "Nguyễn Thị Lan"), ("cccd", "008190012345"), ("dien_thoai", "0912345678")])
        let an = try submit(desk, [("ho_ten", "Trần Văn An"), ("cccd", "001201004321"), ("dien_thoai", "0987654321")])
        let anh = try submit(desk, [("ho_ten", "Lê Anh Tuấn")])
        let finder = DossierFinder(desk: desk)
        // "an": the whole word (An) before a word start (Anh) before inside a word (Lan).
        #expect(try finder.find("an", language: "vi").map(\.id) == [an.id, anh.id, lan.id])
        #expect(try finder.find("nguyen thi lan", language: "vi").map(\.id) == [lan.id])
        #expect(try finder.find("tran van", language: "vi").map(\.id) == [an.id])
        #expect(try finder.find("0012010", language: "vi").map(\.id) == [an.id])
        #expect(try finder.find("0912345678", language: "vi").map(\.id) == [lan.id])
        #expect(try finder.find(lan.receipt, language: "vi").first?.id == lan.id)
        #expect(try finder.find("   ", language: "vi").isEmpty)
        // A row: procedure, day received, state, appointment (3 working days after Friday 27/11).
        let row = try #require(try finder.find("lan", language: "en").first)
        #expect(row.procedure == "Trial dossier")
        #expect(row.received == CalendarDate.parseISO("2026-11-27", precision: .day))
        #expect(row.state == .queued)
        #expect(row.appointment == CalendarDate.parseISO("2026-12-02", precision: .day))
        #expect(row.receipt == lan.receipt)
        // No index of its own to go stale: a dossier filed a moment ago is found at once.
        let later = try submit(desk, [("ho_ten", "Phạm Văn An")])
        #expect(try finder.find("pham", language: "vi").map(\.id) == [later.id])
        // Its receipt again, with the same code.
        #expect(try desk.dossierReceipt(an.receipt, language: "vi").code == an.receipt)
        #expect(throws: (any Error).self) { _ = try desk.dossierReceipt("TQ01-261127-9999", language: "vi") }
    }

    /// A corrected dossier is one row, its newest version: while the correction waits in
    /// the outbox (the first version in the core store) and once both are delivered.
    @Test func aCorrectedDossierIsOneRowItsNewestVersion() throws {
        let f = try fixture()
        defer { try? FileManager.default.removeItem(atPath: (f.home as NSString).deletingLastPathComponent) }
        let desk = try desk(f)
        let lan = try submit(desk, [("ho_ten", "Nguyễn Thị Lan"), ("cccd", "008190012345")])
        _ = try desk.store.deliver(operatorID: "test")
        let correction = try desk.openCorrection(of: lan.receipt, reason: "sai số định danh", operatorID: "test")
        let i = correction.makeInterview()
        let second = try correction.submit(Interview(form: i.form, validator: i.validator, answers: JSONObject([
            ("ho_ten", .string("Nguyễn Thị Lan")), ("cccd", .string("008190012346"))])))
        let finder = DossierFinder(desk: desk)
        var rows = try finder.find("lan", language: "vi")
        #expect(rows.map(\.id) == [second.id], "the queued correction, not the delivered first version beside it")
        #expect(rows.first?.state == .queued)
        _ = try desk.store.deliver(operatorID: "test")
        rows = try finder.find(lan.receipt, language: "vi")
        #expect(rows.map(\.id) == [second.id], "both delivered: one row")
        #expect(try finder.find("nguyen thi lan", language: "vi").count == 1)
    }

    @Test func warnsOfTheSameCitizenAndProcedureWithinThirtyDays() throws {
        let f = try fixture()
        defer { try? FileManager.default.removeItem(atPath: (f.home as NSString).deletingLastPathComponent) }
        // Received 28/10 (30 days before 27/11: still inside) and 27/10 (outside).
        let inside = try submit(try desk(f, today: "2026-10-28"), [("ho_ten", "Nguyễn Thị Lan"), ("cccd", "008190012345")])
        try submit(try desk(f, today: "2026-10-27"), [("ho_ten", "Nguyễn Thị Lan"), ("cccd", "008190012345")])
        let named = try submit(try desk(f, today: "2026-11-20"), [("ho_ten", "Lê Văn Bình"), ("ngay_sinh", "1960-05-01")])
        let desk = try desk(f)
        let (s, same) = try filled(desk, [("ho_ten", "Nguyen Thi Lan"), ("cccd", "008190012345")])
        let found = s.possibleDuplicates(same)
        #expect(found.map(\.receipt) == [inside.receipt])
        #expect(found.first?.sameID == true)
        #expect(found.first?.received == CalendarDate.parseISO("2026-10-28", precision: .day))
        #expect(found.first?.state == .queued)
        // Same name (other diacritics) and date of birth, no ID given.
        let (s2, byName) = try filled(desk, [("ho_ten", "LÊ VĂN BÌNH"), ("ngay_sinh", "1960-05-01")])
        #expect(s2.possibleDuplicates(byName).map(\.receipt) == [named.receipt])
        #expect(s2.possibleDuplicates(byName).first?.sameID == false)
        #expect(s2.duplicateLines(s2.possibleDuplicates(byName)).last?.contains(named.receipt) == true)
        // Another date of birth, or another ID: no warning.
        let (s3, other) = try filled(desk, [("ho_ten", "Lê Văn Bình"), ("ngay_sinh", "1961-05-01"), ("cccd", "001201004321")])
        #expect(s3.possibleDuplicates(other).isEmpty)
        // A warning, not a block: the same dossier again is queued.
        #expect(try s.submit(same).receipt.hasPrefix("TQ01-261127-"))
    }
}
