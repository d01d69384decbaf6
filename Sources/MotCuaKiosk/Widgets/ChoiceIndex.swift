// Search over a list of options, folded once when the list is built so that narrowing
// 3,321 communes costs a byte scan per keystroke, not a Unicode fold of every label.
// "hung duc" finds "Xã Hùng Đức": every word of the query must occur in the folded label;
// labels where every word starts a word come first, otherwise the list order is kept.

/// One option of a choice: the stored value and the label a person reads.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var label: String
    public init(value: String, label: String) { self.value = value; self.label = label }
}

/// Options plus their folded labels, ready to search.
public struct ChoiceIndex: Sendable {
    public let options: [ChoiceOption]
    /// " " + folded label, as bytes; the leading space makes "starts a word" a plain search.
    private let folded: [[UInt8]]

    public init(_ options: [ChoiceOption]) {
        self.options = options
        folded = options.map { Array((" " + KioskText.fold($0.label)).utf8) }
    }

    public var count: Int { options.count }

    /// The query as search words (folded).
    public static func words(_ query: String) -> [[UInt8]] {
        KioskText.fold(query).split(separator: " ").map { Array($0.utf8) }
    }

    /// Indices (ascending) among `candidates` (default: all) whose label holds every word.
    public func filter(_ words: [[UInt8]], among candidates: [Int]? = nil) -> [Int] {
        let pool = candidates ?? Array(options.indices)
        if words.isEmpty { return pool }
        return pool.filter { i in words.allSatisfy { ChoiceIndex.find($0, in: folded[i], atWordStart: false) } }
    }

    /// `matches` reordered: labels where every word starts a word first, each group in
    /// its original order.
    public func rank(_ matches: [Int], words: [[UInt8]]) -> [Int] {
        if words.isEmpty { return matches }
        var first: [Int] = [], rest: [Int] = []
        for i in matches {
            if words.allSatisfy({ ChoiceIndex.find($0, in: folded[i], atWordStart: true) }) { first.append(i) }
            else { rest.append(i) }
        }
        return first + rest
    }

    /// Whether `needle` occurs in `haystack` (right after a space when `atWordStart`).
    static func find(_ needle: [UInt8], in haystack: [UInt8], atWordStart: Bool) -> Bool {
        let n = needle.count, h = haystack.count
        guard n > 0, n <= h else { return n == 0 }
        var i = atWordStart ? 1 : 0
        while i + n <= h {
            if (!atWordStart || haystack[i - 1] == 0x20) && haystack[i] == needle[0] {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
