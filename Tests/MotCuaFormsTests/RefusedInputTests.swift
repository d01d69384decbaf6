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
