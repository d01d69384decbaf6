import Foundation
import Testing

/// `motcua qr` as a script would use it, decoded back with zbarimg.
@Suite struct QRCommandTests {
    func zbar(_ file: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["zbarimg", "--raw", "-q", "-Sbinary", file]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test func writesFilesThatDecode() throws {
        let dir = try Motcua.tempDir()
        let text = "Quét để tra cứu hồ sơ TQ01-261127-0007"
        let r = try Motcua.run(["qr", text, "--ecc", "Q", "--pbm", dir + "/a.pbm"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try zbar(dir + "/a.pbm") == text)
        let svg = try Motcua.run(["qr", "HD01-261127-0007", "--svg", dir + "/a.svg"])
        #expect(svg.status == 0)
        #expect(try String(contentsOfFile: dir + "/a.svg", encoding: .utf8).contains("<svg"))
    }

    @Test func printsHalfBlocksAndRefusesBadOptions() throws {
        let r = try Motcua.run(["qr", "HD01-261127-0007"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("▀") || r.stdout.contains("▄") || r.stdout.contains("█"))
        #expect(try Motcua.run(["qr", "x", "--ecc", "Z"]).status == 2)
        #expect(try Motcua.run(["qr"]).status == 2)
        #expect(try Motcua.run(["qr", String(repeating: "A", count: 8000)]).status == 1)
    }
}
