// The kiosk's voice from settings.json: `readAloud` (read each new question by
// itself), `speechRate` (words a minute), `speechVoice` (espeak-ng voice for
// Vietnamese), `speechPlayer` (the command that plays WAV from its standard
// input; default aplay or paplay).
import Foundation
import MotCuaForms
import MotCuaKiosk
import MotCuaSpeech

/// espeak-ng through MotCuaSpeech: one speaker per language, one voice at a time.
final class EspeakVoice: KioskVoice {
    private let vietnamese: Speaker
    /// Made at the first English text (each speaker searches PATH; a start made two).
    private var english: Speaker?
    private let settings: SpeechSettings
    private let environment: [String: String]

    init(_ settings: SpeechSettings, environment: [String: String]) {
        vietnamese = Speaker(settings: settings, environment: environment)
        self.settings = settings
        self.environment = environment
    }

    var isAvailable: Bool { vietnamese.isAvailable }

    func say(_ text: String, language: String) {
        silence()
        // A voice that cannot start is not worth an error on the citizen's screen:
        // the text is on screen already.
        try? (language == "en" ? englishSpeaker() : vietnamese).speak(text)
    }

    private func englishSpeaker() -> Speaker {
        if let english { return english }
        var en = settings
        en.voice = "en"
        let made = Speaker(settings: en, environment: environment)
        english = made
        return made
    }

    func silence() {
        vietnamese.stop()
        english?.stop()
    }
}

/// Sets up reading aloud on `app` from the settings; returns the voice for the run loop.
func kioskVoice(for app: inout KioskApp, settings: JSONValue?, environment: [String: String]) -> EspeakVoice {
    let voice = EspeakVoice(speechSettings(settings), environment: environment)
    app.setSpeech(available: voice.isAvailable, autoRead: settings?["readAloud"]?.boolValue ?? false)
    return voice
}

/// Voice, rate and player from settings.json (kiosk and plain mode alike).
func speechSettings(_ settings: JSONValue?) -> SpeechSettings {
    var speech = SpeechSettings()
    if let rate = settings?["speechRate"]?.doubleValue, rate.isFinite { speech = SpeechSettings(voice: speech.voice, rate: Int(rate)) }
    if let voice = settings?["speechVoice"]?.stringValue, voice.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
        speech.voice = voice
    }
    if case .array(let words)? = settings?["speechPlayer"] {
        let player = words.compactMap(\.stringValue)
        if !player.isEmpty, player.count == words.count { speech.player = player }
    }
    return speech
}
