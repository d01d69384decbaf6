// A choice narrowed by typing: a search line on top, the matching options under it, the
// highlighted one in the selection colour. The search is the one OptionIndex every front
// end uses (aliases, former names, typos), so the kiosk finds what plain mode finds; a row
// found by another name says which ("trước đây: Hà Giang").
import MotCuaInterview
import MotCuaForms
import MotCuaText

/// One option of a choice as the screen shows it: the stored value and the label.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var label: String
    public init(value: String, label: String) { self.value = value; self.label = label }
}

public struct ChoiceList: Widget, Sendable {
    /// The search over the options (their labels, other names and former names).
    public let index: OptionIndex
    /// The options as shown, in the index's order (tones placed in the desk's style).
    public let options: [ChoiceOption]
    public var strings: KioskStrings
    /// Where the words for "why this row matched" come from (none: the other name alone).
    public var messages: Messages?
    /// The search line.
    public private(set) var query: TextEditor
    /// The keys typed into it, before Telex/VNI (nil once the caret moved: unknown).
    private var keyed: String? = ""
    /// Matching options, best first, each with why it matched.
    public private(set) var matches: [SearchHit]
    /// Position of the highlighted option in `matches`.
    public private(set) var highlight = 0
    /// The option accepted with Enter (or given at the start); the answer.
    public private(set) var selected: ChoiceOption?
    /// Rows of options the screen shows (the screen sets it), for Page Up/Down.
    public var pageSize = 10
    /// An optional question: a "leave blank" row heads the list while no search is typed,
    /// so an answer picked earlier can be taken back (Enter on it stores nothing).
    public let allowsBlank: Bool

    /// A chooser over `index`'s options; labels shown with tones placed in `style`.
    public init(index: OptionIndex, style: TonePlacementStyle = .traditional, selected value: String? = nil,
                strings: KioskStrings = .vi, messages: Messages? = nil, allowsBlank: Bool = false) {
        self.index = index; self.strings = strings; self.messages = messages; self.allowsBlank = allowsBlank
        options = index.options.map {
            ChoiceOption(value: $0.value, label: VietText.normalizeTonePlacement($0.label.resolve(index.language), style: style))
        }
        query = TextEditor()
        matches = options.indices.map { SearchHit(index: $0) }
        if let value, let i = options.firstIndex(where: { $0.value == value }) {
            highlight = i + (allowsBlank ? 1 : 0)
            selected = options[i]
        }
    }

    /// A chooser over plain labels (the demo, tests).
    public init(_ options: [ChoiceOption], selected value: String? = nil, strings: KioskStrings = .vi, allowsBlank: Bool = false) {
        self.init(index: OptionIndex(options: options.map { Option(value: $0.value, label: LocalizedText($0.label)) }),
                  selected: value, strings: strings, allowsBlank: allowsBlank)
    }

    public var count: Int { options.count }

    /// Built-in Vietnamese typing in the search line, as in any name field.
    public var typing: VietTypingEngine? {
        get { query.typing }
        set { query.typing = newValue }
    }

    /// The "leave blank" row is on show (first row): optional question, no search typed.
    public var hasBlankRow: Bool { allowsBlank && query.isEmpty }
    private var rowCount: Int { matches.count + (hasBlankRow ? 1 : 0) }
    /// Enter now takes the answer back.
    public var blankHighlighted: Bool { hasBlankRow && highlight == 0 }

    /// The highlighted option (what Enter picks), if any matches.
    public var highlightedOption: ChoiceOption? {
        let position = highlight - (hasBlankRow ? 1 : 0)
        return matches.indices.contains(position) ? options[matches[position].index] : nil
    }

    /// The highlight was moved with the arrows since the list was last filtered: Tab away
    /// (fast mode) takes that row, as Enter would.
    public private(set) var highlightMoved = false

    /// What leaving the list by Tab answers: the highlighted row once searched for or moved
    /// to (nil on the blank row), else the answer as it stands (Shift-Tab changes nothing).
    public var answerOnLeaving: ChoiceOption? {
        if highlightMoved && blankHighlighted { return nil }
        return query.isEmpty && !highlightMoved ? selected : (highlightedOption ?? selected)
    }

    public mutating func update(_ key: Key) -> WidgetAction {
        switch key {
        case .up: highlight = max(0, highlight - 1); highlightMoved = true
        case .down: highlight = min(max(0, rowCount - 1), highlight + 1); highlightMoved = true
        case .pageUp: highlight = max(0, highlight - pageSize); highlightMoved = true
        case .pageDown: highlight = min(max(0, rowCount - 1), highlight + pageSize); highlightMoved = true
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
            keyed = KeyedText.after(key, keyed, emptied: query.isEmpty)
            if query.text != before { refilter() }
            return action == .submit ? .handled : action
        }
        return .handled
    }

    /// Recomputes the matches. The best match goes on top while searching; clearing the
    /// search goes back to the answer as it stands (the blank row when there is none), not to
    /// whatever the search last highlighted, so Enter on an emptied search changes nothing.
    private mutating func refilter() {
        // As shown and, where Telex changed them, as keyed ("korea" is not "kỏea").
        let searches = [query.text] + (keyed.map { $0 == query.text ? [] : [$0] } ?? [])
        matches = SearchHit.merged(searches.map { index.hits($0) })
        highlight = 0
        highlightMoved = false
        if query.isEmpty, let selected, let position = matches.firstIndex(where: { options[$0.index] == selected }) {
            highlight = position + (hasBlankRow ? 1 : 0)
        }
    }

    /// A row's text: the label, and why it matched when another name found it.
    func rowText(_ hit: SearchHit) -> String {
        let label = options[hit.index].label
        guard let reason = hit.reason else { return label }
        return label + " (" + (messages.map { reason.text($0) } ?? reason.text) + ")"
    }

    public func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let label = strings.search + " "
        let used = screen.write(label, at: Point(x: rect.x, y: rect.y), style: .role(.label), clip: rect)
        let searchRow = Rect(x: rect.x + used, y: rect.y, width: min(40, rect.width - used), height: 1)
        query.render(into: &screen, in: searchRow, focused: focused)
        let count = "\(matches.count)/\(options.count)"
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
            let label = row < offset ? strings.leaveBlank : rowText(matches[row - offset])
            // Cut with "…" where the column is narrow (fast mode), never silently.
            screen.write((isHighlighted ? "▸ " : "  ") + TextWrap.fit(label, width: max(1, line.width - 2)), at: Point(x: line.x, y: line.y),
                         style: row < offset && !isHighlighted ? .role(.muted) : style, clip: line)
        }
    }

    public func preferredHeight(width: Int) -> Int { 1 + min(max(1, options.count + (allowsBlank ? 1 : 0)), 10) }
}

// As a question's input: `choice` fields, over the options the field's filter lets through.
extension ChoiceList: FieldInput {
    public static var fieldTypes: [FieldType] { [.choice] }

    public static func make(_ c: WidgetContext) -> ChoiceList {
        let i = c.interview, m = c.messages
        return ChoiceList(index: OptionIndex(options: i.visibleOptions(c.field), language: m.language), style: c.style,
                          selected: c.value?.stringValue, strings: c.strings, messages: m,
                          allowsBlank: !i.validator.isRequired(c.field, i.currentScope))
    }

    /// Tab away after narrowing or moving (fast mode) takes the highlighted option, as Enter would.
    public func reading(_ f: Field, _ m: Messages) -> FieldReading { .value(answerOnLeaving.map { .string($0.value) } ?? .null) }
    public func displayText(strings: KioskStrings) -> String { selected?.label ?? "" }
    public func fastHeight(width: Int) -> Int { 1 + min(5, max(1, matches.count)) }
    public var growsVertically: Bool { true }
    public mutating func layout(_ rect: Rect) { pageSize = max(1, rect.height - 2) }
    /// Every chooser's search line takes the desk's Telex/VNI (option names are Vietnamese;
    /// the search ignores the marks anyway, and ranks rows with the marks typed first).
    public mutating func setTyping(_ engine: VietTypingEngine?, vietnamese: Bool) { typing = engine }
    public var spokenOptions: [String]? { options.map(\.label) }
}
