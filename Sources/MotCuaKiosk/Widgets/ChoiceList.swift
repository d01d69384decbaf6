// A choice narrowed by typing: a search line on top, the matching options under it, the
// highlighted one in the selection colour. Each keystroke that extends the query only
// searches the previous matches, which keeps the 3,321 communes instant.
import MotCuaText

public struct ChoiceList: Widget, Sendable {
    public let index: ChoiceIndex
    public var strings: KioskStrings
    /// The search line.
    public private(set) var query: TextEditor
    /// Matching option indices, in display order.
    public private(set) var matches: [Int]
    /// Position of the highlighted option in `matches`.
    public private(set) var highlight = 0
    /// The option accepted with Enter (or given at the start); the answer.
    public private(set) var selected: ChoiceOption?
    /// Rows of options the screen shows (the screen sets it), for Page Up/Down.
    public var pageSize = 10
    /// An optional question: a "leave blank" row heads the list while no search is typed,
    /// so an answer picked earlier can be taken back (Enter on it stores nothing).
    public let allowsBlank: Bool

    private var pool: [Int]          // matches in list order, for narrowing
    private var poolQuery = ""       // folded query `pool` was computed for

    public init(index: ChoiceIndex, selected value: String? = nil, strings: KioskStrings = .vi, allowsBlank: Bool = false) {
        self.index = index; self.strings = strings; self.allowsBlank = allowsBlank
        query = TextEditor()
        pool = Array(index.options.indices)
        matches = pool
        if let value, let i = index.options.firstIndex(where: { $0.value == value }) {
            highlight = i + (allowsBlank ? 1 : 0)
            selected = index.options[i]
        }
    }

    /// The "leave blank" row is on show (first row): optional question, no search typed.
    public var hasBlankRow: Bool { allowsBlank && query.isEmpty }
    private var rowCount: Int { matches.count + (hasBlankRow ? 1 : 0) }
    /// Enter now takes the answer back.
    public var blankHighlighted: Bool { hasBlankRow && highlight == 0 }

    /// The highlighted option (what Enter picks), if any matches.
    public var highlightedOption: ChoiceOption? {
        let position = highlight - (hasBlankRow ? 1 : 0)
        return matches.indices.contains(position) ? index.options[matches[position]] : nil
    }

    public mutating func update(_ key: Key) -> WidgetAction {
        switch key {
        case .up: highlight = max(0, highlight - 1)
        case .down: highlight = min(max(0, rowCount - 1), highlight + 1)
        case .pageUp: highlight = max(0, highlight - pageSize)
        case .pageDown: highlight = min(max(0, rowCount - 1), highlight + pageSize)
        case .enter:
            if blankHighlighted {
                selected = nil
                return .submit
            }
            guard let option = highlightedOption else { return .handled }
            selected = option
            return .submit
        default:
            let before = query.text
            let action = query.update(key)
            if query.text != before { refilter() }
            return action == .submit ? .handled : action
        }
        return .handled
    }

    /// Recomputes the matches. The best match goes on top while searching; clearing the
    /// search goes back to the answer as it stands (the blank row when there is none), not to
    /// whatever the search last highlighted, so Enter on an emptied search changes nothing.
    private mutating func refilter() {
        let folded = FoldedText(query.text)
        pool = index.filter(folded, among: folded.folded.hasPrefix(poolQuery) ? pool : nil)
        poolQuery = folded.folded
        matches = index.rank(pool, by: folded)
        highlight = 0
        if query.isEmpty, let selected, let position = matches.firstIndex(where: { index.options[$0] == selected }) {
            highlight = position + (hasBlankRow ? 1 : 0)
        }
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let label = strings.search + " "
        let used = screen.write(label, at: Point(x: rect.x, y: rect.y), style: .role(.label), clip: rect)
        let searchRow = Rect(x: rect.x + used, y: rect.y, width: min(40, rect.width - used), height: 1)
        query.render(into: &screen, in: searchRow, focused: focused)
        let count = "\(matches.count)/\(index.count)"
        screen.write(count, at: Point(x: rect.maxX - Screen.width(count), y: rect.y), style: .role(.muted), clip: rect)

        let list = rect.inset(top: 1)
        guard !list.isEmpty else { return }
        if matches.isEmpty && !hasBlankRow {
            screen.write(strings.noMatches, at: Point(x: list.x, y: list.y), style: .role(.warning), clip: list)
            return
        }
        let offset = hasBlankRow ? 1 : 0
        let first = list.firstVisible(of: rowCount, keeping: highlight)
        for row in first..<min(rowCount, first + list.height) {
            let line = list.row(row - first)
            let isHighlighted = row == highlight
            let style = isHighlighted ? Style(.selection) : Style.plain
            if isHighlighted { screen.fill(line, style: style) }
            let label = row < offset ? strings.leaveBlank : index.options[matches[row - offset]].label
            // Cut with "…" where the column is narrow (fast mode), never silently.
            screen.write((isHighlighted ? "▸ " : "  ") + TextWrap.fit(label, width: max(1, line.width - 2)), at: Point(x: line.x, y: line.y),
                         style: row < offset && !isHighlighted ? .role(.muted) : style, clip: line)
        }
    }

    public func preferredHeight(width: Int) -> Int { 1 + min(max(1, index.count + (allowsBlank ? 1 : 0)), 10) }
}
