import Foundation
import MotCuaTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's F11 (full disk and the audit trail) and F12 (export's
/// temporary files after a kill), with the real binary.
@Suite struct StoreExportDiskTests {
    /// F11 through the write-failure switch (any user): an export that cannot
    /// write fails with a disk-full error and leaves no bundle; verify tells
    /// the owed audit entries from damage, and writes them once there is space.
    @Test func anExportThatCannotWriteFailsAndVerifyTellsAFullDiskFromDamage() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 3)
        let data = dir + "/data"
        #expect(try Motcua.run(["submit", form] + answers + ["--data-dir", data]).status == 0)
        let full = ["MOTCUA_TEST_FAIL_WRITES_AFTER": "0"]
        let e = try Motcua.run(["queue", "export", dir + "/out.bundle", "--data-dir", data], environment: full)
        #expect(e.status == 2 && e.stderr.contains("the disk is full"), "\(e.stdout)\(e.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.bundle"))

        let v1 = try Motcua.run(["dossiers", "verify", "--data-dir", data], environment: full)
        #expect(v1.status == 0, "\(v1.stdout)")
        #expect(v1.stdout.contains("note: 3 audit entries not yet written because the disk was full"), "\(v1.stdout)")
        #expect(!v1.stdout.contains("PROBLEM"))
        let v2 = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(v2.status == 0 && v2.stdout.contains("3 queue records (3 dossiers), 0 stored, 3 audit entries"), "\(v2.stdout)")
        #expect(try Motcua.run(["queue", "export", dir + "/out.bundle", "--data-dir", data]).status == 0)
    }

    /// F11 on a real full file system (root only: a small tmpfs).
    @Test(.enabled(if: geteuid() == 0)) func onAFullTmpfsExportFailsAndVerifyCompletesTheTrailLater() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir, count: 150, note: 150)
        let mount = dir + "/disk"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=300k", "tmpfs", mount]) == 0 else { return }
        defer { _ = run("/bin/umount", ["-l", mount]) }
        let data = mount + "/data"
        let s = try Motcua.run(["submit", form] + answers + ["--data-dir", data])
        #expect(s.status == 2 && s.stderr.contains("the disk is full"), "the disk never filled: \(s.stderr)")
        let acknowledged = StoreFixture.submittedIDs(s.stdout).count

        // The export either fits in the space the logs reserved ahead (then its
        // audit entries are all written) or fails as a full disk, leaving no
        // bundle: never exit 0 with its audit entry missing.
        let e = try Motcua.run(["queue", "export", dir + "/out.bundle", "--data-dir", data])
        let records = acknowledged + (e.status == 0 ? 1 : 0)
        let v1 = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(v1.status == 0 && !v1.stdout.contains("PROBLEM"), "\(v1.stdout)")
        if e.status == 0 {
            #expect(v1.stdout.contains("\(records) queue records (\(acknowledged) dossiers), 0 stored, \(records) audit entries"), "\(v1.stdout)")
        } else {
            #expect(e.status == 2 && e.stderr.contains("the disk is full"), "\(e.stdout)\(e.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/out.bundle"))
        }

        #expect(run("/bin/mount", ["-o", "remount,size=4m", mount]) == 0)
        let v2 = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(v2.status == 0 && v2.stdout.contains("\(records) queue records (\(acknowledged) dossiers), 0 stored, \(records) audit entries"), "\(v2.stdout)")
        #expect(!v2.stdout.contains("note:"), "\(v2.stdout)")
        #expect(try Motcua.run(["queue", "export", dir + "/out.bundle", "--data-dir", data]).status == 0)
    }

    /// F12: exports killed at random moments leave no copy of the bundle
    /// beside it (none at all where the file system has O_TMPFILE; a later
    /// export removes any named leftover elsewhere), and a dead process's
    /// leftover of the fallback's naming is removed, nothing else.
    @Test func killedExportsLeaveNoCopies() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (form, answers) = try StoreFixture.make(in: dir + "/src", count: 40, note: 400)
        let data = dir + "/data"
        #expect(try Motcua.run(["submit", form] + answers + ["--data-dir", data]).status == 0)
        let usb = dir + "/usb"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let unnamed = supportsUnnamedFiles(usb)
        func leftovers() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: usb)) ?? []).filter { $0.contains(".tmp-") } }

        let q = StoreFixture.shellQuote
        for i in 0..<8 {
            let child = try StoreChild(script: "exec \(q(Motcua.path)) queue export \(q(usb + "/out.bundle")) --data-dir \(q(data))")
            usleep(UInt32(20_000 + i * 40_000))
            child.kill()
            child.wait()
            if unnamed { #expect(leftovers().isEmpty, "after kill \(i): \(leftovers())") }
        }
        // A dead process's named leftover (the fallback's naming) and things that are not ours.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        for name in [".out.bundle.tmp-\(dead)-12345", ".out.bundle.tmp-notapid", "notes.txt"] {
            try "x".write(toFile: usb + "/" + name, atomically: false, encoding: .utf8)
        }
        #expect(try Motcua.run(["queue", "export", usb + "/out.bundle", "--data-dir", data]).status == 0)
        #expect(leftovers() == [".out.bundle.tmp-notapid"], "\(leftovers())")
        #expect(FileManager.default.fileExists(atPath: usb + "/notes.txt"))
        var st = stat()
        #expect(stat(usb + "/out.bundle", &st) == 0 && st.st_mode & 0o777 == 0o600)
    }

    /// Whether `dir`'s file system gives unnamed files (O_TMPFILE).
    private func supportsUnnamedFiles(_ dir: String) -> Bool {
        let fd = open(dir, 0o20_000_000 | O_DIRECTORY | O_WRONLY, 0o600)
        if fd >= 0 { close(fd) }
        return fd >= 0
    }

    private func run(_ tool: String, _ args: [String]) -> Int32 {
        (try? ExternalTool.run(tool, args))?.status ?? -1
    }
}
