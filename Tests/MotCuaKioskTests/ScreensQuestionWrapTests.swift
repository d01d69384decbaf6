// A keystroke in a field redraws the question: its label, hint and example are wrapped once
// per question and width (QuestionWrapMemo), and drawn exactly as a fresh wrap draws them.
import Testing
import MotCuaForms
@testable import MotCuaKiosk

@Suite struct ScreensQuestionWrapTests {
    private func drawn(_ content: QuestionContent, width: Int, memo: QuestionWrapMemo?) -> Screen {
        var screen = Screen(size: Size(width: width, height: 21))
        var widget: FieldWidget = TextEditor(text: "Lê Thị")
        widget.layout(QuestionLayout.widgetRect(content, widget: widget, in: screen.bounds, memo: memo))
        QuestionLayout.render(content, widget: widget, into: &screen, in: screen.bounds, memo: memo)
        return screen
    }

    @Test func theMemoDrawsAsAFreshWrapAndWrapsAgainOnlyWhenTheQuestionOrWidthChanges() {
        let memo = QuestionWrapMemo()
        let long = "Ghi đúng như trên giấy tờ tùy thân, có dấu, không viết tắt; nếu có tên gọi khác thì ghi thêm ở câu sau."
        let a = QuestionContent(label: "Họ, chữ đệm và tên của người yêu cầu cấp phiếu lý lịch tư pháp", required: true,
                                hint: long, example: "Ví dụ: Nguyễn Văn An")
        #expect(drawn(a, width: 80, memo: memo) == drawn(a, width: 80, memo: nil))
        #expect(memo.wraps == 1)  // widgetRect and render: one wrap
        for _ in 0..<5 { _ = drawn(a, width: 80, memo: memo) }
        #expect(memo.wraps == 1)
        var b = a
        b.message = "Xin trả lời câu này."
        #expect(drawn(b, width: 80, memo: memo) == drawn(b, width: 80, memo: nil))
        #expect(memo.wraps == 2)
        #expect(drawn(b, width: 40, memo: memo) == drawn(b, width: 40, memo: nil))
        #expect(memo.wraps == 3)
        var c = b
        c.hint = "Viết có dấu."
        #expect(drawn(c, width: 40, memo: memo) == drawn(c, width: 40, memo: nil))
        c.required = false
        #expect(drawn(c, width: 40, memo: memo) == drawn(c, width: 40, memo: nil))
        #expect(memo.wraps == 5)
    }

    @Test func typingInAFieldDoesNotWrapTheQuestionAgain() throws {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        guard case .interview(let screen) = app.route else { Issue.record("not in the interview"); return }
        let memo = screen.wrapMemo
        let first = app.view(size: .minimum)
        #expect(first.lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        let before = memo.wraps
        for c in "Traanf Minh Khooi" {  // a frame after every key, as the kiosk draws
            app.type(String(c))
            _ = app.view(size: .minimum)
        }
        #expect(app.view(size: .minimum).lines[8] == "  Trần Minh Khôi")
        #expect(memo.wraps == before)
        // Another width, then the next question: wrapped afresh, drawn as the question says.
        #expect(app.view(size: Size(width: 100, height: 30)).lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        #expect(memo.wraps == before + 1)
        app.press(.enter)
        guard case .interview(let next) = app.route else { Issue.record("not in the interview"); return }
        #expect(app.view(size: .minimum).lines[3] == "  Ngày, tháng, năm sinh *")
        #expect(next.wrapMemo.wraps > 0)
    }
}
