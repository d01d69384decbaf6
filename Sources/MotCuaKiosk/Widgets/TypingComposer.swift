// The seam for built-in Vietnamese typing (Telex/VNI, MotCuaText's VietTypingEngine).
// An engine sees the keys of the word being typed and answers with an edit of the text
// just before the caret: "delete N graphemes, then insert this". The editor applies it
// and resets the engine whenever the caret moves or the text changes some other way.

/// Replace the `deleteBefore` graphemes before the caret by `insert`.
public struct TextEdit: Hashable, Sendable {
    public var deleteBefore: Int
    public var insert: String
    public init(deleteBefore: Int = 0, insert: String) { self.deleteBefore = deleteBefore; self.insert = insert }
}

/// A typing engine the text editor can drive (an adapter wraps VietTypingEngine).
public protocol TypingComposer: Sendable {
    /// One printable key typed at the caret; returns the edit to make.
    mutating func feed(_ key: Character) -> TextEdit
    /// Backspace inside the current word; `nil` lets the editor delete one grapheme itself.
    mutating func backspace() -> TextEdit?
    /// Forget the current word (the caret moved, or text changed outside the engine).
    mutating func reset()
}
