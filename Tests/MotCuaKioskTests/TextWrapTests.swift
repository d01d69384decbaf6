import Testing
@testable import MotCuaKiosk

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesByDisplayWidth() {
        let text = "Giấy chứng nhận quyền sử dụng đất"
        #expect(TextWrap.lines(text, width: 16) == ["Giấy chứng nhận", "quyền sử dụng", "đất"])
        #expect(TextWrap.lines(nfd(text), width: 16).map(nfc) == ["Giấy chứng nhận", "quyền sử dụng", "đất"])
    }

    @Test func breaksWordsLongerThanTheLine() {
        #expect(TextWrap.lines("Nghiêngnghiêng", width: 5) == ["Nghiê", "ngngh", "iêng"])
    }

    @Test func wideCharactersCountTwo() {
        #expect(TextWrap.lines("漢字漢字", width: 5) == ["漢字", "漢字"])
    }

    @Test func newlinesEndLinesAndEmptyLinesStay() {
        #expect(TextWrap.lines("Dòng một\n\nDòng ba", width: 20) == ["Dòng một", "", "Dòng ba"])
        #expect(TextWrap.lines("", width: 10) == [""])
    }

    @Test func spansCoverEveryGraphemeForTheEditor() {
        let g = Array("ab cd ef")
        let spans = TextWrap.spans(g, width: 3)
        #expect(spans.map { String(g[$0.start..<$0.end]) } == ["ab ", "cd ", "ef"])
        #expect(spans.map(\.soft) == [false, true, true])
    }

    @Test func fitAndPad() {
        #expect(TextWrap.fit("Đăng ký khai sinh", width: 10) == "Đăng ký k…")
        #expect(TextWrap.fit("Đăng ký", width: 10) == "Đăng ký")
        #expect(TextWrap.pad("Huế", width: 5) == "Huế  ")
        #expect(Screen.width(TextWrap.fit("漢字漢字", width: 4)) <= 4)
    }
}
