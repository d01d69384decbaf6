// The guided interview over the real engine: one question a screen with the widget its
// type calls for, the message right under the input, and the draft saved after every
// confirmed answer.
import Foundation
import Testing
import MotCuaForms
import MotCuaInterview
@testable import MotCuaKiosk

@Suite struct ScreensQuestionTests {
    /// khai-sinh resumed after its first page: the child's name is asked.
    func childName(_ desk: FakeDesk = FakeDesk()) -> KioskApp {
        KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
    }

    @Test(arguments: sizes)
    func aNameTypedInTelexWithTheCaretOnIt(size: Size) {
        let desk = FakeDesk()
        var app = childName(desk)
        app.type("Traanf Minh Khooi")
        let s = app.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Đăng ký khai sinh") && s.lines[0].hasSuffix("Gõ: Telex"))
        #expect(s.lines[1].hasPrefix(" Bước 7/28 · Người được khai sinh █"))
        #expect(Screen.width(s.rowText(1)) == size.width)
        #expect(s.lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        #expect(s.style(at: Point(x: 2, y: 3))?.bold == true)
        #expect(s.lines[5] == "  Ghi trên Giấy khai sinh bằng chữ in hoa, có dấu")
        #expect(s.lines[6] == "  Ví dụ: TRẦN MINH KHÔI")
        #expect(s.lines[8] == "  Trần Minh Khôi")
        #expect(s.cursor == Point(x: 16, y: 8))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Tiếp  Esc Quay lại  F10 Lưu và thoát  F2 Xem lại  F1 Trợ giúp"))
        app.press(.enter)
        // Stored as the form says (upper case), saved before the next question is shown.
        #expect(desk.saves.last?["ks_ho_ten"] == "TRẦN MINH KHÔI")
        #expect(app.view(size: size).lines[3] == "  Ngày, tháng, năm sinh *")
    }

    @Test func nfdInputAndTheTypingModeCycle() {
        var app = childName()
        app.type(nfd("Lê Thị "))
        app.press(.function(6))  // VNI
        app.type("Thu1y")
        var s = app.view(size: .minimum)
        #expect(s.lines[0].hasSuffix("Gõ: VNI"))
        #expect(s.lines[8] == "  Lê Thị Thúy")
        app.press(.control("t"))  // off
        app.type(" aa")
        s = app.view(size: .minimum)
        #expect(s.lines[0].hasSuffix("Gõ: tắt"))
        #expect(s.lines[8] == "  Lê Thị Thúy aa")
        app.press(.function(6))  // Telex again
        #expect(app.view(size: .minimum).lines[0].hasSuffix("Gõ: Telex"))
    }

    @Test func idNumbersAreTypedLatinEvenInTelex() {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        answers["nyc_cccd"] = nil
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.type("008190012345")
        var s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Số định danh cá nhân (thẻ căn cước) của người yêu cầu *")
        #expect(s.lines[8] == "  008190012345")
        #expect(!s.lines[sizes[0].height - 1].contains("F6"))  // no typing key where it does not apply
        // A confirm field is typed twice; a different second typing is refused.
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.lines[8] == "")
        #expect(s.lines[9] == "  ! Nhập lại lần nữa để xác nhận, đối chiếu với giấy tờ.")
        #expect(desk.saves.isEmpty)
        app.type("008190012346")
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.text.contains("✗ Hai lần nhập không giống nhau"))
        #expect(s.style(at: Point(x: 2, y: 9))?.role == .error)
        app.press(.backspace, .character("5"), .enter)  // first typing again…
        app.type("008190012345")                        // …and the second
        app.press(.enter)
        #expect(desk.saves.last?["nyc_cccd"] == "008190012345")
        #expect(app.view(size: .minimum).lines[3] == "  Số điện thoại liên hệ")
    }

    @Test(arguments: sizes)
    func communesOfTheChosenProvinceNarrowedByTyping(size: Size) {
        let desk = FakeDesk()
        var answers = JSONObject()
        answers["co_quan_tinh"] = "08"
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        var s = app.view(size: size)
        #expect(s.lines[3] == "  Kính gửi: Ủy ban nhân dân xã, phường, đặc khu *")
        #expect(s.lines[5] == "  Gõ vài chữ của tên xã để lọc, không cần dấu")
        #expect(s.lines[7].hasPrefix("  Tìm:") && s.lines[7].hasSuffix("124/124"))  // the filter: Tuyên Quang only
        app.type("hung duc")
        s = app.view(size: size)
        #expect(s.lines[7].hasPrefix("  Tìm: hung duc") && s.lines[7].hasSuffix("1/124"))
        #expect(s.lines[8] == "  ▸ Xã Hùng Đức")
        app.press(.enter)
        #expect(desk.saves.last?["co_quan_xa"] == "02425")
        // Esc goes back and the list shows the stored answer highlighted.
        app.press(.escape)
        s = app.view(size: size)
        #expect(s.text.contains("▸ Xã Hùng Đức"))
    }

    @Test(arguments: sizes)
    func datesWithDayAndYearPrecision(size: Size) {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        answers["ks_ho_ten"] = "TRẦN MINH KHÔI"
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.type("3102")
        var s = app.view(size: size)
        #expect(s.lines[3] == "  Ngày, tháng, năm sinh *")
        #expect(s.lines[5] == "  31/02/nnnn")
        app.type("2026")
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.lines[6] == "  ✗ Không có ngày này trong lịch, xin kiểm tra lại ngày và tháng.")
        app.press(.delete)
        app.type("201")
        app.press(.enter)
        #expect(app.view(size: size).lines[6] == "  ✗ Hãy nhập ngày theo dạng DD/MM/YYYY, ví dụ 05/03/2024.")
        app.type("02026")
        app.press(.enter)
        #expect(desk.saves.last?["ks_ngay_sinh"] == "2026-10-20")
        // A year alone: the mother's year of birth.
        var later = answers
        for (k, v) in [("ks_ngay_sinh", "2026-10-20"), ("ks_gioi_tinh", "nam"), ("ks_dan_toc", "01"), ("ks_quoc_tich", "vn"),
                       ("ks_noi_sinh", "Bệnh viện"), ("ks_que_quan", "Tuyên Quang")] as [(String, JSONValue)] { later[k] = v }
        later["co_thong_tin_me"] = true
        later["me_ho_ten"] = "Nguyễn Thị Hòa"
        var mother = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", later)))
        s = mother.view(size: size)
        #expect(s.lines[3] == "  Năm sinh của mẹ *")
        #expect(s.lines[5] == "  nnnn")
        mother.type("2020")
        mother.press(.enter)
        #expect(mother.view(size: size).text.contains("✗ Năm sinh của mẹ phải trước năm sinh của trẻ ít nhất 12 năm."))
    }

    @Test func aWarningShowsUnderTheAnswerAndEnterGoesOn() {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        answers["ks_ho_ten"] = "TRẦN MINH KHÔI"
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.type("01012026")
        app.press(.enter)
        var s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Ngày, tháng, năm sinh *")  // still here, answer kept and saved
        #expect(desk.saves.last?["ks_ngay_sinh"] == "2026-01-01")
        #expect(s.lines[6].hasPrefix("  ! Trẻ sinh ngày 01/01/2026, đã quá 60 ngày"))
        #expect(s.style(at: Point(x: 2, y: 6))?.role == .warning)
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Giới tính *")
        #expect(desk.saves.count == 1)
    }

    @Test func aRequiredAnswerLeftEmptyIsSaidUnderTheInput() {
        var app = childName()
        app.press(.enter)
        let s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Họ, chữ đệm, tên của trẻ *")
        #expect(s.lines[9] == "  ✗ Thông tin này bắt buộc, xin vui lòng nhập.")
        #expect(s.style(at: Point(x: 2, y: 9))?.role == .error)
    }

    @Test(arguments: sizes)
    func numberWithUnitBooleanAndTheNote(size: Size) {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        for (k, v) in [("ks_ho_ten", "TRẦN MINH KHÔI"), ("ks_ngay_sinh", "2026-10-20"), ("ks_gioi_tinh", "nam"), ("ks_dan_toc", "01"),
                       ("ks_quoc_tich", "vn"), ("ks_noi_sinh", "Bệnh viện"), ("ks_que_quan", "Tuyên Quang"),
                       ("co_thong_tin_me", true), ("me_ho_ten", "Nguyễn Thị Hòa"), ("me_nam_sinh", "1995"), ("me_dan_toc", "01"),
                       ("me_quoc_tich", "vn"), ("me_cccd", .null), ("co_thong_tin_cha", false)] as [(String, JSONValue)] {
            answers[k] = v
        }
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        var s = app.view(size: size)
        #expect(s.lines[3] == "  Có đề nghị cấp bản sao trích lục khai sinh không? *")
        #expect(s.lines[5] == "  ( ) Có    (•) Không")  // the form's default
        app.type("c")
        #expect(app.view(size: size).lines[5] == "  (•) Có    ( ) Không")
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.lines[3] == "  Số bản sao *")
        #expect(s.lines[5].hasPrefix("  1") && s.lines[5].hasSuffix("bản"))
        app.type("x")
        #expect(app.view(size: size).lines[6] == "  Ô này chỉ nhận chữ số.")
        app.press(.backspace)
        app.type("12")
        app.press(.enter)
        #expect(app.view(size: size).text.contains("✗ "))  // at most 10 copies
        app.press(.backspace)
        app.press(.enter)
        #expect(desk.saves.last?["so_luong_ban_sao"] == 1)
        s = app.view(size: size)
        #expect(s.lines[3] == "  Bản sao và cam đoan")  // the note, under its page's title
        #expect(s.lines[5].hasPrefix("  Tôi cam đoan nội dung đề nghị đăng ký khai sinh"))
        #expect(s.cursor == nil)
        app.press(.enter)
        #expect(app.view(size: size).lines[3] == "  Người yêu cầu đồng ý với lời cam đoan trên? *")
        app.press(.escape)
        #expect(app.view(size: size).lines[3] == "  Bản sao và cam đoan")
    }

    @Test(arguments: sizes)
    func multichoiceMultilineTextDecimalAndARepeat(size: Size) {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("ho-gia-dinh")))
        var s = app.view(size: size)
        #expect(s.lines[3] == "  Giấy tờ mang theo *")
        #expect(s.lines[5] == "  [ ] Thẻ căn cước")
        app.press(.down, .character(" "), .down, .character(" "))
        s = app.view(size: size)
        #expect(s.lines[6] == "  [x] Sổ hộ khẩu cũ" && s.lines[7] == "  [x] Giấy khai sinh")
        app.press(.enter)
        #expect(desk.saves.last?["giay_to"] == ["so_ho_khau", "giay_khai_sinh"])
        app.type("12,5")
        s = app.view(size: size)
        #expect(s.lines[3] == "  Diện tích nhà ở" && s.lines[5].hasPrefix("  12,5") && s.lines[5].hasSuffix("m²"))
        app.press(.enter)
        #expect(desk.saves.last?["dien_tich"] == 12.5)
        app.type("Nhaf caaps boosn")
        app.press(.control("j"))
        app.type("gaanf chowj")
        s = app.view(size: size)
        #expect(s.lines[5] == "  Nhà cấp bốn" && s.lines[6] == "  gần chợ")
        app.press(.enter)
        // The repeat: add, answer the item's questions, edit, remove.
        s = app.view(size: size)
        #expect(s.lines[3] == "  Những người trong hộ *")
        #expect(s.lines[7] == "  ▸ + Thêm mục" && s.lines[8] == "    ✓ Xong, sang câu tiếp")
        #expect(s.text.contains("(chưa có mục nào)"))
        app.press(.down, .enter)  // done with none: refused, at least one
        #expect(app.view(size: size).text.contains("✗ Thông tin này bắt buộc, xin vui lòng nhập."))
        app.press(.character("+"))
        s = app.view(size: size)
        #expect(s.lines[3] == "  Người thứ 1:  · Họ và tên *")
        app.type("Lee Vawn Tams")
        app.press(.enter)
        #expect(app.view(size: size).lines[3] == "  Người thứ 1: Lê Văn Tám · Năm sinh *")
        app.type("1980")
        app.press(.enter)
        s = app.view(size: size)
        #expect(s.lines[7] == "    1. Người thứ 1: Lê Văn Tám · 1980")  // the item with its answers (issue 14)
        #expect(s.lines[9] == "  ▸ ✓ Xong, sang câu tiếp")
        app.press(.up, .up, .enter)  // edit the first item
        app.press(.backspace, .backspace, .backspace)
        app.type("Taasn")
        app.press(.enter, .enter)
        #expect(app.view(size: size).lines[7] == "    1. Người thứ 1: Lê Văn Tấn · 1980")
        app.press(.character("+"))
        app.type("Lee Thij Mai"); app.press(.enter); app.type("1985"); app.press(.enter)
        app.press(.up, .up, .delete)  // remove the second: asked first (issue 14)
        s = app.view(size: size)
        #expect(s.text.contains("Xóa “Người thứ 2: Lê Thị Mai”? Enter: xóa · phím khác: không xóa"), "\(s.text)")
        #expect(desk.saves.last?["nguoi"]?.arrayValue?.count == 2)
        app.press(.escape)  // kept
        #expect(desk.saves.last?["nguoi"]?.arrayValue?.count == 2)
        #expect(app.view(size: size).text.contains("Lê Thị Mai"))
        app.press(.delete, .enter)
        s = app.view(size: size)
        #expect(s.text.contains("Đã xóa mục."))
        #expect(!s.text.contains("Lê Thị Mai"))
        #expect(desk.saves.last?["nguoi"]?.arrayValue?.count == 1)
        app.press(.end, .enter)
        #expect(app.view(size: size).text.contains("Xem lại hồ sơ: 6 câu trả lời · 0 lỗi · 0 lưu ý"))
    }

    @Test func aPagesIntroductionComesWithItsFirstQuestion() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh")))
        // Issue 14: the page's title is beside the step; the requester's introduction is
        // under the requester's first question, not under the province of the office.
        var s = app.view(size: .minimum)
        #expect(s.lines[1].hasPrefix(" Bước 1/28 · Nơi nộp hồ sơ █"))
        #expect(s.lines[3] == "  Tỉnh, thành phố nơi nộp hồ sơ *")
        #expect(!s.text.contains("Người đi đăng ký khai sinh"))
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.lines[5] == "  Gõ vài chữ của tên xã để lọc, không cần dấu")  // the next question: its own hint only
        app.type("hung duc")
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.lines[1].hasPrefix(" Bước 3/28 · Người yêu cầu █"))
        #expect(s.lines[3] == "  Họ, chữ đệm, tên người yêu cầu *")
        #expect(s.lines[5] == "  Người đi đăng ký khai sinh cho trẻ (cha, mẹ, ông, bà, người thân hoặc người")
        #expect(s.lines[6] == "  được ủy quyền).")
    }

    @Test func escBackHelpAndLeave() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh")))
        app.press(.escape)
        var s = app.view(size: .minimum)
        #expect(s.text.contains("• Đây là câu hỏi đầu tiên."))
        app.press(.function(1))
        s = app.view(size: .minimum)
        #expect(s.text.contains("┌─ Trợ giúp "))
        #expect(s.text.contains("F10 / Ctrl-X: Lưu và thoát"))
        #expect(s.text.contains("F6 / Ctrl-T: Kiểu gõ"))
        app.press(.character("z"))  // any key closes the help, and does nothing else
        s = app.view(size: .minimum)
        #expect(!s.text.contains("Trợ giúp ─") && !s.text.contains("┌"))
        // Opened on one form (motcua fill), F10 saves and ends the program.
        #expect(app.update(.key(.control("s"))) == .quit(0))
        #expect(desk.saves.count == 1)
        #expect(app.farewell == ["Đã lưu bản nháp 0b7d5a4e-draft. Tiếp tục sau bằng: motcua fill khai-sinh --draft 0b7d5a4e-draft"])
    }

    @Test func aFailedSaveIsSaidNotHidden() {
        let desk = FakeDesk()
        desk.saveFails = true
        var app = childName(desk)
        app.type("Lee Minh")
        app.press(.enter)
        let s = app.view(size: .minimum)
        #expect(s.text.contains("✗ Không lưu được bản nháp: disk full"))
        #expect(s.style(at: Point(x: 2, y: 22))?.role == .error)
    }
}
