// Turns what ncurses' wget_wch returns into `Key` values. Kept free of terminal calls so
// tests can feed it the exact codes ncurses produces, including a bracketed paste.
// Escape sequences the terminfo entry does not describe (TERM=xterm-256color inside tmux,
// PuTTY) reach us as ESC and then their bytes: they are decoded in EscapeSequences.swift,
// never taken as Esc (back) plus typed text.
import CNCursesW

/// One result of `wget_wch`: a character (`OK`) or a key code (`KEY_CODE_YES`).
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

public struct InputDecoder: Sendable {
    /// Key codes the driver defines for the bracketed-paste markers ESC[200~ and ESC[201~.
    public static let pasteBegin = Int32(KEY_MAX) + 1
    public static let pasteEnd = Int32(KEY_MAX) + 2

    private var paste: String.UnicodeScalarView?
    private var lastWasCR = false
    /// After an ESC: the bytes of the sequence so far (empty: the ESC alone).
    var escape: [UInt8]?
    /// A second key one input gave (Esc then Enter): the driver takes it before reading on.
    var queued: Key?

    /// The key waiting after the last one `decode` returned, if any.
    public mutating func takeQueued() -> Key? {
        defer { queued = nil }
        return queued
    }

    public init() {}

    /// True between the paste markers: the driver keeps reading until the paste ends.
    public var inPaste: Bool { paste != nil }

    /// The key `raw` completes, or `nil` when it only continues a paste or means nothing.
    public mutating func decode(_ raw: RawInput) -> Key? {
        if paste != nil { return continuePaste(raw) }
        if escape != nil {
            switch raw {
            case .character(let value): return continueEscape(value)
            case .keyCode(let code):
                escape = nil  // Alt plus a key the terminfo knows: the key alone
                return InputDecoder.key(code: code, decoder: &self)
            }
        }
        switch raw {
        case .keyCode(let code): return InputDecoder.key(code: code, decoder: &self)
        case .character(27):
            escape = []  // Esc, or the start of a sequence: the next bytes (or a timeout) say
            return nil
        case .character(let value): return InputDecoder.key(character: value)
        }
    }

    /// True after an ESC: the driver reads on with a short timeout, then `flushEscape`.
    public var inEscape: Bool { escape != nil }

    /// Nothing followed the ESC in time: it was the Esc key. A sequence cut short is dropped.
    public mutating func flushEscape() -> Key? {
        guard let bytes = escape else { return nil }
        escape = nil
        return bytes.isEmpty ? .escape : nil
    }

    /// Starts a bracketed paste (the marker came as a sequence ncurses did not know).
    mutating func beginPaste() { paste = String.UnicodeScalarView(); lastWasCR = false }

    /// Ends an unterminated paste (the end marker never came) and returns what it held.
    public mutating func flushPaste() -> Key? {
        guard let text = paste else { return nil }
        paste = nil
        return .paste(String(text))
    }

    private mutating func continuePaste(_ raw: RawInput) -> Key? {
        switch raw {
        case .keyCode(InputDecoder.pasteEnd): return flushPaste()
        case .keyCode(KEY_ENTER): paste?.append("\n")
        case .keyCode: break  // function keys cannot be pasted; ignore stray codes
        case .character(let value):
            // Terminals send pasted line ends as CR; "\r\n" from a copied Windows text is one break.
            if value == 13 { paste?.append("\n"); lastWasCR = true; return nil }
            if value == 10 && lastWasCR { lastWasCR = false; return nil }
            lastWasCR = false
            if let scalar = Unicode.Scalar(value) { paste?.append(scalar) }
        }
        return nil
    }

    private static func key(code: Int32, decoder: inout InputDecoder) -> Key? {
        switch code {
        case InputDecoder.pasteBegin: decoder.paste = String.UnicodeScalarView(); decoder.lastWasCR = false; return nil
        case InputDecoder.pasteEnd: return nil
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case Int32(KEY_F0) + 1 ... Int32(KEY_F0) + 63: return .function(Int(code) - Int(KEY_F0))
        default: return nil
        }
    }

    static func key(character value: UInt32) -> Key? {
        switch value {
        case 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 10: return .control("j")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32, 128..<160: return nil  // other controls: nothing a person means to type
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
