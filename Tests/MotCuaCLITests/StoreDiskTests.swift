import Foundation
import MotCuaTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A full disk and two processes at once, with the real binary.
@Suite struct StoreDiskTests {
    /// Submitting until the disk is full: the failing submit says so plainly,
    /// everything acknowledged before is intact, and once space is freed the
    /// store verifies and takes new dossiers. On a real small tmpfs when we
    /// are root; otherwise through the test-only write-failure switch.
    @Test func aFullDiskFailsSubmitCleanly() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 120, note: 150)
        let mount = dir + "/disk"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let tmpfs = geteuid() == 0 && run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount]) == 0
        defer { if tmpfs { _ = run("/bin/umount", ["-l", mount]) } }
        let data = mount + "/data"
        var env: [String: String] = [:]
        if !tmpfs { env["MOTCUA_TEST_FAIL_WRITES_AFTER"] = "200000" }

        let r = try Motcua.run(["submit", "--today", "2026-11-27", form] + answers + ["--data-dir", data], environment: env)
        #expect(r.status == 2, "the disk never filled: \(r.stderr)")
        #expect(r.stderr.contains("the disk is full"), "\(r.stderr)")
        #expect(r.stderr.contains("the failed write was undone"))
        let acknowledged = StoreFixture.submittedIDs(r.stdout)
        #expect(acknowledged.count > 10 && acknowledged.count < answers.count, "\(acknowledged.count)")

        // Still full: reading works and shows every acknowledged dossier once.
        let status = try Motcua.run(["queue", "status", "--all", "--data-dir", data])
        #expect(status.status == 0, "\(status.stderr)")
        let ids = StoreFixture.queueItems(status.stdout).map(\.id)
        #expect(Set(acknowledged).isSubset(of: Set(ids)))
        #expect(Set(ids).count == ids.count)

        if tmpfs {
            // Free space: a filler file is what we could not write, so make room by
            // removing the form copies' temporary leftovers (none) and raising the limit.
            #expect(run("/bin/mount", ["-o", "remount,size=2m", mount]) == 0)
        }
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0, "\(verify.stdout)")
        let again = try Motcua.run(["submit", "--today", "2026-11-27", form, answers[0], "--data-dir", data])
        #expect(again.status == 0, "\(again.stderr)")
        let deliver = try Motcua.run(["queue", "deliver", "--data-dir", data])
        #expect(deliver.status == 0, "\(deliver.stdout)\(deliver.stderr)")
        let stored = try Motcua.run(["dossiers", "list", "--data-dir", data]).stdout
        for id in acknowledged { #expect(stored.contains(id)) }
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", data]).status == 0)
    }

    /// A kiosk submitting and a delivery run working on one data directory.
    @Test func twoProcessesAtOnceLoseAndDuplicateNothing() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 8)
        let data = dir + "/data"
        let q = StoreFixture.shellQuote
        let m = q(Motcua.path)
        func loop(_ kiosk: String) -> String {
            """
            i=0
            while [ $i -lt 6 ]; do
              \(m) submit --today 2026-11-27 \(q(form)) \(answers.map(q).joined(separator: " ")) --data-dir \(q(data)) --kiosk \(kiosk) || exit 1
              \(m) queue deliver --data-dir \(q(data)) --limit 5 >/dev/null || exit 1
              i=$((i+1))
            done
            """
        }
        let a = try StoreChild(script: loop("KA01"))
        let b = try StoreChild(script: loop("KB01"))
        #expect(a.wait() == 0)
        #expect(b.wait() == 0)
        let printed = StoreFixture.submittedIDs(a.output()) + StoreFixture.submittedIDs(b.output())
        #expect(printed.count == 2 * 6 * answers.count)

        #expect(try Motcua.run(["queue", "deliver", "--data-dir", data]).status == 0)
        let status = try Motcua.run(["queue", "status", "--all", "--data-dir", data])
        let items = StoreFixture.queueItems(status.stdout)
        #expect(items.count == printed.count)
        #expect(Set(items.map(\.id)) == Set(printed))
        #expect(items.allSatisfy { $0.state == "delivered" })
        let receipts = status.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[0] }
        #expect(Set(receipts).count == receipts.count, "receipt codes are unique")
        let stored = try Motcua.run(["dossiers", "list", "--data-dir", data]).stdout.split(separator: "\n")
        #expect(stored.count == printed.count)
        #expect(try Motcua.run(["dossiers", "verify", "--data-dir", data]).status == 0)
    }

    private func run(_ tool: String, _ args: [String]) -> Int32 {
        (try? ExternalTool.run(tool, args))?.status ?? -1
    }
}
