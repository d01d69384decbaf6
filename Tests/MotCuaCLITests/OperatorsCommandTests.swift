import Foundation
import Testing

/// `motcua operators` over pipes: PINs from standard input, the file's mode, the
/// lockout persisted across processes.
@Suite struct OperatorsCommandTests {
    /// Fewer iterations keep these tests quick (honoured only with MOTCUA_TEST set).
    static let env = ["MOTCUA_TEST": "1", "MOTCUA_PBKDF2_ITERATIONS": "1000"]

    static func run(_ args: [String], _ dir: String, stdin: String? = nil) throws -> Motcua.Result {
        try Motcua.run(["operators"] + args + ["--data-dir", dir], stdin: stdin, environment: env)
    }

    @Test func addListDisableEnableReset() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var r = try Self.run(["add", "lan", "--name", "Nguyễn Thị Lan", "--pin-stdin"], dir, stdin: "123456\n123456\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("lan (admin)"))  // the first operator is an administrator
        r = try Self.run(["add", "minh", "--pin-stdin"], dir, stdin: "654321\n654321\n")
        #expect(r.status == 0 && r.stdout.contains("minh (officer)"))
        // A short PIN, two different PINs, a duplicate and a bad name are refused.
        #expect(try Self.run(["add", "hoa", "--pin-stdin"], dir, stdin: "12345\n12345\n").status == 2)
        #expect(try Self.run(["add", "hoa", "--pin-stdin"], dir, stdin: "123456\n123457\n").status == 2)
        #expect(try Self.run(["add", "minh", "--pin-stdin"], dir, stdin: "123456\n123456\n").status == 2)
        #expect(try Self.run(["add", "../x", "--pin-stdin"], dir, stdin: "123456\n123456\n").status == 2)

        r = try Self.run(["list"], dir)
        #expect(r.stdout == "lan  admin  active  Nguyễn Thị Lan\nminh  officer  active  minh\n")
        let file = dir + "/operators.json"
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? -1
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("123456") && !text.contains("654321"))  // only salted hashes

        #expect(try Self.run(["disable", "minh"], dir).status == 0)
        #expect(try Self.run(["list"], dir).stdout.contains("minh  officer  disabled  minh"))
        #expect(try Self.run(["sign-in", "minh", "--pin-stdin"], dir, stdin: "654321\n").status == 1)
        #expect(try Self.run(["disable", "lan"], dir).status == 2)  // the only active administrator
        #expect(try Self.run(["enable", "minh"], dir).status == 0)
        #expect(try Self.run(["sign-in", "minh", "--pin-stdin"], dir, stdin: "654321\n").status == 0)

        #expect(try Self.run(["reset-pin", "minh", "--pin-stdin"], dir, stdin: "111111\n111111\n").status == 0)
        #expect(try Self.run(["sign-in", "minh", "--pin-stdin"], dir, stdin: "654321\n").status == 1)
        #expect(try Self.run(["sign-in", "minh", "--pin-stdin"], dir, stdin: "111111\n").status == 0)
        #expect(try Self.run(["reset-pin", "nobody", "--pin-stdin"], dir, stdin: "111111\n111111\n").status == 2)
    }

    @Test func fiveWrongPINsLockAcrossProcesses() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.run(["add", "lan", "--pin-stdin"], dir, stdin: "246810\n246810\n").status == 0)
        // Each wrong PIN is its own process: the count lives on disk, not in memory.
        for left in [4, 3, 2, 1] {
            let r = try Self.run(["sign-in", "lan", "--pin-stdin"], dir, stdin: "000000\n")
            #expect(r.status == 1 && r.stderr.contains("\(left) tries left"), "\(r.stderr)")
        }
        var r = try Self.run(["sign-in", "lan", "--pin-stdin"], dir, stdin: "000000\n")
        #expect(r.status == 1 && r.stderr.contains("locked until"))
        // The right PIN, in a new process, is refused while the lock lasts.
        r = try Self.run(["sign-in", "lan", "--pin-stdin"], dir, stdin: "246810\n")
        #expect(r.status == 1 && r.stderr.contains("locked until"))
        #expect(try Self.run(["list"], dir).stdout.contains("locked until"))
        let log = try String(contentsOfFile: dir + "/operators.log", encoding: .utf8)
        #expect(log.contains("\"event\":\"locked-out\"") && log.contains("\"operator\":\"lan\""))
        // An administrator's reset lifts it.
        #expect(try Self.run(["reset-pin", "lan", "--pin-stdin"], dir, stdin: "135790\n135790\n").status == 0)
        #expect(try Self.run(["sign-in", "lan", "--pin-stdin"], dir, stdin: "135790\n").status == 0)
    }

    @Test func dossiersShowNamesTheOfficerAndTheAuditTheirID() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 1)
        let data = dir + "/data"
        #expect(try Self.run(["add", "lan", "--name", "Nguyễn Thị Lan", "--pin-stdin"], data, stdin: "123456\n123456\n").status == 0)
        let submit = try Motcua.run(["submit", "--today", "2026-11-27", form] + answers + ["--data-dir", data, "--kiosk", "hd01", "--operator", "lan"])
        let id = try #require(StoreFixture.submittedIDs(submit.stdout).first, "\(submit.stderr)")
        let show = try Motcua.run(["dossiers", "show", id, "--data-dir", data])
        #expect(show.stdout.contains("by Nguyễn Thị Lan (lan)"), "\(show.stdout)")
        #expect(show.stdout.contains("received (HD01, lan)"))  // the history: the audit's operator id
    }

    @Test func helpExitsZero() throws {
        let r = try Motcua.run(["operators", "--help"])
        #expect(r.status == 0 && r.stdout.contains("reset-pin"))
    }
}
