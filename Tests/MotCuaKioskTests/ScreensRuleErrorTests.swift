// A cross-field rule's error (khai-sinh: the requester is the mother but the names differ)
// is said on the review under the answer it names, and again on that question when Enter
// jumps there: never a bare ✗ the person cannot explain.
import Testing
import MotCuaForms
import MotCuaInterview
@testable import MotCuaKiosk

@Suite struct ScreensRuleErrorTests {
    @Test(arguments: sizes)
    func theRulesMessageFollowsTheJump(size: Size) {
        let desk = FakeDesk()
        var answers = khaiSinhComplete
        answers["me_ho_ten"] = "Lê Thị Lan"  // the requester (the mother) is Nguyễn Thị Hòa
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.press(.function(2))
        var s = app.view(size: size)
        #expect(s.lines[2].contains("1 lỗi"), "\(s.lines)")
        let row = s.lines.firstIndex { $0.contains("▸✗") } ?? -1
        #expect(row > 0 && s.lines[row].contains("Lê Thị Lan"), "\(s.lines)")
        #expect(row > 0 && s.lines[row + 1].contains("✗ Người yêu cầu là mẹ của trẻ nhưng họ tên của mẹ"), "\(s.lines)")
        // Submitting is refused with the count; the rule's message stays beside its ✗ row.
        app.press(.function(9))
        s = app.view(size: size)
        #expect(s.text.contains("Chưa nộp được: còn 1 mục thiếu hoặc sai (✗)."), "\(s.lines)")
        #expect(s.text.contains("✗ Người yêu cầu là mẹ của trẻ nhưng họ tên của mẹ"), "\(s.lines)")
        app.press(.enter)  // to the mother's name
        s = app.view(size: size)
        #expect(app.interview?.cursor == .field("me_ho_ten"))
        #expect(s.text.contains("Người yêu cầu là mẹ của trẻ nhưng họ tên của mẹ"), "\(s.lines)")
    }
}
