// What was keyed into a search line before Telex/VNI turned it into Vietnamese: the
// search looks for both, so an English or foreign name typed at a Telex desk ("korea",
// "australia") is still found.

enum KeyedText {
    /// The keys after `key`, or nil once they cannot be known (the caret moved, text was
    /// deleted ahead of it); an emptied line starts again.
    static func after(_ key: Key, _ keyed: String?, emptied: Bool) -> String? {
        if emptied { return "" }
        guard var keyed else { return nil }
        switch key {
        case .character(let c): keyed.append(c)
        case .paste(let text): keyed += text
        case .backspace:
            guard !keyed.isEmpty else { return nil }
            keyed.removeLast()
        default: return nil
        }
        return keyed
    }
}
