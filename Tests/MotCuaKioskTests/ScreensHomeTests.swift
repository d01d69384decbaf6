// Home, drafts and queue screens as a person at the desk sees them.
import Foundation
import Testing
import MotCuaForms
import MotCuaInterview
@testable import MotCuaKiosk

@Suite struct ScreensHomeTests {
    @Test(arguments: sizes)
    func homeListsTheCatalogWithCodesAndTheDeskAtAGlance(size: Size) {
        let desk = FakeDesk()
        desk.drafts["d1"] = ("khai-sinh", khaiSinhFirstPage, "Nguyễn Thị Hòa")
        let app = KioskApp(services: desk.services)
        let s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Tiếp nhận hồ sơ"))
        #expect(s.lines[0].hasSuffix("Tiếng Việt"))
        #expect(s.lines[2] == "  Chọn thủ tục để bắt đầu")
        #expect(s.lines[3] == "  Gõ vài chữ của tên thủ tục hoặc mã thủ tục, không cần dấu.")
        #expect(s.lines[5].hasPrefix("  Tìm:") && s.lines[5].hasSuffix(" 15"))
        #expect(s.lines[6].hasPrefix("  ▸ Cấp bản sao trích lục hộ tịch") && s.lines[6].hasSuffix("2.000635"))
        #expect(s.lines[8].hasPrefix("    Cấp Phiếu lý lịch tư pháp") && s.lines[8].hasSuffix("3.000333"))
        #expect(s.style(at: Point(x: 4, y: 6))?.role == .selection)
        #expect(s.lines[size.height - 2] == "  Hồ sơ nháp: 1 · Hàng đợi: 3 chờ gửi, 1 tạm giữ – cần xem lại")
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Bắt đầu  F2 Tra cứu  F5 Hồ sơ nháp  F7 Hàng đợi  F9 Hôm nay  F8 English"))
        // Nothing personal at home: the draft's applicant is not on it.
        #expect(!s.text.contains("Nguyễn"))
        #expect(s.cursor == Point(x: 7, y: 5))  // the caret in the search box
    }

    @Test func searchIgnoresDiacriticsAndCaseAndFindsCodes() {
        let desk = FakeDesk()
        for query in ["khai sinh", "KHAI SINH", "Khai Sinh", "khái sính", "1.001193"] {
            var app = KioskApp(services: desk.services)
            app.type(query)
            let s = app.view(size: .minimum)
            #expect(s.lines[5].hasPrefix("  Tìm: " + query), "\(query)")
            #expect(s.lines[6].hasPrefix("  ▸ Đăng ký khai sinh"), "\(query): \(s.lines[6])")
            // Summaries and keywords name khai sinh too (the extract copy, a change of
            // civil-status details...); the code finds one.
            #expect(s.lines[5].hasSuffix(query == "1.001193" ? " 1" : " 5"), "\(query)")
        }
        var app = KioskApp(services: desk.services)
        app.type(nfd("đăng ký"))
        #expect(app.view(size: .minimum).lines[5].hasSuffix(" 11"), "titles, summaries and keywords")
        app.type(" xyz")
        let s = app.view(size: .minimum)
        #expect(s.lines[6] == "  Không có thủ tục nào khớp: gõ lại vài chữ khác.")
        app.press(.escape)  // clears the search
        #expect(app.view(size: .minimum).lines[5].hasSuffix(" 15"))
    }

    @Test func enterStartsTheHighlightedProcedure() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services)
        app.type("khai tu")
        app.press(.enter)
        #expect(app.screenName == "interview")
        #expect(app.view(size: .minimum).lines[0].hasPrefix(" MỘT CỬA · Đăng ký khai tử"))
        app.press(.function(10))  // save and leave: back home, the draft saved
        #expect(app.screenName == "home")
        #expect(desk.saves.count == 1)
        #expect(app.view(size: .minimum).text.contains("Đã lưu hồ sơ nháp: làm tiếp ở mục Hồ sơ nháp (F5)."))
    }

    @Test(arguments: sizes)
    func englishHomeAfterTheLanguageKey(size: Size) {
        var app = KioskApp(services: FakeDesk().services)
        app.press(.function(8))
        let s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" ONE-STOP DESK · Dossier reception"))
        #expect(s.lines[0].hasSuffix("English"))
        #expect(s.lines[2] == "  Choose a procedure to start")
        #expect(s.text.contains("  ▸ Criminal record certificate") || s.text.contains("Birth registration"))
        #expect(s.lines[5].hasPrefix("  Find:"))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Start  F2 Find  F5 Drafts  F7 Queue  F9 Today  F8 Tiếng Việt  F10 Quit"))
        app.press(.control("l"))  // the Ctrl fallback goes back
        #expect(app.view(size: size).lines[2] == "  Chọn thủ tục để bắt đầu")
        // An interview started now asks in English.
        app.press(.control("l"))
        app.type("birth")
        app.press(.enter)
        #expect(app.view(size: size).text.contains("Province or city where the request is made *"))
        #expect(app.view(size: size).lines[1].hasPrefix(" Step 1/28"))
    }

    @Test(arguments: sizes)
    func draftsShowProcedureApplicantAndTimeAndResume(size: Size) {
        let desk = FakeDesk()
        desk.drafts["d1"] = ("khai-sinh", khaiSinhFirstPage, "Nguyễn Thị Hòa")
        desk.drafts["d2"] = ("ket-hon", JSONObject(), nil)
        var app = KioskApp(services: desk.services)
        app.press(.function(5))
        var s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Hồ sơ đang làm dở"))
        #expect(s.lines[2] == "  Chọn hồ sơ để làm tiếp")
        // Initials only (F13): the list is one key from the home screen.
        #expect(s.lines[4].hasPrefix("  ▸ Đăng ký khai sinh") && s.lines[4].contains("N. T. H.") && s.lines[4].hasSuffix("09:15 27/11/2026"))
        #expect(!s.text.contains("Nguyễn"))
        #expect(s.lines[5].hasPrefix("    Đăng ký kết hôn") && s.lines[5].contains("—"))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Làm tiếp  Del Xóa  Esc Quay lại"))
        // Discard asks first; Esc keeps it.
        app.press(.down, .delete)
        s = app.view(size: size)
        #expect(s.text.contains("Xóa hồ sơ nháp của Đăng ký kết hôn? Enter: xóa · Esc: không xóa"))
        app.press(.escape)
        #expect(desk.discarded.isEmpty)
        app.press(.delete, .enter)
        #expect(desk.discarded == ["d2"])
        #expect(app.view(size: size).text.contains("Đã xóa hồ sơ nháp."))
        // Enter asks first (Esc keeps the list); a second Enter resumes at the
        // first unanswered question, with the answers kept.
        app.press(.up, .enter)
        #expect(app.screenName == "drafts")
        #expect(app.view(size: size).text.contains("Mở hồ sơ nháp của N. T. H.? Enter: mở · Esc: thôi"))
        #expect(!app.view(size: size).text.contains("Nguyễn"))
        app.press(.escape)
        #expect(app.screenName == "drafts")
        app.press(.enter, .enter)
        #expect(app.screenName == "interview")
        s = app.view(size: size)
        #expect(s.lines[1].hasPrefix(" Bước 7/28"))
        #expect(s.lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        #expect(app.interview?.answers["nyc_ho_ten"] == "Nguyễn Thị Hòa")
    }

    @Test(arguments: sizes)
    func queueShowsCountsReasonsAndDelivers(size: Size) {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services)
        app.press(.function(7))
        var s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Hàng đợi gửi hồ sơ"))
        #expect(s.text.contains("Chờ gửi: 2 · Đang gửi: 0 · Đã gửi: 5 · Gửi lỗi: 1 · Tạm giữ: 1"))
        #expect(s.text.contains("Kho lưu trữ trên máy này: 5 hồ sơ"))  // not where delivery went (Nơi nhận)
        #expect(s.text.contains("Cần xem lại:"))
        #expect(s.text.contains("▶ TQ01-261126-0003 Đăng ký khai sinh · tạm giữ – cần xem lại: form"))
        #expect(s.text.contains("TQ01-261127-0001 Đăng ký kết hôn · gửi lỗi (lần 2, thử lại lúc 10:15"))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Gửi ngay  R gửi lại hồ sơ đã chọn  Esc Quay lại"))
        app.press(.enter)
        #expect(desk.deliveries == 1)
        s = app.view(size: size)
        #expect(s.text.contains("Đã gửi 2, đã có sẵn 0, lỗi 1, tạm giữ 0, còn chờ 0."))
        app.press(.escape)
        #expect(app.screenName == "home")
        app.press(.function(10))
        var quit = KioskApp(services: desk.services)
        #expect(quit.update(.key(.function(10))) == .quit(0))
        #expect(quit.update(.key(.function(4))) == .highContrast(true))
    }
}
