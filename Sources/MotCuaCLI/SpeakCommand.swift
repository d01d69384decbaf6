import Foundation
import MotCuaSpeech
import MotCuaText

/// `motcua speak TEXT [--text] [--wav FILE] [--rate N] [--voice V]`: reads TEXT
/// aloud as the kiosk would, after the spoken-text normaliser. `--text` prints
/// what would be spoken (for people checking it, and for tests); `--wav FILE`
/// writes the audio to FILE instead of playing it. TEXT `-` (or none) reads
/// standard input. Exit statuses: 0 done, 2 bad usage, espeak-ng missing or failing.
public func runSpeakCommand(_ args: [String]) -> Int32 {
    let usage = """
    usage: motcua speak TEXT [--text] [--wav FILE] [--rate N] [--voice V]
      Reads TEXT aloud in Vietnamese through espeak-ng, written for a listener:
      dates, ID and phone numbers, amounts and abbreviations as they are said.
      --text      print what would be spoken, speak nothing
      --wav FILE  write the speech to FILE (WAV) instead of playing it
      --rate N    words a minute (default 130)
      --voice V   espeak-ng voice: vi (default), vi-vn-x-central, vi-vn-x-south, en
      TEXT - (or no TEXT) reads standard input.
    """
    var words: [String] = []
    var textOnly = false
    var wav: String?
    var settings = SpeechSettings()
    var i = 0
    func value() -> String? { i += 1; return i < args.count ? args[i] : nil }
    while i < args.count {
        switch args[i] {
        case "--help", "-h": Console.out(usage); return 0
        case "--text": textOnly = true
        case "--wav": guard let v = value() else { Console.err("motcua speak: --wav needs a file\n" + usage); return 2 }; wav = v
        case "--rate":
            guard let v = value(), let n = Int(v), (80...400).contains(n) else {
                Console.err("motcua speak: --rate takes words a minute, 80 to 400"); return 2
            }
            settings.rate = n
        case "--voice":
            guard let v = value(), !v.isEmpty, v.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                Console.err("motcua speak: --voice takes a voice name such as vi or vi-vn-x-south"); return 2
            }
            settings.voice = v
        case "--": words += args[(i + 1)...]; i = args.count; continue
        default:
            if args[i].hasPrefix("--") { Console.err("motcua speak: unknown option \(args[i])\n" + usage); return 2 }
            words.append(args[i])
        }
        i += 1
    }
    var text = words.joined(separator: " ")
    if text.isEmpty || text == "-" {
        // At most 1 MiB from standard input: a listener never needs more.
        let data = FileHandle.standardInput.readData(ofLength: 1 << 20)
        text = String(decoding: data, as: UTF8.self)
    }
    let spoken = SpokenVietnamese.text(text)
    if textOnly {
        Console.out(Console.safe(spoken))
        return 0
    }
    let speaker = Speaker(settings: settings)
    do {
        if let wav { try speaker.writeWAV(spoken, to: wav) } else { try speaker.speakAndWait(spoken) }
        return 0
    } catch {
        Console.err("motcua speak: \(error)")
        return 2
    }
}
