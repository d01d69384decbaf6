import Foundation
import Testing
import MotCuaForms
@testable import MotCuaInterview

/// Each shipped form's fee and processing time, by value, for its sample
/// answers (Tests/MotCuaFormsTests/Answers/*.valid.json) on 27/11/2026.
@Suite struct ShippedFormFeeTests {
    struct FormDidNotLoad: Error { let name: String }

    static func facts(_ form: String, on day: CalendarDate = today, change: (inout JSONObject) -> Void = { _ in }) throws -> Receipt {
        let data = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/\(form).json"))
        guard case .success(let loaded) = FormEngine.load(data: data, name: form, lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
            throw FormDidNotLoad(name: form)
        }
        let answersData = try #require(FileManager.default.contents(atPath: repoRoot + "/Tests/MotCuaFormsTests/Answers/\(form).valid.json"))
        var answers = try #require(try JSONParser.parse(answersData).objectValue)
        change(&answers)
        let report = FormEngine.validate(loaded.form, answers: .object(answers), messages: vi, today: day)
        #expect(report.isValid, "\(form): \(report.errors)")
        let v = Validator(form: loaded.form, context: EvaluationContext(today: day), messages: vi)
        let i = Interview(form: loaded.form, validator: v, answers: report.answers.objectValue ?? answers)
        return Receipt(interview: i, received: day, holidays: HolidayCalendar(daysOff: [:]))
    }

    @Test func feesAndProcessingDaysOfEveryShippedForm() throws {
        // Two copies of the extract at 8.000 đ; registration itself free.
        let ketHon = try Self.facts("ket-hon")
        #expect(ketHon.fee == 16_000 && ketHon.processingDays == 0)
        // Born 20/10/2026, 38 days before: on time, so only the two copies.
        let khaiSinh = try Self.facts("khai-sinh")
        #expect(khaiSinh.fee == 16_000 && khaiSinh.processingDays == 0)
        // Died 20/11/2026, 7 days before: on time.
        let khaiTu = try Self.facts("khai-tu")
        #expect(khaiTu.fee == 16_000 && khaiTu.processingDays == 0)
        // Full fee 200.000 đ, three certificates: one beyond two at 5.000 đ.
        let lyLich = try Self.facts("ly-lich-tu-phap")
        #expect(lyLich.fee == 205_000 && lyLich.processingDays == 10)
        // 20.000 đ in person, not exempt.
        let thuongTru = try Self.facts("thuong-tru")
        #expect(thuongTru.fee == 20_000 && thuongTru.processingDays == 7)
    }

    @Test func feesAtTheirThresholds() throws {
        // Birth registered on day 60 is on time; day 61 adds the late fee.
        let day60 = CalendarDate.parseISO("2026-12-19")!, day61 = CalendarDate.parseISO("2026-12-20")!
        #expect(try Self.facts("khai-sinh", on: day60).fee == 16_000)
        #expect(try Self.facts("khai-sinh", on: day61).fee == 24_000)
        // Death registered on day 15 is on time; day 16 is late.
        #expect(try Self.facts("khai-tu", on: CalendarDate.parseISO("2026-12-05")!).fee == 16_000)
        #expect(try Self.facts("khai-tu", on: CalendarDate.parseISO("2026-12-06")!).fee == 24_000)
        #expect(try Self.facts("thuong-tru") { $0["mien_le_phi"] = true }.fee == 0)
        #expect(try Self.facts("ly-lich-tu-phap") { $0["nhom_phi"] = "giam"; $0["doi_tuong_phi"] = "hoc-sinh-sinh-vien"; $0["so_luong"] = 2 }.fee == 100_000)
    }
}
