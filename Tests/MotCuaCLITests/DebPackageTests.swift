// The Debian package (tools/make-deb) installed into a throwaway root: the
// installed binary finds the installed forms with nothing of the checkout in
// reach, the man page renders, and the kiosk's login shell opens the kiosk.
import Foundation
import MotCuaTestSupport
import Testing

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-deb"), "needs dpkg-deb"))
struct DebPackageTests {
    /// Builds the package from the binary under test and unpacks it into `root`.
    func install(into root: String, out: String) throws -> String {
        let make = try ExternalTool.runWithEnvironment(
            "/bin/bash", [Motcua.repoRoot + "/tools/make-deb", "--check", "--out", out],
            environment: ["MOTCUA_BINARY": Motcua.path])
        try #require(make.status == 0, "make-deb --check failed:\n\(make.output)")
        let debs = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".deb") }
        try #require(debs.count == 1, "\(debs)")
        let arch = try ExternalTool.run("/usr/bin/dpkg", ["--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(debs[0].hasPrefix("motcua_") && debs[0].hasSuffix("_\(arch).deb"), "\(debs[0])")
        let deb = out + "/" + debs[0]
        #expect(try ExternalTool.run("/usr/bin/dpkg-deb", ["-x", deb, root]).status == 0)
        return deb
    }

    @Test func thePackageInstallsAndItsBinaryUsesItsOwnForms() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = dir + "/root", out = dir + "/out", home = dir + "/home"
        for d in [root, out, home] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        let deb = try install(into: root, out: out)

        let fields = try ExternalTool.run("/usr/bin/dpkg-deb", ["-f", deb, "Package", "Version", "Recommends"]).stdout
        #expect(fields.contains("Package: motcua"))
        #expect(fields.contains("Recommends: postgresql-client, curl, espeak-ng, cups-client"))
        let version = try Motcua.run(["--version"]).stdout
        #expect(fields.contains("Version: " + (version.split(separator: " ").dropFirst().first.map(String.init) ?? "?")))
        for path in ["usr/bin/motcua", "usr/bin/motcua-kiosk", "usr/share/motcua/Forms/khai-sinh.json",
                     "usr/share/motcua/Locales/vi.json", "usr/share/man/man1/motcua.1.gz",
                     "usr/share/doc/motcua/README.desk", "usr/share/doc/motcua/KIOSK.md",
                     "usr/share/doc/motcua/examples/getty-autologin.conf"] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + path), "\(path) is not in the package")
        }

        // The installed binary, run from another folder with no MOTCUA_HOME, checks the installed forms.
        let check = try ExternalTool.runWithEnvironment(
            "/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "HOME=\(home)", "LANG=C.UTF-8", root + "/usr/bin/motcua", "forms", "check"],
            cwd: home)
        #expect(check.status == 0, "\(check.output)")
        let count = try FileManager.default.contentsOfDirectory(atPath: root + "/usr/share/motcua/Forms").filter { $0.hasSuffix(".json") }.count
        #expect(check.output.contains("\(count) forms checked, 0 problems"), "\(check.output)")

        // The man page names every command `motcua help` lists.
        let man = try ExternalTool.runWithEnvironment("/usr/bin/man", ["-l", root + "/usr/share/man/man1/motcua.1.gz"],
                                                      environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"])
        #expect(man.status == 0)
        for command in ["forms", "validate", "fill", "drafts", "submit", "queue", "dossiers", "qr"] {
            #expect(man.output.contains("   " + command + "\n"), "no section for \(command) in the man page")
        }
        for section in ["SETTINGS", "ENVIRONMENT", "FILES", "EXIT STATUS"] { #expect(man.output.contains(section)) }
    }

    /// The kiosk user's login shell (docs/KIOSK.md), started as login starts it
    /// ("-motcua-kiosk", a non-UTF-8 locale, no MOTCUA_HOME), opens the kiosk
    /// on the installed forms; on exit there is no shell behind it.
    @Test(.enabled(if: tmuxAvailable, "needs tmux")) func theLoginShellOpensTheKiosk() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = dir + "/root", out = dir + "/out", home = dir + "/home"
        for d in [root, out, home] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        _ = try install(into: root, out: out)
        let t = TmuxSession(["/usr/bin/env", "-u", "MOTCUA_HOME", "-u", "MOTCUA_DATA_DIR", "HOME=\(home)", "LANG=C",
                             "/bin/bash", "-c", "cd \(home) && exec -a -motcua-kiosk \(root)/usr/bin/motcua-kiosk"],
                            environment: ["LANG": "C", "TERM": "xterm-256color"])
        defer { t.close() }
        #expect(t.wait(for: "Đăng ký khai sinh"), "\(t.text)")
        t.press("F10")
        #expect(t.wait(for: "EXIT=0"), "\(t.text)")
    }
}
