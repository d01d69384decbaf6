// A date typed as digits into a DD/MM/YYYY mask (MM/YYYY or YYYY for month or year
// precision, e.g. a parent's year of birth). The slashes are part of the mask, so a person
// types only digits; typing "/" after a single digit pads it ("5/" → "05/"). The value
// is checked for a real calendar date, and given in ISO form for storage.
import MotCuaInterview
import MotCuaForms  // CalendarDate.daysIn: one calendar rule for the engine and the widget

public struct DateField: Widget, Sendable {
    public enum Precision: String, Hashable, Sendable { case day, month, year }

    /// Why a typed date is not (yet) a date.
    public enum Problem: Hashable, Sendable { case incomplete, invalidMonth, invalidDay }

    public let precision: Precision
    public var strings: KioskStrings
    /// The digits typed so far, at most 8, 6 or 4.
    public private(set) var digits: [Int] = []

    /// Starts empty, or from a stored ISO value ("2024-03-05", "2024-03", "1960").
    public init(precision: Precision = .day, iso: String? = nil, strings: KioskStrings = .vi) {
        self.precision = precision; self.strings = strings
        if let iso, let parts = DateField.parseISO(iso, precision: precision) {
            digits = parts.reversed().flatMap { part in part.text.compactMap { $0.wholeNumberValue } }
        }
    }

    /// Digits per group, in typing order (day, month, year).
    private var groups: [Int] {
        switch precision { case .day: [2, 2, 4]; case .month: [2, 4]; case .year: [4] }
    }
    private var capacity: Int { groups.reduce(0, +) }

    public var isEmpty: Bool { digits.isEmpty }
    public var isComplete: Bool { digits.count == capacity }

    /// The typed components when complete (day and month nil for coarser precision).
    public var components: (day: Int?, month: Int?, year: Int)? {
        guard isComplete else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        switch precision {
        case .day: return (number(0..<2), number(2..<4), number(4..<8))
        case .month: return (nil, number(0..<2), number(2..<6))
        case .year: return (nil, nil, number(0..<4))
        }
    }

    /// What is wrong, or `nil` when the field is empty or holds a real date.
    public var problem: Problem? {
        if digits.isEmpty { return nil }
        guard let c = components else { return .incomplete }
        if let month = c.month, !(1...12).contains(month) { return .invalidMonth }
        if let day = c.day, let month = c.month, !(1...CalendarDate.daysIn(month: month, year: c.year)).contains(day) {
            return .invalidDay
        }
        return nil
    }

    /// The date for storage: "2024-03-05", "2024-03" or "1960"; nil unless complete and valid.
    public var iso: String? {
        guard problem == nil, let c = components else { return nil }
        let year = String(repeating: "0", count: max(0, 4 - String(c.year).count)) + String(c.year)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch precision {
        case .day: return "\(year)-\(two(c.month!))-\(two(c.day!))"
        case .month: return "\(year)-\(two(c.month!))"
        case .year: return year
        }
    }

    /// Set on a date given before or just refused: the first digit typed starts a new date
    /// instead of being lost on a full mask (issue 14: typing replaces the old answer).
    public var replacesOnTyping = false

    public mutating func update(_ key: Key) -> WidgetAction {
        let replacing = replacesOnTyping
        replacesOnTyping = false
        switch key {
        case .character(let c):
            if replacing, c.wholeNumberValue != nil { digits.removeAll() }
            type(c)
        case .paste(let text):
            if replacing { digits.removeAll() }
            for c in text { type(c) }
        case .backspace: if !digits.isEmpty { digits.removeLast() }
        case .delete, .control("u"), .control("k"), .control("w"): digits.removeAll()  // as in a text field: clear it
        case .enter: return .submit
        case .left, .right, .home, .end: break  // the caret always follows the last digit
        default: return .ignored
        }
        return .handled
    }

    private mutating func type(_ c: Character) {
        if let d = c.wholeNumberValue, c.isASCII {
            if digits.count < capacity { digits.append(d) }
        } else if c == "/" || c == "." || c == "-" || c == " " {
            // One digit in a day or month group: pad it with a leading zero.
            var end = 0
            for size in groups.dropLast() {
                end += size
                if digits.count == end - 1 { digits.insert(0, at: end - 2); return }
            }
        }
    }

    /// The mask with typed digits: "05/03/2024", "05/0t/nnnn" while typing.
    public var display: String {
        var out = "", i = 0
        for c in placeholder {
            if c == "/" { out.append(c); continue }
            out.append(i < digits.count ? Character(String(digits[i])) : c)
            i += 1
        }
        return out
    }

    private var placeholder: String {
        switch precision {
        case .day: strings.dayPlaceholder
        case .month: strings.monthPlaceholder
        case .year: strings.yearPlaceholder
        }
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style = Style(focused ? .inputFocused : .input)
        let empty = Style(.placeholder, underline: true)
        var x = rect.x, slot = 0
        var caretX: Int? = nil  // the next digit's slot; after the mask once complete
        for c in display {
            var cellStyle = style
            if c != "/" {
                if slot == digits.count && caretX == nil { caretX = x }
                if slot >= digits.count { cellStyle = empty }
                slot += 1
            }
            x += screen.write(String(c), at: Point(x: x, y: rect.y), style: cellStyle, clip: rect)
        }
        if focused { screen.cursor = Point(x: min(caretX ?? x, rect.maxX - 1), y: rect.y) }
    }

    public func preferredHeight(width: Int) -> Int { 1 }

    /// The digit groups of a stored value in storage order (year first), or nil if it does
    /// not have the shape `precision` stores.
    private static func parseISO(_ iso: String, precision: Precision) -> [Substring]? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        let shape: [Int] = switch precision { case .day: [4, 2, 2]; case .month: [4, 2]; case .year: [4] }
        guard parts.count == shape.count,
              zip(parts, shape).allSatisfy({ $0.count == $1 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return parts
    }
}

private extension Substring { var text: String { String(self) } }

// As a question's input: `date` fields, at the form's precision.
extension DateField: FieldInput {
    public static var fieldTypes: [FieldType] { [.date] }

    public static func make(_ c: WidgetContext) -> DateField {
        let precision: Precision
        switch c.field.precision {
        case .day: precision = .day
        case .month: precision = .month
        case .year: precision = .year
        }
        return DateField(precision: precision, iso: c.value?.stringValue, strings: c.strings)
    }

    public func reading(_ f: Field, _ m: Messages) -> FieldReading {
        if isEmpty { return .value(.null) }
        if let iso { return .value(.string(iso)) }
        if problem == .incomplete {
            return .invalid(m.text(TypedInput.dateKey(f.precision), TypedInput.dateArguments(f.precision)))
        }
        return .invalid(m.text("input.date.impossible"))
    }

    public func displayText(strings: KioskStrings) -> String { isEmpty ? "" : display }
    public mutating func selectForReplacing() { replacesOnTyping = !isEmpty }
    /// A date still missing digits keeps taking them after "not complete yet".
    public var keepsTypingAfterRefusal: Bool { !isComplete }
}
