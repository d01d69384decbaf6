import Foundation
import MotCuaForms
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's store findings (F3, F6, F7, F14, F15) as regression tests on
/// the real binary; crafted bundles come from `BundleCraft`.
@Suite struct StoreRobustnessTests {
    /// A store with `count` dossiers submitted at kiosk `kiosk`, exported to `bundle`.
    private func exported(_ dir: String, kiosk: String, count: Int, bundle: String) throws -> (data: String, form: String) {
        let (form, answers) = try StoreFixture.make(in: dir + "/src-\(kiosk)", count: count)
        let data = dir + "/data-\(kiosk)"
        let s = try Motcua.run(["submit", form] + answers + ["--data-dir", data, "--kiosk", kiosk])
        #expect(s.status == 0, "\(s.stderr)")
        let e = try Motcua.run(["queue", "export", bundle, "--data-dir", data])
        #expect(e.status == 0, "\(e.stderr)")
        return (data, form)
    }

    /// F3: one entry whose form copy fails lint is rejected with its reason;
    /// the five good ones of the same bundle are imported.
    @Test func anEntryWhoseFormFailsLintIsRejectedAndTheOthersImported() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try exported(dir, kiosk: "AA01", count: 5, bundle: dir + "/good.bundle")
        let frames = try BundleCraft.payloads(of: dir + "/good.bundle")
        let good = try BundleCraft.entries(frames, "form") + BundleCraft.entries(frames, "dossier")
        let sample = try BundleCraft.dossier(try BundleCraft.entries(frames, "dossier")[0])
        let bad = BundleCraft.retarget(sample, form: BundleCraft.unlintableForm, answers: ["a": 1], sequence: 99)
        try BundleCraft.write(dir + "/mixed.bundle", middle: good + [BundleCraft.formEntry(BundleCraft.unlintableForm), BundleCraft.dossierEntry(bad)])

        let r = try Motcua.run(["queue", "import", dir + "/mixed.bundle", "--data-dir", dir + "/other", "--kiosk", "BB01"])
        #expect(r.status == 1)
        #expect(r.stdout.components(separatedBy: "imported AA01-").count - 1 == 5, "\(r.stdout)")
        #expect(r.stdout.contains("rejected: dossier AA01-") && r.stdout.contains("-0099: its form cannot be used"), "\(r.stdout)")
        #expect(r.stdout.contains("unknown field"), "\(r.stdout)")
        #expect(r.stderr.contains("5 imported, 0 already here, 0 kept aside, 1 rejected"), "\(r.stderr)")
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", dir + "/other"]).status == 0)
    }

    /// F6: two kiosks at one id issue the same receipt; import keeps the
    /// second aside with its reason, `show RECEIPT` refuses to pick, verify
    /// notes it, delivery stores one, and a retried duplicate is set aside
    /// again by delivery.
    @Test func aReceiptHeldByAnotherDossierIsKeptAside() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try exported(dir, kiosk: "MC01", count: 1, bundle: dir + "/a.bundle")
        let bDir = dir + "/b"
        try FileManager.default.createDirectory(atPath: bDir, withIntermediateDirectories: true)
        let b = try exported(bDir, kiosk: "MC01", count: 1, bundle: dir + "/b.bundle")
        let receipt = try #require(try Motcua.run(["queue", "status", "--data-dir", a.data]).stdout.split(separator: "\n").dropFirst().first?
            .split(separator: " ").first.map(String.init))
        let bID = try #require(StoreFixture.queueItems(try Motcua.run(["queue", "status", "--data-dir", b.data]).stdout).first?.id)

        let imp = try Motcua.run(["queue", "import", dir + "/b.bundle", "--data-dir", a.data])
        #expect(imp.status == 1)
        #expect(imp.stdout.contains("kept aside \(receipt) \(bID): conflict: receipt \(receipt) already belongs to dossier"), "\(imp.stdout)")
        let show = try Motcua.run(["dossiers", "show", receipt, "--data-dir", a.data])
        #expect(show.status != 0 && show.stderr.contains("belongs to 2 dossiers"), "\(show.stdout)\(show.stderr)")
        #expect(try Motcua.run(["dossiers", "show", bID, "--data-dir", a.data]).status == 0)
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", a.data])
        #expect(verify.status == 0 && verify.stdout.contains("note: receipt \(receipt): 1 dossier(s) kept aside"), "\(verify.stdout)")
        #expect(try Motcua.run(["queue", "import", dir + "/b.bundle", "--data-dir", a.data]).stdout.contains("already here \(receipt)"))

        // Delivery: one stored; the duplicate, retried by hand, is set aside again.
        #expect(try Motcua.run(["queue", "deliver", "--data-dir", a.data]).status == 0)
        #expect(try Motcua.run(["queue", "retry", bID, "--data-dir", a.data]).status == 0)
        let d = try Motcua.run(["queue", "deliver", "--data-dir", a.data])
        #expect(d.status == 1 && d.stdout.contains("set aside \(receipt): conflict: receipt \(receipt) already belongs"), "\(d.stdout)")
        // The core store holds one; the list also shows the outbox, where the other waits set aside.
        let list = try Motcua.run(["dossiers", "list", "--data-dir", a.data]).stdout
        let lines = list.split(separator: "\n").filter { $0.hasPrefix(receipt + " ") }
        #expect(lines.count == 2 && lines.filter { $0.contains(" delivered ") }.count == 1
                && lines.filter { $0.contains(" set-aside ") }.count == 1, "\(list)")
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", a.data]).status == 0)
    }

    /// F6 at the root: kiosks left unconfigured get their own ids at first
    /// run (kept in settings.json); with an agency code the receipt follows
    /// Circular 01/2018 art. 19 with the kiosk kept in the unit, and such
    /// codes travel through a bundle to another store.
    @Test func kiosksGetTheirOwnIdsAndAgencyCodesShapeTheReceipt() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir + "/src", count: 1)
        func receipt(_ data: String, _ env: [String: String] = [:]) throws -> String {
            let r = try Motcua.run(["submit", form, answers[0], "--data-dir", data], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            return String(r.stdout.split(separator: " ").first ?? "")
        }
        let one = try receipt(dir + "/one"), two = try receipt(dir + "/two")
        #expect(one.hasPrefix("K") && two.hasPrefix("K") && one.split(separator: "-")[0] != two.split(separator: "-")[0], "\(one) \(two)")
        let settings = try String(contentsOfFile: dir + "/one/settings.json", encoding: .utf8)
        #expect(settings.contains(String(one.split(separator: "-")[0])))
        #expect(try receipt(dir + "/one").split(separator: "-")[0] == one.split(separator: "-")[0])

        try FileManager.default.createDirectory(atPath: dir + "/agency", withIntermediateDirectories: true)
        try #"{"kioskId": "HD01", "agencyCode": "000.00.15.H12"}"#.write(toFile: dir + "/agency/settings.json", atomically: true, encoding: .utf8)
        let code = try receipt(dir + "/agency")
        #expect(code.range(of: #"^000\.00\.15\.H12\.HD01-[0-9]{6}-0001$"#, options: .regularExpression) != nil, "\(code)")
        #expect(try Motcua.run(["queue", "export", dir + "/ag.bundle", "--data-dir", dir + "/agency"]).status == 0)
        let imp = try Motcua.run(["queue", "import", dir + "/ag.bundle", "--data-dir", dir + "/one"])
        #expect(imp.status == 0 && imp.stdout.contains("imported \(code)"), "\(imp.stdout)")
        let bad = try Motcua.run(["submit", form, answers[0], "--data-dir", dir + "/x"], environment: ["MOTCUA_AGENCY_CODE": "../H12"])
        #expect(bad.status == 2 && bad.stderr.contains("agency code"), "\(bad.stderr)")
    }

    /// F7: imported receipts never advance this kiosk's sequence; a sequence
    /// past nine digits is rejected at import; submit skips a code an
    /// imported dossier holds.
    @Test func importedReceiptsNeverPoisonTheSequence() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try exported(dir, kiosk: "HD01", count: 2, bundle: dir + "/src.bundle")
        let frames = try BundleCraft.payloads(of: dir + "/src.bundle")
        let dossiers = try BundleCraft.entries(frames, "dossier")
        var huge = try BundleCraft.dossier(dossiers[0]), tooHuge = try BundleCraft.dossier(dossiers[1])
        let base = try #require(huge["receipt"]?.stringValue.map { String($0[..<$0.lastIndex(of: "-")!]) })
        huge["receipt"] = .string(base + "-999999999")
        huge["id"] = .string(UUID().uuidString.lowercased())
        tooHuge["id"] = .string(UUID().uuidString.lowercased())
        tooHuge["receipt"] = .string(base + "-1000000000")
        try BundleCraft.write(dir + "/poison.bundle", middle: try BundleCraft.entries(frames, "form")
            + [BundleCraft.dossierEntry(.object(huge)), BundleCraft.dossierEntry(.object(tooHuge))])
        let data = dir + "/target"
        let imp = try Motcua.run(["queue", "import", dir + "/poison.bundle", "--data-dir", data, "--kiosk", "HD01"])
        #expect(imp.stdout.contains("imported \(base)-999999999"), "\(imp.stdout)")
        #expect(imp.stdout.contains("receipt code is malformed"), "\(imp.stdout)")

        // An ordinary bundle from a kiosk with the same id holds -0001 and -0002.
        #expect(try Motcua.run(["queue", "import", dir + "/src.bundle", "--data-dir", data, "--kiosk", "HD01"]).status == 0)
        let form = dir + "/src-HD01/form.json", answers = dir + "/src-HD01/answers-0.json"
        let s = try Motcua.run(["submit", form, answers, "--data-dir", data, "--kiosk", "HD01"])
        #expect(s.status == 0 && s.stdout.hasPrefix(base + "-0003 "), "\(s.stdout)\(s.stderr)")
        #expect(try Motcua.run(["queue", "deliver", "--data-dir", data]).status == 0)
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", data]).status == 0)
    }

    /// F15: a language that is not one of the form's languages is refused
    /// before any file is opened, at import and at submit.
    @Test func aDossierLanguageComesFromAClosedSet() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try exported(dir, kiosk: "AA01", count: 2, bundle: dir + "/src.bundle")
        try #"{"secret": "PROBE-TEXT"}"#.write(toFile: dir + "/probe.json", atomically: true, encoding: .utf8)
        let frames = try BundleCraft.payloads(of: dir + "/src.bundle")
        let dossiers = try BundleCraft.entries(frames, "dossier")
        var path = try BundleCraft.dossier(dossiers[0]), french = try BundleCraft.dossier(dossiers[1])
        path["language"] = .string(String(repeating: "../", count: 24) + dir.dropFirst() + "/probe")
        path["answers"] = ["ten_khac": "x"]  // ho_ten missing: its message would come from that "locale"
        french["language"] = "fr"
        try BundleCraft.write(dir + "/lang.bundle", middle: try BundleCraft.entries(frames, "form")
            + [BundleCraft.dossierEntry(.object(path)), BundleCraft.dossierEntry(.object(french))])
        let r = try Motcua.run(["queue", "import", dir + "/lang.bundle", "--data-dir", dir + "/t"])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("PROBE-TEXT") && !r.stderr.contains("PROBE-TEXT"))
        #expect(r.stdout.contains("the dossier's language is not a language tag"), "\(r.stdout)")
        #expect(r.stdout.contains("language must be one of the form's languages"), "\(r.stdout)")
        #expect(r.stderr.contains("0 imported"), "\(r.stderr)")
        let s = try Motcua.run(["submit", dir + "/src-AA01/form.json", dir + "/src-AA01/answers-0.json", "--lang", "../probe", "--data-dir", dir + "/t"])
        #expect(s.status == 2 && s.stderr.contains("language must be one of"), "\(s.stderr)")
    }

    /// F14: settings.json and drafts written with a normal umask are tightened
    /// on open (a `repaired:` line) and verify passes.
    @Test func settingsAndDraftModesAreTightened() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data + "/drafts", withIntermediateDirectories: true)
        try #"{"kioskId": "HD01"}"#.write(toFile: data + "/settings.json", atomically: true, encoding: .utf8)
        try #"{}"#.write(toFile: data + "/drafts/abcdef12-0000.json", atomically: true, encoding: .utf8)
        chmod(data + "/settings.json", 0o644)
        chmod(data + "/drafts/abcdef12-0000.json", 0o664)
        chmod(data + "/drafts", 0o755)
        let v = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("repaired: \(data)/settings.json had permissions 644; set to 600"), "\(v.stdout)")
        #expect(v.stdout.contains("drafts/abcdef12-0000.json had permissions 664; set to 600"), "\(v.stdout)")
        for (p, mode) in [(data + "/settings.json", 0o600), (data + "/drafts/abcdef12-0000.json", 0o600), (data + "/drafts", 0o700)] {
            var st = stat()
            #expect(stat(p, &st) == 0 && Int(st.st_mode & 0o777) == mode, "\(p)")
        }
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", data]).stdout.contains("repaired:") == false)
    }
}
