import Foundation
import Testing
@testable import MotCuaForms

/// Issue 14, defect 6: one impossible date is one error. Rules that read it (the parents'
/// years, the marriage-before-birth check) are not evaluated, so no follow-on error and no
/// message with an empty placeholder.
@Suite struct RefusedInputTests {
    @Test func anImpossibleBirthDateBringsNoFollowOnErrors() throws {
        let form = ProcedureFormTests.shippedForm("khai-sinh")
        var o = try #require(try ProcedureFormTests.answers("khai-sinh.valid").objectValue)
        o["ks_ngay_sinh"] = "2026-02-31"
        o["gcnkh_ngay"] = "2026-11-01"
        for messages in [vi, en] {
            let r = validate(form, .object(o), messages)
            #expect(ProcedureFormTests.pairs(r.errors) == ["ks_ngay_sinh type"], "\(r.errors)")
            #expect(r.warnings.isEmpty, "\(r.warnings)")
            #expect(!(r.errors + r.warnings).contains { $0.message.contains("()") })
        }
        // With the date valid, the same rules are evaluated again.
        o["ks_ngay_sinh"] = "2026-10-20"
        o["me_nam_sinh"] = "2020"
        let r = validate(form, .object(o))
        #expect(ProcedureFormTests.pairs(r.errors) == ["me_nam_sinh constraint"], "\(r.errors)")
        #expect(r.warnings.contains { $0.field == "gcnkh_ngay" })
    }
}

/// Issue 14, defect 4: a year field's bounds are said as years ("Năm không được trước
/// 1900", not "Ngày … 01/01/1900"), a month field's as month and year.
@Suite struct YearPrecisionMessageTests {
    @Test func aYearFieldsBoundsAreSaidAsYears() throws {
        let form = ProcedureFormTests.shippedForm("khai-sinh")
        var o = try #require(try ProcedureFormTests.answers("khai-sinh.valid").objectValue)
        o["me_nam_sinh"] = "1800"
        let r = validate(form, .object(o), vi)
        let m = try #require(r.errors.first { $0.field == "me_nam_sinh" }?.message)
        #expect(m == "Năm không được trước 1900.", "\(m)")
        let e = validate(form, .object(o), en).errors.first { $0.field == "me_nam_sinh" }?.message
        #expect(e == "The year cannot be before 1900.")
        o["me_nam_sinh"] = "2999"
        #expect(validate(form, .object(o), vi).errors.first { $0.field == "me_nam_sinh" }?.message.hasPrefix("Năm không được sau 20") == true)
    }

    @Test func aMonthFieldsBoundsAreSaidAsMonthAndYear() throws {
        let form = ProcedureFormTests.shippedForm("ly-lich-tu-phap")
        var o = try #require(try ProcedureFormTests.answers("ly-lich-tu-phap.valid").objectValue)
        var items = try #require(o["cu_tru"]?.arrayValue)
        var first = try #require(items.first?.objectValue)
        first["ct_tu_thang"] = "2999-01"
        items[0] = .object(first)
        o["cu_tru"] = .array(items)
        let msgs = validate(form, .object(o), vi).errors.map(\.message)
        #expect(msgs.contains { $0.hasPrefix("Tháng không được sau ") && $0.contains("/20") }, "\(msgs)")
    }
}
