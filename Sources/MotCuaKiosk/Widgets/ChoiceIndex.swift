// Search over a list of options, folded once when the list is built so that narrowing
// 3,321 communes costs a byte scan per keystroke, not a Unicode fold of every label.
// "hung duc" finds "Xã Hùng Đức": every word of the query must occur in the folded label;
// labels where every word starts a word come first, otherwise the list order is kept.
import MotCuaText

/// One option of a choice: the stored value and the label a person reads.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var label: String
    public init(value: String, label: String) { self.value = value; self.label = label }
}

/// Options plus their folded labels, ready to search.
public struct ChoiceIndex: Sendable {
    public let options: [ChoiceOption]
    private let folded: [FoldedText]

    public init(_ options: [ChoiceOption]) {
        self.options = options
        folded = options.map { FoldedText($0.label) }
    }

    public var count: Int { options.count }

    /// Indices (ascending) among `candidates` (default: all) whose label holds every word
    /// of `query`.
    public func filter(_ query: FoldedText, among candidates: [Int]? = nil) -> [Int] {
        let pool = candidates ?? Array(options.indices)
        if query.isEmpty { return pool }
        return pool.filter { folded[$0].containsAllWords(of: query) }
    }

    /// `matches` reordered: labels where every query word starts a word come first, each
    /// group in its original order.
    public func rank(_ matches: [Int], by query: FoldedText) -> [Int] {
        if query.isEmpty { return matches }
        var first: [Int] = [], rest: [Int] = []
        for i in matches {
            if folded[i].matchesWordPrefixes(of: query) { first.append(i) } else { rest.append(i) }
        }
        return first + rest
    }
}
