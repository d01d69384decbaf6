// One value that can hold any of the input widgets, so a screen can keep a list of
// fields of different types and forward keys and drawing without knowing which is which.

public enum FieldWidget: Widget, Sendable {
    case text(TextEditor)
    case number(NumberField)
    case date(DateField)
    case choice(ChoiceList)
    case multichoice(MultiChoice)
    case boolean(BooleanField)
    case note(NoteView)

    public mutating func update(_ key: Key) -> WidgetAction {
        switch self {
        case .text(var w): let a = w.update(key); self = .text(w); return a
        case .number(var w): let a = w.update(key); self = .number(w); return a
        case .date(var w): let a = w.update(key); self = .date(w); return a
        case .choice(var w): let a = w.update(key); self = .choice(w); return a
        case .multichoice(var w): let a = w.update(key); self = .multichoice(w); return a
        case .boolean(var w): let a = w.update(key); self = .boolean(w); return a
        case .note(var w): let a = w.update(key); self = .note(w); return a
        }
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        switch self {
        case .text(let w): w.render(into: &screen, in: rect, focused: focused)
        case .number(let w): w.render(into: &screen, in: rect, focused: focused)
        case .date(let w): w.render(into: &screen, in: rect, focused: focused)
        case .choice(let w): w.render(into: &screen, in: rect, focused: focused)
        case .multichoice(let w): w.render(into: &screen, in: rect, focused: focused)
        case .boolean(let w): w.render(into: &screen, in: rect, focused: focused)
        case .note(let w): w.render(into: &screen, in: rect, focused: focused)
        }
    }

    public func preferredHeight(width: Int) -> Int {
        switch self {
        case .text(let w): w.preferredHeight(width: width)
        case .number(let w): w.preferredHeight(width: width)
        case .date(let w): w.preferredHeight(width: width)
        case .choice(let w): w.preferredHeight(width: width)
        case .multichoice(let w): w.preferredHeight(width: width)
        case .boolean(let w): w.preferredHeight(width: width)
        case .note(let w): w.preferredHeight(width: width)
        }
    }

    /// True for widgets that can use every row they are given (lists, multi-line text).
    public var growsVertically: Bool {
        switch self {
        case .choice, .multichoice, .note: true
        case .text(let w): w.multiline
        default: false
        }
    }

    /// Tells layout-dependent widgets the size they were given, so keys such as Up/Down and
    /// Page Down move by what is on screen. Call with the rectangle passed to `render`.
    public mutating func layout(_ rect: Rect) {
        switch self {
        case .text(var w): w.layoutWidth = rect.width; self = .text(w)
        case .choice(var w): w.pageSize = max(1, rect.height - 2); self = .choice(w)
        case .multichoice(var w): w.pageSize = max(1, rect.height - 1); self = .multichoice(w)
        case .note(var w): w.layoutSize = rect.size; self = .note(w)
        default: break
        }
    }

    /// The answer as a person reads it ("05/03/2024", "Xã Hùng Đức", "Có"), "" when empty.
    public func displayText(strings: KioskStrings = .vi) -> String {
        switch self {
        case .text(let w): return w.text.replacingOccurrences(of: "\n", with: " / ")
        case .number(let w): return w.text.isEmpty || w.unit.isEmpty ? w.text : w.text + " " + w.unit
        case .date(let w): return w.isEmpty ? "" : w.display
        case .choice(let w): return w.selected?.label ?? ""
        case .multichoice(let w):
            return w.options.indices.filter(w.checked.contains).map { w.options[$0].label }.joined(separator: "; ")
        case .boolean(let w): return w.value.map { $0 ? strings.yes : strings.no } ?? ""
        case .note: return ""
        }
    }
}
