// The protocol every question's input keeps, on top of `Widget` (keys in, drawing out):
// how it is made for a field, the typed answer it gives back, how it reads to a person,
// its help line, its height in each layout. One file per widget type conforms to it, and
// `FieldWidgets.kinds` is the single factory from the form's field type, so a new widget
// is one new file and its name in that list: no screen switches over widget kinds.
import MotCuaForms
import MotCuaInterview
import MotCuaText

/// What a widget holds, read as an answer.
public enum FieldReading: Equatable, Sendable {
    /// An answer for `Interview.answer` (`.null` when empty).
    case value(JSONValue)
    /// Not an answer yet; the message says why (shown under the input).
    case invalid(String)
}

/// What a widget is made from: the question, the answer it starts from, the interview
/// (its language, its other answers for a choice's filter) and the desk's choices.
public struct WidgetContext {
    public let field: Field
    /// The answer the input starts from (`Interview.answerToKeep`), nil to start empty.
    public let value: JSONValue?
    public let interview: Interview
    public let strings: KioskStrings
    public let style: TonePlacementStyle

    public init(field: Field, value: JSONValue?, interview: Interview, strings: KioskStrings, style: TonePlacementStyle) {
        self.field = field; self.value = value; self.interview = interview; self.strings = strings; self.style = style
    }

    var messages: Messages { interview.validator.messages }
}

/// A question's input. Only `fieldTypes`, `make`, `reading` and `displayText` are required;
/// the rest say how the widget differs from a one-line input that needs nothing else.
public protocol FieldInput: Widget, Sendable {
    /// The form's field types this widget answers.
    static var fieldTypes: [FieldType] { get }
    /// The widget for `context.field`, filled from `context.value`.
    static func make(_ context: WidgetContext) -> Self
    /// The content as the typed answer to `f` (with the same `TypedInput` rules as plain mode).
    func reading(_ f: Field, _ m: Messages) -> FieldReading
    /// The answer as a person reads it ("05/03/2024", "Xã Hùng Đức", "Có"), "" when empty.
    func displayText(strings: KioskStrings) -> String
    /// The help screen's lines about this input's keys.
    func helpLines(_ m: Messages) -> [String]
    /// Rows when focused on a fast-mode page (a list shows a few options, not a screenful).
    func fastHeight(width: Int) -> Int
    /// True for inputs that can use every row they are given (lists, multi-line text).
    var growsVertically: Bool { get }
    /// True when drawn across the whole body rather than an input's width (a note's text).
    var usesFullWidth: Bool { get }
    /// The rectangle given to `render`, so Up/Down and Page Down move by what is on screen.
    mutating func layout(_ rect: Rect)
    /// Arriving at an answered question, or after a refusal: typing replaces the answer.
    mutating func selectForReplacing()
    /// The desk's Telex/VNI engine (nil: off); `vietnamese` when the field takes Vietnamese.
    mutating func setTyping(_ engine: VietTypingEngine?, vietnamese: Bool)
    /// Why the last key was refused on the spot (the text gate), nil when it was not.
    func refusalMessage(_ m: Messages) -> String?
    /// After a refused reading, true when the input keeps taking keys as it is (a date still
    /// missing digits) rather than having its content replaced by the next key.
    var keepsTypingAfterRefusal: Bool { get }
    /// The options to read aloud, in order (nil for inputs without a list).
    var spokenOptions: [String]? { get }
}

extension FieldInput {
    public func helpLines(_ m: Messages) -> [String] { FieldWidgets.editingHelp(m) }
    public func fastHeight(width: Int) -> Int { 1 }
    public var growsVertically: Bool { false }
    public var usesFullWidth: Bool { false }
    public mutating func layout(_ rect: Rect) {}
    public mutating func selectForReplacing() {}
    public mutating func setTyping(_ engine: VietTypingEngine?, vietnamese: Bool) {}
    public func refusalMessage(_ m: Messages) -> String? { nil }
    public var keepsTypingAfterRefusal: Bool { false }
    public var spokenOptions: [String]? { nil }
    /// In Vietnamese unless told otherwise (tests, the demo).
    public func displayText() -> String { displayText(strings: .vi) }
}

/// Any question's input, whatever its type: what screens hold and draw.
public typealias FieldWidget = any FieldInput

public enum FieldWidgets {
    /// Every widget type. The first that lists a field's type answers it.
    static let kinds: [any FieldInput.Type] = [
        TextEditor.self, NumberField.self, DateField.self, ChoiceList.self, MultiChoice.self, BooleanField.self, NoteView.self,
    ]

    /// The one factory: the input for `context.field`'s type.
    public static func make(_ context: WidgetContext) -> FieldWidget {
        let kind = kinds.first { $0.fieldTypes.contains(context.field.type) } ?? NoteView.self
        return kind.make(context)
    }

    /// Editing keys and the typing tables: what a first-day volunteer asks for.
    static func editingHelp(_ m: Messages) -> [String] {
        ["kiosk.help.editing", "kiosk.help.telex", "kiosk.help.vni"].map { m.text($0) }
    }

    /// A typed text as an answer to `f`, with the plain mode's `TypedInput` rules.
    static func parse(_ text: String, _ f: Field, _ m: Messages) -> FieldReading {
        switch TypedInput.parse(text, for: f, language: m.language) {
        case .empty: return .value(.null)
        case .value(let v): return .value(v)
        case .invalid(let key, let args): return .invalid(m.text(key, args))
        }
    }
}
