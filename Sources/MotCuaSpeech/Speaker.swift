// Reading aloud for citizens who cannot read the screen well. Every text goes
// through the spoken-text normaliser (MotCuaText) first; this file only
// chooses the programs and keeps at most one voice speaking.
import Foundation
import Glibc
import MotCuaText

/// How the kiosk speaks: voice, rate, and the player the audio goes to.
public struct SpeechSettings: Sendable, Equatable {
    /// espeak-ng's voice: "vi" (Northern), "vi-vn-x-central", "vi-vn-x-south", or "en".
    public var voice: String
    /// Words a minute (espeak-ng's -s); about 130 suits an elderly listener.
    public var rate: Int
    /// The program that plays WAV from its standard input; nil = the first of
    /// `aplay -q` and `paplay` found, else espeak-ng's own audio output.
    public var player: [String]?

    public init(voice: String = "vi", rate: Int = 130, player: [String]? = nil) {
        self.voice = voice
        self.rate = max(80, min(rate, 400))
        self.player = player
    }
}

/// Speaks one text at a time; a new text or `stop()` silences the last.
public final class Speaker {
    public let settings: SpeechSettings
    /// espeak-ng's path, nil when it is not installed.
    public let synthesiser: String?
    private let path: String
    /// Looked for at the first text spoken, not at start: a kiosk makes its speaker
    /// before its first screen, and most never speak.
    private lazy var player: [String]? = {
        if let given = settings.player, let program = given.first {
            return Self.find(program, in: path).map { [$0] + given.dropFirst() }
        } else if let aplay = Self.find("aplay", in: path) {
            return [aplay, "-q"]
        } else if let paplay = Self.find("paplay", in: path) {
            return [paplay]
        }
        return nil
    }()
    private var current: SpeechPipeline?

    public init(settings: SpeechSettings = SpeechSettings(), environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        path = environment["PATH"] ?? "/usr/bin:/bin"
        synthesiser = Self.find("espeak-ng", in: path)
    }

    public var isAvailable: Bool { synthesiser != nil }
    public var isSpeaking: Bool { current?.isRunning ?? false }

    /// Speaks `text` (already written for a listener: see `SpokenVietnamese`).
    public func speak(_ text: String) throws {
        stop()
        guard let synthesiser else { throw SpeechError.notInstalled }
        let args = arguments(synthesiser, toStandardOutput: player != nil)
        current = try SpeechPipeline(synthesiser: args, player: player, text: text)
    }

    /// Silences the voice at once (the next key does this).
    public func stop() {
        current?.stop()
        current = nil
    }

    /// Writes `text` as a WAV file, waiting at most `timeout` seconds.
    public func writeWAV(_ text: String, to file: String, timeout: Double = 60) throws {
        guard let synthesiser else { throw SpeechError.notInstalled }
        // Made owner-only before espeak-ng writes it (its own -w keeps the mode and
        // writes a complete WAV header, which a stream to standard output cannot).
        let fd = open(file, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SpeechError.cannotStart(file) }
        _ = fchmod(fd, 0o600)
        close(fd)
        let pipeline = try SpeechPipeline(synthesiser: arguments(synthesiser, toStandardOutput: false) + ["-w", file], player: nil, text: text)
        guard pipeline.wait(seconds: timeout) else { throw SpeechError.failed }
    }

    /// Speaks `text` and waits until it has been said (the `speak` command).
    public func speakAndWait(_ text: String, timeout: Double = 120) throws {
        try speak(text)
        guard let current, current.wait(seconds: timeout) else { throw SpeechError.failed }
        self.current = nil
    }

    func arguments(_ synthesiser: String, toStandardOutput: Bool) -> [String] {
        [synthesiser, "-v", settings.voice, "-s", String(settings.rate), "--stdin"] + (toStandardOutput ? ["--stdout"] : [])
    }

    deinit { stop() }

    static func find(_ program: String, in path: String) -> String? {
        if program.contains("/") { return isExecutableFile(program) ? program : nil }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + program
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// A file (not a folder) this process may run: access(2) and stat(2) directly, as
    /// `FileManager.isExecutableFile` does, without its Foundation set-up; the kiosk
    /// looks for three programs along PATH at every start.
    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return false }
        return access(path, X_OK) == 0
    }
}
