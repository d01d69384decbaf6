// The sign-in screen and "đổi người" key by key, with in-memory operators.
import MotCuaDesk
import Foundation
import Testing
import MotCuaForms
@testable import MotCuaKiosk

@Suite struct SignInTests {
    final class Desk {
        var attempts: [(String, String)] = []
        var signedOut: [(String, String)] = []
        var locked: Set<String> = []
        let people = [OperatorItem(id: "lan", name: "Nguyễn Thị Lan", isAdmin: true),
                      OperatorItem(id: "minh", name: "Trần Văn Minh", isAdmin: false)]
        var services: OperatorServices {
            OperatorServices(list: { [self] in people }, signIn: { [self] id, pin in
                attempts.append((id, pin))
                if locked.contains(id) { return .locked(until: "10:05 27/11/2026") }
                guard let p = people.first(where: { $0.id == id }) else { return .refused("no") }
                return pin == "123456" ? .signedIn(p) : .wrongPIN(left: 4)
            }, signOut: { [self] id, reason in signedOut.append((id, reason)) })
        }
    }

    func app(_ desk: Desk) -> KioskApp {
        var services = FakeDesk().services
        services.operators = desk.services
        return KioskApp(services: services)
    }

    @Test func opensOnSignInAndThePINIsOnlyDots() {
        let desk = Desk()
        var a = app(desk)
        #expect(a.screenName == "sign-in")
        var s = a.view(size: .minimum)
        #expect(s.text.contains("Chọn tên của anh/chị:") && s.text.contains("Nguyễn Thị Lan") && s.text.contains("cán bộ"))
        a.press(.function(5))                                 // no drafts before anyone signs in
        #expect(a.screenName == "sign-in")
        a.press(.down, .enter)
        a.type("654321")
        s = a.view(size: .minimum)
        #expect(s.text.contains("Trần Văn Minh: nhập mã PIN") && s.text.contains("••••••") && !s.text.contains("654321"))
        a.press(.enter)
        #expect(a.view(size: .minimum).text.contains("Sai mã PIN. Còn 4 lần thử"))
        a.type("123456"); a.press(.enter)
        #expect(a.screenName == "home" && a.signedIn?.id == "minh")
        #expect(a.view(size: .minimum).lines[0].contains("Cán bộ: Trần Văn Minh · Tiếng Việt"))
        #expect(desk.attempts.map(\.0) == ["minh", "minh"])
    }

    @Test func idleAndSwitchSignOutAndALockIsSaid() {
        let desk = Desk()
        var a = app(desk)
        a.press(.enter); a.type("123456"); a.press(.enter)
        #expect(a.signedIn?.id == "lan")
        _ = a.update(.idle)
        #expect(a.screenName == "sign-in" && a.signedIn == nil)
        #expect(a.view(size: .minimum).text.contains("Đã lâu không thao tác nên đã đăng xuất."))
        a.press(.enter); a.type("123456"); a.press(.enter)
        a.press(.function(3))
        #expect(a.screenName == "sign-in")
        #expect(desk.signedOut.map(\.1) == ["idle", "switched"])
        desk.locked = ["minh"]
        a.press(.down, .enter); a.type("123456"); a.press(.enter)
        #expect(a.screenName == "sign-in" && a.view(size: .minimum).text.contains("Trần Văn Minh đã bị khóa đến 10:05 27/11/2026"))
    }

    /// Enter on a PIN too short to be anyone's (Enter pressed early, a digit missed) says so
    /// and keeps the PIN prompt; it is not an attempt, so it does not bring the lock nearer.
    @Test func aTooShortPINIsSaidAndNotCountedAsATry() {
        let desk = Desk()
        var a = app(desk)
        a.press(.enter)
        a.type("12"); a.press(.enter)
        let s = a.view(size: .minimum)
        #expect(s.text.contains("Mã PIN có từ 6 đến 32 chữ số.") && s.text.contains("Nguyễn Thị Lan: nhập mã PIN"), "\(s.text)")
        a.press(.enter)
        #expect(desk.attempts.isEmpty)
        a.type("123456"); a.press(.enter)
        #expect(a.screenName == "home" && desk.attempts.map(\.1) == ["123456"])
    }

    @Test func withoutOperatorsHomeSaysSo() {
        let a = KioskApp(services: FakeDesk().services)
        #expect(a.screenName == "home")
        #expect(a.view(size: .minimum).lines[0].contains("Chưa cấu hình người dùng · Tiếng Việt"))
    }
}
