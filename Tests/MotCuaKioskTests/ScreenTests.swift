import Testing
@testable import MotCuaKiosk
import MotCuaText

@Suite struct ScreenTests {
    @Test func writesVietnameseInNFCAndNFDToTheSameCells() {
        var a = Screen(size: Size(width: 20, height: 2))
        var b = a
        let usedA = a.write("Nguyễn Thị Ánh", at: Point(x: 1, y: 0))
        let usedB = b.write(nfd("Nguyễn Thị Ánh"), at: Point(x: 1, y: 0))
        #expect(usedA == 14 && usedB == 14)
        #expect(a == b)
        #expect(a.lines[0] == " Nguyễn Thị Ánh")
        #expect(a.cell(at: Point(x: 5, y: 0)).text == "ễ")
    }

    @Test func wideCharactersTakeTwoCellsAndAreNotCutInHalf() {
        var s = Screen(size: Size(width: 5, height: 1))
        let used = s.write("漢字ab", at: Point(x: 0, y: 0))
        #expect(used == 5)
        #expect(s.lines[0] == "漢字a")
        #expect(s.cell(at: Point(x: 1, y: 0)).isContinuation)
        // A wide character that would cross the edge becomes a space.
        var t = Screen(size: Size(width: 3, height: 1))
        t.write("a漢字", at: Point(x: 0, y: 0))
        #expect(t.lines[0] == "a漢")
        t.write("x", at: Point(x: 2, y: 0))  // overwriting the right half blanks the left half
        #expect(t.rowText(0) == "a x")
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var s = Screen(size: Size(width: 4, height: 1))
        s.write("字字", at: Point(x: 0, y: 0))
        s.write("b", at: Point(x: 2, y: 0))
        #expect(s.rowText(0) == "字b ")
        #expect(!s.cell(at: Point(x: 3, y: 0)).isContinuation)
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var s = Screen(size: Size(width: 12, height: 1))
        s.write("a\u{1B}[2Jb\u{7}", at: Point(x: 0, y: 0))
        #expect(s.lines[0] == "a^[[2Jb^G")  // caret notation, as VietText.neutralizeControls
        s.write("\u{202E}x\u{9B}", at: Point(x: 0, y: 0))
        #expect(s.lines[0].hasPrefix("\u{FFFD}x\u{FFFD}"))
        #expect(!s.text.contains("\u{1B}"))
    }

    @Test func aLoneCombiningMarkIsShownOnADottedCircle() {
        var s = Screen(size: Size(width: 4, height: 1))
        #expect(s.write("\u{301}x", at: Point(x: 0, y: 0)) == 2)
        #expect(s.lines[0] == "◌\u{301}x")
    }

    @Test func clippingKeepsTextInsideTheRectangle() {
        var s = Screen(size: Size(width: 10, height: 3))
        s.write("Hồ Chí Minh", at: Point(x: 2, y: 1), clip: Rect(x: 3, y: 1, width: 4, height: 1))
        #expect(s.lines[1] == "   ồ Ch")
        #expect(s.lines[0] == "" && s.lines[2] == "")
    }

    @Test func findReportsTheColumnNotTheCharacterIndex() {
        var s = Screen(size: Size(width: 20, height: 2))
        s.write("字 Đức", at: Point(x: 1, y: 1), style: Style(.error))
        #expect(s.find("Đức") == Point(x: 4, y: 1))
        #expect(s.find(nfd("Đức")) == Point(x: 4, y: 1))
        #expect(s.style(at: Point(x: 4, y: 1))?.role == .error)
        #expect(s.find("Huế") == nil)
    }

    @Test func fillAndRestyle() {
        var s = Screen(size: Size(width: 6, height: 2))
        s.write("abc", at: Point(x: 0, y: 0))
        s.restyle(Rect(x: 0, y: 0, width: 2, height: 1)) { $0.bold = true }
        #expect(s.style(at: Point(x: 1, y: 0))?.bold == true)
        #expect(s.style(at: Point(x: 2, y: 0))?.bold == false)
        s.fill(Rect(x: 1, y: 0, width: 10, height: 1), style: Style(.selection))
        #expect(s.lines[0] == "a")
        #expect(s.style(at: Point(x: 5, y: 0))?.role == .selection)
    }

    @Test func widthsOfGraphemes() {
        #expect(Screen.width("Nguyễn") == 6)
        #expect(Screen.width(nfd("Nguyễn")) == 6)
        #expect(Screen.width("日本") == 4)
        #expect(Screen.width("👍") == 2)
        #expect(Screen.width("a\u{200B}b") == 2)
    }

    /// `write` and `width` take a fast path for scalars that are one-column graphemes of
    /// their own; every cell must be what the grapheme-by-grapheme path gives.
    @Test(arguments: ["Nguyễn Thị Ánh", "Nguye\u{0302}\u{0303}n Thi\u{0323}", "ab\u{0303}c", "a\u{0301}", "Zoë 中文 ệ👍x",
                      "x\u{1B}y\u{7F}", "ÀÁ\u{00AD}zŁ", "Ḁṍ Ỹ", "\u{0301}lone", "tab\there", "ǅ ɐ ʰ ˆ", "e\u{200D}f", "▸ “Đăng ký” – a…", "‐‑‒—―‖‗‘’‚‛„‟†‡•‣․‥…‧", "▸\u{0301}", ""])
    func fastPathDrawsWhatTheGraphemePathDraws(text: String) {
        let style = Style.role(.hint)
        for (x, clip) in [(0, nil), (2, Rect(x: 3, y: 0, width: 5, height: 1)), (-1, nil)] as [(Int, Rect?)] {
            var screen = Screen(size: Size(width: 30, height: 1))
            let used = screen.write(text, at: Point(x: x, y: 0), style: style, clip: clip)
            // The reference: each grapheme measured and made into a cell on its own.
            var expected = Array(repeating: Cell.blank(), count: 30)
            var column = x
            let area = (clip ?? screen.bounds).intersection(screen.bounds)
            for c in VietText.neutralizeControls(text) {
                let w = Screen.width(c)
                guard w > 0 else { continue }
                if column + w > area.maxX {
                    if column < area.maxX && column >= area.x { expected[column] = .blank(style) }
                    column = area.maxX
                    break
                }
                if column >= area.x {
                    expected[column] = Screen.cell(c, width: w, style: style)
                    if w == 2 { expected[column + 1] = Cell(scalars: EmptyCollection(), width: 0, style: style) }
                } else if column + w > area.x {
                    expected[area.x] = .blank(style)
                }
                column += w
            }
            #expect(screen.cells == expected, "\(text) at \(x)")
            #expect(used == column - x, "\(text) at \(x)")
        }
        #expect(Screen.width(text) == text.reduce(0) { $0 + Screen.width($1) }, "\(text)")
    }

    /// Lists scroll to keep the highlight mid-list, never past either end.
    @Test func listsScrollAroundTheHighlight() {
        let rows = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(rows.firstVisible(of: 100, keeping: 0) == 0)
        #expect(rows.firstVisible(of: 100, keeping: 50) == 45)
        #expect(rows.firstVisible(of: 100, keeping: 99) == 90)
        #expect(rows.firstVisible(of: 3, keeping: 2) == 0)
    }
}
