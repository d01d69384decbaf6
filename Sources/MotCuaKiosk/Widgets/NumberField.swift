// A number typed as digits. Keys that cannot be part of a number are refused on the spot
// with a visible reason ("Ô này chỉ nhận chữ số.") rather than silently dropped, so a
// person who types a letter sees why nothing appeared. Both "3,5" (Vietnamese) and
// "3.5" are accepted as a decimal; the value is read in either spelling.
import MotCuaForms
import MotCuaInterview
import Foundation

public struct NumberField: Widget, Sendable {
    public enum Kind: Hashable, Sendable { case integer, decimal }

    public let kind: Kind
    public let allowsNegative: Bool
    /// Shown after the input, e.g. "đồng", "kg" (already in the current language).
    public var unit: String
    public var strings: KioskStrings
    public private(set) var editor: TextEditor
    /// True when the last key was refused; the field then shows `strings.digitsOnly`.
    public private(set) var refusedKey = false

    public init(kind: Kind = .integer, text: String = "", allowsNegative: Bool = false,
                unit: String = "", strings: KioskStrings = .vi) {
        self.kind = kind; self.allowsNegative = allowsNegative
        self.unit = unit; self.strings = strings
        editor = TextEditor(text: NumberField.accepts(text, kind: kind, negative: allowsNegative) ? text : "")
    }

    public var text: String { editor.text }

    /// The number typed, or `nil` when empty or not yet a number ("-", "3,").
    public var value: Decimal? {
        let t = text.replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t != "-", !t.hasSuffix("."), NumberField.accepts(t, kind: kind, negative: allowsNegative)
        else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    public mutating func update(_ key: Key) -> WidgetAction {
        refusedKey = false
        switch key {
        case .character(let c):
            guard TextEditor.isTypeable(c) else { return .ignored }
            var trial = editor
            _ = trial.update(key)
            if NumberField.accepts(trial.text, kind: kind, negative: allowsNegative) { editor = trial } else { refusedKey = true }
            return .handled
        case .paste(let pasted):
            // Spaces and the no-break spaces of copied amounts are not part of the number.
            let digits = pasted.filter { !$0.isWhitespace }
            var trial = editor
            _ = trial.update(.paste(digits))
            if NumberField.accepts(trial.text, kind: kind, negative: allowsNegative) { editor = trial } else { refusedKey = true }
            return .handled
        default:
            return editor.update(key)
        }
    }

    /// Whether `text` is a number being typed: optional leading minus, digits, and for
    /// decimals at most one "," or "." after at least one digit.
    static func accepts(_ text: String, kind: Kind, negative: Bool) -> Bool {
        var seenSeparator = false, seenDigit = false
        for (i, c) in text.enumerated() {
            if c == "-" && i == 0 && negative { continue }
            if c.isASCII && c.isNumber { seenDigit = true; continue }
            if (c == "," || c == ".") && kind == .decimal && !seenSeparator && seenDigit { seenSeparator = true; continue }
            return false
        }
        return true
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let unitWidth = unit.isEmpty ? 0 : Screen.width(unit) + 1
        let inputWidth = max(1, min(24, rect.width - unitWidth))
        let input = Rect(x: rect.x, y: rect.y, width: inputWidth, height: 1)
        editor.render(into: &screen, in: input, focused: focused)
        if !unit.isEmpty {
            screen.write(unit, at: Point(x: input.maxX + 1, y: rect.y), style: .plain, clip: rect)
        }
        if refusedKey && rect.height >= 2 {
            screen.write(strings.digitsOnly, at: Point(x: rect.x, y: rect.y + 1), style: Style(.warning), clip: rect)
        }
    }

    public func preferredHeight(width: Int) -> Int { 2 }
}

// As a question's input: `integer` and `decimal` fields.
extension NumberField: FieldInput {
    public static var fieldTypes: [FieldType] { [.integer, .decimal] }

    public static func make(_ c: WidgetContext) -> NumberField {
        let f = c.field
        return NumberField(kind: f.type == .integer ? .integer : .decimal, text: numberText(c.value),
                           allowsNegative: allowsNegative(f), unit: c.interview.text(f.unit), strings: c.strings)
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

    /// A default or an earlier answer ("1" for the copies) is replaced by the first digit
    /// typed, not extended to "12"; Backspace and the caret keys keep it to edit.
    public mutating func selectForReplacing() { editor.selectAll() }
    public func reading(_ f: Field, _ m: Messages) -> FieldReading { FieldWidgets.parse(text, f, m) }
    public func displayText(strings: KioskStrings) -> String { text.isEmpty || unit.isEmpty ? text : text + " " + unit }
    public func fastHeight(width: Int) -> Int { refusedKey ? 2 : 1 }
}
