import Foundation
import MotCuaForms
@testable import MotCuaStore
import Testing

/// `report-summary`, the report's per-record summary of queue.log: written by
/// the first report, owner-only; read (the journal's new records added) by
/// the next ones; ignored and rebuilt when deleted, damaged, or made for
/// another journal; in every case the numbers are the logs' own.
@Suite struct ReportSummaryTests {
    static let january = ["--from", "2027-01-01", "--to", "2027-02-28", "--csv", "-"]

    /// The file's bytes with one little-endian Int64 replaced, its trailing checksum made good again.
    static func tamper(_ path: String, _ old: Int, _ new: Int) throws -> Bool {
        var bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
        let pattern = withUnsafeBytes(of: Int64(old).littleEndian, Array.init)
        guard let at = (0...(bytes.count - 8)).first(where: { Array(bytes[$0..<$0 + 8]) == pattern }) else { return false }
        bytes.replaceSubrange(at..<at + 8, with: withUnsafeBytes(of: Int64(new).littleEndian, Array.init))
        let sum = bytes.withUnsafeBytes { FastChecksum.hash(UnsafeRawBufferPointer(rebasing: $0[0..<bytes.count - 8])) }
        bytes.replaceSubrange(bytes.count - 8..<bytes.count, with: withUnsafeBytes(of: sum.littleEndian, Array.init))
        return FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// The numbers of the CSV's total row.
    static func total(_ csv: String) -> [Int] {
        let row = csv.components(separatedBy: "\r\n").first { $0.hasPrefix("total,") } ?? ""
        return row.split(separator: ",").dropFirst().compactMap { Int($0) }
    }

    @Test func theSummaryIsReadKeptUpToDateAndNeverTrustedOverTheLogs() throws {
        let (root, data) = try ReportCommandTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let summary = data + "/report-summary"
        let first = try ReportCommandTests.report(data, Self.january)
        #expect(first.status == 0 && Self.total(first.stdout).prefix(5) == [4, 1, 0, 1, 277_000], "\(first.stdout)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: summary)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0, "owner-only: \(String(mode, radix: 8))")

        // The summary is what the next report reads: a changed fee in it (checksum made good) shows...
        #expect(try Self.tamper(summary, 205_000, 205_001))
        var changed = Self.total(first.stdout)
        changed[4] += 1
        #expect(Self.total(try ReportCommandTests.report(data, Self.january).stdout) == changed)
        // ...and deleting it gives the logs' numbers again.
        try FileManager.default.removeItem(atPath: summary)
        #expect(try ReportCommandTests.report(data, Self.january).stdout == first.stdout)

        // A record appended after the summary is read from the journal on top of it.
        let old = try #require(FileManager.default.contents(atPath: summary))
        let r = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/ly-lich-tu-phap.json",
                                Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/ly-lich-tu-phap.valid.json",
                                "--data-dir", data, "--kiosk", "HD01", "--operator", "minh"],
                               environment: ["MOTCUA_TEST_NOW": ReportCommandTests.utc(2027, 2, 2, 3, 0)])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        let after = try ReportCommandTests.report(data, Self.january)
        #expect(Self.total(after.stdout).prefix(5) == [5, 1, 0, 1, 482_000], "\(after.stdout)")
        try FileManager.default.removeItem(atPath: summary)
        #expect(try ReportCommandTests.report(data, Self.january).stdout == after.stdout)
        // An older summary (a prefix of the journal) is still good: the rest is read on top.
        #expect(FileManager.default.createFile(atPath: summary, contents: old))
        #expect(try ReportCommandTests.report(data, Self.january).stdout == after.stdout)

        // Damaged, or made for another journal: rebuilt from the logs.
        var damaged = Array(old)
        damaged[damaged.count / 2] ^= 0x40
        #expect(FileManager.default.createFile(atPath: summary, contents: Data(damaged)))
        #expect(try ReportCommandTests.report(data, Self.january).stdout == after.stdout)
        let (otherRoot, otherData) = try ReportCommandTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: otherRoot) }
        _ = try ReportCommandTests.report(otherData, Self.january)
        #expect(try Self.tamper(otherData + "/report-summary", 205_000, 205_001))
        try FileManager.default.removeItem(atPath: summary)
        try FileManager.default.copyItem(atPath: otherData + "/report-summary", toPath: summary)
        #expect(try ReportCommandTests.report(data, Self.january).stdout == after.stdout)
    }
}
