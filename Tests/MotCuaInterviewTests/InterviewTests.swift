import Foundation
import Testing
import MotCuaForms
@testable import MotCuaInterview

let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()
let vi = Resources.messages("vi", root: repoRoot)
let today = CalendarDate(year: 2026, month: 11, day: 27)!

func interview(_ json: String, answers: JSONObject = JSONObject()) -> Interview {
    guard case .success(let loaded) = FormEngine.load(data: Data(json.utf8), name: "t.json", lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
        fatalError("test form does not load")
    }
    let v = Validator(form: loaded.form, context: EvaluationContext(today: today), messages: vi)
    return Interview(form: loaded.form, validator: v, answers: answers)
}

/// A form of three pages: the second is skipped unless the person has children.
let family = #"""
{"format": "motcua-form/1", "id": "gia-dinh", "version": "1", "title": "Gia đình",
 "pages": [
  {"id": "ban_than", "title": "Bản thân", "fields": [
    {"id": "ho_ten", "type": "text", "label": "Họ và tên", "required": true, "format": "name"},
    {"id": "co_con", "type": "boolean", "label": "Có con không?", "required": true},
    {"id": "so_dt", "type": "text", "label": "Số điện thoại", "format": "phone", "confirm": true}]},
  {"id": "con_cai", "title": "Con cái", "relevant": "co_con", "fields": [
    {"id": "ghi_chu", "type": "note", "label": "Khai từng người con"},
    {"id": "con", "type": "repeat", "label": "Các con", "maxCount": 2, "itemLabel": "Con thứ ${index}", "fields": [
      {"id": "ten_con", "type": "text", "label": "Tên con", "required": true},
      {"id": "nam_sinh_con", "type": "date", "precision": "year", "label": "Năm sinh"}]}]},
  {"id": "ket_thuc", "title": "Kết thúc", "fields": [
    {"id": "ngay_sinh", "type": "date", "label": "Ngày sinh", "warning": "age(.) < 100", "warningMessage": "Trên 100 tuổi: kiểm tra lại"},
    {"id": "dong_y", "type": "boolean", "label": "Đồng ý?", "required": true}]}]}
"""#

@Suite struct InterviewTests {
    @Test func skippedPageAndBackFromFirstQuestion() {
        var i = interview(family)
        #expect(i.cursor == .field("ho_ten"))
        do { let r = i.back(); #expect(r == false) }
        #expect(i.cursor == .field("ho_ten"))
        do { let r = i.answer("Nguyễn Thị Hoà"); #expect(r == .accepted(warning: nil)) }
        do { let r = i.answer(false); #expect(r == .accepted(warning: nil)) }
        do { let r = i.answer(.null); #expect(r == .accepted(warning: nil)) }  // phone is optional
        #expect(i.cursor == .field("ngay_sinh"))             // page "con_cai" skipped
        #expect(i.progress == (3, 5))
        do { let r = i.back(); #expect(r) }
        #expect(i.cursor == .field("so_dt"))
    }

    /// Issue 14: the kiosk shows the page's title beside the step ("Bước 3/5 · Bản thân").
    @Test func thePageTitleFollowsTheCursor() {
        var i = interview(family)
        #expect(i.pageTitle == "Bản thân")
        _ = i.answer("Nguyễn Thị Hoà")
        _ = i.answer(true)
        _ = i.answer(.null)
        #expect(i.pageTitle == "Con cái")
        i.openReview()
        #expect(i.pageTitle == "")
    }

    /// Issue 14: the total counts the questions a default will open ahead ("Có thông tin
    /// người mẹ? (•) Có"), so it does not jump from 14/17 to 15/22 on Enter; a page a default opens counts too.
    @Test func theTotalCountsWhatTheDefaultsOpen() throws {
        let json = #"""
        {"format": "motcua-form/1", "id": "me", "version": "1", "title": "Mẹ",
         "pages": [{"id": "p", "title": "Người mẹ", "fields": [
            {"id": "ten", "type": "text", "label": "Tên", "required": true},
            {"id": "co_me", "type": "boolean", "label": "Có thông tin mẹ?", "default": true, "required": true},
            {"id": "me_ten", "type": "text", "label": "Tên mẹ", "relevant": "co_me"},
            {"id": "me_nam", "type": "text", "label": "Năm sinh mẹ", "relevant": "co_me"}]}]}
        """#
        var i = interview(json)
        #expect(i.progress.total == 4)
        _ = i.answer("An")
        #expect(i.progress.total == 4)
        _ = i.answer(true)
        #expect(i.progress.total == 4 && i.stepNumber == 3)
        var j = interview(json)
        _ = j.answer("An")
        _ = j.answer(false)
        #expect(j.progress.total == 2)   // ruled out: the total shrinks, never grows
    }

    @Test func irrelevantAnswersStayInTheDraftAndComeBack() {
        var i = interview(family)
        _ = i.answer("Lò Văn Páo")
        _ = i.answer(true)
        _ = i.answer(.null)
        #expect(i.cursor == .field("ghi_chu"))
        i.advance()
        #expect(i.cursor == .field("con"))
        do { let r = i.addItem(); #expect(r) }
        do { let r = i.answer("Lò Thị Mai"); #expect(r == .accepted(warning: nil)) }
        do { let r = i.answer("2015"); #expect(r == .accepted(warning: nil)) }
        #expect(i.cursor == .field("con"))
        do { let r = i.finishRepeat(); #expect(r == .accepted(warning: nil)) }
        // Change "has children" to no: the children are left out of the dossier but kept.
        i.edit(.field("co_con"))
        _ = i.answer(false)
        #expect(i.isRelevant("con") == false)
        #expect(i.answers["con"]?.arrayValue?.count == 1)
        #expect(i.finalReport().answers["con"] == nil)
        // And back to yes: they come back.
        i.edit(.field("co_con"))
        _ = i.answer(true)
        #expect(i.finalReport().answers["con"]?.arrayValue?.first?["ten_con"] == "Lò Thị Mai")
    }

    @Test func repeatWithZeroOneAndMaxItems() {
        var i = interview(family, answers: JSONObject([("ho_ten", "An"), ("co_con", true), ("so_dt", .null)]))
        i.edit(.field("con"))
        #expect(i.itemCount("con") == 0)
        do { let r = i.finishRepeat(); #expect(r == .accepted(warning: nil)) }  // zero items is allowed
        i.edit(.field("con"))
        do { let r = i.addItem(); #expect(r) }
        _ = i.answer("Mai")
        _ = i.answer(.null)
        #expect(i.itemCount("con") == 1)
        #expect(i.itemLabel("con", 0) == "Con thứ 1")
        do { let r = i.addItem(); #expect(r) }
        _ = i.answer("Lan")
        _ = i.answer("2019")
        do { let r = i.addItem(); #expect(r == false) }                         // maxCount 2
        #expect(i.itemCount("con") == 2)
        i.removeItem(0)
        #expect(i.answers["con"]?.arrayValue?.first?["ten_con"] == "Lan")
        i.editItem(0)
        #expect(i.cursor == .item(repeat: "con", index: 0, field: "ten_con"))
        do { let r = i.back(); #expect(r) }
        #expect(i.cursor == .field("con"))
    }

    @Test func confirmFieldIsTypedTwice() {
        var i = interview(family, answers: JSONObject([("ho_ten", "An"), ("co_con", false)]))
        #expect(i.cursor == .field("so_dt"))
        do { let r = i.answer("0912 345 678"); #expect(r == .confirmAgain) }
        guard case .rejected(let e) = i.answer("0912 345 679") else { Issue.record("mismatch accepted"); return }
        #expect(e.message.contains("không giống nhau"))
        #expect(i.cursor == .field("so_dt") && i.answers["so_dt"] == nil)
        do { let r = i.answer("0912345678"); #expect(r == .confirmAgain) }
        do { let r = i.answer("+84 912 345 678"); #expect(r == .accepted(warning: nil)) }
        #expect(i.answers["so_dt"] == "0912345678")
    }

    @Test func requiredFieldLeftEmpty() {
        var i = interview(family)
        guard case .rejected(let e) = i.answer(.null) else { Issue.record("empty accepted"); return }
        #expect(e.code == .required)
        #expect(i.cursor == .field("ho_ten"))
        guard case .rejected(let f) = i.answer("Nguyễn 2") else { Issue.record("bad name accepted"); return }
        #expect(f.code == .format)
    }

    @Test func warningDoesNotBlock() {
        var i = interview(family, answers: JSONObject([("ho_ten", "An"), ("co_con", false), ("so_dt", .null)]))
        #expect(i.cursor == .field("ngay_sinh"))
        guard case .accepted(let w?) = i.answer("1900-01-01") else { Issue.record("no warning"); return }
        #expect(w.message == "Trên 100 tuổi: kiểm tra lại")
        #expect(i.cursor == .field("dong_y"))
        _ = i.answer(true)
        #expect(i.cursor == .review)
        let r = i.review()
        #expect(r.isValid)
        #expect(r.sections.map(\.title) == ["Bản thân", "Kết thúc"])
        #expect(r.sections[1].entries[0].value == "01/01/1900")
        #expect(r.sections[1].entries[0].warnings == ["Trên 100 tuổi: kiểm tra lại"])
    }

    @Test func resumeStartsAtFirstUnanswered() {
        let i = interview(family, answers: JSONObject([("ho_ten", "An"), ("co_con", true)]))
        #expect(i.cursor == .field("so_dt"))
        let j = interview(family, answers: JSONObject([("ho_ten", "An"), ("co_con", true), ("so_dt", "0912345678"), ("con", [["ten_con": "Mai"]])]))
        #expect(j.cursor == .item(repeat: "con", index: 0, field: "nam_sinh_con"))
    }

    @Test func typedInputParsing() {
        let f = interview(family).form
        #expect(TypedInput.parse("5/3/2024", for: f.field("ngay_sinh")!) == .value("2024-03-05"))
        #expect(TypedInput.parse("31/4/2024", for: f.field("ngay_sinh")!) == .invalid(key: "input.date.impossible", args: [:]))
        #expect(TypedInput.parse("Có", for: f.field("co_con")!) == .value(true))
        #expect(TypedInput.parse("khong", for: f.field("co_con")!) == .value(false))
        #expect(TypedInput.parse("2015", for: f.field("nam_sinh_con")!) == .value("2015"))
    }
}

/// Issue 14, defect 5: a province changed in the review takes its commune with it.
@Suite struct DependentChoiceTests {
    let form = #"""
    {"format": "motcua-form/1", "id": "noi-o", "version": "1", "title": "Nơi ở",
     "lists": {"tinh": "@provinces", "xa": "@communes"},
     "pages": [{"id": "p", "title": "Nơi ở", "fields": [
       {"id": "tinh", "type": "choice", "label": "Tỉnh", "options": "tinh", "required": true},
       {"id": "xa", "type": "choice", "label": "Xã", "options": "xa", "filter": "option.province = tinh", "required": true},
       {"id": "dia_chi", "type": "text", "label": "Địa chỉ", "required": true}]}]}
    """#

    @Test func aCommuneThatNoLongerFitsIsClearedAndAskedNext() {
        var i = interview(form, answers: JSONObject([("tinh", "08"), ("xa", "02425"), ("dia_chi", "Số 1")]))
        #expect(i.cursor == .review)
        i.edit(.field("tinh"))
        #expect(i.answer("38") == .accepted(warning: nil))
        #expect(i.answers["xa"] == nil)
        #expect(i.cursor == .field("xa"))
        #expect(i.answer("14797") == .accepted(warning: nil))
        #expect(i.cursor == .review)  // then back to the review
        #expect(!i.review().sections.flatMap(\.entries).contains { $0.value.contains("14797") })
        // An unchanged province keeps its commune.
        i.edit(.field("tinh"))
        _ = i.answer("38")
        #expect(i.answers["xa"] == "14797" && i.cursor == .review)
    }
}

extension DependentChoiceTests {
    @Test func aCommuneOfAnotherProvinceIsNamedNotShownAsItsCode() {
        let i = interview(form, answers: JSONObject([("tinh", "38"), ("xa", "02425"), ("dia_chi", "Số 1")]))
        let messages = i.review().sections.flatMap(\.entries).flatMap(\.errors)
        #expect(messages.contains { $0.contains("Xã Hùng Đức") }, "\(messages)")
        #expect(!messages.contains { $0.contains("02425") }, "\(messages)")
    }
}
