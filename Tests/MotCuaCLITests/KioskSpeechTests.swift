// The kiosk's read key with the real espeak-ng in tmux: F12 starts espeak-ng and its
// player as children, the next key kills them; without espeak-ng on PATH the kiosk runs
// and says how to install it.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct KioskSpeechTests {
    /// Processes whose command line holds `marker`.
    func running(_ marker: String) throws -> Int {
        try ExternalTool.run("/usr/bin/pgrep", ["-f", marker]).stdout.split(separator: "\n").count
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test(.enabled(if: espeakAvailable, "needs espeak-ng")) func theReadKeyStartsAVoiceThatTheNextKeyStops() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A player that takes the audio and keeps "playing" for a minute, named so it can be found.
        let marker = "motcua-player-\(UUID().uuidString.prefix(8))"
        let player = dir + "/" + marker
        try "#!/bin/sh\ncat > \(dir)/heard.wav\nsleep 60\n".write(toFile: player, atomically: true, encoding: .utf8)
        chmod(player, 0o700)
        try #"{"kioskId": "TQ01", "speechPlayer": ["\#(player)"]}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        chmod(dir + "/settings.json", 0o600)
        let t = kioskSession(["fill", "khai-sinh", "--data-dir", dir, "--today", "2026-11-27"])
        defer { t.close() }
        try #require(t.wait(for: "F12 Đọc to"), "\(t.text)")
        t.press("F12")
        #expect(t.wait(seconds: 10) { _ in ((try? self.running(marker)) ?? 0) > 0 }, "no player started")
        // espeak-ng wrote real speech into the player.
        #expect(t.wait(seconds: 10) { _ in self.size(dir + "/heard.wav") > 10_000 })
        t.press("Down")                                  // any key silences it
        #expect(t.wait(seconds: 10) { _ in ((try? self.running(marker)) ?? 1) == 0 }, "the player outlived the next key")
        t.press("F10")
        #expect(t.wait(for: "EXIT=0"), "\(t.text)")
    }

    @Test func withoutEspeakTheKioskRunsAndSaysHowToInstallIt() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Only the kiosk gets the empty PATH (the shell around it in tmux needs its tools).
        let t = TmuxSession(["/usr/bin/env", "PATH=\(dir)", Motcua.path, "fill", "khai-sinh", "--data-dir", dir, "--today", "2026-11-27"],
                            environment: ["MOTCUA_HOME": Motcua.repoRoot, "TERM": "xterm-256color"])
        defer { t.close() }
        try #require(t.wait(for: "Bước 1/"), "\(t.text)")
        t.press("F12")
        #expect(t.wait(for: "apt-get install espeak-ng"), "\(t.text)")
        t.press("Enter")                                 // the interview goes on
        #expect(t.wait(for: "Bước 2/"), "\(t.text)")
    }
}
