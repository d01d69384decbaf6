import Foundation
import MotCuaTestSupport
import Testing

/// Whether pyxform (ODK's XLSForm converter) can be imported by python3 here.
let pyxformAvailable: Bool = {
    guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map({ "\($0)/python3" })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return false }
    return (try? ExternalTool.run(python, ["-c", "import pyxform"]).status) == 0
}()

/// The author's loop through the real binary: decompile a shipped form,
/// compile the sheets, check, validate; and pyxform on the same sheets.
@Suite struct FormsSheetsCommandTests {
    @Test func decompileCompileCheckValidate() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheets = dir + "/khai-tu"
        let d = try Motcua.run(["forms", "decompile", Motcua.repoRoot + "/Forms/khai-tu.json", sheets])
        #expect(d.status == 0, "\(d.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: sheets).sorted()
        #expect(files == ["checks.tsv", "choices.tsv", "documents.tsv", "settings.tsv", "survey.tsv"])
        // The compiled form sits beside a lists/ folder, as in Forms/.
        try FileManager.default.createSymbolicLink(atPath: dir + "/lists", withDestinationPath: Motcua.repoRoot + "/Forms/lists")
        let out = dir + "/khai-tu.json"
        let c = try Motcua.run(["forms", "compile", sheets, "-o", out])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(try Motcua.run(["forms", "check", out]).status == 0)
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-tu."
        #expect(try Motcua.run(["validate", out, answers + "valid.json", "--today", "2026-11-27"]).status == 0)
        let bad = try Motcua.run(["validate", out, answers + "invalid.json", "--today", "2026-11-27", "--json"])
        #expect(bad.status == 1 && bad.stdout.contains("\"nc_gio_chet\""))
        // Without -o the form goes to standard output.
        let stdout = try Motcua.run(["forms", "compile", sheets])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("{") && stdout.stdout.contains("\"id\": \"khai-tu\""))
    }

    @Test func compileErrorsAreFileRowColumnInTheChosenLanguage() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "form_id\tform_title\nloi\tLỗi\n".write(toFile: dir + "/settings.tsv", atomically: true, encoding: .utf8)
        try "type\tname\tlabel\trelevant\ntext\ta\tA\t${b} = 1\nphoto\tc\tC\t\n".write(toFile: dir + "/survey.tsv", atomically: true, encoding: .utf8)
        let vi = try Motcua.run(["forms", "compile", dir, "-o", dir + "/out.json"])
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("survey.tsv:2:4: Không có trường “b” trong biểu mẫu."), "\(vi.stderr)")
        #expect(vi.stderr.contains("survey.tsv:3:1: Kiểu “photo” không được hỗ trợ."), "\(vi.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"), "nothing written when the sheets have errors")
        let en = try Motcua.run(["forms", "compile", dir, "--lang", "en"])
        #expect(en.stderr.contains("survey.tsv:3:1: Type “photo” is not supported."), "\(en.stderr)")
        #expect(try Motcua.run(["forms", "compile", dir + "/nothing-here"]).status == 1)
        #expect(try Motcua.run(["forms", "compile"]).status == 2)
        #expect(try Motcua.run(["forms", "compile", "--help"]).status == 0)
    }

    @Test(.enabled(if: pyxformAvailable, "pyxform is not installed (pip install pyxform; .ci/run installs it)"))
    func pyxformConvertsTheSameSheets() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Motcua.run(["forms", "decompile", Motcua.repoRoot + "/Forms/ly-lich-tu-phap.json", dir]).status == 0)
        // MotCua compiles the sheets ...
        #expect(try Motcua.run(["forms", "compile", dir, "-o", dir + "/form.json"]).status == 0)
        // ... and pyxform converts their XLSForm subset to an XForm with the same fields.
        let script = Motcua.repoRoot + "/tools/pyxform_check.py"
        let r = try ExternalTool.run("/usr/bin/env", ["python3", script, dir])
        #expect(r.status == 0)
        for name in ["ngay_sinh", "cu_tru", "ct_tu_thang", "loai_phieu", "le_phi"] {
            #expect(r.stdout.contains("/\(name)"), "\(name) missing from the XForm")
        }
        #expect(r.stdout.contains("translation lang=\"vi\"") && r.stdout.contains("translation lang=\"en\""))
        // A reference pyxform cannot resolve is refused by it too: the check can fail.
        let survey = dir + "/survey.tsv"
        let text = try String(contentsOfFile: survey, encoding: .utf8)
        try text.replacingOccurrences(of: "${nhom_phi}", with: "${khong_co}").write(toFile: survey, atomically: true, encoding: .utf8)
        #expect(try ExternalTool.run("/usr/bin/env", ["python3", script, dir]).status != 0)
    }
}
