import Foundation
import Testing
@testable import MotCuaForms

/// The shipped procedure forms (Forms/*.json) against their answer files in
/// Tests/MotCuaFormsTests/Answers, and the rules each form exists to enforce.
@Suite struct ProcedureFormTests {
    static let formsDir = repoRoot + "/Forms"
    static let answersDir = repoRoot + "/Tests/MotCuaFormsTests/Answers"

    /// Every form file shipped in Forms/ (the lists folder is not a form).
    static let shipped: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: formsDir)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func shippedForm(_ id: String) -> Form {
        switch FormEngine.loadForm(at: "\(formsDir)/\(id).json", lists: sharedLists) {
        case .success(let l): return l.form
        case .failure(let e): fatalError("\(id) does not load: \(e.issues)")
        }
    }

    static func answers(_ name: String) throws -> JSONValue {
        let path = "\(answersDir)/\(name).json"
        let data = try #require(FileManager.default.contents(atPath: path), "missing answers file \(path)")
        return try JSONParser.parse(data)
    }

    /// Errors as "field code" strings, sorted, so that two runs compare as sets with multiplicity.
    static func pairs(_ issues: [ValidationIssue]) -> [String] {
        issues.map { "\($0.field) \($0.code.rawValue)" }.sorted()
    }

    @Test func theFirstFiveProceduresAreShipped() {
        for id in ["khai-sinh", "ly-lich-tu-phap", "khai-tu", "ket-hon", "thuong-tru"] {
            #expect(Self.shipped.contains(id), "Forms/\(id).json is missing")
        }
    }

    @Test(arguments: shipped) func passesTheLinter(_ id: String) {
        let result = FormEngine.loadForm(at: "\(Self.formsDir)/\(id).json", lists: sharedLists)
        if case .failure(let e) = result { Issue.record("\(id): \(e.issues.map(\.description))") }
        guard case .success(let l) = result else { return }
        #expect(l.form.id == id, "the file name and the form id differ")
        #expect(l.form.languages == ["vi", "en"])
        #expect(l.form.procedure?.code?.isEmpty == false, "\(id) has no national procedure code")
        #expect(l.form.procedure?.documents.isEmpty == false, "\(id) lists no papers")
        #expect(l.form.procedure?.processingDays != nil && l.form.procedure?.fee != nil)
    }

    @Test(arguments: shipped) func validAnswersAreValid(_ id: String) throws {
        let form = Self.shippedForm(id)
        let answers = try Self.answers("\(id).valid")
        // The test date, and a year on: nothing in a valid file may be valid by accident of the day.
        for today in [fixedToday, fixedToday.adding(days: 365)] {
            for messages in [vi, en] {
                let r = validate(form, answers, messages, today: today)
                #expect(r.errors.isEmpty, "\(id) at \(today): \(r.errors)")
            }
        }
    }

    @Test(arguments: shipped) func invalidAnswersGiveExactlyTheExpectedErrors(_ id: String) throws {
        let form = Self.shippedForm(id)
        let expectedJSON = try #require(try Self.answers("\(id).invalid.expected").arrayValue)
        let expected = expectedJSON.compactMap { e -> String? in
            guard let f = e["field"]?.stringValue, let c = e["code"]?.stringValue else { return nil }
            return "\(f) \(c)"
        }.sorted()
        #expect(expected.count == expectedJSON.count, "malformed entries in \(id).invalid.expected.json")
        #expect(!expected.isEmpty)
        let r = validate(form, try Self.answers("\(id).invalid"))
        #expect(Self.pairs(r.errors) == expected)
        // Every message is real text in both languages, never a bare locale key.
        for messages in [vi, en] {
            for e in validate(form, try Self.answers("\(id).invalid"), messages).errors {
                #expect(!e.message.isEmpty && !e.message.hasPrefix("validation."), "\(e.field): \(e.message)")
            }
        }
    }

    // MARK: ly-lich-tu-phap

    static let llttp = shippedForm("ly-lich-tu-phap")

    /// The valid file with `change` applied to its answers.
    static func llttpAnswers(_ change: (inout JSONObject) -> Void) throws -> JSONValue {
        var o = try #require(try answers("ly-lich-tu-phap.valid").objectValue)
        change(&o)
        return .object(o)
    }

    static func row(_ from: String, _ to: String?, commune: String = "02374") -> JSONValue {
        var r: JSONObject = JSONObject([("ct_tu_thang", .string(from)), ("ct_tinh", "08"), ("ct_xa", .string(commune))])
        if let to { r["ct_den_nay"] = false; r["ct_den_thang"] = .string(to) } else { r["ct_den_nay"] = true }
        return .object(r)
    }

    /// The only error of a history, which must be the check on `cu_tru`.
    static func historyError(_ rows: [JSONValue], born: String = "1995-03-15", _ messages: Messages = vi) throws -> ValidationIssue? {
        let a = try llttpAnswers { $0["cu_tru"] = .array(rows); $0["ngay_sinh"] = .string(born) }
        let r = validate(llttp, a, messages)
        #expect(r.errors.count <= 1, "\(r.errors)")
        if let e = r.errors.first { #expect(e.field == "cu_tru" && e.code == .check, "\(e)") }
        return r.errors.first
    }

    @Test func residenceHistoryThatRunsOnIsValid() throws {
        // Born 15/03/1995: 14 on 15/03/2009. Shared boundary months are how people write it.
        #expect(try Self.historyError([Self.row("2009-03", "2015-01"), Self.row("2015-01", nil)]) == nil)
        // Starting before the 14th birthday is fine; so is a single row up to now.
        #expect(try Self.historyError([Self.row("2005-01", nil)]) == nil)
        // Rows in any order: the check sorts them.
        #expect(try Self.historyError([Self.row("2015-01", nil), Self.row("2009-03", "2015-01")]) == nil)
    }

    @Test func residenceHistoryGap() throws {
        let gap = try #require(try Self.historyError([Self.row("2009-03", "2014-12"), Self.row("2015-03", nil)]))
        // Issue 14: the message says where the gap is, so the rows to change can be found.
        #expect(gap.message.contains("khoảng trống từ tháng 01/2015:"), "\(gap.message)")
        // A history that stops before today is a gap at the end.
        let stops = try #require(try Self.historyError([Self.row("2009-03", "2025-06")]))
        #expect(stops.message.contains("khoảng trống từ tháng 07/2025:"), "\(stops.message)")
        let en = try #require(try Self.historyError([Self.row("2009-03", "2014-12"), Self.row("2015-03", nil)], en))
        #expect(en.message.contains("gap from 01/2015:"), "\(en.message)")
    }

    @Test func residenceHistoryOverlap() throws {
        let overlap = try #require(try Self.historyError([Self.row("2009-03", "2016-05"), Self.row("2015-01", nil)]))
        #expect(overlap.message.contains("chồng lên nhau"))
        // Two rows both running "up to now" overlap too.
        let twoNow = try #require(try Self.historyError([Self.row("2009-03", nil), Self.row("2015-01", nil)]))
        #expect(twoNow.message == overlap.message)
    }

    @Test func residenceHistoryStartingAfterTheFourteenthBirthday() throws {
        let late = try #require(try Self.historyError([Self.row("2009-04", nil)]))
        #expect(late.message.contains("14 tuổi") && late.message.contains("15/03/2009"), "\(late.message)")
        // The birthday month itself is in time.
        #expect(try Self.historyError([Self.row("2009-03", nil)]) == nil)
    }

    @Test func theThreeHistoryChecksSayDifferentThings() throws {
        let gap = try #require(try Self.historyError([Self.row("2009-03", "2014-12"), Self.row("2015-03", nil)]))
        let overlap = try #require(try Self.historyError([Self.row("2009-03", "2016-05"), Self.row("2015-01", nil)]))
        let late = try #require(try Self.historyError([Self.row("2010-01", nil)]))
        #expect(Set([gap.message, overlap.message, late.message]).count == 3)
        for m in [gap.message, overlap.message, late.message] { #expect(!m.contains("${")) }
    }

    @Test func onlyPeopleOfSixteenOrOverMayAsk() throws {
        // From 1/7/2026 (amended Law on Judicial Records) the applicant must be 16 or over; no parent path.
        let fifteen = validate(Self.llttp, try Self.llttpAnswers { $0["ngay_sinh"] = "2010-11-28"; $0["cccd"] = "008310012345"; $0["cccd_ngay_cap"] = nil; $0["cu_tru"] = [Self.row("2024-11", nil)] })
        #expect(Self.pairs(fifteen.errors).contains("ngay_sinh constraint"), "\(fifteen.errors)")
        #expect(fifteen.errors.first?.message.contains("16 tuổi") == true)
        let sixteen = validate(Self.llttp, try Self.llttpAnswers { $0["ngay_sinh"] = "2010-11-27"; $0["cccd"] = "008310012345"; $0["cccd_ngay_cap"] = nil; $0["cu_tru"] = [Self.row("2024-11", nil)] })
        #expect(sixteen.errors.isEmpty, "\(sixteen.errors)")
        #expect(Self.llttp.lists["nguoi_nop"]?.contains { $0.value == "cha-me" } == false)
    }

    @Test func certificateNumberTwoCannotGoThroughAnAuthorisedPerson() throws {
        func errors(_ kind: String, _ who: String) throws -> [String] {
            let a = try Self.llttpAnswers {
                $0["loai_phieu"] = .string(kind); $0["nguoi_nop"] = .string(who)
                if who != "ban-than" { $0["dd_ho_ten"] = "Trần Văn Bình"; $0["dd_cccd"] = "008070012345"; $0["dd_quan_he"] = "anh" }
            }
            return Self.pairs(validate(Self.llttp, a).errors)
        }
        #expect(try errors("so-2", "uy-quyen") == ["nguoi_nop check"])
        #expect(try errors("so-1", "uy-quyen") == [])
        #expect(try errors("so-2", "ban-than") == [])
    }

    @Test func bansQuestionOnlyForCertificateNumberOne() throws {
        let one = validate(Self.llttp, try Self.llttpAnswers { $0["xac_nhan_cam_dam_nhiem"] = nil })
        #expect(Self.pairs(one.errors) == ["xac_nhan_cam_dam_nhiem required"])
        let two = validate(Self.llttp, try Self.llttpAnswers { $0["loai_phieu"] = "so-2"; $0["xac_nhan_cam_dam_nhiem"] = true })
        #expect(two.errors.isEmpty)
        #expect(two.answers["xac_nhan_cam_dam_nhiem"] == nil, "not relevant for no. 2, so not in the dossier")
    }

    @Test func postalAddressOnlyWhenByPost() throws {
        let postal = ["bc_nguoi_nhan", "bc_tinh", "bc_xa", "bc_dia_chi", "bc_dien_thoai"]
        let inPerson = validate(Self.llttp, try Self.llttpAnswers { o in
            o["hinh_thuc_nhan"] = "truc-tiep"; for k in postal { o[k] = nil }
        })
        #expect(inPerson.errors.isEmpty, "\(inPerson.errors)")
        let byPost = validate(Self.llttp, try Self.llttpAnswers { o in for k in postal { o[k] = nil } })
        #expect(Self.pairs(byPost.errors) == postal.map { "\($0) required" }.sorted())
    }

    @Test func feeByGroupAndCopies() throws {
        func fee(_ group: String, _ who: String?, copies: Int) throws -> JSONValue? {
            let r = validate(Self.llttp, try Self.llttpAnswers {
                $0["nhom_phi"] = .string(group); $0["so_luong"] = .int(copies)
                if let who { $0["doi_tuong_phi"] = .string(who) }
            })
            #expect(r.errors.isEmpty, "\(r.errors)")
            return r.answers["le_phi"]
        }
        #expect(try fee("day-du", nil, copies: 1) == 200_000)
        #expect(try fee("day-du", nil, copies: 2) == 200_000)
        #expect(try fee("day-du", nil, copies: 3) == 205_000)
        #expect(try fee("giam", "hoc-sinh-sinh-vien", copies: 1) == 100_000)
        #expect(try fee("giam", "nguoi-co-cong", copies: 5) == 115_000)
        #expect(try fee("mien", "ho-ngheo", copies: 2) == 0)
        #expect(try fee("mien", "nguoi-khuyet-tat", copies: 4) == 10_000)
        // A group must belong to the fee level chosen, and match the age.
        let wrongGroup = validate(Self.llttp, try Self.llttpAnswers { $0["nhom_phi"] = "giam"; $0["doi_tuong_phi"] = "ho-ngheo" })
        #expect(Self.pairs(wrongGroup.errors) == ["doi_tuong_phi option"])
        let notElderly = validate(Self.llttp, try Self.llttpAnswers { $0["nhom_phi"] = "mien"; $0["doi_tuong_phi"] = "nguoi-cao-tuoi" })
        #expect(Self.pairs(notElderly.errors) == ["doi_tuong_phi constraint"])
        // The procedure's fee expression is the same rule as the calculate field.
        guard case .expression(let e, let note)? = Self.llttp.procedure?.fee else { Issue.record("fee is not an expression"); return }
        #expect(e.source.contains("5000") && note != nil)
    }

    // MARK: ket-hon

    static let ketHon = shippedForm("ket-hon")

    func ketHonErrors(bride: String, groom: String, today: CalendarDate = fixedToday) throws -> [ValidationIssue] {
        var o = try #require(try Self.answers("ket-hon.valid").objectValue)
        o["nu_ngay_sinh"] = .string(bride); o["nam_ngay_sinh"] = .string(groom)
        o["nu_cccd"] = "008308012345"; o["nam_cccd"] = "008206054321"
        return validate(Self.ketHon, .object(o), today: today).errors
    }

    @Test func marriageAgeBoundaries() throws {
        // Registration on 27/11/2026: the bride turns 18 on 27/11/2026 if born 27/11/2008, the groom 20 if born 27/11/2006.
        #expect(try ketHonErrors(bride: "2008-11-27", groom: "2006-11-27").isEmpty)
        let brideEve = try ketHonErrors(bride: "2008-11-28", groom: "2006-11-27")
        #expect(Self.pairs(brideEve) == ["nu_ngay_sinh constraint"])
        #expect(brideEve.first?.message.contains("18 tuổi") == true)
        #expect(brideEve.first?.message.contains("28/11/2008") == true)
        let groomEve = try ketHonErrors(bride: "2008-11-27", groom: "2006-11-28")
        #expect(Self.pairs(groomEve) == ["nam_ngay_sinh constraint"])
        #expect(groomEve.first?.message.contains("20 tuổi") == true)
        // The same birthdays are fine a day later.
        #expect(try ketHonErrors(bride: "2008-11-28", groom: "2006-11-28", today: fixedToday.adding(days: 1)).isEmpty)
        // 18 is not enough for the groom, 20 is more than the bride needs.
        #expect(Self.pairs(try ketHonErrors(bride: "2006-11-27", groom: "2008-11-27")) == ["nam_ngay_sinh constraint"])
    }

    @Test func marriageAgeMessagesInEnglish() throws {
        var o = try #require(try Self.answers("ket-hon.valid").objectValue)
        o["nam_ngay_sinh"] = "2007-01-01"; o["nam_cccd"] = "008207054321"
        let e = validate(Self.ketHon, .object(o), en).errors
        #expect(e.map(\.field) == ["nam_ngay_sinh"])
        #expect(e.first?.message.contains("at least 20") == true)
    }

    @Test func timesMarriedMustMatchTheMaritalStatus() throws {
        var o = try #require(try Self.answers("ket-hon.valid").objectValue)
        o["nu_lan_ket_hon"] = 2  // never married, yet a second marriage
        o["nam_lan_ket_hon"] = 1  // divorced, yet a first marriage
        #expect(Self.pairs(validate(Self.ketHon, .object(o)).errors) == ["nam_lan_ket_hon check", "nu_lan_ket_hon check"])
        o["nam_tinh_trang"] = "dang-co-vo-chong"; o["nam_lan_ket_hon"] = 2; o["nu_lan_ket_hon"] = 1
        #expect(Self.pairs(validate(Self.ketHon, .object(o)).errors) == ["nam_tinh_trang constraint"])
    }

    @Test func marriageRegisteredWhereNeitherLivesIsAWarning() throws {
        var o = try #require(try Self.answers("ket-hon.valid").objectValue)
        o["co_quan_xa"] = "02374"
        let r = validate(Self.ketHon, .object(o))
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.field) == ["co_quan_xa"])
    }

    // MARK: khai-tu and thuong-tru

    @Test func lateDeathRegistrationWarnsAndCosts() throws {
        let form = Self.shippedForm("khai-tu")
        let a = try Self.answers("khai-tu.valid")
        let onTime = validate(form, a)
        #expect(onTime.warnings.isEmpty && onTime.answers["le_phi"] == 16_000)  // two copies
        let late = validate(form, a, today: fixedToday.adding(days: 30))
        #expect(late.errors.isEmpty)
        #expect(late.warnings.map(\.field) == ["nc_ngay_chet"])
        #expect(late.answers["le_phi"] == 24_000)
    }

    @Test func deathBeforeBirthIsRefused() throws {
        let form = Self.shippedForm("khai-tu")
        var o = try #require(try Self.answers("khai-tu.valid").objectValue)
        o["nc_ngay_chet"] = "1939-05-01"; o["gbt_ngay"] = "1939-05-02"
        #expect(Self.pairs(validate(form, .object(o)).errors) == ["nc_ngay_chet range"])
    }

    @Test func permanentResidenceFloorArea() throws {
        let form = Self.shippedForm("thuong-tru")
        var o = try #require(try Self.answers("thuong-tru.valid").objectValue)
        o["dien_tich_san"] = 24; o["so_nguoi_o"] = 3  // exactly 8 m² each
        #expect(validate(form, .object(o)).errors.isEmpty)
        o["dien_tich_san"] = 23.5
        #expect(Self.pairs(validate(form, .object(o)).errors) == ["dien_tich_san check"])
        // Owners are not asked for the area at all.
        o["truong_hop"] = "so-huu"; o["dien_tich_san"] = 3
        let owner = validate(form, .object(o))
        #expect(owner.errors.isEmpty && owner.answers["dien_tich_san"] == nil)
        #expect(owner.answers["le_phi"] == 20_000)
    }
}
