// `motcua speak`: what a listener hears (--text), real speech from espeak-ng
// (--wav, read back with Python's wave module), and a machine without espeak-ng.
import Foundation
import MotCuaTestSupport
import Testing

let espeakAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng")

@Suite struct SpeakCommandTests {
    @Test func textShowsWhatWouldBeSpoken() throws {
        let r = try Motcua.run(["speak", "--text", "Số CCCD 001088012345, sinh ngày 15/07/2025, lệ phí 50.000 đ tại UBND xã"])
        #expect(r.status == 0)
        #expect(r.stdout == "Số căn cước công dân không không một, không tám tám, không một hai, ba bốn năm, sinh ngày mười lăm tháng bảy "
            + "năm hai nghìn không trăm hai mươi lăm, lệ phí năm mươi nghìn đồng tại ủy ban nhân dân xã\n")
        let piped = try Motcua.run(["speak", "--text", "-"], stdin: "Ho\u{300}a 21 tuổi")
        #expect(piped.stdout == "Hòa hai mươi mốt tuổi\n")
    }

    @Test func badOptionsAreRefused() throws {
        #expect(try Motcua.run(["speak", "--rate", "9000", "xin chào"]).status == 2)
        #expect(try Motcua.run(["speak", "--voice", "../x", "xin chào"]).status == 2)
        #expect(try Motcua.run(["speak", "--wat"]).status == 2)
        #expect(try Motcua.run(["speak", "--help"]).status == 0)
    }

    /// Samples and peak amplitude of a 16-bit mono WAV, read by Python's wave module (counted
    /// from the data: espeak-ng streaming to a file leaves the header's length at its maximum).
    func measure(_ wav: String) throws -> (frames: Int, peak: Int) {
        let script = """
        import sys, wave, array
        w = wave.open(sys.argv[1]); data = array.array('h', w.readframes(w.getnframes()))
        print(len(data), max((abs(x) for x in data), default=0))
        """
        let out = try ExternalTool.run("/usr/bin/python3", ["-c", script, wav]).stdout.split(separator: " ")
        return (Int(out.first ?? "") ?? 0, Int(out.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0)
    }

    @Test(.enabled(if: espeakAvailable, "needs espeak-ng")) func wavIsSpeechThatGrowsWithTheText() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let short = dir + "/short.wav", long = dir + "/long.wav"
        #expect(try Motcua.run(["speak", "--wav", short, "Họ và tên"]).status == 0)
        #expect(try Motcua.run(["speak", "--wav", long, "Họ và tên của trẻ, ngày sinh 15/07/2025, số định danh 001088012345"]).status == 0)
        let a = try measure(short), b = try measure(long)
        #expect(a.frames > 2_000 && a.peak > 1_000, "short: \(a)")
        #expect(b.frames > 3 * a.frames, "long \(b.frames) vs short \(a.frames)")
        #expect(b.peak > 1_000)
        // Personal data never lands in a file the user did not ask for, and the WAV is owner-only.
        let mode = (try FileManager.default.attributesOfItem(atPath: long)[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o077 == 0, "mode \(String(mode, radix: 8))")
    }

    @Test func withoutEspeakItSaysHowToInstallIt() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Motcua.run(["speak", "--wav", dir + "/x.wav", "xin chào"], environment: ["PATH": dir])
        #expect(r.status == 2)
        #expect(r.stderr.contains("espeak-ng is not installed (apt-get install espeak-ng)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.wav"))
    }
}

/// `motcua fill --plain --speak`: the question is read aloud while the program waits
/// for the answer; without espeak-ng plain mode goes on and says how to install it.
@Suite struct PlainSpeakTests {
    @Test(.enabled(if: espeakAvailable, "needs espeak-ng")) func theQuestionIsReadWhileTheAnswerIsAwaited() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let player = dir + "/player"
        try "#!/bin/sh\ncat >> \(dir)/heard.wav\n".write(toFile: player, atomically: true, encoding: .utf8)
        chmod(player, 0o700)
        try #"{"kioskId": "TQ01", "speechPlayer": ["\#(player)"]}"#.write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        chmod(dir + "/settings.json", 0o600)
        // The answer comes a second after the question, as a person would type it.
        let command = "(sleep 1; echo) | '\(Motcua.path)' fill khai-sinh --plain --speak --data-dir '\(dir)' --today 2026-11-27"
        let run = try ExternalTool.runWithEnvironment("/bin/sh", ["-c", command], environment: ["MOTCUA_HOME": Motcua.repoRoot])
        #expect(run.output.contains("[1/28]"), "\(run.output)")
        let heard = ((try? FileManager.default.attributesOfItem(atPath: dir + "/heard.wav"))?[.size] as? Int) ?? 0
        #expect(heard > 10_000, "the player got \(heard) bytes")
    }

    @Test func withoutEspeakPlainModeGoesOn() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Motcua.run(["fill", "khai-sinh", "--plain", "--speak", "--data-dir", dir, "--today", "2026-11-27"],
                               stdin: "\n", environment: ["PATH": dir])
        #expect(r.stderr.contains("apt-get install espeak-ng"), "\(r.stderr)")
        #expect(r.stdout.contains("[2/28]"), "\(r.stdout)")
    }
}
