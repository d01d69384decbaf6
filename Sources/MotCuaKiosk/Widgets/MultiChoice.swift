// Several options ticked from a list: arrows move, Space ticks or unticks, Enter accepts.
// The tick is drawn as "[x]" so it reads the same without colour.
import MotCuaForms
import MotCuaInterview
import MotCuaText

public struct MultiChoice: Widget, Sendable {
    public let options: [ChoiceOption]
    /// Indices of ticked options.
    public private(set) var checked: Set<Int>
    public private(set) var highlight = 0
    /// Rows the screen shows, for Page Up/Down.
    public var pageSize = 10

    public init(options: [ChoiceOption], selected values: [String] = []) {
        self.options = options
        checked = Set(options.indices.filter { values.contains(options[$0].value) })
    }

    /// The ticked values, in the order of the options.
    public var selectedValues: [String] { options.indices.filter(checked.contains).map { options[$0].value } }

    public mutating func update(_ key: Key) -> WidgetAction {
        let last = max(0, options.count - 1)
        switch key {
        case .up: highlight = max(0, highlight - 1)
        case .down: highlight = min(last, highlight + 1)
        case .home: highlight = 0
        case .end: highlight = last
        case .pageUp: highlight = max(0, highlight - pageSize)
        case .pageDown: highlight = min(last, highlight + pageSize)
        case .character(" "):
            guard options.indices.contains(highlight) else { return .handled }
            if checked.contains(highlight) { checked.remove(highlight) } else { checked.insert(highlight) }
        case .enter: return .submit
        default: return .ignored
        }
        return .handled
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let first = rect.firstVisible(of: options.count, keeping: highlight)
        for (row, i) in options.indices.dropFirst(first).prefix(rect.height).enumerated() {
            let line = rect.row(row)
            let selected = i == highlight && focused
            let style = selected ? Style(.selection) : Style.plain
            if selected { screen.fill(line, style: style) }
            let box = checked.contains(i) ? "[x] " : "[ ] "
            screen.write(box + options[i].label, at: Point(x: line.x, y: line.y), style: style, clip: line)
            if i == highlight && focused { screen.cursor = Point(x: line.x + 1, y: line.y) }
        }
    }

    public func preferredHeight(width: Int) -> Int { min(max(1, options.count), 12) }
}

// As a question's input: `multichoice` fields.
extension MultiChoice: FieldInput {
    public static var fieldTypes: [FieldType] { [.multichoice] }

    public static func make(_ c: WidgetContext) -> MultiChoice {
        let picked = c.value?.arrayValue?.compactMap(\.stringValue) ?? []
        return MultiChoice(options: ChoiceOption.visible(c.field, c.interview, style: c.style), selected: picked)
    }

    public func reading(_ f: Field, _ m: Messages) -> FieldReading {
        let values = selectedValues
        return .value(values.isEmpty ? .null : .array(values.map { .string($0) }))
    }

    public func displayText(strings: KioskStrings) -> String {
        options.indices.filter(checked.contains).map { options[$0].label }.joined(separator: "; ")
    }

    public func fastHeight(width: Int) -> Int { min(6, max(1, options.count)) }
    public var growsVertically: Bool { true }
    public mutating func layout(_ rect: Rect) { pageSize = max(1, rect.height - 1) }
    public var spokenOptions: [String]? { options.map(\.label) }
}

extension ChoiceOption {
    /// The options the field's `filter` lets through now (the shared policy), labelled in the
    /// interview's language, tones placed in the desk's style (the lists mix "Xã Chiêm Hoá"
    /// and "Xã Thanh Thủy"; the screen shows one style).
    static func visible(_ f: Field, _ i: Interview, style: TonePlacementStyle = .traditional) -> [ChoiceOption] {
        let language = i.validator.messages.language
        return i.visibleOptions(f).map { o in
            let label = o.label.resolve(language, fallback: i.form.defaultLanguage)
            return ChoiceOption(value: o.value, label: VietText.normalizeTonePlacement(label, style: style))
        }
    }
}
