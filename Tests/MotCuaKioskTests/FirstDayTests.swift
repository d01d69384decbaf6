// Issue 14, a first day at the desk: each defect found by a new user, driven key by key
// through the real app over the real forms.
import Foundation
import Testing
import MotCuaForms
import MotCuaInterview
import MotCuaText
@testable import MotCuaKiosk

@Suite struct FirstDayTests {
    /// ly-lich-tu-phap at the optional place-of-birth commune (Thanh Hóa chosen).
    func birthCommune(_ desk: FakeDesk, stored: String? = nil) -> KioskApp {
        var answers = JSONObject([("ho_ten", "Nguyễn Thị Hòa"), ("gioi_tinh", "nu"), ("ngay_sinh", "1990-05-03"),
                                  ("noi_sinh_tinh", "38")])
        if let stored { answers["noi_sinh_xa"] = .string(stored) }
        var i = desk.interview("ly-lich-tu-phap", answers)
        i.edit(.field("noi_sinh_xa"))
        return KioskApp(services: desk.services, session: desk.session(i))
    }

    @Test func anOptionalChoiceCanBeLeftBlankAfterASearch() {
        let desk = FakeDesk()
        var app = birthCommune(desk)
        #expect(app.view(size: .minimum).text.contains("▸ (Để trống, không chọn)"))
        app.type("thanh")
        #expect(app.view(size: .minimum).text.contains("▸ Xã Thành Vinh"), "Thành as the name's first word ranks first")
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .enter)
        #expect(desk.saves.last.map { $0["noi_sinh_xa"] == nil || $0["noi_sinh_xa"] == .null } == true)
        #expect(app.interview?.currentField?.id == "quoc_tich")
    }

    @Test func anOptionalChoiceAnsweredEarlierCanBeTakenBack() {
        let desk = FakeDesk()
        var app = birthCommune(desk, stored: "14797")
        #expect(app.view(size: .minimum).text.contains("▸ Phường Hạc Thành"))
        app.press(.pageUp)
        #expect(app.view(size: .minimum).text.contains("▸ (Để trống, không chọn)"))
        app.press(.enter)
        #expect(desk.saves.last.map { $0["noi_sinh_xa"] == nil || $0["noi_sinh_xa"] == .null } == true)
    }
}

extension FirstDayTests {
    /// Defect 13: F9 in the middle of an interview says what is missing and goes there.
    @Test func f9MidInterviewSaysWhatIsMissingAndEnterGoesThere() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        #expect(app.interview?.currentField?.id == "ks_ho_ten")
        app.type("Traanf")
        app.press(.enter)   // the child's name given; the rest is still missing
        app.press(.function(9))
        let s = app.view(size: .minimum)
        #expect(s.text.contains("Chưa nộp được: còn "), "\(s.text)")
        #expect(s.lines.contains { $0.hasPrefix("  ▸✗") })
        #expect(desk.submitted.isEmpty)
        app.press(.enter)
        #expect(app.interview?.currentField?.id == "ks_ngay_sinh")
    }
}

extension FirstDayTests {
    /// Defect 15: a long message is wrapped, not cut, in the review and under a question.
    @Test(arguments: sizes)
    func longMessagesAreReadWhole(size: Size) {
        let desk = FakeDesk()
        var answers = khaiSinhComplete
        answers["gcnkh_ngay"] = "2026-11-01"
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        app.press(.function(2))
        let text = app.view(size: size).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("! Ngày đăng ký kết hôn (01/11/2026) sau ngày sinh của trẻ (20/10/2026): hãy kiểm tra lại."), "\(text)")
        // Under a question: the whole message, however long.
        var content = QuestionContent(label: "Câu hỏi")
        content.message = String(repeating: "Một thông báo rất dài cần đọc hết ", count: 6) + "đến cuối."
        var screen = Screen(size: size)
        QuestionLayout.render(content, widget: TextEditor(), into: &screen, in: Rect(x: 0, y: 0, width: size.width, height: 20))
        let shown = screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains("đến cuối."), "\(shown)")
    }
}

extension FirstDayTests {
    /// Friction: a quick way to clear a field, and F1 lists the editing keys and Telex/VNI.
    @Test func ctrlUKWClearAndF1ListsEditingKeysAndTelex() {
        var e = TextEditor(text: "Nguyễn Thị Hòa")
        _ = e.update(.control("w"))
        #expect(e.text == "Nguyễn Thị ")
        _ = e.update(.home); _ = e.update(.right); _ = e.update(.control("k"))
        #expect(e.text == "N")
        _ = e.update(.home)
        _ = e.update(.control("u"))  // with the caret anywhere, the whole field
        #expect(e.text == "" && e.isEmpty)
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.type("Traanf Minh")
        app.press(.control("u"))
        app.type("Leex")
        #expect(app.view(size: .minimum).lines[8] == "  Lễ")
        app.press(.function(1))
        let help = app.view(size: .minimum).text
        #expect(help.contains("Ctrl-U xóa cả ô"), "\(help)")
        #expect(help.contains("aa=â aw=ă ee=ê oo=ô ow=ơ uw=ư dd=đ"), "\(help)")
        #expect(help.contains("VNI: 1 sắc 2 huyền"), "\(help)")
    }
}

extension FirstDayTests {
    /// Friction: back into a question (or after a refusal) typing replaces the old answer.
    @Test func typingReplacesAnOldOrRefusedAnswer() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.type("Traanf Minh Khooi")
        app.press(.enter)
        app.press(.escape)  // back to the child's name
        var s = app.view(size: .minimum)
        #expect(s.lines[8] == "  TRẦN MINH KHÔI")
        #expect(s.style(at: Point(x: 2, y: 8))?.role == .selection)
        app.type("Leex Thu")
        #expect(app.view(size: .minimum).lines[8] == "  Lễ Thu")
        // A refused answer is selected too; Backspace still fixes its last letter.
        app.press(.enter, .enter)  // the name, then the birth date: empty
        app.type("31022026")
        app.press(.enter)
        s = app.view(size: .minimum)
        #expect(s.text.contains("Không có ngày này trong lịch"))
        // Walk of 2026-12-06: the refused date was kept and new digits were lost on the full mask.
        app.type("15072026")
        #expect(app.view(size: .minimum).text.contains("15/07/2026"))
        // An incomplete date is not replaced: its missing digits are still welcome.
        app.press(.control("u"))
        app.type("1507")
        app.press(.enter)
        app.type("2026")
        #expect(app.view(size: .minimum).text.contains("15/07/2026"))
        app.press(.escape)
        app.type("Lan")
        #expect(app.view(size: .minimum).lines[8] == "  Lan")
        var e = TextEditor(text: "0912345679")
        e.selectAll()
        _ = e.update(.backspace)
        #expect(e.text == "091234567" && !e.selectedAll)
    }
}

extension FirstDayTests {
    /// Wording: list labels on screen follow the desk's tone style ("Xã Thái Hoà" in the
    /// list is shown "Xã Thái Hòa" by a traditional desk, and the other way round).
    @Test func listLabelsFollowTheToneStyle() {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        answers["co_quan_xa"] = nil
        let i = desk.interview("khai-sinh", answers)
        for (style, shown, hidden) in [(TonePlacementStyle.traditional, "Xã Thái Hòa", "Xã Thái Hoà"),
                                       (.modern, "Xã Thái Hoà", "Xã Thái Hòa")] {
            let labels = ChoiceOption.visible(i.form.field("co_quan_xa")!, i, style: style).map(\.label)
            #expect(labels.contains(shown) && !labels.contains(hidden), "\(style)")
        }
        var services = desk.services
        services.toneStyle = .traditional
        var app = KioskApp(services: services, session: desk.session(i))
        app.type("thai hoa")
        #expect(app.view(size: .minimum).text.contains("▸ Xã Thái Hòa"))
    }
}

extension FirstDayTests {
    /// Friction: F8 switches the language in the middle of an interview too.
    @Test func f8SwitchesLanguageMidInterview() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.type("Traanf")
        app.press(.enter)
        #expect(app.view(size: .minimum).lines[3] == "  Ngày, tháng, năm sinh *")
        app.press(.function(8))
        let s = app.view(size: .minimum)
        #expect(s.lines[3] == "  Date of birth *", "\(s.text)")
        #expect(s.lines[s.lines.count - 1].contains("Back"))
        #expect(app.interview?.answers["ks_ho_ten"] == "TRẦN")
        app.press(.function(8))
        #expect(app.view(size: .minimum).lines[3] == "  Ngày, tháng, năm sinh *")
    }
}

extension FirstDayTests {
    /// Friction: decimals are shown with a comma in Vietnamese (25,5 m²), a point in English.
    @Test func decimalsUseACommaInVietnamese() {
        let desk = FakeDesk()
        let answers = JSONObject([("giay_to", .array(["cccd"])), ("dien_tich", 25.5)])
        let vi = desk.interview("ho-gia-dinh", answers)
        let en = desk.interview("ho-gia-dinh", answers, language: "en")
        let f = vi.form.field("dien_tich")!
        #expect(vi.display(.double(25.5), f) == "25,5 m²")
        #expect(en.display(.double(25.5), f) == "25.5 m²")
    }
}

extension FirstDayTests {
    /// Friction: the review says the fee before submitting.
    @Test func theReviewShowsTheFee() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.function(2))
        #expect(app.view(size: .minimum).lines[2].hasSuffix("· Phí, lệ phí: 16.000 đ"), "\(app.view(size: .minimum).lines[2])")
    }
}

extension FirstDayTests {
    /// Defect 4: a year field asks for a year: its message gives a year as the example, and
    /// its lower bound is said as a year ("Năm không được trước 1900").
    @Test func aYearFieldSpeaksOfAYear() {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        answers["ks_ngay_sinh"] = "2026-10-20"
        var i = desk.interview("khai-sinh", answers)
        i.edit(.field("me_nam_sinh"))
        var app = KioskApp(services: desk.services, session: desk.session(i))
        app.type("19")
        app.press(.enter)
        var s = app.view(size: .minimum).text
        #expect(s.contains("✗ Hãy nhập năm đủ 4 chữ số, ví dụ 1990."), "\(s)")
        #expect(!s.contains("05/03/2024") && !s.contains("nhập ngày"))
        app.press(.backspace, .backspace)
        app.type("1800")
        app.press(.enter)
        s = app.view(size: .minimum).text
        #expect(s.contains("✗ Năm không được trước 1900."), "\(s)")
        #expect(!s.contains("01/01/1900"))
        #expect(app.interview?.currentField?.id == "me_nam_sinh")
        // The refused year is replaced by typing (the full mask took no more digits before).
        app.type("1995")
        #expect(app.view(size: .minimum).text.contains("  1995"))
        app.press(.control("u"))
        #expect(app.view(size: .minimum).text.contains("  nnnn"))
        app.type("1995")
        app.press(.enter)
        #expect(desk.saves.last?["me_nam_sinh"] == "1995")
    }
}

extension FirstDayTests {
    /// Friction: when the person asking is the mother, her name and ID number are carried
    /// over to the mother's page (Enter keeps them), not asked again from nothing.
    @Test func theMotherAskingIsCarriedOver() {
        let desk = FakeDesk()
        var answers = khaiSinhFirstPage
        for (k, v) in [("ks_ho_ten", "Trần Minh Khôi"), ("ks_ngay_sinh", "2026-10-20"), ("ks_gioi_tinh", "nam"), ("ks_dan_toc", "01"),
                       ("ks_quoc_tich", "vn"), ("ks_noi_sinh", "Bệnh viện"), ("ks_que_quan", "Tuyên Quang"),
                       ("co_thong_tin_me", true)] as [(String, JSONValue)] {
            answers[k] = v
        }
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", answers)))
        #expect(app.interview?.currentField?.id == "me_ho_ten")
        #expect(app.view(size: .minimum).lines[5].hasPrefix("  Nguyễn Thị Hòa"))
        app.press(.enter)
        #expect(desk.saves.last?["me_ho_ten"] == "Nguyễn Thị Hòa")
        app.type("1990")
        app.press(.enter)
        while let id = app.interview?.currentField?.id, id != "me_cccd" { app.press(.enter) }
        #expect(app.view(size: .minimum).text.contains("008190012345"))
        app.press(.enter)
        #expect(desk.saves.last?["me_cccd"] == "008190012345")
    }
}

extension FirstDayTests {
    /// Friction: when "đồng ý?" is asked, the declaration it agrees to is on the screen.
    @Test func theDeclarationIsInViewWhenAgreeing() {
        let desk = FakeDesk()
        var i = desk.interview("khai-sinh", khaiSinhFirstPage)
        i.edit(.field("cam_doan"))
        let app = KioskApp(services: desk.services, session: desk.session(i))
        let s = app.view(size: .minimum)
        #expect(s.lines[1].contains("· Bản sao và cam đoan"))
        #expect(s.lines[3].contains("đồng ý"), "\(s.text)")
        #expect(s.text.contains("Tôi cam đoan nội dung đề nghị đăng ký khai sinh"), "\(s.text)")
        #expect(s.text.contains("( ) Có"))
    }
}

extension FirstDayTests {
    /// Friction: the residence history's items are shown with their months and place, in
    /// the list and on the review, not as "1. Nơi cư trú thứ 1" alone.
    @Test func repeatItemsShowTheirDatesAndPlace() throws {
        let desk = FakeDesk()
        let path = screensRoot + "/Tests/MotCuaFormsTests/Answers/ly-lich-tu-phap.valid.json"
        let answers = try #require(try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: path))).objectValue)
        var i = desk.interview("ly-lich-tu-phap", answers)
        i.edit(.field("cu_tru"))
        var app = KioskApp(services: desk.services, session: desk.session(i))
        var s = app.view(size: .minimum)
        #expect(s.text.contains("1. Nơi cư trú thứ 1 · 03/2009 · 08/2013 · Tỉnh Tuyên Quang"), "\(s.text)")
        i.openReview()
        app = KioskApp(services: desk.services, session: desk.session(i))
        let entries = i.review().sections.flatMap(\.entries)
        let heading = try #require(entries.first { $0.label == "Nơi cư trú thứ 3" })
        #expect(heading.isItemHeading && heading.value == "06/2017 · Tỉnh Tuyên Quang · Phường Minh Xuân", "\(heading.value)")
        #expect(entries.contains { $0.depth == 2 && $0.label.hasPrefix("Số nhà") })
        for _ in 0..<12 { app.press(.pageDown) }
        s = app.view(size: .minimum)
        #expect(!s.text.contains("Nơi cư trú thứ 3 · Số nhà"), "\(s.text)")
        #expect(s.text.contains("Xem lại hồ sơ: 58 câu trả lời"))  // the item lines are not answers
    }
}

extension FirstDayTests {
    /// Walk of 2026-12-06: in fast mode a row chosen with the arrows was lost on Tab
    /// ("This is required: please choose") while Enter took it; Tab takes it too.
    @Test func tabTakesTheRowChosenWithTheArrows() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.press(.function(3))
        app.type("Traanf Minh Khooi")
        app.press(.tab)
        app.type("20112026")
        app.press(.tab)
        #expect(app.interview?.currentField?.id == "ks_gioi_tinh")
        app.press(.down, .tab)
        #expect(app.interview?.answers["ks_gioi_tinh"] == "nu", "\(app.view(size: .minimum).text)")
        #expect(app.interview?.currentField?.id != "ks_gioi_tinh")
    }
}
