// The common escape sequences of xterm, VT220, the Linux console, PuTTY and rxvt, decoded
// here because a terminfo entry that does not match the terminal leaves them to us: ncurses
// then returns ESC followed by the sequence's bytes. A sequence we do not know is dropped
// whole; none of its bytes ever becomes typed text. Alt plus a letter (ESC, letter) is
// dropped too: the kiosk gives Alt no meaning, and going back plus a stray letter is worse.

extension InputDecoder {
    /// Longest sequence kept; longer ones are read to their end and dropped.
    static let escapeLimit = 32

    mutating func continueEscape(_ value: UInt32) -> Key? {
        guard var bytes = escape else { return nil }
        guard value < 0x80 else {
            escape = nil  // not part of any sequence: the sequence ended, this is typed
            return InputDecoder.key(character: value)
        }
        let byte = UInt8(value)
        if bytes.isEmpty {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "O"):
                escape = [byte]
                return nil
            case 27:
                escape = []  // Esc pressed twice: the first is Esc, the second may start a sequence
                return .escape
            case 0..<0x20, 0x7F:
                // Esc then Enter (or Tab, Backspace) typed fast: two keys, the second queued.
                escape = nil
                queued = InputDecoder.key(character: value)
                return .escape
            default:
                escape = nil  // Alt plus a character
                return nil
            }
        }
        if bytes[0] == UInt8(ascii: "O") {
            escape = nil
            return InputDecoder.ss3(byte)
        }
        // CSI: parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
        if bytes.count == 1 && byte == UInt8(ascii: "[") {  // Linux console F1–F5: ESC [ [ A…E
            escape = bytes + [byte]
            return nil
        }
        if bytes.count == 2 && bytes[1] == UInt8(ascii: "[") {
            escape = nil
            return (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(byte) ? .function(Int(byte - UInt8(ascii: "A")) + 1) : nil
        }
        switch byte {
        case 0x20...0x3F:
            if bytes.count < InputDecoder.escapeLimit { bytes.append(byte) }
            escape = bytes
            return nil
        case 0x40...0x7E:
            escape = nil
            return csi(parameters: bytes.dropFirst(), final: byte)
        default:
            escape = nil  // a control character broke the sequence: it is its own key
            return InputDecoder.key(character: value)
        }
    }

    /// ESC O x: cursor keys in application mode, F1–F4, keypad Enter.
    static func ss3(_ byte: UInt8) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "M"): .enter
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(byte - UInt8(ascii: "P")) + 1)
        default: nil
        }
    }

    /// ESC [ parameters final. Modifiers (";5" for Ctrl…) are ignored: Ctrl-Up is Up.
    mutating func csi(parameters: ArraySlice<UInt8>, final: UInt8) -> Key? {
        var first = 0
        for byte in parameters {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            first = min(first * 10 + Int(byte - UInt8(ascii: "0")), 100_000)
        }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "Z"): return .backTab
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final - UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(first - 10)
            case 17...21: return .function(first - 11)
            case 23, 24: return .function(first - 12)
            case 200: beginPaste(); return nil
            default: return nil
            }
        default: return nil
        }
    }
}
