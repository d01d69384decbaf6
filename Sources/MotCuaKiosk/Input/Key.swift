// What the person pressed, independent of ncurses: widgets and tests speak only this.

/// One input event from the keyboard (or the terminal).
public enum Key: Hashable, Sendable {
    /// A printable character (a lone combining mark arrives as its own character and is
    /// merged into the previous grapheme by the editor).
    case character(Character)
    case enter, escape, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, insert
    /// F1 … F12 (and higher numbers when the terminal sends them).
    case function(Int)
    /// Ctrl plus a letter, the letter in lower case. Ctrl-I, Ctrl-M and Ctrl-H arrive as
    /// Tab, Enter and Backspace; Ctrl-J (line feed) is `.control("j")`.
    case control(Character)
    /// Text that arrived between bracketed-paste markers: never treated as keys, so a
    /// pasted newline cannot submit anything.
    case paste(String)
    /// The terminal changed size.
    case resize

    /// Each character of `text` as a `.character` key (for tests and scripted input).
    public static func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
