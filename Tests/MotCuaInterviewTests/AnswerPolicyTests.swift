// The answer policy both front ends take from the interview (issue 13): what Enter keeps,
// when an unchanged answer goes to the engine again, where a warning leaves the cursor,
// and which options a choice offers now.
import MotCuaForms
import Testing
@testable import MotCuaInterview

@Suite struct AnswerPolicyTests {
    let form = #"""
    {"format": "motcua-form/1", "id": "chinh-sach", "version": "1", "title": "Chính sách",
     "pages": [{"id": "p", "title": "Trang", "fields": [
       {"id": "so_ban", "type": "integer", "label": "Số bản", "default": 2, "required": true},
       {"id": "ghi_chu", "type": "text", "label": "Ghi chú"},
       {"id": "dien_thoai", "type": "text", "label": "Điện thoại", "format": "phone", "confirm": true},
       {"id": "ngay_sinh", "type": "date", "label": "Ngày sinh", "warning": "age(.) < 100", "warningMessage": "Trên 100 tuổi"},
       {"id": "loai", "type": "choice", "label": "Loại", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
        "filter": "option.value != 'b' or so_ban > 2"}]}]}
    """#

    @Test func enterKeepsTheStoredAnswerOrTheDefault() {
        var i = interview(form)
        #expect(i.answerToKeep == .int(2))                       // the form's default
        #expect(i.step(for: .int(2)) == .answer(.int(2)))        // a default is given to the engine
        #expect(i.answer(.int(3)) == .accepted(warning: nil))
        i.edit(.field("so_ban"))
        #expect(i.answerToKeep == .int(3))                       // the stored answer, not the default
        // Unchanged and not yet settled: given again, so the engine checks it once more.
        #expect(i.step(for: .int(3)) == .answer(.int(3)))
        // Leaving without Enter (fast mode's Shift-Tab) over an unchanged answer: nothing to give.
        #expect(i.step(for: .int(3), moving: false) == .goOn)
        #expect(i.step(for: .int(4), moving: false) == .answer(.int(4)))
        // An optional question answered empty starts empty (not from a default).
        i.edit(.field("ghi_chu"))
        #expect(i.answer(.null) == .accepted(warning: nil))
        i.edit(.field("ghi_chu"))
        #expect(i.answerToKeep == nil)
        #expect(i.step(for: .null) == .answer(.null))
    }

    @Test func aConfirmedAnswerIsKeptWithoutTypingItTwiceAgain() {
        var i = interview(form, answers: JSONObject([("so_ban", 2), ("ghi_chu", .null)]))
        #expect(i.cursor == .field("dien_thoai"))
        #expect(i.step(for: "0912345678") == .answer("0912345678"))
        #expect(i.answer("0912345678") == .confirmAgain)
        // Waiting for the second typing: even the same text goes to the engine.
        #expect(i.step(for: "0912345678") == .answer("0912345678"))
        #expect(i.answer("0912345678") == .accepted(warning: nil))
        i.edit(.field("dien_thoai"))
        #expect(i.step(for: "0912345678") == .goOn)              // settled: Enter goes on
        #expect(i.step(for: "0987654321") == .answer("0987654321"))
    }

    @Test func aWarningStaysUnderTheAnswerUntilSeenOrGoesBeforeTheNextQuestion() {
        let start = JSONObject([("so_ban", 2), ("ghi_chu", .null), ("dien_thoai", "0912345678")])
        var kiosk = interview(form, answers: start)
        #expect(kiosk.cursor == .field("ngay_sinh"))
        guard case .accepted(let warning?) = kiosk.answer("1900-01-01", warnings: .underTheAnswer) else {
            Issue.record("no warning"); return
        }
        #expect(warning.message == "Trên 100 tuổi")
        #expect(kiosk.cursor == .field("ngay_sinh"))             // back under the answer
        #expect(kiosk.answers["ngay_sinh"] == "1900-01-01")      // stored: a warning never blocks
        // Seen: Enter on the same answer goes on; not seen, it is checked (and warned) again.
        #expect(kiosk.step(for: "1900-01-01", warningSeen: "1900-01-01") == .goOn)
        #expect(kiosk.step(for: "1900-01-01") == .answer("1900-01-01"))

        var plain = interview(form, answers: start)
        guard case .accepted(_?) = plain.answer("1900-01-01", warnings: .beforeTheNextQuestion) else {
            Issue.record("no warning"); return
        }
        #expect(plain.cursor == .field("loai"))                  // printed above the next prompt
        // Without a warning both move on alike.
        var calm = interview(form, answers: start)
        #expect(calm.answer("1990-01-01", warnings: .underTheAnswer) == .accepted(warning: nil))
        #expect(calm.cursor == .field("loai"))
    }

    @Test func visibleOptionsFollowTheFilterNow() {
        var i = interview(form, answers: JSONObject([("so_ban", 2), ("ghi_chu", .null), ("dien_thoai", "0912345678"),
                                                     ("ngay_sinh", "1990-01-01")]))
        guard let f = i.form.field("loai") else { Issue.record("no field"); return }
        #expect(i.visibleOptions(f).map(\.value) == ["a"])
        i.edit(.field("so_ban"))
        #expect(i.answer(.int(5)) == .accepted(warning: nil))
        #expect(i.visibleOptions(f).map(\.value) == ["a", "b"])
    }
}
