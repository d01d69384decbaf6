// The Telex/VNI engine inside the text editor: the input's text is typed key
// by key, with a few bytes standing for editing keys (0x01 Backspace, 0x02
// Left, 0x03 Right, 0x04 Home, 0x05 End, 0x06 Delete, 0x07 "paste the rest
// of this line"). Never a trap; the text stays NFC and free of controls; the
// engine alone agrees with the editor when only characters are typed.
import FuzzSupport
import MotCuaKiosk
import MotCuaText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTyping(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = raw.first else { return 0 }
    let method: InputMethod = first & 1 == 0 ? .telex : .vni
    let style: TonePlacementStyle = first & 2 == 0 ? .traditional : .modern
    let text = String(decoding: raw.dropFirst(), as: UTF8.self)
    var editor = TextEditor(multiline: first & 4 != 0, typing: VietTypingEngine(method: method, style: style))
    var onlyCharacters = true
    var chars = Array(text)
    var i = 0
    while i < chars.count {
        let c = chars[i]
        i += 1
        let key: Key
        switch c {
        case "\u{01}": key = .backspace
        case "\u{02}": key = .left
        case "\u{03}": key = .right
        case "\u{04}": key = .home
        case "\u{05}": key = .end
        case "\u{06}": key = .delete
        case "\u{07}":
            let end = chars[i...].firstIndex(of: "\n") ?? chars.count
            key = .paste(String(chars[i..<end])); i = end
        default: key = .character(c)
        }
        if case .character = key {} else { onlyCharacters = false }
        _ = editor.update(key)
    }
    chars = []
    Fuzz.checkEditor(editor, "editor")
    if onlyCharacters, !editor.multiline, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }) {
        let alone = VietTypingEngine.type(text, method: method, style: style)
        if alone != editor.text { Fuzz.fail("engine gives \(alone), editor shows \(editor.text) for keys \(text)") }
    }
    return 0
}

@_cdecl("fuzz_typing_main")
public func fuzz_typing_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzTyping)
}
