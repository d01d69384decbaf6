// What was keyed into a search line before Telex/VNI turned it into Vietnamese: the
// search looks for both, so an English or foreign name typed at a Telex desk ("korea",
// "australia") is still found.

import MotCuaText

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

/// A screen's search line (home's catalog, the returning citizen's dossiers): the editor,
/// with Telex/VNI, and the keys as typed, so a screen searches both without keeping them
/// itself.
struct SearchLine {
    private(set) var editor: TextEditor
    private(set) var keyed: String? = ""

    init(typing: VietTypingEngine?) { editor = TextEditor(typing: typing) }

    var text: String { editor.text }
    var isEmpty: Bool { editor.isEmpty }
    /// The second query: the keys as typed, when Telex/VNI changed the letters.
    var asKeyed: String? { keyed.flatMap { $0 != editor.text ? $0 : nil } }

    mutating func clear() { editor.setText(""); keyed = "" }

    /// Gives the key to the line; true when its text changed (search again).
    mutating func update(_ key: Key) -> Bool {
        let before = editor.text
        _ = editor.update(key)
        keyed = KeyedText.after(key, keyed, emptied: editor.isEmpty)
        return editor.text != before
    }

    func render(into screen: inout Screen, in rect: Rect, focused: Bool) {
        editor.render(into: &screen, in: rect, focused: focused)
    }
}

/// ↑/↓ one row, PgUp/PgDn ten, in a list of `count` rows; nil for any other key.
enum ListHighlight {
    static func moved(_ key: Key, _ highlight: Int, count: Int) -> Int? {
        let last = max(0, count - 1)
        switch key {
        case .up: return max(0, highlight - 1)
        case .down: return min(last, highlight + 1)
        case .pageUp: return max(0, highlight - 10)
        case .pageDown: return min(last, highlight + 10)
        default: return nil
        }
    }
}
