// "Bước 3/17": the total is kept by the interview screen and worked out again whenever the
// interview changes (not at every frame); an answer that opens questions shows at once.
import MotCuaForms
import MotCuaInterview
import MotCuaText
import Testing
@testable import MotCuaKiosk

@Suite struct StepsTotalTests {
    @Test func theTotalFollowsTheInterview() throws {
        let desk = FakeDesk()
        var screen = InterviewScreen(session: desk.session(desk.interview("chung-thuc-chu-ky")), typing: .telex,
                                     style: .traditional, strings: KioskStrings(screensVi))
        let before = screen.interview.progress.total
        #expect(screen.stepsTotal == before)
        #expect(screen.view(size: .minimum).lines[1].hasPrefix(" Bước 1/\(before) "))
        // The signer cannot sign: two more questions (the witness) are asked.
        screen.session.interview = desk.interview("chung-thuc-chu-ky", JSONObject([("hinh_thuc", .string("khong-the"))]))
        let after = screen.interview.progress.total
        #expect(after == before + 2)
        #expect(screen.stepsTotal == after)
        #expect(screen.view(size: .minimum).lines[1].hasPrefix(" Bước 1/\(after) "))
    }
}
