// Plain mode's `--speak`: every line written since the last answer (the question,
// its hint, the options, an error) is read aloud when the program waits for the
// next answer, and silenced as soon as that answer is entered.
import Foundation
import MotCuaSpeech
import MotCuaText

/// A `PlainIO` that reads aloud, through `speaker`, what `base` shows.
public struct SpeakingIO<Base: PlainIO>: PlainIO {
    var base: Base
    let speaker: Speaker
    let language: String
    private var pending: [String] = []

    public init(_ base: Base, speaker: Speaker, language: String) {
        self.base = base; self.speaker = speaker; self.language = language
    }

    public mutating func write(_ line: String) {
        pending.append(line)
        base.write(line)
    }

    public mutating func readLine() -> String? {
        let lines = pending.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        pending.removeAll()
        if !lines.isEmpty {
            let text = lines.joined(separator: "\n")
            try? speaker.speak(language == "vi" ? SpokenVietnamese.text(text) : VietText.neutralizeControls(text))
        }
        defer { speaker.stop() }
        return base.readLine()
    }
}
