import Foundation
import Testing
import MotCuaForms
@testable import MotCuaInterview

@Suite struct WorkingDayTests {
    let cal: HolidayCalendar = {
        let data = FileManager.default.contents(atPath: repoRoot + "/Forms/lists/holidays.json")!
        return HolidayCalendar(json: try! JSONParser.parse(data))
    }()

    func d(_ s: String) -> CalendarDate { CalendarDate.parseISO(s)! }

    @Test func acrossAWeekend() {
        // Friday 27/11/2026 + 1 working day = Monday 30/11.
        #expect(cal.adding(workingDays: 1, to: d("2026-11-27")) == d("2026-11-30"))
        #expect(cal.adding(workingDays: 5, to: d("2026-11-27")) == d("2026-12-04"))
        // Received on a Saturday with same-day processing: Monday.
        #expect(cal.adding(workingDays: 0, to: d("2026-11-28")) == d("2026-11-30"))
    }

    @Test func acrossTet() {
        // Tết Bính Ngọ: 17/2/2026; the block of days off runs around it.
        #expect(!cal.isWorkingDay(d("2026-02-17")))
        let start = d("2026-02-13")  // Friday before Tết
        let end = cal.adding(workingDays: 1, to: start)
        #expect(end > d("2026-02-20"))
        var day = start.adding(days: 1)
        while day < end { #expect(!cal.isWorkingDay(day), "\(day) should be off"); day = day.adding(days: 1) }
        #expect(cal.isWorkingDay(end))
    }

    @Test func across30April1May() {
        // 2027: 30/4 Friday, 1/5 Saturday → made up on Monday 3/5.
        #expect(!cal.isWorkingDay(d("2027-04-30")))
        #expect(cal.adding(workingDays: 1, to: d("2027-04-29")) == cal.adding(workingDays: 0, to: d("2027-05-03")))
        #expect(!cal.isWorkingDay(d("2026-04-30")) && !cal.isWorkingDay(d("2026-05-01")))
        #expect(cal.adding(workingDays: 1, to: d("2026-04-29")) == d("2026-05-04"))
    }

    @Test func acrossNationalDay() {
        #expect(!cal.isWorkingDay(d("2026-09-02")))
        let off = (0..<7).map { d("2026-08-31").adding(days: $0) }.filter { !cal.isWorkingDay($0) && $0.weekday < 5 }
        // 1/9 and 2/9, plus Monday 31/8 swapped with Saturday 22/8 (worked instead).
        #expect(off.map(\.iso) == ["2026-08-31", "2026-09-01", "2026-09-02"])
        #expect(cal.isWorkingDay(d("2026-08-22")))
        #expect(cal.adding(workingDays: 3, to: d("2026-08-31")) == d("2026-09-07"))
    }

    @Test func vndFormatting() {
        #expect(formatVND(200000) == "200.000 đ")
        #expect(formatVND(8000) == "8.000 đ")
        #expect(formatVND(0) == "0 đ")
    }
}
