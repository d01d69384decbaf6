import MotCuaText
import Testing
@testable import MotCuaKiosk

/// The kiosk's side of the one text gate (issue 12, F9): what is typed or pasted
/// is refused with its reason when the gate would refuse it, and nothing of it enters.
@Suite struct TextGateEditorTests {
    @Test func pasteWithAControlCharacterIsRefusedAndNamed() {
        var e = TextEditor(text: "Lê ")
        #expect(e.update(.paste("Văn\u{1B}]0;x\u{7}")) == .handled)
        #expect(e.text == "Lê ")
        #expect(e.refusal == TextRefusal(.control("\u{1B}"), position: 4))
        #expect(e.update(.paste("x\u{202E}y")) == .handled && e.refusal?.reason == .bidi("\u{202E}") && e.text == "Lê ")
        // The next accepted key clears the refusal.
        #expect(e.update(.paste("Văn")) == .handled && e.refusal == nil && e.text == "Lê Văn")
    }

    @Test func pastedLineBreaksAndTabsAreStillTaken() {
        var line = TextEditor()
        _ = line.update(.paste("Mẹ đi làm xa\r\nBà nội\tđưa đi"))
        #expect(line.text == "Mẹ đi làm xa Bà nội đưa đi" && line.refusal == nil)
        var note = TextEditor(multiline: true)
        _ = note.update(.paste("Dòng một\r\nDòng hai\rba"))
        #expect(note.text == "Dòng một\nDòng hai\nba" && note.refusal == nil)
    }

    /// F9: "Ba" + 4,000 marks pasted, or typed one by one, is refused after the gate's limit.
    @Test func runsOfMarksAreRefused() {
        var e = TextEditor()
        _ = e.update(.paste("Ba" + String(repeating: "\u{0301}\u{0316}", count: 2_000)))
        #expect(e.text.isEmpty && e.refusal?.reason == .marks(limit: TextGate.maxMarksPerBase))
        var typed = TextEditor()
        send([.character("B"), .character("a")], to: &typed)
        for _ in 0..<2_000 { _ = typed.update(.character("\u{0301}")); _ = typed.update(.character("\u{0316}")) }
        #expect(typed.graphemes.count == 2)
        #expect(typed.graphemes[1].unicodeScalars.count == 1 + TextGate.maxMarksPerBase)
        #expect(typed.refusal?.reason == .marks(limit: TextGate.maxMarksPerBase))
        // Marks pasted onto a letter that already carries some count together.
        var onto = TextEditor(text: "a" + String(repeating: "\u{0316}", count: 6))
        _ = onto.update(.paste("\u{0301}\u{0301}\u{0301}"))
        #expect(onto.refusal?.reason == .marks(limit: TextGate.maxMarksPerBase))
    }

    @Test func aFieldHoldsAtMostItsLimit() {
        var line = TextEditor()
        _ = line.update(.paste(String(repeating: "a", count: 4_000)))
        #expect(line.text.isEmpty && line.refusal == TextRefusal(.tooLong(count: 4_000, limit: TextGate.maxSingleLine), position: TextGate.maxSingleLine + 1))
        _ = line.update(.paste(String(repeating: "ă", count: TextGate.maxSingleLine)))
        #expect(line.graphemes.count == TextGate.maxSingleLine && line.refusal == nil)
        _ = line.update(.character("b"))
        #expect(line.graphemes.count == TextGate.maxSingleLine && line.refusal?.messageKey == "text.refused.long")
        var note = TextEditor(multiline: true)
        let big = String(repeating: "Nguyễn Thị Hoà\n", count: 4_400)  // 66 KB
        _ = note.update(.paste(big))
        #expect(note.refusal == nil && note.text == big)
    }

    /// Drawing a long single line measures only what is near the caret, and draws the same.
    @Test func longLineRendersItsTail() {
        var e = TextEditor()
        _ = e.update(.paste(String(repeating: "ab", count: 500)))
        var screen = Screen(size: Size(width: 20, height: 1))
        e.render(into: &screen, in: Rect(x: 0, y: 0, width: 20, height: 1), focused: true)
        #expect(screen.cursor == Point(x: 19, y: 0))
        #expect(TextEditor.fits(["a", "b"], width: 3) && !TextEditor.fits(["a", "b", "c"], width: 3))
    }
}
