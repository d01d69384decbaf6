// Fast mode, the review and submitting, over khai-sinh.
import Foundation
import Testing
import MotCuaForms
import MotCuaInterview
@testable import MotCuaKiosk

/// Every answer of a valid khai-sinh dossier.
let khaiSinhComplete: JSONObject = {
    var a = khaiSinhFirstPage
    let rest: [(String, JSONValue)] = [
        ("ks_ho_ten", "TRẦN MINH KHÔI"), ("ks_ngay_sinh", "2026-10-20"), ("ks_gioi_tinh", "nam"), ("ks_dan_toc", "01"),
        ("ks_quoc_tich", "vn"), ("ks_noi_sinh", "Bệnh viện Đa khoa tỉnh Tuyên Quang"), ("ks_que_quan", "Xã Hùng Đức, tỉnh Tuyên Quang"),
        ("co_thong_tin_me", true), ("me_ho_ten", "Nguyễn Thị Hòa"), ("me_nam_sinh", "1995"), ("me_dan_toc", "01"),
        ("me_quoc_tich", "vn"), ("me_cccd", .null), ("co_thong_tin_cha", true), ("cha_ho_ten", "Trần Văn Đức"),
        ("cha_nam_sinh", "1993"), ("cha_dan_toc", "01"), ("cha_quoc_tich", "vn"), ("cha_cccd", .null),
        ("cha_me_ket_hon", true), ("gcnkh_so", "12/2020"), ("gcnkh_quyen_so", "01/2020"), ("gcnkh_ngay", "2020-05-15"),
        ("gcnkh_noi", "UBND xã Hàm Yên"), ("cap_ban_sao", true), ("so_luong_ban_sao", 2), ("cam_doan", true),
    ]
    for (k, v) in rest { a[k] = v }
    return a
}()

@Suite struct ScreensReviewTests {
    @Test(arguments: sizes)
    func fastModeShowsThePageAsOneForm(size: Size) {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh")))
        app.press(.function(3))
        var s = app.view(size: size)
        #expect(s.lines[0].hasSuffix("Nhập nhanh · Gõ: Telex"))
        #expect(s.lines[3] == "  Nơi nộp hồ sơ (trang 1/7)")
        #expect(s.lines[5] == "  Tỉnh, thành phố nơi nộp hồ sơ *")
        #expect(s.lines[7].hasPrefix("  ▸ Tỉnh, thành phố nơi nộp") && s.lines[7].contains("Tìm:"))
        #expect(s.text.contains("▸ Tỉnh Tuyên Quang"))  // the default, highlighted in the open list
        #expect(s.lines[size.height - 1].contains("Tab Ô tiếp"))
        app.press(.tab)  // accepts the province and moves to the commune
        app.type("hung duc")
        app.press(.tab)  // the last field of the page: on to the requester's page
        #expect(app.view(size: size).lines[3] == "  Người yêu cầu (trang 2/7)")
        app.type("Nguyeenx Thij Hoaf")
        app.press(.tab)
        app.type("0081900123")
        app.press(.tab)  // 10 digits: refused, the error right under the field
        s = app.view(size: size)
        let row = s.lines.firstIndex { $0.hasPrefix("  ▸ Số định danh cá nhân") } ?? -1
        #expect(row > 0)
        #expect(s.lines[row + 1].contains("✗ Số định danh cá nhân phải có đúng 12 chữ"))
        #expect(desk.saves.last?["co_quan_xa"] == khaiSinhFirstPage["co_quan_xa"])  // Xã Hùng Đức
        #expect(s.lines.contains { $0.hasPrefix("    Họ, chữ đệm, tên người yêu") && $0.hasSuffix("Nguyễn Thị Hòa") })
        #expect(desk.saves.last?["nyc_ho_ten"] == "Nguyễn Thị Hòa")
        #expect(desk.saves.last?["nyc_cccd"] == nil)
        // Shift-Tab over an unchanged field moves back without a word.
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        app.press(.backTab)
        s = app.view(size: size)
        #expect(s.lines.contains { $0.hasPrefix("  ▸ Họ, chữ đệm, tên người yêu") })
        // F3 again: one question a screen.
        app.press(.function(3))
        s = app.view(size: size)
        #expect(s.lines[3] == "  Họ, chữ đệm, tên người yêu cầu *")
        #expect(!s.lines[0].contains("Nhập nhanh"))
    }

    @Test(arguments: sizes)
    func theReviewGroupsByPageAndMarksErrors(size: Size) {
        let desk = FakeDesk()
        var answers = khaiSinhComplete
        answers["cam_doan"] = false  // refused by the form's constraint on the final check
        answers["gcnkh_ngay"] = "2026-11-01"  // after the birth: a warning
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.press(.function(2))
        var s = app.view(size: size)
        #expect(s.lines[1] == "")  // no progress bar on the review
        #expect(s.lines[2].hasPrefix("  Xem lại hồ sơ: ") && s.lines[2].contains("1 lỗi · 1 lưu ý"))
        #expect(s.style(at: Point(x: 2, y: 2))?.role == .error)
        #expect(s.text.contains("── Bản sao và cam đoan ──"))
        let refused = s.lines.firstIndex { $0.contains("Người yêu cầu đồng ý với lời ca") } ?? -1
        #expect(s.lines[refused].hasPrefix("  ▸✗ Người yêu cầu đồng ý với lời ca"), "\(s.lines[refused])")  // highlighted: the first error
        #expect(s.lines[refused].hasSuffix("Không"))
        #expect(s.lines[refused + 1].contains("✗ Cần đồng ý với lời cam đoan thì mới nộp được hồ sơ."))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Sửa mục này  F9 Nộp hồ sơ  Esc Quay lại"))
        // Submitting with errors is refused with the count.
        app.press(.function(9))
        #expect(app.view(size: size).text.contains("Chưa nộp được: còn 1 mục thiếu hoặc sai (✗). Enter: đến mục đầu tiên."))
        #expect(desk.submitted.isEmpty)
        // Enter on the answer edits it, and the engine brings the person back to the review.
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.lines[3] == "  Người yêu cầu đồng ý với lời cam đoan trên? *")
        app.type("c")
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.lines[2].hasPrefix("  Xem lại hồ sơ: ") && s.lines[2].contains("0 lỗi · 1 lưu ý"))
        #expect(s.text.contains("! Ngày đăng ký kết hôn (01/11/2026) sau ngày sinh của trẻ (20/10/2026)"))
        #expect(s.lines.contains { $0.hasPrefix("  ▸ [ Nộp hồ sơ ]") })
        // The footer follows the highlighted row: Enter submits here.
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Nộp hồ sơ  Esc Quay lại"), "\(s.lines[size.height - 1])")
        #expect(desk.saves.last?["cam_doan"] == true)
    }

    @Test func escFromTheReviewReturnsToTheQuestionItWasOpenedFrom() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.type("Traanf")
        app.press(.control("r"))
        #expect(app.view(size: .minimum).lines[2].hasPrefix("  Xem lại hồ sơ:"))
        app.press(.escape)
        let s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        #expect(app.interview?.cursor == .field("ks_ho_ten"))
    }

    @Test(arguments: sizes)
    func submitAsksOnceMoreThenShowsTheReceipt(size: Size) {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        var s = app.view(size: size)
        #expect(s.lines[2].hasPrefix("  Xem lại hồ sơ: 33 câu trả lời · 0 lỗi · 0 lưu ý"))
        #expect(s.style(at: Point(x: 2, y: 2))?.role == .success)
        #expect(s.lines.contains { $0.hasPrefix("  ▸ [ Nộp hồ sơ ]") })
        // The highlighted button is kept in view: a tall window still shows the child's
        // name; at 80×24 the list is scrolled to its end, the last answer above the button.
        if size.height >= 40 {
            #expect(s.text.contains("Họ, chữ đệm, tên của trẻ                 TRẦN MINH KHÔI"))
        } else {
            #expect(!s.text.contains("TRẦN MINH KHÔI"))
            let button = s.lines.firstIndex { $0.hasPrefix("  ▸ [ Nộp hồ sơ ]") } ?? 0
            #expect(s.lines[button - 1] == "     Người yêu cầu đồng ý với lời ca… Có", "\(s.lines)")
        }
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.text.contains("Nộp hồ sơ này vào hàng đợi?"))
        #expect(s.text.contains("Enter: nộp · Esc: chưa nộp"))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Nộp  Esc Hủy"))
        app.press(.escape)
        #expect(!app.view(size: size).text.contains("Nộp hồ sơ này vào hàng đợi?"))
        #expect(desk.submitted.isEmpty)
        app.press(.enter, .enter)
        #expect(desk.submitted.count == 1)
        #expect(app.screenName == "receipt")
        s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Giấy tiếp nhận hồ sơ"))
        #expect(s.lines[2].hasPrefix("  GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(s.text.contains("Mã hồ sơ: TQ01-261127-0007"))
        #expect(s.text.contains("Thủ tục: Đăng ký khai sinh"))
        // A long receipt scrolls: its last paper and the fee come into view.
        app.press(.pageDown)
        #expect(app.view(size: size).text.contains(". Giấy chứng nhận kết hôn của cha mẹ"))
        #expect(app.view(size: size).text.contains("Phí, lệ phí: 16.000 đ"))
        // Kept until dismissed: other keys do nothing; Enter ends (opened on one form: the program).
        app.press(.escape, .character("x"))
        #expect(app.screenName == "receipt")
        #expect(app.update(.key(.enter)) == .quit(0))
        #expect(app.farewell == ["Đã tiếp nhận hồ sơ TQ01-261127-0007."])
    }

    @Test func aFailedSubmitKeepsTheDraftAndSaysWhy() {
        let desk = FakeDesk()
        var session = desk.session(desk.interview("khai-sinh", khaiSinhComplete))
        session.submit = { _ in throw CocoaError(.fileWriteOutOfSpace) }
        var app = KioskApp(services: desk.services, session: session)
        app.press(.enter, .enter)
        let s = app.view(size: .minimum)
        #expect(app.screenName == "interview")
        #expect(s.text.contains("✗ Không nộp được hồ sơ:"))
        #expect(!s.text.contains("Nộp hồ sơ này vào hàng đợi?"))
    }
}
