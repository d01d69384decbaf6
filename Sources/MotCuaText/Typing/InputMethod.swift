// The kinds of keyboard typing the kiosk offers and the edit the engine hands back to the
// text field after each key. Edits are expressed relative to the caret so that the engine
// works with any text field: the ncurses form, the plain line mode, a test buffer.

/// How keys become Vietnamese letters.
public enum InputMethod: String, Sendable, CaseIterable {
    /// aa ee oo → â ê ô, aw ow uw → ă ơ ư, dd → đ, s f r x j → the tones, z removes.
    case telex
    /// 6 roof, 7 hook, 8 breve, 9 đ, 1–5 the tones, 0 removes.
    case vni
    /// Every key is typed as it is.
    case off
}

/// What a text field must do after a key: delete `deleteCount` grapheme clusters just
/// before the caret, then insert `insert` at the caret.
public struct TypingEdit: Sendable, Equatable, CustomStringConvertible {
    /// Grapheme clusters to delete before the caret.
    public var deleteCount: Int
    /// Text to insert at the caret after deleting (NFC).
    public var insert: String

    public init(deleteCount: Int, insert: String) {
        self.deleteCount = deleteCount
        self.insert = insert
    }

    /// Nothing to do.
    public static let none = TypingEdit(deleteCount: 0, insert: "")

    /// True when the edit changes nothing.
    public var isEmpty: Bool { deleteCount == 0 && insert.isEmpty }

    public var description: String { "TypingEdit(delete \(deleteCount), insert \"\(insert)\")" }

    /// Applies the edit to `text`, taken as everything before the caret.
    public func apply(to text: inout String) {
        if deleteCount > 0 { text.removeLast(min(deleteCount, text.count)) }
        text += insert
    }
}
