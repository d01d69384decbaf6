import CNCursesW
import Testing
@testable import MotCuaKiosk

@Suite struct InputDecoderTests {
    /// Keys of `raws`; a timeout after the last (a lone Esc is known only then).
    func decode(_ raws: [RawInput]) -> [Key] {
        var d = InputDecoder()
        var keys: [Key] = []
        for r in raws {
            if let k = d.decode(r) { keys.append(k) }
            if let k = d.takeQueued() { keys.append(k) }
        }
        return keys + [d.flushEscape()].compactMap { $0 }
    }

    func bytes(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func charactersAndControlKeys() {
        #expect(decode([.character(0x1EC5)]) == [.character("ễ")])
        #expect(decode([.character(13), .character(9), .character(127), .character(8), .character(27)])
                == [.enter, .tab, .backspace, .backspace, .escape])
        #expect(decode([.character(3), .character(19), .character(10)]) == [.control("c"), .control("s"), .control("j")])
        #expect(decode([.character(0), .character(0x9B)]) == [])
        #expect(decode([.character(0x301)]) == [.character("\u{301}")])
    }

    @Test func keyCodesFromTheKeypad() {
        #expect(decode([.keyCode(KEY_UP), .keyCode(KEY_DOWN), .keyCode(KEY_LEFT), .keyCode(KEY_RIGHT)])
                == [.up, .down, .left, .right])
        #expect(decode([.keyCode(KEY_HOME), .keyCode(KEY_END), .keyCode(KEY_PPAGE), .keyCode(KEY_NPAGE)])
                == [.home, .end, .pageUp, .pageDown])
        #expect(decode([.keyCode(KEY_BACKSPACE), .keyCode(KEY_DC), .keyCode(KEY_BTAB), .keyCode(KEY_ENTER), .keyCode(KEY_RESIZE)])
                == [.backspace, .delete, .backTab, .enter, .resize])
        #expect(decode([.keyCode(motcua_key_f(1)), .keyCode(motcua_key_f(10)), .keyCode(motcua_key_f(12))])
                == [.function(1), .function(10), .function(12)])
        #expect(decode([.keyCode(KEY_MOUSE)]) == [])
    }

    @Test func aBracketedPasteIsOneKeyAndItsNewlinesAreText() {
        let text: [RawInput] = "Nguyễn\rVăn\r\nAn".unicodeScalars.map { .character($0.value) }
        let keys = decode([.keyCode(InputDecoder.pasteBegin)] + text + [.keyCode(InputDecoder.pasteEnd), .character(13)])
        #expect(keys == [.paste("Nguyễn\nVăn\nAn"), .enter])
    }

    @Test func functionKeysInsideAPasteAreDroppedAndAnUnendedPasteCanBeFlushed() {
        var d = InputDecoder()
        #expect(d.decode(.keyCode(InputDecoder.pasteBegin)) == nil)
        #expect(d.inPaste)
        #expect(d.decode(.character(0x61)) == nil)
        #expect(d.decode(.keyCode(KEY_UP)) == nil)
        #expect(d.decode(.character(27)) == nil)
        #expect(d.flushPaste() == .paste("a\u{1B}"))  // the editor cleans controls out of pastes
        #expect(!d.inPaste)
        #expect(d.flushPaste() == nil)
    }

    /// Issue 14, defect 2: a terminfo that does not describe the keys (xterm-256color in
    /// tmux, PuTTY) leaves ESC and the sequence's bytes to us.
    @Test func escapeSequencesTheTerminfoDoesNotDescribe() {
        #expect(decode(bytes("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~")) == [.home, .end, .home, .end])
        #expect(decode(bytes("\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~")) == [.insert, .delete, .pageUp, .pageDown])
        #expect(decode(bytes("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[H\u{1B}[F")) == [.up, .down, .right, .left, .home, .end])
        #expect(decode(bytes("\u{1B}OA\u{1B}OD\u{1B}OH\u{1B}OF\u{1B}OP\u{1B}OS\u{1B}OM")) == [.up, .left, .home, .end, .function(1), .function(4), .enter])
        #expect(decode(bytes("\u{1B}[11~\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[24~")) == [.function(1), .function(5), .function(6), .function(10), .function(12)])
        #expect(decode(bytes("\u{1B}[[A\u{1B}[[E\u{1B}[Z\u{1B}[1;5C\u{1B}[1;2P")) == [.function(1), .function(5), .backTab, .right, .function(1)])
    }

    @Test func aLoneEscIsEscAndNothingOfAnUnknownSequenceIsTyped() {
        #expect(decode(bytes("Hòa\u{1B}[1~")) == Key.typing("Hòa") + [.home])
        #expect(decode(bytes("\u{1B}[99;42x\u{1B}[?1049hb")) == [.character("b")])   // unknown: dropped whole
        #expect(decode(bytes("\u{1B}a")) == [])                                      // Alt+a: nothing
        #expect(decode(bytes("\u{1B}\u{1B}[A")) == [.escape, .up])
        #expect(decode(bytes("\u{1B}\r\u{1B}\t")) == [.escape, .enter, .escape, .tab])  // Esc, Enter typed fast
        #expect(decode(bytes("\u{1B}[" + String(repeating: "9;", count: 100) + "~x")) == [.character("x")])
        var d = InputDecoder()
        #expect(d.decode(.character(27)) == nil && d.inEscape)
        #expect(d.flushEscape() == .escape && !d.inEscape)
        #expect(d.decode(.character(27)) == nil)
        #expect(d.decode(.keyCode(KEY_UP)) == .up)                                    // Alt+Up: Up
        #expect(d.decode(.character(27)) == nil && d.decode(.character(0x5B)) == nil)
        #expect(d.flushEscape() == nil)                                               // a cut sequence: dropped
        // The paste markers as bytes start and end a paste as the defined keys do.
        #expect(decode(bytes("\u{1B}[200~a\rb\u{1B}[201~")) == [])
        var p = InputDecoder()
        for r in bytes("\u{1B}[200~xy") { _ = p.decode(r) }
        #expect(p.inPaste && p.flushPaste() == .paste("xy"))
    }

    /// Random bytes never trap, and no byte of an escape sequence is ever typed.
    @Test func randomBytesAfterEscNeverBecomeText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var d = InputDecoder()
            var raws: [RawInput] = [.character(27), .character(0x5B)]
            for _ in 0..<Int.random(in: 0...12, using: &rng) { raws.append(.character(UInt32.random(in: 0x20...0x3F, using: &rng))) }
            var final = UInt32.random(in: 0x40...0x7E, using: &rng)
            if final == 0x5B { final = 0x7E }  // ESC [ [ is the Linux console's F-key prefix
            raws.append(.character(final))
            let keys = raws.compactMap { d.decode($0) }
            #expect(!keys.contains { if case .character = $0 { true } else { false } }, "\(raws)")
            #expect(!d.inEscape)
        }
    }
}
