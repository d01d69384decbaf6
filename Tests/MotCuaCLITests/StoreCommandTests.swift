import Foundation
import Testing

/// `motcua submit`, `queue` and `dossiers`, run as the real binary.
@Suite struct StoreCommandTests {
    @Test func submitDeliverListShowVerify() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 3)
        let data = dir + "/data"
        let submit = try Motcua.run(["submit", "--today", "2026-11-27", form] + answers + ["--data-dir", data, "--kiosk", "hd01", "--operator", "lan"])
        #expect(submit.status == 0, "\(submit.stderr)")
        let ids = StoreFixture.submittedIDs(submit.stdout)
        #expect(ids.count == 3)
        #expect(submit.stdout.hasPrefix("HD01-"))

        let status = try Motcua.run(["queue", "status", "--data-dir", data])
        #expect(status.stdout.hasPrefix("queued 3, delivering 0, delivered 0, failed 0, set-aside 0"))
        let deliver = try Motcua.run(["queue", "deliver", "--data-dir", data, "--operator", "night"])
        #expect(deliver.status == 0)
        #expect(deliver.stdout.contains("delivered 3, already stored 0, failed 0, set aside 0"))

        let found = try Motcua.run(["dossiers", "list", "--search", "tran thi binh", "--data-dir", data])
        #expect(found.stdout.split(separator: "\n").count == 1)
        #expect(found.stdout.contains("Trần Thị Bình"))
        #expect(found.stdout.contains(ids[1]))
        let byID = try Motcua.run(["dossiers", "list", "--search", "001200000002", "--data-dir", data])
        #expect(byID.stdout.contains(ids[2]))

        let receipt = String(submit.stdout.split(separator: "\n")[0].split(separator: " ")[0])
        let show = try Motcua.run(["dossiers", "show", receipt, "--data-dir", data])
        #expect(show.status == 0)
        #expect(show.stdout.contains("ho_ten: Nguyễn Văn An"))
        #expect(show.stdout.contains("delivered"))
        let json = try Motcua.run(["dossiers", "show", ids[0], "--json", "--data-dir", data])
        #expect(json.stdout.contains("\"format\": \"motcua-dossier/1\""))
        #expect(try Motcua.run(["dossiers", "show", "nope-0000-0000", "--data-dir", data]).status == 1)

        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("ok: "))
    }

    @Test func invalidAnswersPrintPathAndMessageAndExitOne() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, _) = try StoreFixture.make(in: dir, count: 0)
        try #"{"cccd": "12", "la": 1}"#.write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let r = try Motcua.run(["submit", "--today", "2026-11-27", form, dir + "/bad.json", "--data-dir", dir + "/data"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("ho_ten: "))
        #expect(r.stdout.contains("cccd: "))
        #expect(r.stdout.contains("la: "))
        #expect(StoreFixture.submittedIDs(r.stdout).isEmpty)
        let bad = try Motcua.run(["submit", "--today", "2026-11-27", dir + "/missing.json", dir + "/bad.json", "--data-dir", dir + "/data"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("the form cannot be used"))
    }

    /// A name holding ESC [2J (clear screen) never enters a dossier: the text gate
    /// refuses it with the character's code point, and nothing raw reaches the terminal.
    @Test func controlCharactersAreRefusedAtSubmit() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, _) = try StoreFixture.make(in: dir, count: 0)
        try #"{"ho_ten": "Nguyễn Văn An", "ten_khac": "Bé \u001b[2JTí\u009b31m"}"#.write(toFile: dir + "/esc.json", atomically: true, encoding: .utf8)
        let data = dir + "/data"
        let submit = try Motcua.run(["submit", "--today", "2026-11-27", form, dir + "/esc.json", "--data-dir", data])
        #expect(submit.status != 0, "\(submit.stdout)\(submit.stderr)")
        #expect(StoreFixture.submittedIDs(submit.stdout).isEmpty)
        #expect((submit.stdout + submit.stderr).contains("U+001B"))
        #expect(!(submit.stdout + submit.stderr).unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) })
        let list = try Motcua.run(["dossiers", "list", "--data-dir", data])
        #expect(!list.stdout.contains("\u{1b}"))
    }

    /// Whatever the umask, everything in the data directory is owner-only.
    @Test func permissionsUnderAWideOpenUmask() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 2)
        let data = dir + "/nested/data"
        let q = StoreFixture.shellQuote
        let m = q(Motcua.path)
        let child = try StoreChild(script: """
        umask 000
        \(m) submit --today 2026-11-27 \(q(form)) \(answers.map(q).joined(separator: " ")) --data-dir \(q(data)) &&
        \(m) queue deliver --data-dir \(q(data)) &&
        \(m) queue export \(q(dir + "/bundle.motcua")) --data-dir \(q(data)) &&
        \(m) dossiers verify --data-dir \(q(data))
        """)
        #expect(child.wait() == 0)
        _ = child.output()
        var seen = 0
        for name in (FileManager.default.enumerator(atPath: data)?.compactMap { $0 as? String } ?? []) + [""] {
            let attrs = try FileManager.default.attributesOfItem(atPath: data + "/" + name)
            let mode = (attrs[.posixPermissions] as? NSNumber)?.intValue ?? -1
            let isDir = attrs[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isDir ? 0o700 : 0o600), "\(name): \(String(mode, radix: 8))")
            seen += 1
        }
        #expect(seen >= 8)
        let bundle = try FileManager.default.attributesOfItem(atPath: dir + "/bundle.motcua")
        #expect((bundle[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func exportImportTwiceAndADamagedBundle() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 4)
        let a = dir + "/a", b = dir + "/b", bundle = dir + "/usb.motcua"
        #expect(try Motcua.run(["submit", "--today", "2026-11-27", form] + answers + ["--data-dir", a, "--kiosk", "VL01"]).status == 0)
        let export = try Motcua.run(["queue", "export", bundle, "--data-dir", a])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("exported 4 dossiers and 1 form"))
        let first = try Motcua.run(["queue", "import", bundle, "--data-dir", b])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.components(separatedBy: "imported VL01-").count == 5)
        let second = try Motcua.run(["queue", "import", bundle, "--data-dir", b])
        #expect(second.status == 0)
        #expect(second.stdout.components(separatedBy: "already here").count == 5)
        #expect(!second.stdout.contains("imported"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: bundle))
        let marker = Data("Lê Văn Cường".utf8)
        let at = try #require(bytes.range(of: marker))
        bytes[at.lowerBound + 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: bundle))
        let damaged = try Motcua.run(["queue", "import", bundle, "--data-dir", dir + "/c"])
        #expect(damaged.status == 1)
        #expect(damaged.stdout.components(separatedBy: "imported VL01-").count == 4)
        #expect(damaged.stdout.contains("rejected: "))
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", dir + "/c"]).status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        for args in [["submit"], ["queue"], ["queue", "frobnicate"], ["queue", "retry"], ["dossiers", "show"], ["dossiers", "list", "--bogus"]] {
            let r = try Motcua.run(args + ["--data-dir", "/nonexistent-\(UUID().uuidString)"])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("usage") || r.stderr.contains("unknown option"), "\(args): \(r.stderr)")
        }
    }
}
