import Foundation
import Testing
@testable import MotCuaForms

/// The legal review of the first five forms (issue 18) and issue 14's bound on
/// years of birth: each rule is tried against the shipped form files.
@Suite struct ReviewedFormTests {
    typealias P = ProcedureFormTests

    /// Every date field that holds a date or year of birth, in every shipped form:
    /// its id names it (`ngay_sinh`, `nam_sinh`, with a prefix or not).
    static func birthFields(_ form: Form) -> [(path: [String], field: Field)] {
        var out: [(path: [String], field: Field)] = []
        for f in form.topLevelFields {
            if f.type == .date, f.id.hasSuffix("ngay_sinh") || f.id.hasSuffix("nam_sinh") { out.append(([f.id], f)) }
            for inner in f.fields where inner.type == .date && (inner.id.hasSuffix("ngay_sinh") || inner.id.hasSuffix("nam_sinh")) {
                out.append(([f.id, inner.id], inner))
            }
        }
        return out
    }

    @Test(arguments: P.shipped) func yearOfBirth1800IsRefused(_ id: String) throws {
        let form = P.shippedForm(id)
        let valid = try #require(try P.answers("\(id).valid").objectValue)
        for (path, field) in Self.birthFields(form) {
            let old: String = field.precision == .year ? "1800" : field.precision == .month ? "1800-06" : "1800-06-15"
            var o = valid
            if path.count == 1 {
                guard o[path[0]] != nil else { continue }  // not asked in the valid file
                o[path[0]] = .string(old)
            } else {
                guard var items = o[path[0]]?.arrayValue, var first = items.first?.objectValue else { continue }
                first[path[1]] = .string(old); items[0] = .object(first); o[path[0]] = .array(items)
            }
            let where_ = path.count == 1 ? path[0] : "\(path[0])[0].\(path[1])"
            let errors = validate(form, .object(o)).errors.filter { $0.field == where_ }
            #expect(errors.map(\.code) == [.range], "\(id).\(where_) accepted 1800: \(errors)")
        }
    }

    @Test func everyFormHasHelpForMostAskedFields() {
        for id in P.shipped {
            let asked = P.shippedForm(id).allFields.filter { $0.type.isAsked }
            let helped = asked.filter { $0.help != nil }
            #expect(helped.count >= 5, "\(id): \(helped.count) fields with help")
        }
    }

    @Test func noFormSpeaksOfDistrictsOrCMND() throws {
        for id in P.shipped {
            let text = try String(contentsOfFile: "\(P.formsDir)/\(id).json", encoding: .utf8)
            #expect(!text.contains("xã/phường"), "\(id) writes xã/phường")
            #expect(!text.contains("\"format\": \"cmnd\""), "\(id) still asks for a CMND number")
            // "Hoà" but not "Hoàng": the modern placement of the tone mark.
            let modern = text.range(of: "(Hoà|HOÀ)(?![nN])|Thuỷ", options: .regularExpression)
            #expect(modern == nil, "\(id): one tone style (Hòa, Thủy)")
        }
    }

    // MARK: khai-sinh

    static let khaiSinh = P.shippedForm("khai-sinh")
    static func ks(_ change: (inout JSONObject) -> Void) throws -> ValidationReport {
        var o = try #require(try P.answers("khai-sinh.valid").objectValue)
        change(&o)
        return validate(khaiSinh, .object(o))
    }

    @Test func unmarriedParentsWithANamedFatherIsRecognitionOfTheFather() throws {
        let r = try Self.ks { $0["cha_me_ket_hon"] = false; for k in ["gcnkh_so", "gcnkh_quyen_so", "gcnkh_ngay", "gcnkh_noi"] { $0[k] = nil } }
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.warnings.map(\.field) == ["cha_me_ket_hon"])
        #expect(r.warnings.first?.message.contains("nhận cha, con") == true)
        let doc = try #require(Self.khaiSinh.procedure?.documents.first { $0.id == "chung_cu_cha_con" })
        guard case .when = doc.required else { Issue.record("the evidence of paternity is not conditional"); return }
    }

    @Test func childEthnicGroupFollowsAParent() throws {
        #expect(try Self.ks { $0["ks_dan_toc"] = "02" }.warnings.isEmpty)  // the father's
        let other = try Self.ks { $0["ks_dan_toc"] = "03" }
        #expect(other.errors.isEmpty && other.warnings.map(\.field) == ["ks_dan_toc"])
    }

    @Test func aForeignParentHasNoEthnicGroup() throws {
        let r = try Self.ks { $0["cha_quoc_tich"] = "cn" }
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.answers["cha_dan_toc"] == nil, "not relevant for a foreign father, so not in the dossier")
        #expect(try Self.ks { $0["cha_quoc_tich"] = "vn" }.answers["cha_dan_toc"] == "02")
    }

    @Test func lateFeeIsTheProvinceSetting() throws {
        let late = validate(Self.khaiSinh, try P.answers("khai-sinh.valid"), today: fixedToday.adding(days: 90))
        #expect(late.answers["muc_le_phi_qua_han"] == 8000)
        #expect(late.answers["le_phi"] == 24_000)  // 8,000 late + two copies
    }

    // MARK: thuong-tru and khai-tu

    @Test func residenceWithFamilyOnlyInTheCasesOfArticle20() throws {
        let form = P.shippedForm("thuong-tru")
        var o = try #require(try P.answers("thuong-tru.valid").objectValue)
        o["truong_hop"] = "nguoi-than"; o["dien_tich_san"] = nil; o["so_nguoi_o"] = nil; o["la_chu_ho"] = false
        o["chu_ho_ho_ten"] = "Đặng Văn Hải"; o["chu_ho_cccd"] = "008160012345"; o["quan_he_chu_ho"] = "cha"
        #expect(P.pairs(validate(form, .object(o)).errors) == ["truong_hop_than required"])
        o["truong_hop_than"] = "vo-chong-cha-me-con"
        #expect(validate(form, .object(o)).errors.isEmpty)
        o["truong_hop_than"] = "cao-tuoi"  // born 1985: not elderly
        #expect(P.pairs(validate(form, .object(o)).errors) == ["truong_hop_than constraint"])
    }

    @Test func theDeceasedIsNeverTheRequesterAndTheCommuneGivesAStatement() throws {
        let form = P.shippedForm("khai-tu")
        let q = try #require(form.field("nyc_quan_he"))
        #expect(q.filter != nil, "Bản thân is filtered out of the relationship list")
        let kinds = form.lists["loai_giay_bao_tu"]?.map(\.value) ?? []
        #expect(kinds.contains("xac-nhan-xa"))
        let label = form.lists["loai_giay_bao_tu"]?.first { $0.value == "giay-bao-tu" }?.label.resolve("vi") ?? ""
        #expect(!label.contains("UBND"), "the commune does not issue a Giấy báo tử: \(label)")
    }
}
