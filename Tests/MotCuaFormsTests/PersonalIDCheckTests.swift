import Foundation
import Testing
@testable import MotCuaForms

/// Issue 14, friction: repeated facts agree. A personal ID's 4th digit (century and sex)
/// and 5th–6th (year) are compared with the sex and year of birth given; when the person
/// asking is the child's mother (or father), her name and ID number are the mother's.
@Suite struct PersonalIDCheckTests {
    func answers(_ form: String, _ change: (inout JSONObject) -> Void) throws -> JSONValue {
        var o = try #require(try ProcedureFormTests.answers("\(form).valid").objectValue)
        change(&o)
        return .object(o)
    }

    @Test func aMansIDForTheBrideIsAnError() throws {
        let form = ProcedureFormTests.shippedForm("ket-hon")
        let r = validate(form, try answers("ket-hon") { o in
            let year = String(o["nu_ngay_sinh"]?.stringValue?.prefix(4) ?? "")
            o["nu_cccd"] = .string("0080" + year.suffix(2) + "012345")  // 0: a man born in the 1900s
        })
        let e = try #require(r.errors.first { $0.field == "nu_cccd" }, "\(r.errors)")
        #expect(e.message.hasPrefix("Số định danh của bên nữ (0080"), "\(e.message)")
        #expect(e.message.contains("là số của nam giới"))
        // The right digit for a woman of the 1900s passes.
        let ok = validate(form, try answers("ket-hon") { o in
            let year = String(o["nu_ngay_sinh"]?.stringValue?.prefix(4) ?? "")
            o["nu_cccd"] = .string("0081" + year.suffix(2) + "012345")
        })
        #expect(!ok.errors.contains { $0.field == "nu_cccd" }, "\(ok.errors)")
    }

    @Test func anIDWhoseYearDiffersIsAWarning() throws {
        let form = ProcedureFormTests.shippedForm("ly-lich-tu-phap")
        // Born 15/03/1995, a woman: 008 1 95 …; "77" says 1977.
        let r = validate(form, try answers("ly-lich-tu-phap") { $0["cccd"] = "008177012345" })
        #expect(r.errors.isEmpty, "\(r.errors)")
        let w = try #require(r.warnings.first { $0.field == "cccd" }, "\(r.warnings)")
        #expect(w.message.contains("không khớp với năm sinh đã khai"), "\(w.message)")
        // The sex given is read too: a woman's ID with "nam" is an error.
        let sex = validate(form, try answers("ly-lich-tu-phap") { $0["gioi_tinh"] = $0["gioi_tinh"] == "nu" ? "nam" : "nu" })
        #expect(sex.errors.contains { $0.field == "cccd" && $0.message.contains("không khớp với giới tính đã khai") }, "\(sex.errors)")
    }

    /// A member registered with the household is checked too (found on the walk): a boy
    /// with a woman's ID is an error; a 1900s man's ID for a boy born in 2015 a warning.
    @Test func aHouseholdMembersIDIsCheckedAgainstTheirSexAndYear() throws {
        let form = ProcedureFormTests.shippedForm("thuong-tru")
        func member(_ id: String, sex: String = "nam") throws -> ValidationReport {
            validate(form, try answers("thuong-tru") { o in
                var items = o["thanh_vien"]?.arrayValue ?? []
                guard var first = items.first?.objectValue else { return }
                first["tv_ngay_sinh"] = "2015-06-01"; first["tv_gioi_tinh"] = .string(sex); first["tv_cccd"] = .string(id)
                items[0] = .object(first)
                o["thanh_vien"] = .array(items)
            })
        }
        let ok = try member("008215012345")
        #expect(!ok.errors.contains { $0.field.hasSuffix("tv_cccd") }, "\(ok.errors)")
        let wrongSex = try member("008315012345")
        #expect(wrongSex.errors.contains { $0.field == "thanh_vien[0].tv_cccd" && $0.message.contains("giới tính") }, "\(wrongSex.errors)")
        let girl = try member("008315012345", sex: "nu")
        #expect(!girl.errors.contains { $0.field.hasSuffix("tv_cccd") }, "\(girl.errors)")
        let wrongYear = try member("008015012345")
        #expect(!wrongYear.errors.contains { $0.field.hasSuffix("tv_cccd") }, "\(wrongYear.errors)")
        #expect(wrongYear.warnings.contains { $0.field == "thanh_vien[0].tv_cccd" }, "\(wrongYear.warnings)")
    }

    @Test func theMotherAskingHasTheMothersNameAndID() throws {
        let form = ProcedureFormTests.shippedForm("khai-sinh")
        #expect(validate(form, try answers("khai-sinh") { _ in }).isValid)
        let otherID = validate(form, try answers("khai-sinh") { $0["me_cccd"] = "008195099999" })
        #expect(ProcedureFormTests.pairs(otherID.errors) == ["me_cccd check"], "\(otherID.errors)")
        #expect(otherID.errors.first?.message.contains("Người yêu cầu là mẹ của trẻ") == true)
        let otherName = validate(form, try answers("khai-sinh") { $0["me_ho_ten"] = "Nguyễn Thị Lan" })
        #expect(ProcedureFormTests.pairs(otherName.errors) == ["me_ho_ten check"], "\(otherName.errors)")
        // The same name written with the other tone placement and in capitals is the same.
        let sameName = validate(form, try answers("khai-sinh") { $0["nyc_ho_ten"] = "NGUYỄN THỊ HÒA"; $0["me_ho_ten"] = "Nguyễn Thị Hoà" })
        #expect(sameName.isValid, "\(sameName.errors)")
        // A grandmother asking may have her own ID.
        let grandmother = validate(form, try answers("khai-sinh") { $0["nyc_quan_he"] = "ba-noi"; $0["me_cccd"] = "008195099999" })
        #expect(!grandmother.errors.contains { $0.field == "me_cccd" }, "\(grandmother.errors)")
        // The mother's ID read as a man's is an error even when she is not the one asking.
        let mans = validate(form, try answers("khai-sinh") { $0["nyc_quan_he"] = "ba-noi"; $0["me_cccd"] = "008095012345" })
        #expect(mans.errors.contains { $0.field == "me_cccd" && $0.message.contains("là số của nam giới") }, "\(mans.errors)")
    }
}
