import MotCuaText
import Testing
@testable import MotCuaKiosk

@Suite struct ChoiceTests {
    let communes = ChoiceList(communeOptions)

    @Test func theResourceHoldsAllCommunes() {
        #expect(communes.count == 3321)
    }

    @Test func foldingIgnoresDiacriticsCaseAndNormalisation() {
        for query in ["hung duc", "HÙNG ĐỨC", nfd("hùng đức"), "  Hung   Duc "] {
            var list = communes
            send([.paste(query)], to: &list)
            #expect(list.highlightedOption?.label == "Xã Hùng Đức", "\(query)")
        }
    }

    @Test func everyWordMustMatchAndWordStartsRankFirst() {
        var list = communes
        send(Key.typing("duc hung"), to: &list)
        #expect(list.highlightedOption?.label == "Xã Hùng Đức")
        var partial = ChoiceList([
            ChoiceOption(value: "a", label: "Phường Phúc Xá"),
            ChoiceOption(value: "b", label: "Xã Úc Kỳ"),
        ])
        send(Key.typing("uc"), to: &partial)
        #expect(partial.matches.map { partial.options[$0.index].value } == ["b", "a"])
    }

    @Test func narrowingAndWideningGiveTheSameAsAFreshSearch() {
        var list = communes
        send(Key.typing("phuong an"), to: &list)
        let narrowed = list.matches
        var fresh = communes
        send([.paste("phuong an")], to: &fresh)
        #expect(narrowed == fresh.matches)
        send([.backspace, .backspace, .backspace], to: &list)  // "phuong"
        var again = communes
        send(Key.typing("phuong"), to: &again)
        #expect(list.matches == again.matches)
        #expect(list.matches.count > 100)
    }

    @Test func arrowsMoveEnterChoosesAndNoMatchCannotBeChosen() {
        var list = communes
        send(Key.typing("duc"), to: &list)
        let second = list.options[list.matches[1].index]
        #expect(send([.down, .enter], to: &list) == .submit)
        #expect(list.selected == second)
        send([.paste("zzzz")], to: &list)
        #expect(list.matches.isEmpty && list.highlightedOption == nil)
        #expect(list.update(.enter) == .handled)
        #expect(list.selected == second)  // the earlier answer stands
        #expect(list.update(.escape) == .ignored)
    }

    @Test func startsOnTheStoredAnswerAndReturnsToItWhenTheSearchIsCleared() {
        var list = ChoiceList(communeOptions, selected: "00004")
        #expect(list.selected?.label == "Phường Ba Đình")
        send(Key.typing("ba dinh"), to: &list)
        send([.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace], to: &list)
        #expect(list.highlightedOption?.label == "Phường Ba Đình")
    }

    @Test func rendersSearchCountAndHighlightAt80Columns() {
        var list = communes
        send(Key.typing("hung duc"), to: &list)
        let s = draw(list, size: Size(width: 72, height: 6))
        #expect(s.lines[0].hasPrefix("Tìm: hung duc ") && s.lines[0].hasSuffix("/3321"))
        #expect(s.lines[1] == "▸ Xã Hùng Đức")
        #expect(s.style(at: Point(x: 60, y: 1))?.role == .selection)
        #expect(s.cursor == Point(x: 13, y: 0))
        send([.character("x"), .character("q")], to: &list)
        let none = draw(list, size: Size(width: 72, height: 6))
        #expect(none.lines[1] == "Không có lựa chọn nào khớp.")
    }

    @Test func theListScrollsToKeepTheHighlightInView() {
        var list = communes
        send(Array(repeating: Key.down, count: 30), to: &list)
        let s = draw(list, size: Size(width: 60, height: 11))
        let highlighted = s.lines.filter { $0.hasPrefix("▸ ") }
        #expect(highlighted == ["▸ " + communeOptions[30].label])
        send([.pageDown], to: &list)
        #expect(list.highlight == 40)
    }
}
