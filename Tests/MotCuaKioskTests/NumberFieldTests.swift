import Foundation
import Testing
@testable import MotCuaKiosk

@Suite struct NumberFieldTests {
    @Test func acceptsDigitsAndRefusesLettersVisibly() {
        var n = NumberField(unit: "đồng")
        send(Key.typing("12a3"), to: &n)
        #expect(n.text == "123")
        #expect(n.value == 123)
        send([.character("x")], to: &n)
        #expect(n.refusedKey)
        let s = draw(n, size: Size(width: 40, height: 2))
        #expect(s.lines[0].hasPrefix("123") && s.lines[0].hasSuffix("đồng"))
        #expect(s.lines[1] == "Ô này chỉ nhận chữ số.")
        send([.character("4")], to: &n)
        #expect(!n.refusedKey)
        #expect(!draw(n, size: Size(width: 40, height: 2)).text.contains("chữ số"))
    }

    @Test func decimalsTakeACommaOrAPointOnce() {
        var d = NumberField(kind: .decimal)
        send(Key.typing("3,5,"), to: &d)
        #expect(d.text == "3,5")
        #expect(d.value == Decimal(string: "3.5"))
        var p = NumberField(kind: .decimal)
        send(Key.typing(".5"), to: &p)  // a separator needs a digit before it
        #expect(p.text == "5")
        var i = NumberField(kind: .integer)
        send(Key.typing("3.5"), to: &i)
        #expect(i.text == "35")
    }

    @Test func minusOnlyFirstAndOnlyWhenAllowed() {
        var n = NumberField(allowsNegative: true)
        send(Key.typing("-4-2"), to: &n)
        #expect(n.text == "-42" && n.value == -42)
        var m = NumberField()
        send(Key.typing("-4"), to: &m)
        #expect(m.text == "4")
        var half = NumberField(allowsNegative: true)
        send(Key.typing("-"), to: &half)
        #expect(half.value == nil)
    }

    @Test func pasteDropsSpacesButRefusesText() {
        var n = NumberField()
        send([.paste("1 500 000")], to: &n)
        #expect(n.text == "1500000")
        send([.paste("abc")], to: &n)
        #expect(n.text == "1500000" && n.refusedKey)
    }

    @Test func editingKeysAndEnterPassToTheEditor() {
        var n = NumberField(text: "120")
        #expect(send([.backspace], to: &n) == .handled)
        #expect(n.text == "12")
        #expect(n.update(.enter) == .submit)
        #expect(n.update(.escape) == .ignored)
        #expect(NumberField(text: "abc").text == "")
    }
}
