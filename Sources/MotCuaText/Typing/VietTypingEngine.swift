// The Telex / VNI typing engine as the front ends use it: feed one key at a time, get back
// an edit relative to the caret. The engine only remembers the word being typed; the text
// field owns the text. A key that is not a letter (or, in VNI, a mark digit) ends the word.

/// A Vietnamese typing state machine fed one key at a time.
///
/// ```swift
/// var engine = VietTypingEngine(method: .telex, style: .traditional)
/// var text = ""
/// for key in "vieetj" { engine.feed(key).apply(to: &text) }   // text == "việt"
/// ```
/// Tell the engine when the caret moves or the field changes by other means: call
/// ``reset()`` (or ``resume(after:)`` to keep editing the word before the caret).
public struct VietTypingEngine: Sendable {
    /// The typing method; changing it ends the current word.
    public var method: InputMethod {
        didSet { if method != oldValue { word = WordComposer() } }
    }
    /// Where tones go in oa, oe, uy. A change applies when the word next changes, so the
    /// text field and ``currentWord`` never disagree in between.
    public var style: TonePlacementStyle
    private var word = WordComposer()

    /// An engine with nothing typed yet.
    public init(method: InputMethod = .telex, style: TonePlacementStyle = .traditional) {
        self.method = method
        self.style = style
    }

    /// The word being composed, as it stands in the text field (empty between words).
    public var currentWord: String { word.rendered() }

    /// Processes one key and returns how the text before the caret changes.
    public mutating func feed(_ key: Character) -> TypingEdit {
        guard let action = method.action(for: key) else {
            word = WordComposer()
            return TypingEdit(deleteCount: 0, insert: String(key))
        }
        let before = word.rendered()
        let taken = word.apply(action, key: key, style: style)
        var edit = VietTypingEngine.difference(from: before, to: word.rendered())
        if !taken {
            edit.insert += String(key)
            word = WordComposer()
        }
        return edit
    }

    /// Processes Backspace: deletes the last character of the word (its tone with it, if
    /// it carried the tone; the other tone is re-placed by rule). With no word in progress
    /// it deletes one grapheme cluster before the caret.
    public mutating func backspace() -> TypingEdit {
        let before = word.rendered()
        guard word.deleteLast(style: style) else { return TypingEdit(deleteCount: 1, insert: "") }
        return VietTypingEngine.difference(from: before, to: word.rendered())
    }

    /// Forgets the word in progress (the caret moved, the field was cleared, a word was
    /// accepted by other means).
    public mutating func reset() {
        word = WordComposer()
    }

    /// Continues the word that ends `textBeforeCaret` (its trailing run of letters), so
    /// that after moving back into "Nguyen" typing "x" gives "Nguyễn". When that text does
    /// not end in letters the engine can continue, this is the same as ``reset()``.
    public mutating func resume(after textBeforeCaret: String) {
        var tail: [Character] = []
        for c in VietText.nfc(textBeforeCaret).reversed() {
            guard Letter.parse(c) != nil else { break }
            tail.append(c)
        }
        if method == .off || !word.load(tail.reversed()) { word = WordComposer() }
    }

    /// Types a whole key sequence into an empty field and returns the text (NFC).
    /// U+0008 (BS) and U+007F (DEL) in `keys` act as Backspace.
    public static func type(_ keys: String, method: InputMethod = .telex,
                            style: TonePlacementStyle = .traditional) -> String {
        var engine = VietTypingEngine(method: method, style: style)
        var text = ""
        for key in keys {
            let edit = (key == "\u{8}" || key == "\u{7F}") ? engine.backspace() : engine.feed(key)
            edit.apply(to: &text)
        }
        return VietText.nfc(text)
    }

    /// The smallest caret edit turning `old` into `new` (both are the word before the caret).
    static func difference(from old: String, to new: String) -> TypingEdit {
        let a = Array(old)
        let b = Array(new)
        var common = 0
        while common < a.count && common < b.count && a[common] == b[common] { common += 1 }
        return TypingEdit(deleteCount: a.count - common, insert: String(b[common...]))
    }
}
