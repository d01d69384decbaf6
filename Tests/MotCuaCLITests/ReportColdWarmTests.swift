import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore
import MotCuaTestSupport
import Testing
@testable import MotCuaDesk

/// The report's numbers come from the journal alone: with no `report-summary`
/// (cold: every record read, the fee's answers taken from each body by the
/// parser's fast path), with it (warm), with one left behind by later records
/// (stale), and from the reference that parses every body whole, the facts
/// are the same, and so are the reports, in-process and from the binary.
/// The store: ReportCommandTests' (lan and minh at the desk, 23:59 on 31
/// January, one delivered, one set aside) plus khai-sinh dossiers with random
/// answers the fee reads, corrections (one of a delivered dossier), and
/// dossiers carried in a bundle from a laptop (the `import` channel).
@Suite struct ReportColdWarmTests {
    static let passThrough = DossierChecker { _ in
        PreparedForm(formID: "any", formVersion: "any") { answers, _, _ in .valid(CheckedAnswers(answers: answers)) }
    }

    /// The reference: every body parsed whole (`JSONParser.parse`), as the report did before its fast path.
    static func reference(_ store: DossierStore) throws -> [ReportFact] {
        var maker = ReportFactMaker(store: store, reading: .whole)
        var facts: [ReportFact] = []
        try store.readJournal { e, body in if let f = maker.fact(e, body: body) { facts.append(f) } }
        return facts
    }

    static func submitted(_ outcome: SubmitOutcome) throws -> Submission {
        guard case .submitted(let s) = outcome else { throw CocoaError(.fileWriteUnknown) }
        return s
    }

    @Test func coldWarmStaleAndTheFullParseGiveTheSameNumbers() throws {
        let (root, data) = try ReportCommandTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The khai-sinh copy the binary stored (its lists inlined): the form of the dossiers made here.
        let copies = try FileManager.default.contentsOfDirectory(atPath: data + "/forms").compactMap { FileManager.default.contents(atPath: data + "/forms/" + $0) }
        let copy = try #require(copies.first { (try? JSONParser.parse($0))?["id"]?.stringValue == "khai-sinh" })
        let form = FormFile(copy)
        let valid = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json")))
        var rng = SeededRandom(seed: TestSeed.take("ReportColdWarmTests"))
        func answers() -> JSONValue {
            var a = valid.objectValue ?? JSONObject()
            a["ks_ngay_sinh"] = .string(CalendarDate(dayNumber: CalendarDate(year: 2026, month: 9, day: 1)!.dayNumber + Int(rng.next() % 150)).iso)
            a["cap_ban_sao"] = .bool(rng.next() % 3 != 0)
            a["so_luong_ban_sao"] = rng.next() % 4 == 0 ? .null : .int(Int(rng.next() % 5))
            if rng.next() % 2 == 0 { a["muc_le_phi_qua_han"] = .int(Int(rng.next() % 4) * 5000) }
            a["ghi_chu_\(rng.next() % 3)"] = .string("Nguyễn \"Văn\" \\ Ánh\n😀 e\u{301}")  // members the fee does not read, skipped
            return .object(a)
        }
        // 2027-01-05 10:00 in Viet Nam, then one dossier every ~7 h 13 min (into February).
        func at(_ k: Int) -> Timestamp { Timestamp(milliseconds: 1_799_118_000_000 + Int64(k) * 26_000_000) }
        let store = try DossierStore(directory: data, kioskID: "HD01", checker: Self.passThrough)
        var ids: [String] = []
        for k in 0..<40 {
            ids.append(try Self.submitted(store.submit(SubmitRequest(form: form, answers: answers(), operatorID: ["lan", "minh", "hoa"][k % 3], now: at(k)))).id)
        }
        // 23:59 on 28 February in Viet Nam: February.
        _ = try store.submit(SubmitRequest(form: form, answers: answers(), operatorID: "hoa", now: Timestamp(milliseconds: 1_803_833_940_000)))
        _ = try store.deliver(operatorID: "night", now: at(41), limit: 10, to: ReportCommandTests.PickyDestination())
        // A laptop's dossiers, carried in a bundle.
        let laptop = try DossierStore(directory: root + "/laptop", kioskID: "LT01", checker: Self.passThrough)
        for k in 0..<6 { _ = try laptop.submit(SubmitRequest(form: form, answers: answers(), operatorID: "vol", now: at(k * 5))) }
        _ = try laptop.exportBundle(to: root + "/usb.mcb", operatorID: "vol", now: at(31))
        #expect(try store.importBundle(from: root + "/usb.mcb", operatorID: "minh", now: at(32)).imported.count == 6)

        let before = try Self.reference(store)
        try? FileManager.default.removeItem(atPath: data + "/report-summary")
        #expect(try ReportSummary.facts(store) == before, "cold")
        #expect(FileManager.default.fileExists(atPath: data + "/report-summary"))
        #expect(try ReportSummary.facts(store) == before, "warm")

        // Later records: corrections (of a queued and of a delivered dossier) and more deliveries; the summary is stale.
        for (k, id) in [ids[30], ids[0], ids[7]].enumerated() {
            _ = try store.submit(SubmitRequest(form: form, answers: answers(), operatorID: "lan", now: at(42 + k),
                                               correction: CorrectionRequest(of: id, reason: "sai ngày sinh")))
        }
        _ = try store.deliver(operatorID: "night", now: at(46), limit: 100, to: ReportCommandTests.PickyDestination())
        let all = try Self.reference(store)
        #expect(try ReportSummary.facts(store) == all, "stale")
        #expect(try ReportSummary.facts(store) == all, "warm again")

        // The facts hold what the fixture has: fees that differ with the answers, every kind, both channels, corrections.
        let dossiers = all.filter { $0.kind == .dossier }
        #expect(Set(dossiers.map(\.fee)).count >= 3, "\(dossiers.map(\.fee))")
        #expect(dossiers.contains { $0.imported } && dossiers.filter(\.correction).count == 3)
        #expect(Set(all.map(\.kind)).isSuperset(of: [.dossier, .delivered, .setAside]), "\(Set(all.map(\.kind)))")

        // Reports by every grouping: the reference's facts and the store's give the same rows; the binary cold and warm too.
        let holidays = HolidayCalendar(daysOff: [:])
        let jan1 = CalendarDate(year: 2027, month: 1, day: 1)!, mar31 = CalendarDate(year: 2027, month: 3, day: 31)!
        let today = CalendarDate(year: 2027, month: 2, day: 15)!
        for by in ReportGrouping.allCases {
            let reference = Report(facts: all, from: jan1, to: mar31, by: by, today: today, holidays: holidays)
            let report = try Report(store: store, from: jan1, to: mar31, by: by, today: today, holidays: holidays)
            #expect(report.rows.map(\.key) == reference.rows.map(\.key) && report.rows.map(\.row) == reference.rows.map(\.row), "\(by)")
            #expect(reference.total.fees > 0 && reference.total.received == dossiers.count)
            let args = ["--from", "2027-01-01", "--to", "2027-03-31", "--by", by.rawValue, "--csv", "-"]
            try? FileManager.default.removeItem(atPath: data + "/report-summary")
            let cold = try ReportCommandTests.report(data, args)
            let warm = try ReportCommandTests.report(data, args)
            #expect(cold.status == 0 && cold.stdout == warm.stdout, "\(cold.stderr)")
            let t = reference.total
            #expect(cold.stdout.hasSuffix("\r\ntotal,\(t.received),\(t.delivered),\(t.corrected),\(t.setAside),\(t.fees),\(t.appointmentsDue),\(t.overdue)\r\n"),
                    "\(cold.stdout)")
        }
    }
}
