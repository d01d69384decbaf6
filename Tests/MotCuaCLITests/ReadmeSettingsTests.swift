// The README's way to add delivery keys to settings.json, run as written: it keeps the
// kioskId the kiosk generated (an `echo '{…}' > settings.json` dropped it, and receipt
// codes then changed prefix) and leaves the file owner-only.
import Foundation
import MotCuaTestSupport
import Testing

@Suite struct ReadmeSettingsTests {
    @Test func theSettingsExampleKeepsTheKioskID() throws {
        let readme = try String(contentsOfFile: Motcua.repoRoot + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.hasPrefix("echo '{") && $0.contains("> ~/.local/share/motcua/settings.json") },
                "no example overwrites settings.json")
        let steps = lines.filter { $0.hasPrefix("S=~/.local/share/motcua/settings.json") || ($0.hasPrefix("(umask 077; jq") && $0.contains("\"$S\"")) }
        try #require(steps.count == 2, "the README's two lines that add keys: \(steps)")
        let home = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let dir = home + "/.local/share/motcua"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let settings = dir + "/settings.json"
        try #"{"kioskId": "K4X7QZ", "idleSeconds": 300}"#.write(toFile: settings, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: settings)
        let r = try ExternalTool.run("/usr/bin/env", ["HOME=" + home, "bash", "-ec", steps.joined(separator: "\n")])
        #expect(r.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: settings))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(object["kioskId"] as? String == "K4X7QZ")
        #expect(object["idleSeconds"] as? Int == 300)
        #expect(object["deliverTo"] as? String == "https://motcua.tinh.gov.vn/api")
        #expect((object["deliverHTTP"] as? [String: Any])?["tokenFile"] as? String == home + "/.config/motcua-token")
        let mode = try FileManager.default.attributesOfItem(atPath: settings)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
