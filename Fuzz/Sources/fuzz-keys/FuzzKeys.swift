// The terminal key decoder on any sequence of what wget_wch can return
// (characters, key codes, paste markers), its keys fed to text fields as
// the kiosk does: never a trap, and the fields hold clean text.
import FuzzSupport
import MotCuaKiosk
import MotCuaText

/// Bytes to raw inputs: 0xFF n → key code 256+n (ncurses' KEY_* range);
/// 0xFE 0/1 → paste begin/end, 0xFE n → code 512+n; 0xFD a b c → the
/// character U+abc (any 24-bit value, invalid ones too); any other byte → that character.
func rawInputs(_ b: UnsafeRawBufferPointer) -> [RawInput] {
    var out: [RawInput] = []
    var i = 0
    while i < b.count {
        let x = b[i]
        i += 1
        switch x {
        case 0xFF where i < b.count: out.append(.keyCode(256 + Int32(b[i]))); i += 1
        case 0xFE where i < b.count:
            let n = Int32(b[i]); i += 1
            out.append(.keyCode(n == 0 ? InputDecoder.pasteBegin : n == 1 ? InputDecoder.pasteEnd : 512 + n))
        case 0xFD where i + 2 < b.count:
            out.append(.character(UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]))); i += 3
        default: out.append(.character(UInt32(x)))
        }
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var decoder = InputDecoder()
    var fields = [TextEditor(multiline: true, typing: VietTypingEngine(method: .telex)),
                  TextEditor(text: "Nguyễn Văn A", multiline: false, typing: VietTypingEngine(method: .vni)),
                  TextEditor(multiline: false)]
    func feed(_ key: Key) {
        for i in fields.indices { _ = fields[i].update(key) }
    }
    for raw in rawInputs(UnsafeRawBufferPointer(start: start, count: count)) {
        if let key = decoder.decode(raw) { feed(key) }
    }
    if let key = decoder.flushPaste() { feed(key) }
    for (i, f) in fields.enumerated() { Fuzz.checkEditor(f, "field \(i)") }
    return 0
}

@_cdecl("fuzz_keys_main")
public func fuzz_keys_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzKeys)
}
