import Foundation
import Testing

/// Issue 14, a first day at the desk: the plain line mode over pipes.
@Suite(.serialized) struct FirstDayPlainTests {
    func fill(_ dir: String, _ lines: [String], extra: [String] = []) throws -> Motcua.Result {
        try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", "2026-11-27", "--kiosk", "TQ01"] + extra,
                       stdin: lines.joined(separator: "\n") + "\n")
    }

    /// Defects 3 and 4: a well-written day that does not exist is said to not exist; a
    /// year field's example is a year.
    @Test func impossibleDaysAndYearExamples() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = PlainModeTests.khaiSinh
        let birth = try #require(lines.firstIndex(of: "20/10/2026"))
        lines.insert(contentsOf: ["31/02/2026", "29/02/2026", "15/13/2026", "20-10"], at: birth)
        let year = try #require(lines.firstIndex(of: "1995"))
        lines.insert("5/3/1995", at: year)
        let r = try fill(dir, lines + ["có"])
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout.suffix(2000))")
        let impossible = r.stdout.components(separatedBy: "Không có ngày này trong lịch").count - 1
        #expect(impossible == 3, "\(r.stdout)")
        #expect(r.stdout.contains("Hãy nhập ngày theo dạng DD/MM/YYYY, ví dụ 05/03/2024."))  // "20-10": the shape is wrong
        #expect(r.stdout.contains("Hãy nhập ngày theo dạng YYYY, ví dụ 1990."), "\(r.stdout)")
        #expect(!r.stdout.contains("dạng YYYY, ví dụ 05/03/2024"))
    }
}
