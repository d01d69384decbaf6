import Testing
@testable import MotCuaKiosk

@Suite struct ListWidgetTests {
    let papers = [
        ChoiceOption(value: "gcs", label: "Giấy chứng sinh"),
        ChoiceOption(value: "cccd", label: "Căn cước"),
        ChoiceOption(value: "kh", label: "Giấy chứng nhận kết hôn"),
    ]

    @Test func multichoiceSpaceTogglesAndValuesKeepOptionOrder() {
        var m = MultiChoice(options: papers)
        send([.down, .down, .character(" "), .up, .up, .character(" ")], to: &m)
        #expect(m.selectedValues == ["gcs", "kh"])
        send([.character(" ")], to: &m)
        #expect(m.selectedValues == ["kh"])
        #expect(m.update(.enter) == .submit)
        #expect(m.update(.tab) == .ignored)
        #expect(MultiChoice(options: papers, selected: ["cccd"]).selectedValues == ["cccd"])
    }

    @Test func multichoiceDrawsTicksAndPutsTheCursorInTheBox() {
        var m = MultiChoice(options: papers, selected: ["kh"])
        send([.down], to: &m)
        let s = draw(m, size: Size(width: 40, height: 3))
        #expect(s.lines == ["[ ] Giấy chứng sinh", "[ ] Căn cước", "[x] Giấy chứng nhận kết hôn"])
        #expect(s.cursor == Point(x: 1, y: 1))
        #expect(s.style(at: Point(x: 30, y: 1))?.role == .selection)
    }

    @Test func booleanStartsUnansweredAndTakesLettersArrowsAndSpace() {
        var b = BooleanField()
        #expect(b.value == nil)
        #expect(draw(b, size: Size(width: 30, height: 1)).lines[0] == "( ) Có    ( ) Không")
        send([.character("k")], to: &b)
        #expect(b.value == false)
        send([.character("C")], to: &b)
        #expect(b.value == true)
        send([.right], to: &b)
        #expect(b.value == false)
        send([.character(" ")], to: &b)
        #expect(b.value == true)
        let s = draw(b, size: Size(width: 30, height: 1))
        #expect(s.lines[0] == "(•) Có    ( ) Không")
        #expect(s.cursor == Point(x: 1, y: 0))
        #expect(b.update(.enter) == .submit)
        var en = BooleanField(strings: .en)
        send([.character("n")], to: &en)
        #expect(en.value == false)
        #expect(draw(en, size: Size(width: 30, height: 1)).lines[0] == "( ) Yes    (•) No")
    }

    @Test func noteWrapsScrollsAndMovesOnWithEnter() {
        var n = NoteView(text: "Mang theo giấy chứng sinh bản chính và căn cước của cha mẹ. Lệ phí: miễn.")
        n.layoutSize = Size(width: 20, height: 2)
        let first = draw(n, size: Size(width: 20, height: 2))
        #expect(first.lines == ["Mang theo giấy chứng", "▼ …"])
        #expect(first.cursor == nil)
        send([.pageDown, .pageDown, .pageDown, .pageDown], to: &n)
        let last = draw(n, size: Size(width: 20, height: 2))
        #expect(last.lines.last == "Lệ phí: miễn.")
        #expect(n.update(.enter) == .submit)
        #expect(n.preferredHeight(width: 20) == 4)
    }

    @Test func fieldWidgetForwardsAndReadsAnswersAsAPersonWould() {
        var f: FieldWidget = ChoiceList(communeOptions)
        #expect(f.displayText() == "")
        send(Key.typing("hung duc") + [.enter], to: &f)
        #expect(f.displayText() == "Xã Hùng Đức")
        var d: FieldWidget = DateField()
        send(Key.typing("05032024"), to: &d)
        #expect(d.displayText() == "05/03/2024")
        var t: FieldWidget = TextEditor(multiline: true)
        send([.paste("a\nb")], to: &t)
        #expect(t.displayText() == "a / b")
        #expect(BooleanField(value: true).displayText(strings: .en) == "Yes")
        #expect(NumberField(text: "2", unit: "bản").displayText() == "2 bản")
        #expect(MultiChoice(options: papers, selected: ["gcs", "kh"]).displayText()
                == "Giấy chứng sinh; Giấy chứng nhận kết hôn")
    }
}
