// The kiosk home screen's start on a real terminal (tmux): every way it fails says why on
// the plain terminal (the kiosk never took it) and ends with status 2, so work on the start
// (its order, what runs at once) cannot change what a person sees; a signal at the home
// screen still ends it within a read slice.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: kioskTmuxAvailable, "needs tmux"))
struct KioskStartTests {
    /// The home screen's start with `settings` as the data folder's settings.json: the
    /// message the session shows and its exit line.
    func start(settings: String?, data: (String) -> String = { $0 }, environment: [String: String] = [:]) throws -> String {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        if let settings { try settings.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8) }
        let t = kioskSession(["--data-dir", data(dir)], environment: environment)
        defer { t.close() }
        _ = t.wait(for: "EXIT=")
        return t.text.replacingOccurrences(of: "\n", with: "")
    }

    @Test func aBadSettingsFileStopsTheStartWithItsReason() throws {
        let notJSON = try start(settings: "{")
        #expect(notJSON.contains("settings.json is not JSON") && notJSON.contains("EXIT=2"), "\(notJSON)")
        let notObject = try start(settings: "[]")
        #expect(notObject.contains("settings.json must hold a JSON object") && notObject.contains("EXIT=2"), "\(notObject)")
        let badID = try start(settings: #"{"kioskId": "../x"}"#)
        #expect(badID.contains(#"kiosk id "../x" must be 2 to 8 letters"#) && badID.contains("EXIT=2"), "\(badID)")
        // A data folder that cannot be made (a file is in the way).
        let blocked = try start(settings: "{}", data: { $0 + "/settings.json/x" })
        #expect(blocked.contains("motcua: ") && blocked.contains("Not a directory") && blocked.contains("EXIT=2"), "\(blocked)")
        // No screen was drawn before the reason: the kiosk never took the terminal.
        #expect(!notJSON.contains("MỘT CỬA") && !blocked.contains("MỘT CỬA"))
    }

    @Test func anInstallationWithoutFormsIsSaidBeforeAnything() throws {
        let home = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let said = try start(settings: nil, environment: ["MOTCUA_HOME": home])
        #expect(said.contains("but that folder does not hold Forms/") && said.contains("EXIT=2"), "\(said)")
    }

    @Test func theHomeScreenShowsTheCatalogAndASignalEndsIt() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = kioskSession(["--data-dir", dir, "--lang", "en"])
        defer { t.close() }
        try #require(t.wait(for: "F8 Tiếng Việt"), "\(t.text)")
        #expect(t.text.contains("ONE-STOP DESK") && t.text.contains("Criminal-record certificate"), "\(t.text)")
        kill(try #require(t.programPID), SIGTERM)
        // Within one read slice (the main thread's read is interrupted), not at a key.
        try #require(t.wait(for: "EXIT=143", seconds: 3), "\(t.text)")
    }
}
