import CNCursesW
import Testing
@testable import MotCuaKiosk

@Suite struct InputDecoderTests {
    func decode(_ raws: [RawInput]) -> [Key] {
        var d = InputDecoder()
        return raws.compactMap { d.decode($0) }
    }

    @Test func charactersAndControlKeys() {
        #expect(decode([.character(0x1EC5)]) == [.character("ễ")])
        #expect(decode([.character(13), .character(9), .character(27), .character(127), .character(8)])
                == [.enter, .tab, .escape, .backspace, .backspace])
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
}
