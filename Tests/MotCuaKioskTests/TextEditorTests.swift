import MotCuaText
import Testing
@testable import MotCuaKiosk

@Suite struct TextEditorTests {
    @Test func backspaceRemovesExactlyOneGraphemeWhateverItsScalars() {
        var e = TextEditor()
        send(Key.typing(nfd("Đỗ Thị Diễm")), to: &e)
        #expect(e.text == "Đỗ Thị Diễm")
        #expect(e.graphemes.count == 11)
        send([.backspace], to: &e)
        #expect(e.text == "Đỗ Thị Diễ")
        send([.backspace], to: &e)
        #expect(e.text == "Đỗ Thị Di")
    }

    @Test func anInputMethodCorrectionIsBackspaceThenReplacement() {
        // What a system IME sends while the person types "đã": d, then ⌫ đ, then a, then ⌫ ã.
        var e = TextEditor()
        send([.character("d"), .backspace, .character("đ"), .character("a"), .backspace, .character("ã")], to: &e)
        #expect(e.text == "đã")
    }

    @Test func aLoneCombiningMarkJoinsThePreviousLetterInNFC() {
        var e = TextEditor()
        send([.character("e"), .character("\u{302}"), .character("\u{303}")], to: &e)
        #expect(e.text == "ễ")
        #expect(e.text.unicodeScalars.count == 1)
        #expect(e.caret == 1)
    }

    @Test func caretMovesByGraphemeAndEditsInTheMiddle() {
        var e = TextEditor(text: "Nguyen")
        send([.home, .right, .right, .right, .right, .right], to: &e)
        send([.backspace, .character("ễ")], to: &e)
        #expect(e.text == "Nguyễn")
        send([.end, .left, .delete], to: &e)
        #expect(e.text == "Nguyễ")
        send([.control("a"), .delete], to: &e)
        #expect(e.text == "guyễ" && e.caret == 0)
        send([.control("e")], to: &e)
        #expect(e.caret == 4)
    }

    @Test func pastedNewlinesBecomeSpacesInASingleLineField() {
        var e = TextEditor()
        let action = send([.paste("Nguyễn Văn An\r\n12 Hàng Bài\n")], to: &e)
        #expect(action == .handled)
        #expect(e.text == "Nguyễn Văn An 12 Hàng Bài ")
        send([.paste(nfd("\tHà Nội"))], to: &e)
        #expect(e.text == "Nguyễn Văn An 12 Hàng Bài  Hà Nội")
        // Control and bidi characters are not stripped in silence: the text gate refuses the paste.
        send([.paste(nfd("Hà\u{1B}[31m Nội\u{202E}"))], to: &e)
        #expect(e.text == "Nguyễn Văn An 12 Hàng Bài  Hà Nội" && e.refusal?.reason == .control("\u{1B}"))
    }

    @Test func multiLineFieldsKeepPastedNewlinesAndCtrlJTypesOne() {
        var e = TextEditor(multiline: true)
        send([.paste("Dòng một\r\nDòng hai")], to: &e)
        #expect(e.text == "Dòng một\nDòng hai")
        send([.control("j"), .character("3")], to: &e)
        #expect(e.text == "Dòng một\nDòng hai\n3")
        #expect(send([.enter], to: &e) == .submit)
        var single = TextEditor()
        #expect(send([.control("j")], to: &single) == .ignored)
    }

    @Test func enterSubmitsAndForeignKeysAreLeftToTheScreen() {
        var e = TextEditor()
        #expect(e.update(.enter) == .submit)
        #expect(e.update(.escape) == .ignored)
        #expect(e.update(.tab) == .ignored)
        #expect(e.update(.function(1)) == .ignored)
        #expect(e.update(.up) == .ignored)
        #expect(e.update(.character("\u{7}")) == .ignored)
        #expect(e.text.isEmpty)
    }

    @Test func cursorSitsAfterTheLastDrawnColumnWithWideAndNFDText() {
        var e = TextEditor()
        send(Key.typing(nfd("Lê 漢字")), to: &e)
        let s = draw(e, rect: Rect(x: 2, y: 1, width: 20, height: 1))
        #expect(s.lines[1] == "  Lê 漢字")
        #expect(s.cursor == Point(x: 2 + 7, y: 1))
        #expect(s.style(at: Point(x: 2, y: 1))?.role == .inputFocused)
        #expect(draw(e, rect: Rect(x: 2, y: 1, width: 20, height: 1), focused: false).cursor == nil)
    }

    @Test func aLongLineScrollsToKeepTheCaretVisible() {
        let e = TextEditor(text: "Số 1 đường Nguyễn Thị Minh Khai, phường Bến Nghé")
        let s = draw(e, size: Size(width: 20, height: 1))
        #expect(s.lines[0] == "…i, phường Bến Nghé")
        #expect(s.cursor == Point(x: 19, y: 0))
        var back = e
        send([.home], to: &back)
        let t = draw(back, size: Size(width: 20, height: 1))
        #expect(t.lines[0] == "Số 1 đường Nguyễn Th")
        #expect(t.cursor == Point(x: 0, y: 0))
    }

    @Test func placeholderShowsOnlyWhileEmpty() {
        let e = TextEditor(placeholder: "Nguyễn Văn An")
        let s = draw(e, size: Size(width: 20, height: 1))
        #expect(s.lines[0] == "Nguyễn Văn An")
        #expect(s.style(at: Point(x: 0, y: 0))?.role == .placeholder)
        #expect(s.cursor == Point(x: 0, y: 0))
    }

    @Test func multiLineWrapsAndMovesByDrawnLines() {
        var e = TextEditor(text: "Thôn Bản Mới, xã Hùng Đức, tỉnh Tuyên Quang", multiline: true)
        e.layoutWidth = 16
        let s = draw(e, size: Size(width: 16, height: 4))
        #expect(Array(s.lines.prefix(3)) == ["Thôn Bản Mới,", "xã Hùng Đức,", "tỉnh Tuyên"])
        #expect(s.lines[3] == "Quang")
        #expect(s.cursor == Point(x: 5, y: 3))
        send([.up], to: &e)
        #expect(e.caret == "Thôn Bản Mới, xã Hùng Đức, tỉnh ".count)
        send([.home], to: &e)
        #expect(e.caret == "Thôn Bản Mới, xã Hùng Đức, ".count)
        #expect(send([.up, .up, .up], to: &e) == .ignored)  // past the first line: the screen's turn
    }

    @Test func multiLineScrollsToTheCaretRow() {
        let e = TextEditor(text: "1\n2\n3\n4\n5", multiline: true)
        let s = draw(e, size: Size(width: 10, height: 3))
        #expect(s.lines == ["3", "4", "5"])
        #expect(s.cursor == Point(x: 1, y: 2))
    }

    @Test func telexTypingEditsTheTextBeforeTheCaret() {
        var e = TextEditor(typing: VietTypingEngine(method: .telex))
        send(Key.typing("Nguyeenx Thij Dieemx"), to: &e)
        #expect(e.text == "Nguyễn Thị Diễm")
        send([.backspace], to: &e)  // inside the word: the engine takes the last letter off
        #expect(e.text == "Nguyễn Thị Diễ")
        send([.character(" "), .backspace, .backspace], to: &e)  // after a space: one grapheme
        #expect(e.text == "Nguyễn Thị Di")
    }

    @Test func movingBackIntoAWordLetsTheEngineContinueIt() {
        var e = TextEditor(typing: VietTypingEngine(method: .telex))
        send(Key.typing("Nguyeen Van"), to: &e)
        send([.home] + Array(repeating: Key.right, count: 6) + [.character("x")], to: &e)
        #expect(e.text == "Nguyễn Van")
        #expect(e.caret == 6)
    }

    @Test func vniAndSwitchingTypingOff() {
        var e = TextEditor(typing: VietTypingEngine(method: .vni))
        send(Key.typing("Vie65t"), to: &e)
        #expect(e.text == "Việt")
        e.typing = nil
        send(Key.typing(" aa"), to: &e)
        #expect(e.text == "Việt aa")
    }

    @Test func composedTextFromASystemInputMethodPassesThroughTheEngine() {
        var e = TextEditor(typing: VietTypingEngine(method: .telex))
        send([.character("đ"), .character("ã"), .character(" "), .character("d"), .backspace, .character("đ")], to: &e)
        #expect(e.text == "đã đ")
    }
}
