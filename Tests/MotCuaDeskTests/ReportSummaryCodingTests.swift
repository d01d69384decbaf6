import Foundation
import Testing
@testable import MotCuaDesk
import MotCuaStore

/// report-summary's body: facts come back as written, and hostile bytes
/// (every truncation, random changes) are refused or read without a trap,
/// never a crash; the file's checksum and journal anchor come before this.
@Suite struct ReportSummaryCodingTests {
    static let facts: [ReportFact] = [
        ReportFact(kind: .dossier, id: "a1", day: 20_458, operatorID: "lan", procedure: "khai-sinh", imported: false, correction: false,
                   processingDays: 0, fee: 24_000),
        ReportFact(kind: .dossier, id: "b2", day: 20_459, operatorID: "minh", procedure: "ly-lich-tu-phap", imported: true, correction: true,
                   processingDays: 10, fee: 205_000),
        ReportFact(kind: .dossier, id: "c3", day: -3, operatorID: "lan", procedure: "khai-sinh", processingDays: nil),
        ReportFact(kind: .delivered, id: "a1", day: 20_460, operatorID: "night"),
        ReportFact(kind: .setAside, id: "b2", day: 20_460, operatorID: "night"),
        ReportFact(kind: .corrected, id: "b2", day: 20_461, operatorID: "Nguyễn Văn Ánh"),
    ]

    @Test func factsComeBackAsWritten() throws {
        var r = ByteReader(ReportSummary.encode(Self.facts).bytes)
        #expect(try ReportSummary.decode(&r) == Self.facts)
    }

    @Test func hostileBodiesAreRefusedWithoutATrap() {
        let good = ReportSummary.encode(Self.facts).bytes
        for n in 0..<good.count {  // every truncation
            var r = ByteReader(Array(good[0..<n]))
            #expect((try? ReportSummary.decode(&r)) == nil, "a body cut at \(n) was accepted")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {  // random changes: anything but a trap
            var bytes = good
            for _ in 0..<Int.random(in: 1...4, using: &rng) { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            var r = ByteReader(bytes)
            _ = try? ReportSummary.decode(&r)
        }
        var huge = ByteWriter()  // a count far beyond the bytes
        huge.int(ReportSummary.version); huge.strings([]); huge.int(Int.max)
        var r = ByteReader(huge.bytes)
        #expect((try? ReportSummary.decode(&r)) == nil)
    }
}
