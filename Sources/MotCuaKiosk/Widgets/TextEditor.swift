// A text field that edits by grapheme cluster. System Vietnamese input methods correct a
// word by sending Backspace and the replacement, so Backspace must remove exactly one
// grapheme ("ễ" whether it came as one scalar or three); and a combining mark typed on
// its own joins the letter before it. The text is kept in NFC at every step.
import MotCuaText

/// A single- or multi-line text input.
public struct TextEditor: Widget, Sendable {
    /// The text, one grapheme cluster per element, in NFC.
    public private(set) var graphemes: [Character]
    /// The caret, as a grapheme index from 0 (before the first) to `graphemes.count`.
    public private(set) var caret: Int
    /// Multi-line fields keep newlines (Ctrl-J types one); Enter always submits.
    public let multiline: Bool
    /// Built-in Vietnamese typing (Telex/VNI), `nil` for plain input (latin fields, or
    /// typing switched off). The editor keeps it in step when the caret moves or text
    /// changes outside it, so moving back into "Nguyen" and typing "x" gives "Nguyễn".
    public var typing: VietTypingEngine? {
        get { engine }
        set { engine = newValue; syncTyping() }
    }
    private var engine: VietTypingEngine?
    /// Shown dimmed while the field is empty.
    public var placeholder: String
    /// Why the last key or paste was refused (a control character, too many marks on
    /// one letter, more than the field holds), for the screen to say; nil after a key
    /// that was taken. What is refused never enters the text: this is the kiosk's side
    /// of the one text gate (`TextGate`), which validation applies again.
    public private(set) var refusal: TextRefusal?
    /// Columns of the rectangle the screen gives a multi-line field, so Home/End and
    /// Up/Down move by the lines as drawn (the screen sets it when laying out).
    public var layoutWidth: Int = 60
    /// The whole text is selected (an answer given earlier, or one just refused): typing or
    /// pasting replaces it; any other key (Backspace to fix the last letter, the caret keys)
    /// drops the selection and edits as usual. So new typing never lands after an old answer.
    public private(set) var selectedAll = false

    /// Selects the whole text (nothing to select in an empty field).
    public mutating func selectAll() { selectedAll = !graphemes.isEmpty }

    public init(text: String = "", multiline: Bool = false, typing: VietTypingEngine? = nil,
                placeholder: String = "") {
        self.multiline = multiline
        self.engine = typing
        self.placeholder = placeholder
        graphemes = Array(VietText.nfc(TextEditor.clean(text, multiline: multiline)))
        caret = graphemes.count
        syncTyping()
    }

    /// The current text (NFC).
    public var text: String { String(graphemes) }
    public var isEmpty: Bool { graphemes.isEmpty }

    /// Replaces the whole text and puts the caret at the end.
    public mutating func setText(_ text: String) {
        graphemes = Array(VietText.nfc(TextEditor.clean(text, multiline: multiline)))
        caret = graphemes.count
        syncTyping()
    }

    // MARK: Keys

    /// Characters the field holds (the gate's limit for its kind).
    public var limit: Int { multiline ? TextGate.maxMultiLine : TextGate.maxSingleLine }

    public mutating func update(_ key: Key) -> WidgetAction {
        refusal = nil
        if selectedAll {
            selectedAll = false
            switch key {
            case .character(let c) where TextEditor.isTypeable(c): eraseAll()
            case .paste: eraseAll()
            default: break
            }
        }
        switch key {
        case .character(let c):
            guard TextEditor.isTypeable(c) else { return .ignored }
            if let r = refusalToType(c) { refusal = r; return .handled }
            if var typing = engine {
                let edit = typing.feed(c)
                engine = typing
                apply(edit)
            } else {
                insert(String(c))
            }
        case .paste(let text):
            let pasted = TextEditor.breaksAndTabs(text, multiline: multiline)
            if let r = refusalToPaste(pasted) { refusal = r; return .handled }
            insert(pasted)
            syncTyping()
        case .control("j") where multiline:
            insert("\n"); syncTyping()
        case .backspace:
            if var typing = engine {
                // With no word in progress the engine asks for one grapheme to go.
                let edit = typing.backspace()
                engine = typing
                apply(edit)
            } else if caret > 0 {
                graphemes.remove(at: caret - 1); caret -= 1
            }
        case .delete:
            if caret < graphemes.count { graphemes.remove(at: caret) }
            syncTyping()
        case .control("u"):  // clears the field (the current line of a multi-line one), wherever the caret is
            let span = multiline ? currentSpan() : LineSpan(start: 0, end: graphemes.count, soft: false)
            graphemes.removeSubrange(span.start..<span.end); caret = span.start
            syncTyping()
        case .control("k"):  // erase to the end of the line
            let end = multiline ? currentSpan().end : graphemes.count
            graphemes.removeSubrange(caret..<max(caret, end))
            syncTyping()
        case .control("w"):  // erase the word before the caret (and the spaces after it)
            var start = caret
            while start > 0, graphemes[start - 1].isWhitespace { start -= 1 }
            while start > 0, !graphemes[start - 1].isWhitespace { start -= 1 }
            graphemes.removeSubrange(start..<caret); caret = start
            syncTyping()
        case .left: moveCaret(to: caret - 1)
        case .right: moveCaret(to: caret + 1)
        case .home, .control("a"): moveCaret(to: multiline ? currentSpan().start : 0)
        case .end, .control("e"): moveCaret(to: multiline ? currentSpan().end : graphemes.count)
        case .up where multiline: return moveVertically(by: -1)
        case .down where multiline: return moveVertically(by: 1)
        case .enter: return .submit
        default: return .ignored
        }
        return .handled
    }

    private mutating func eraseAll() {
        graphemes = []; caret = 0
        syncTyping()
    }

    /// Applies an edit from the typing engine (or any caller): delete that many graphemes
    /// before the caret, then insert.
    public mutating func apply(_ edit: TypingEdit) {
        let n = min(max(0, edit.deleteCount), caret)
        graphemes.removeSubrange((caret - n)..<caret)
        caret -= n
        insert(TextEditor.clean(edit.insert, multiline: multiline))
    }

    /// Inserts already-cleaned text at the caret, composing it with the grapheme before the
    /// caret so a lone combining mark lands on its letter and the result stays NFC.
    private mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        let start = caret > 0 ? caret - 1 : 0
        let before = caret > 0 ? String(graphemes[caret - 1]) : ""
        let merged = Array(VietText.nfc(before + text))
        graphemes.replaceSubrange(start..<caret, with: merged)
        caret = start + merged.count
    }

    private mutating func moveCaret(to position: Int) {
        caret = min(max(0, position), graphemes.count)
        syncTyping()
    }

    /// Lets the engine pick up the word before the caret after a change it did not make.
    /// Only the last graphemes matter (a word in progress is a syllable): passing the
    /// whole text made every paste and caret move cost the length of the field.
    private mutating func syncTyping() {
        guard engine != nil else { return }
        engine?.resume(after: String(graphemes[max(0, caret - 16)..<caret]))
    }

    // MARK: The text gate

    /// Why typing `c` at the caret is refused: the field is full, or the letter before
    /// the caret already carries as many marks as the gate allows.
    private func refusalToType(_ c: Character) -> TextRefusal? {
        let isMark = c.unicodeScalars.allSatisfy { TextGate.isCombiningMark($0) }
        if isMark, caret > 0 {
            let marks = graphemes[caret - 1].unicodeScalars.filter { TextGate.isCombiningMark($0) }.count
            if marks + c.unicodeScalars.count > TextGate.maxMarksPerBase {
                return TextRefusal(.marks(limit: TextGate.maxMarksPerBase), position: caret)
            }
            return nil
        }
        if graphemes.count >= limit { return TextRefusal(.tooLong(count: graphemes.count + 1, limit: limit), position: limit + 1) }
        return nil
    }

    /// Why a paste is refused: the gate's verdict on the pasted text, the marks it adds
    /// to the letter before the caret, or the field's length once it is in.
    private func refusalToPaste(_ text: String) -> TextRefusal? {
        let before = caret > 0 ? String(graphemes[caret - 1]) : ""
        if let r = TextGate.check(before + text, multiline: multiline) {
            guard case .tooLong = r.reason else { return TextRefusal(r.reason, position: max(1, r.position - (before.isEmpty ? 0 : 1))) }
        }
        let total = graphemes.count + TextGate.characterCount(text)
        if total > limit { return TextRefusal(.tooLong(count: total, limit: limit), position: limit + 1) }
        return nil
    }

    private mutating func moveVertically(by delta: Int) -> WidgetAction {
        let spans = TextWrap.spans(graphemes, width: max(1, layoutWidth - 1))
        let row = TextEditor.row(of: caret, in: spans)
        let target = row + delta
        guard target >= 0, target < spans.count else { return .ignored }
        let column = Screen.width(String(graphemes[spans[row].start..<caret]))
        var position = spans[target].start, used = 0
        while position < spans[target].end {
            let w = Screen.width(graphemes[position])
            if used + w > column { break }
            used += w; position += 1
        }
        moveCaret(to: position)
        return .handled
    }

    private func currentSpan() -> LineSpan {
        let spans = TextWrap.spans(graphemes, width: max(1, layoutWidth - 1))
        return spans[TextEditor.row(of: caret, in: spans)]
    }

    // MARK: Cleaning input

    /// Whether a typed character can enter the text (controls never do).
    static func isTypeable(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return !(first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0))
            && !TextEditor.isBidiControl(first)
    }

    /// Pasted line breaks and tabs as the field takes them: "\n" kept only in multi-line
    /// fields (CR LF, CR, U+2028/U+2029 become "\n"), otherwise each run becomes one space;
    /// tabs become spaces. Anything else stays, for the gate to judge.
    static func breaksAndTabs(_ text: String, multiline: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if scalar == "\n" && previousCR { continue }
                if multiline { out.append("\n") } else { pendingBreak = true }
                continue
            }
            if pendingBreak { if out.last != " " { out.append(" ") }; pendingBreak = false }
            out.append(scalar == "\t" ? " " : scalar)
        }
        if pendingBreak && !out.isEmpty && out.last != " " { out.append(" ") }
        return String(out)
    }

    /// Makes pasted or programmatic text safe to store: line breaks unified ("\n" kept only
    /// in multi-line fields, otherwise each run becomes one space), tabs become spaces,
    /// other control and bidi-override characters are removed.
    static func clean(_ text: String, multiline: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if multiline { if scalar != "\r" { out.append("\n") } } else { pendingBreak = true }
                continue
            }
            if pendingBreak { if out.last != " " { out.append(" ") }; pendingBreak = false }
            if scalar == "\t" { out.append(" "); continue }
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || isBidiControl(scalar) { continue }
            out.append(scalar)
        }
        if pendingBreak && !out.isEmpty && out.last != " " { out.append(" ") }
        return String(out)
    }

    private static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
            || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
    }

    /// The wrapped line holding `position`: the last line starting at or before it.
    static func row(of position: Int, in spans: [LineSpan]) -> Int {
        var row = 0
        for (index, span) in spans.enumerated() where span.start <= position { row = index }
        return row
    }
}
