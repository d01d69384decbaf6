// A number field showing its default (khai-sinh's "Số bản sao" = 1): the first digit typed
// replaces it (not "12", refused as over 10); End and Backspace keep it to edit.
import Testing
import MotCuaForms
import MotCuaInterview
@testable import MotCuaKiosk

@Suite struct ScreensNumberDefaultTests {
    func app(_ desk: FakeDesk) -> KioskApp {
        var answers = khaiSinhComplete
        answers["so_luong_ban_sao"] = nil
        var i = desk.interview("khai-sinh", answers)
        i.edit(.field("so_luong_ban_sao"))
        return KioskApp(services: desk.services, session: desk.session(i))
    }

    @Test func typingReplacesTheDefault() {
        let desk = FakeDesk()
        var app = app(desk)
        let s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Số bản sao *", "\(s.lines)")
        #expect(s.lines.contains { $0.hasPrefix("  1") && $0.contains("bản") }, "the default is shown: \(s.lines)")
        app.type("2")
        app.press(.enter)
        #expect(!app.view(size: .minimum).text.contains("Giá trị lớn nhất"))
        #expect(desk.saves.last?["so_luong_ban_sao"] == 2)
    }

    @Test func editingKeysKeepTheDefault() {
        let desk = FakeDesk()
        var app = app(desk)
        app.press(.end)
        app.type("0")
        app.press(.enter)
        #expect(desk.saves.last?["so_luong_ban_sao"] == 10)
    }
}
