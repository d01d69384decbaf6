import Testing
@testable import MotCuaKiosk

@Suite struct DateFieldTests {
    @Test func digitsFillTheMaskAndGiveAnISODate() {
        var d = DateField()
        send(Key.typing("0503"), to: &d)
        #expect(d.display == "05/03/nnnn")
        #expect(d.problem == .incomplete && d.iso == nil)
        send(Key.typing("20249"), to: &d)  // the ninth digit has no place
        #expect(d.display == "05/03/2024")
        #expect(d.iso == "2024-03-05")
    }

    @Test func slashPadsASingleDigit() {
        var d = DateField()
        send(Key.typing("5/3/2024"), to: &d)
        #expect(d.iso == "2024-03-05")
        var p = DateField()
        send([.paste("5.3.2024")], to: &p)
        #expect(p.iso == "2024-03-05")
    }

    @Test func impossibleDatesAreReported() {
        var d = DateField()
        send(Key.typing("31022024"), to: &d)
        #expect(d.problem == .invalidDay && d.iso == nil)
        var leap = DateField()
        send(Key.typing("29022024"), to: &leap)
        #expect(leap.problem == nil)
        var notLeap = DateField()
        send(Key.typing("29021900"), to: &notLeap)
        #expect(notLeap.problem == .invalidDay)
        var month = DateField()
        send(Key.typing("01132024"), to: &month)
        #expect(month.problem == .invalidMonth)
    }

    @Test func monthAndYearPrecision() {
        var m = DateField(precision: .month)
        send(Key.typing("3/1960"), to: &m)
        #expect(m.display == "03/1960" && m.iso == "1960-03")
        var y = DateField(precision: .year)
        send(Key.typing("1960"), to: &y)
        #expect(y.iso == "1960")
        #expect(DateField(precision: .year).display == "nnnn")
        #expect(DateField(precision: .month, strings: .en).display == "mm/yyyy")
    }

    @Test func storedValuesLoadBackAndBadOnesAreIgnored() {
        #expect(DateField(iso: "2024-03-05").display == "05/03/2024")
        #expect(DateField(precision: .month, iso: "1960-03").display == "03/1960")
        #expect(DateField(iso: "2024-3-5").isEmpty)
        #expect(DateField(precision: .year, iso: "2024-03-05").isEmpty)
    }

    @Test func backspaceAndDelete() {
        var d = DateField(iso: "2024-03-05")
        send([.backspace, .backspace], to: &d)
        #expect(d.display == "05/03/20nn")
        #expect(d.update(.delete) == .handled && d.isEmpty)
        #expect(d.update(.enter) == .submit)
        #expect(d.update(.escape) == .ignored)
    }

    @Test func rendersTypedDigitsAndPlaceholdersWithTheCaretOnTheNextSlot() {
        var d = DateField()
        send(Key.typing("050"), to: &d)
        let s = draw(d, size: Size(width: 20, height: 1))
        #expect(s.lines[0] == "05/0t/nnnn")
        #expect(s.cursor == Point(x: 4, y: 0))
        #expect(s.style(at: Point(x: 0, y: 0))?.role == .inputFocused)
        #expect(s.style(at: Point(x: 4, y: 0))?.role == .placeholder)
        send(Key.typing("32024"), to: &d)
        #expect(draw(d, size: Size(width: 20, height: 1)).cursor == Point(x: 10, y: 0))
        var two = DateField()
        send(Key.typing("05"), to: &two)
        #expect(draw(two, size: Size(width: 20, height: 1)).cursor == Point(x: 3, y: 0))
    }
}
