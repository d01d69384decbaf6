import Testing
@testable import MotCuaForms

@Suite struct ExpressionTests {
    @Test func precedence() {
        #expect(eval("1 + 2 * 3") == .number(7))
        #expect(eval("(1 + 2) * 3") == .number(9))
        #expect(eval("10 - 4 - 3") == .number(3))
        #expect(eval("12 / 3 / 2") == .number(2))
        #expect(eval("-2 * -3") == .number(6))
        #expect(eval("1 + 2 = 3") == .bool(true))
        #expect(eval("not 1 > 2") == .bool(true))
        #expect(eval("true or false and false") == .bool(true))
        #expect(eval("(true or false) and false") == .bool(false))
        #expect(eval("not true or true") == .bool(true))
        #expect(eval("1 < 2 and 2 <= 2 and 3 >= 3 and 4 > 3 and 1 != 2 and 2 == 2") == .bool(true))
    }

    @Test func nullRules() {
        #expect(eval("x + 1") == .null)
        #expect(eval("x * 0") == .null)
        #expect(eval("age(x)") == .null)
        #expect(eval("x = null") == .bool(true))
        #expect(eval("x != null") == .bool(false))
        #expect(eval("1 != null") == .bool(true))
        #expect(eval("x = 1") == .bool(false))
        #expect(eval("x != 1") == .bool(false))
        #expect(eval("x < 1") == .bool(false))
        #expect(eval("not x") == .bool(true))
        #expect(eval("x and true") == .bool(false))
        #expect(eval("empty(x)") == .bool(true))
        #expect(eval("empty('')") == .bool(true))
        #expect(eval("coalesce(x, y, 5)") == .number(5))
        #expect(eval("count(x)") == .number(0))
        #expect(eval("if(x, 1, 2)") == .number(2))
        #expect(eval("1 / 0") == .null)
        #expect(eval("concat('a', x, 'b')") == .null)  // not among the spec's null-aware functions
        #expect(eval("concat('a', coalesce(x, ''), 'b')") == .string("ab"))
    }

    @Test func datesAreCalendarDays() {
        let born = ["d": Value.date(date("2012-11-27"))]
        #expect(eval("age(d)", values: born) == .number(14))  // birthday today
        #expect(eval("age(d)", values: born, today: date("2026-11-26")) == .number(13))
        let leap = ["d": Value.date(date("2008-02-29"))]
        #expect(eval("age(d)", values: leap, today: date("2026-02-28")) == .number(17))
        #expect(eval("age(d)", values: leap, today: date("2026-03-01")) == .number(18))
        #expect(eval("age(d)", values: leap, today: date("2028-02-29")) == .number(20))
        #expect(eval("days(date('2024-02-28'), date('2024-03-01'))") == .number(2))
        #expect(eval("days(date('2023-12-31'), date('2024-01-01'))") == .number(1))
        #expect(eval("months(date('2024-01-31'), date('2024-02-29'))") == .number(0))
        #expect(eval("months(date('2024-01-15'), date('2025-03-15'))") == .number(14))
        #expect(eval("months(date('2025-03-15'), date('2024-01-15'))") == .number(-14))
        #expect(eval("add_months(date('2024-01-31'), 1)") == .date(date("2024-02-29")))
        #expect(eval("add_months(date('2023-01-31'), 1)") == .date(date("2023-02-28")))
        #expect(eval("add_days(date('2024-12-31'), 1)") == .date(date("2025-01-01")))
        #expect(eval("add_months(date('2024-02-29'), 12)") == .date(date("2025-02-28")))
        // Absurd distances give null, never a trap or a wrapped-around date.
        #expect(eval("add_days(date('2024-12-31'), 1000000000000000)") == .null)
        #expect(eval("add_months(date('2024-12-31'), -1000000000000000)") == .null)
        #expect(eval("add_days(date('2024-12-31'), -740000)") == .date(CalendarDate(dayNumber: date("2024-12-31").dayNumber - 740000)))
        #expect(eval("year(today()) * 10000 + month(today()) * 100 + day(today())") == .number(20261127))
        #expect(eval("today() > '2026-11-26' and today() = '2026-11-27'") == .bool(true))
        #expect(eval("date('2023-02-29')") == .null)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.weekday == 3)  // Thursday
        #expect(CalendarDate(dayNumber: date("2026-11-27").dayNumber) == date("2026-11-27"))
    }

    @Test func todayUsesTheKioskTimeZone() {
        // 2026-11-26 18:30 UTC is already 27/11 01:30 in Hà Nội.
        let instant = Date(timeIntervalSince1970: 1_795_717_800)
        #expect(EvaluationContext.today(now: instant) == date("2026-11-27"))
        #expect(EvaluationContext.today(in: TimeZone(identifier: "UTC"), now: instant) == date("2026-11-26"))
    }

    @Test func textAndListFunctions() {
        #expect(eval("len('Nguyễn')") == .number(6))
        #expect(eval("upper('đỗ thị')") == .string("ĐỖ THỊ"))
        #expect(eval("lower('ĐỖ')") == .string("đỗ"))
        #expect(eval("trim('  a ')") == .string("a"))
        #expect(eval("matches('008190012345', '[0-9]{12}')") == .bool(true))
        #expect(eval("contains('Tuyên Quang', 'Quang') and starts_with('Tuyên', 'Tu')") == .bool(true))
        #expect(eval("round(2.345, 2)") == .number(2.35))
        #expect(eval("round(2.5)") == .number(3))
        #expect(eval("floor(-1.5)") == .number(-2))
        let l = ["l": Value.list([.number(3), .number(1), .number(2)])]
        #expect(eval("sum(l)", values: l) == .number(6))
        #expect(eval("min(l)", values: l) == .number(1))
        #expect(eval("max(l)", values: l) == .number(3))
        #expect(eval("count(l)", values: l) == .number(3))
        #expect(eval("selected(m, 'a')", values: ["m": .list([.string("a")])]) == .bool(true))
    }

    @Test func periods() {
        func p(_ s: [String], _ e: [String]) -> [String: Value] {
            ["s": .list(s.map { .date(date($0)) }), "e": .list(e.map { .date(date($0)) })]
        }
        let ok = p(["2010-01", "2015-06"], ["2015-06", "2026-11"])
        #expect(eval("period_gaps(s, e, date('2010-01'), today())", values: ok) == .number(0))
        #expect(eval("period_overlaps(s, e)", values: ok) == .number(0))
        let gap = p(["2010-01", "2016-01"], ["2015-06", "2026-11"])
        #expect(eval("period_gaps(s, e, date('2010-01'), today())", values: gap) == .number(1))
        let overlap = p(["2010-01", "2014-01"], ["2015-06", "2026-11"])
        #expect(eval("period_overlaps(s, e)", values: overlap) == .number(1))
        let late = p(["2011-01"], ["2026-11"])
        #expect(eval("period_gaps(s, e, date('2010-01'), today())", values: late) == .number(1))
        let short = p(["2010-01"], ["2025-01"])
        #expect(eval("period_gaps(s, e, date('2010-01'), today())", values: short) == .number(1))
        // The first month uncovered: after a row's end, or after the last row.
        #expect(eval("period_first_gap(s, e, date('2010-01'), today())", values: ok) == .null)
        #expect(eval("period_first_gap(s, e, date('2010-01'), today())", values: gap) == .date(date("2015-07")))
        #expect(eval("period_first_gap(s, e, date('2010-01'), today())", values: late) == .date(date("2010-01")))
        #expect(eval("period_first_gap(s, e, date('2010-01'), today())", values: short) == .date(date("2025-02")))
    }

    /// What a personal ID says of its holder: 4th digit century and sex, 5th–6th the year.
    @Test func personalIDDigits() {
        #expect(eval("cccd_sex('008190012345')") == .string("nu"))
        #expect(eval("cccd_sex('008 0900 12345')") == .string("nam"))
        #expect(eval("cccd_year('008190012345')") == .number(1990))
        #expect(eval("cccd_year('008205012345')") == .number(2005))
        #expect(eval("cccd_sex('008305012345')") == .string("nu"))
        #expect(eval("cccd_year('00819001234')") == .null)      // 11 digits
        #expect(eval("cccd_sex('00819001234x')") == .null)
        #expect(eval("cccd_sex(x)") == .null)
    }

    @Test func syntaxErrorsHaveColumns() {
        let cases: [(String, Int)] = [("1 +", 4), ("(a > 1", 7), ("a !! b", 3), ("'abc", 1), ("a < b < c", 7), ("f(1,", 5), ("", 1), ("3x", 2)]
        for (src, col) in cases {
            do {
                _ = try ExpressionParser.parse(src)
                Issue.record("no error for \(src)")
            } catch {
                #expect(error.column == col, "\(src): \(error)")
            }
        }
    }

    /// Stored answers read back as values: the one conversion the interview and the review share.
    @Test func storedAnswersReadBackAsValues() {
        #expect(Value(stored: "2024-02-29", type: .date) == .date(CalendarDate(year: 2024, month: 2, day: 29)!))
        #expect(Value(stored: "29/02/2024", type: .date) == nil)
        #expect(Value(stored: .int(3), type: .integer) == .number(3) && Value(stored: .double(2.5), type: .decimal) == .number(2.5))
        #expect(Value(stored: ["a", "b"], type: .multichoice) == .list([.string("a"), .string("b")]))
        #expect(Value(stored: .bool(false), type: .boolean) == .bool(false))
        #expect(Value(stored: "Lò Thị Mai", type: .text) == .string("Lò Thị Mai"))
        #expect(Value(stored: .null, type: .text) == nil && Value(stored: .int(1), type: .text) == nil)
    }
}

import Foundation
