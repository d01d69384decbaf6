// The input of the question under the interview's cursor: the widget that suits the
// field's type, filled from the stored answer (or the form's default), and the message
// shown right under it. It turns what the widget holds back into the answer the engine
// takes, with the same TypedInput rules as the plain mode, so typing works alike in both.
import MotCuaForms
import MotCuaInterview
import MotCuaText

/// What a widget holds, read as an answer.
enum FieldReading: Equatable {
    /// An answer for `Interview.answer` (`.null` when empty).
    case value(JSONValue)
    /// Not an answer yet; the message says why (shown under the input).
    case invalid(String)
}

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
        let value = i.currentAnswer.flatMap { $0.isNull ? nil : $0 } ?? i.suggestedAnswer
        widget = FieldEditor.widget(f, value, i, strings: strings, style: style)
        setTyping(typing, style: style)
        selectText()
    }

    /// Selects a text answer's whole text, so typing replaces it (on arriving at a question
    /// answered before, and after an answer is refused).
    mutating func selectText() {
        switch widget {
        case .text(var editor):
            editor.selectAll()
            widget = .text(editor)
        case .date(var date):
            date.replacesOnTyping = !date.isEmpty
            widget = .date(date)
        default: break
        }
    }

    /// Telex/VNI only where names and addresses are typed: ID numbers, phones and e-mail
    /// addresses are Latin whatever the form says.
    static func typingApplies(_ f: Field) -> Bool { TypedInput.vietnameseTypingApplies(f) }

    /// The desk's Telex/VNI applies to name fields and to every chooser's search line
    /// (option names are Vietnamese; the search ignores the marks anyway, and ranks rows
    /// with the marks typed first).
    mutating func setTyping(_ method: InputMethod, style: TonePlacementStyle) {
        let engine = method == .off ? nil : VietTypingEngine(method: method, style: style)
        switch widget {
        case .text(var editor) where vietnamese:
            editor.typing = engine
            widget = .text(editor)
        case .choice(var list):
            list.typing = engine
            widget = .choice(list)
        default: break
        }
    }

    /// Empties the input (a `confirm` field asks to type it again from scratch).
    mutating func clear(_ i: Interview, strings: KioskStrings, typing: InputMethod, style: TonePlacementStyle) {
        guard let f = i.currentField else { return }
        widget = FieldEditor.widget(f, nil, i, strings: strings, style: style)
        setTyping(typing, style: style)
    }

    // MARK: Making widgets

    static func widget(_ f: Field, _ value: JSONValue?, _ i: Interview, strings: KioskStrings,
                       style: TonePlacementStyle = .traditional) -> FieldWidget {
        switch f.type {
        case .text:
            return .text(TextEditor(text: value?.stringValue ?? "", multiline: f.multiline))
        case .integer, .decimal:
            return .number(NumberField(kind: f.type == .integer ? .integer : .decimal, text: numberText(value),
                                       allowsNegative: allowsNegative(f), unit: i.text(f.unit), strings: strings))
        case .date:
            return .date(DateField(precision: precision(f.precision), iso: value?.stringValue, strings: strings))
        case .choice:
            let language = i.validator.messages.language
            return .choice(ChoiceList(index: OptionIndex(options: visibleOptions(f, i), language: language), style: style,
                                      selected: value?.stringValue, strings: strings, messages: i.validator.messages,
                                      allowsBlank: !isRequired(f, i)))
        case .multichoice:
            let picked = value?.arrayValue?.compactMap(\.stringValue) ?? []
            return .multichoice(MultiChoice(options: choiceOptions(f, i, style: style), selected: picked))
        case .boolean:
            return .boolean(BooleanField(value: value?.boolValue, strings: strings))
        case .note, .repeat, .calculate:
            let hint = i.text(f.hint)
            return .note(NoteView(text: i.text(f.label) + (hint.isEmpty ? "" : "\n\n" + hint)))
        }
    }

    /// The options the field's `filter` lets through now (the communes of the chosen
    /// province), labelled in the interview's language, tones placed in the desk's style
    /// (the lists mix "Xã Chiêm Hoá" and "Xã Thanh Thủy"; the screen shows one style).
    static func choiceOptions(_ f: Field, _ i: Interview, style: TonePlacementStyle = .traditional) -> [ChoiceOption] {
        let language = i.validator.messages.language
        return visibleOptions(f, i).map { o in
            let label = o.label.resolve(language, fallback: i.form.defaultLanguage)
            return ChoiceOption(value: o.value, label: VietText.normalizeTonePlacement(label, style: style))
        }
    }

    /// The options the field's `filter` lets through now.
    static func visibleOptions(_ f: Field, _ i: Interview) -> [Option] {
        guard f.filter != nil else { return f.options }
        let scope = i.currentScope
        return f.options.filter { i.validator.optionAllowed(f, $0.value, scope) }
    }

    static func numberText(_ v: JSONValue?) -> String {
        switch v {
        case .int(let n)?: return String(n)
        case .double(let d)?:
            if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
            return String(d).replacingOccurrences(of: ".", with: ",")  // as Vietnamese write it
        case .string(let s)?: return s
        default: return ""
        }
    }

    /// A minus sign is refused on the spot unless the field's minimum is below zero.
    static func allowsNegative(_ f: Field) -> Bool {
        if case .number(let m)? = f.min { return m < 0 }
        return false
    }

    static func precision(_ p: CalendarDate.Precision) -> DateField.Precision {
        switch p {
        case .day: .day
        case .month: .month
        case .year: .year
        }
    }

    // MARK: Reading the answer

    /// The widget's content as an answer to `f`.
    func reading(_ f: Field, _ m: Messages) -> FieldReading {
        switch widget {
        case .text(let e): return FieldEditor.parse(e.text, f, m)
        case .number(let n): return FieldEditor.parse(n.text, f, m)
        case .date(let d):
            if d.isEmpty { return .value(.null) }
            if let iso = d.iso { return .value(.string(iso)) }
            if d.problem == .incomplete {
                return .invalid(m.text(TypedInput.dateKey(f.precision), TypedInput.dateArguments(f.precision)))
            }
            return .invalid(m.text("input.date.impossible"))
        case .choice(let c):
            // Tab away after narrowing or moving (fast mode) takes the highlighted option, as Enter would.
            return .value(c.answerOnLeaving.map { .string($0.value) } ?? .null)
        case .multichoice(let mc):
            let values = mc.selectedValues
            return .value(values.isEmpty ? .null : .array(values.map { .string($0) }))
        case .boolean(let b):
            return .value(b.value.map { .bool($0) } ?? .null)
        case .note:
            return .value(.null)
        }
    }

    static func parse(_ text: String, _ f: Field, _ m: Messages) -> FieldReading {
        switch TypedInput.parse(text, for: f, language: m.language) {
        case .empty: return .value(.null)
        case .value(let v): return .value(v)
        case .invalid(let key, let args): return .invalid(m.text(key, args))
        }
    }

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
