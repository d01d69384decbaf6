// The search table through plain mode: the real binary over pipes, one choice question
// over each shared list, the query typed as a line. The first row of the narrowed list
// (or the answer taken when only one row matched) must be the table's first row, and a
// row found by another name must say why on its line, as in the kiosk.
import Foundation
import MotCuaTestSupport
import Testing

@Suite struct SearchTablePlainTests {
    /// A folder with one single-question form per list, its `lists` the repository's.
    static let folder: String = {
        let dir = (try? Motcua.tempDir()) ?? NSTemporaryDirectory()
        try? FileManager.default.createSymbolicLink(atPath: dir + "/lists", withDestinationPath: Motcua.repoRoot + "/Forms/lists")
        for list in ["provinces", "communes", "ethnic-groups", "nationalities"] {
            let form = """
            {"format": "motcua-form/1", "id": "st-\(list)", "version": "1", "title": "Bảng tìm", "lists": {"l": "@\(list)"},
             "pages": [{"id": "p", "title": "Tìm", "fields": [{"id": "q", "type": "choice", "label": "Chọn", "options": "l", "required": true}]}]}
            """
            try? form.write(toFile: dir + "/st-\(list).json", atomically: true, encoding: .utf8)
        }
        return dir
    }()

    @Test(arguments: SearchTable.cases.filter { $0.list != "catalog" })
    func plainModeListsTheRowFirst(_ c: SearchCase) throws {
        let data = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let r = try Motcua.run(["fill", Self.folder + "/st-\(c.list).json", "--plain", "--data-dir", data, "--today", "2026-11-27"],
                               stdin: c.query + "\n")
        let lines = r.stdout.components(separatedBy: "\n")
        if let picked = lines.first(where: { $0.hasPrefix("1. Chọn: ") }) {
            #expect(picked == "1. Chọn: " + c.first, "\(c): \(picked)")
            return
        }
        let heading = try #require(lines.lastIndex { $0.contains("mục khớp") }, "\(c): \(r.stdout.suffix(400))")
        let first = lines[heading + 1]
        #expect(first == "    1. " + c.first || first.hasPrefix("    1. " + c.first + " ("), "\(c): \(first)")
        if let reason = c.reason { #expect(first.contains("(") && first.contains(reason), "\(c): \(first)") }
    }
}
