// Có / Không: arrows or Space move between the two, "c"/"k" (or "y"/"n") pick directly,
// Enter accepts. Unanswered is a real state: nothing is pre-selected for the person.
import MotCuaForms
import MotCuaInterview
import MotCuaText

public struct BooleanField: Widget, Sendable {
    public private(set) var value: Bool?
    public var strings: KioskStrings

    public init(value: Bool? = nil, strings: KioskStrings = .vi) { self.value = value; self.strings = strings }

    public mutating func update(_ key: Key) -> WidgetAction {
        switch key {
        case .left, .up: value = true
        case .right, .down: value = false
        case .character(" "): value = !(value ?? false)
        case .character(let c):
            let folded = VietText.fold(String(c)).first
            if let folded, strings.yesKeys.contains(folded) { value = true }
            else if let folded, strings.noKeys.contains(folded) { value = false }
            else { return .handled }
        case .enter: return .submit
        default: return .ignored
        }
        return .handled
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        var x = rect.x
        for (choice, label) in [(true, strings.yes), (false, strings.no)] {
            let on = value == choice
            let style = on ? Style(focused ? .selection : .label, bold: true) : Style.plain
            let start = x
            x += screen.write((on ? "(•) " : "( ) ") + label, at: Point(x: x, y: rect.y), style: style, clip: rect)
            x += 4
            if focused && (on || (value == nil && choice)) { screen.cursor = Point(x: start + 1, y: rect.y) }
        }
    }

    public func preferredHeight(width: Int) -> Int { 1 }
}

// As a question's input: `boolean` fields.
extension BooleanField: FieldInput {
    public static var fieldTypes: [FieldType] { [.boolean] }
    public static func make(_ c: WidgetContext) -> BooleanField { BooleanField(value: c.value?.boolValue, strings: c.strings) }
    public func reading(_ f: Field, _ m: Messages) -> FieldReading { .value(value.map { .bool($0) } ?? .null) }
    public func displayText(strings: KioskStrings) -> String { value.map { $0 ? strings.yes : strings.no } ?? "" }
}
