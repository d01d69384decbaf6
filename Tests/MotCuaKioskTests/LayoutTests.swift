import Testing
@testable import MotCuaKiosk

@Suite struct LayoutTests {
    @Test func boxDrawsAFrameWithTitleAndReturnsTheInside() {
        var s = Screen(size: Size(width: 20, height: 4))
        let inner = Box.draw(into: &s, s.bounds, title: "Xem lại")
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
        #expect(s.lines == ["┌─ Xem lại ────────┐", "│                  │", "│                  │", "└──────────────────┘"])
        #expect(s.style(at: s.find("Xem lại")!)?.bold == true)
    }

    @Test func progressBarShowsStepInWordsAndAsABar() {
        var s = Screen(size: Size(width: 30, height: 1))
        ProgressBar.draw(into: &s, s.bounds, step: 3, total: 17, label: KioskStrings.vi.step(3, of: 17))
        #expect(s.lines[0].hasPrefix("Bước 3/17 "))
        let bar = s.lines[0].dropFirst("Bước 3/17 ".count)
        #expect(bar.count == 20)
        #expect(bar.filter { $0 == "█" }.count == 3)  // 3 × 20 / 17
        var done = Screen(size: Size(width: 30, height: 1))
        ProgressBar.draw(into: &done, done.bounds, step: 17, total: 17, label: "Step 17/17")
        #expect(!done.lines[0].contains("░"))
    }

    @Test func footerDropsHintsThatDoNotFitWhole() {
        var s = Screen(size: Size(width: 34, height: 1))
        Footer.draw(into: &s, s.bounds, hints: [KeyHint("Enter", "Tiếp"), KeyHint("Esc", "Quay lại"), KeyHint("F10", "Lưu và thoát")])
        #expect(s.lines[0] == " Enter Tiếp  Esc Quay lại")
        #expect(s.style(at: s.find("Esc")!)?.role == .keyHint)
        #expect(s.style(at: Point(x: 33, y: 0))?.role == .statusBar)
    }

    @Test func frameAt80x24And120x40() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let content = FrameContent(title: "MỘT CỬA · Đăng ký khai sinh", status: "Gõ: Telex",
                                       progress: .init(step: 3, total: 17, label: "Bước 3/17"),
                                       hints: [KeyHint("Enter", "Tiếp"), KeyHint("F1", "Trợ giúp")])
            let (screen, body) = KioskFrame.render(content, size: size)
            #expect(screen.lines[0].hasPrefix(" MỘT CỬA · Đăng ký khai sinh"))
            #expect(screen.lines[0].hasSuffix("Gõ: Telex"))
            #expect(Screen.width(screen.rowText(0)) == size.width)
            #expect(screen.lines[1].hasPrefix(" Bước 3/17 █"))
            #expect(screen.lines[size.height - 1] == " Enter Tiếp  F1 Trợ giúp")
            #expect(body == Rect(x: 0, y: 2, width: size.width, height: size.height - 3))
        }
    }

    @Test func enlargeScreenSaysWhatSizeIsNeeded() {
        let s = EnlargeView.render(size: Size(width: 60, height: 20))
        #expect(s.text.contains("Cửa sổ quá nhỏ"))
        #expect(s.text.contains("80×24"))
        #expect(s.text.contains("60×20"))
        #expect(s.cursor == nil)
        let en = EnlargeView.render(size: Size(width: 30, height: 8), strings: .en)
        #expect(en.text.replacingOccurrences(of: "\n", with: " ").contains("Please enlarge"))
        // Even a tiny window gets something readable rather than a crash.
        let tiny = EnlargeView.render(size: Size(width: 5, height: 2))
        #expect(!tiny.text.isEmpty)
        _ = EnlargeView.render(size: Size(width: 0, height: 0))
    }

    @Test func questionLayoutPutsLabelHintExampleInputAndErrorInOrder() {
        let content = QuestionContent(label: "Họ, chữ đệm và tên", required: true,
                                      hint: "Viết có dấu.", example: "Ví dụ: Nguyễn Văn An",
                                      message: "Xin trả lời câu này.")
        var screen = Screen(size: Size(width: 80, height: 21))
        let widget: FieldWidget = TextEditor(text: "Lê Thị")
        QuestionLayout.render(content, widget: widget, into: &screen, in: screen.bounds)
        #expect(Array(screen.lines.prefix(9)) == [
            "", "  Họ, chữ đệm và tên *", "", "  Viết có dấu.", "  Ví dụ: Nguyễn Văn An", "",
            "  Lê Thị", "  ✗ Xin trả lời câu này.", "",
        ])
        #expect(screen.style(at: screen.find("Họ, chữ")!)?.bold == true)
        #expect(screen.style(at: screen.find("Viết")!)?.role == .hint)
        // The mark and its message, on the row under the input, in the error colour.
        #expect(screen.style(at: Point(x: 2, y: 7))?.role == .error)
        #expect(screen.style(at: Point(x: 4, y: 7))?.role == .error)
        #expect(screen.cursor == Point(x: 8, y: 6))
    }

    @Test func listsUseTheRoomOfATallerWindow() {
        let content = QuestionContent(label: "Nơi sinh", hint: "Gõ vài chữ.")
        let widget: FieldWidget = ChoiceList(communeOptions)
        let small = QuestionLayout.widgetRect(content, widget: widget, in: Rect(x: 0, y: 2, width: 80, height: 21))
        let large = QuestionLayout.widgetRect(content, widget: widget, in: Rect(x: 0, y: 2, width: 120, height: 37))
        #expect(large.height - small.height == 16)
        #expect(small.width == 72 && large.width == 72)
    }

    @Test func hintsGiveWayBeforeTheInputInAShortWindow() {
        let long = String(repeating: "Hướng dẫn rất dài. ", count: 30)
        let content = QuestionContent(label: "Số điện thoại", hint: long)
        let rect = QuestionLayout.widgetRect(content, widget: TextEditor(), in: Rect(x: 0, y: 0, width: 80, height: 12))
        #expect(rect.height == 1)
        #expect(rect.maxY <= 12)
    }
}
