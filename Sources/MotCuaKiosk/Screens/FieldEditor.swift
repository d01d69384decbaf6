// The input of the question under the interview's cursor: the widget that suits the
// field's type, filled from the stored answer (or the form's default), and the message
// shown right under it. It turns what the widget holds back into the answer the engine
// takes, with the same TypedInput rules as the plain mode, so typing works alike in both.
import MotCuaForms
import MotCuaInterview
import MotCuaText

struct FieldEditor {
    var widget: FieldWidget
    var message: String?
    var messageIsError = true
    /// Built-in Vietnamese typing applies (`input: vietnamese`, and not a number-like format).
    let vietnamese: Bool
    /// The person saw the warning about this answer and pressed Enter again: go on.
    var acknowledged: JSONValue?

    /// The editor for the question under the cursor; nil on the review or a repeat's list.
    init?(_ i: Interview, strings: KioskStrings, typing: InputMethod, style: TonePlacementStyle) {
        guard let f = i.currentField, f.type != .repeat, f.type != .calculate else { return nil }
        vietnamese = FieldEditor.typingApplies(f)
        let value = i.answerToKeep  // what Enter keeps (the shared policy)
        widget = FieldEditor.widget(f, value, i, strings: strings, style: style)
        setTyping(typing, style: style)
        selectText()
    }

    /// Selects a text answer's whole text, so typing replaces it (on arriving at a question
    /// answered before, and after an answer is refused).
    mutating func selectText() { widget.selectForReplacing() }

    /// Telex/VNI only where names and addresses are typed: ID numbers, phones and e-mail
    /// addresses are Latin whatever the form says.
    static func typingApplies(_ f: Field) -> Bool { TypedInput.vietnameseTypingApplies(f) }

    /// The desk's Telex/VNI applies to name fields and to every chooser's search line
    /// (option names are Vietnamese; the search ignores the marks anyway, and ranks rows
    /// with the marks typed first).
    mutating func setTyping(_ method: InputMethod, style: TonePlacementStyle) {
        widget.setTyping(method == .off ? nil : VietTypingEngine(method: method, style: style), vietnamese: vietnamese)
    }

    /// Empties the input (a `confirm` field asks to type it again from scratch).
    mutating func clear(_ i: Interview, strings: KioskStrings, typing: InputMethod, style: TonePlacementStyle) {
        guard let f = i.currentField else { return }
        widget = FieldEditor.widget(f, nil, i, strings: strings, style: style)
        setTyping(typing, style: style)
    }

    // MARK: Making widgets

    /// The input for `f` (the one factory, `FieldWidgets.make`), filled from `value`.
    static func widget(_ f: Field, _ value: JSONValue?, _ i: Interview, strings: KioskStrings,
                       style: TonePlacementStyle = .traditional) -> FieldWidget {
        FieldWidgets.make(WidgetContext(field: f, value: value, interview: i, strings: strings, style: style))
    }

    // MARK: Reading the answer

    /// The widget's content as an answer to `f`.
    func reading(_ f: Field, _ m: Messages) -> FieldReading { widget.reading(f, m) }

    // MARK: What the question says

    /// Label, hint, example and message of the question under the cursor.
    func content(_ i: Interview, _ m: Messages) -> QuestionContent {
        guard let f = i.currentField else { return QuestionContent(label: "") }
        if f.type == .note {
            // A note's text is its label, often long: it goes in the body, the page title on top.
            let page = i.form.fieldIndex[f.id].map { i.text(i.form.pages[$0.page].title) } ?? ""
            return QuestionContent(label: page.isEmpty ? m.text("kiosk.note.title") : page)
        }
        var label = i.text(f.label)
        if case .item(let rid, let index, _) = i.cursor { label = i.itemLabel(rid, index) + " · " + label }
        var hint = i.text(f.hint)
        // A page's introduction goes with its first question, where the person meets it.
        if case .field = i.cursor, let place = i.form.fieldIndex[f.id] {
            let page = i.form.pages[place.page]
            let intro = i.text(page.intro)
            if !intro.isEmpty, page.fields.first(where: { i.isRelevant($0.id) && $0.type.isAsked })?.id == f.id {
                hint = hint.isEmpty ? intro : intro + " " + hint
            }
        }
        // A yes/no right after a note ("Đồng ý với lời cam đoan trên?") shows the note's text
        // again: the declaration stays in view while the person agrees to it.
        if f.type == .boolean, case .field = i.cursor, let place = i.form.fieldIndex[f.id], place.field > 0 {
            let before = i.form.pages[place.page].fields[place.field - 1]
            if before.type == .note, i.isRelevant(before.id) {
                let note = i.text(before.label)
                if !note.isEmpty { hint = hint.isEmpty ? note : note + " " + hint }
            }
        }
        let example = i.text(f.example)
        return QuestionContent(label: label, required: FieldEditor.isRequired(f, i),
                               hint: hint.isEmpty ? nil : hint,
                               example: example.isEmpty ? nil : m.text("kiosk.example", ["text": example]),
                               message: message, messageIsError: messageIsError)
    }

    static func isRequired(_ f: Field, _ i: Interview) -> Bool {
        i.validator.isRequired(f, i.currentScope)
    }
}
