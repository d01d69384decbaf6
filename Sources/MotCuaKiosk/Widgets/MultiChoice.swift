// Several options ticked from a list: arrows move, Space ticks or unticks, Enter accepts.
// The tick is drawn as "[x]" so it reads the same without colour.

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
