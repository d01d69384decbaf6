import MotCuaKiosk
import MotCuaText

extension Fuzz {
    /// What a text field must hold whatever was typed or pasted: NFC text,
    /// a caret inside it, and no control character but a newline (and that
    /// only in a multi-line field).
    public static func checkEditor(_ e: TextEditor, _ what: String) {
        let text = e.text
        if e.caret < 0 || e.caret > e.graphemes.count { fail("\(what): caret \(e.caret) outside 0...\(e.graphemes.count)") }
        if VietText.nfc(text) != text { fail("\(what): text not in NFC: \(Array(text.unicodeScalars.map(\.value).prefix(40)))") }
        for s in text.unicodeScalars where s.value < 0x20 || (0x7F..<0xA0).contains(s.value) {
            if s == "\n" && e.multiline { continue }
            fail("\(what): control U+\(String(s.value, radix: 16)) in the text")
        }
    }
}
