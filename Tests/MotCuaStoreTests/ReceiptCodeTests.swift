import Foundation
import Testing
@testable import MotCuaStore

/// Receipt codes (Circular 01/2018 art. 19 with agency units) and the bundle
/// reader's bounds.
@Suite struct ReceiptCodeTests {
    @Test func parseIsBoundedAndKnowsBothForms() {
        #expect(ReceiptCode.parse("HD01-261206-0001")?.sequence == 1)
        #expect(ReceiptCode.parse("HD01-261206-0001")?.dayKey == "HD01-261206")
        #expect(ReceiptCode.parse("000.00.15.H12.HD01-261206-0042")?.dayKey == "000.00.15.H12.HD01-261206")
        #expect(ReceiptCode.parse("HD01-261206-999999999")?.sequence == ReceiptCode.maxSequence)
        for bad in ["HD01-261206-1000000000", "HD01-261206-0000", "HD01-261206-001", "HD01-261306-0001", "HD01-261200-0001",
                    "hd01-261206-0001", "H-261206-0001", "../x-261206-0001", "000..15.HD01-261206-0001", ".HD01-261206-0001",
                    "HD01-2612060-0001", "HD01261206-0001", "-261206-0001", "HD01-261206-", "",
                    String(repeating: "A.", count: 30) + "HD01-261206-0001", "HD01-261206-0001\n"] {
            #expect(ReceiptCode.parse(bad) == nil, "\(bad)")
        }
        let unit = ReceiptCode.unit(agency: "000.00.15.H12", kiosk: "HD01")
        let code = ReceiptCode.make(unit: unit, day: (2026, 12, 6), sequence: 7)
        #expect(code == "000.00.15.H12.HD01-261206-0007")
        #expect(ReceiptCode.parse(code)?.sequence == 7)
        #expect(ReceiptCode.make(unit: "HD01", day: (2026, 12, 6), sequence: 12345) == "HD01-261206-12345")
        // The longest unit with the largest sequence still parses.
        let longest = ReceiptCode.make(unit: ReceiptCode.unit(agency: "AAAAAA.BBBBBB.CCCCCC.DDD", kiosk: "KKKKKKKK"), day: (2026, 12, 6),
                                       sequence: ReceiptCode.maxSequence)
        #expect(ReceiptCode.parse(longest)?.sequence == ReceiptCode.maxSequence, "\(longest)")
    }

    @Test func agencyCodesAndLanguageTags() throws {
        #expect(try AgencyCode.normalize(" 000.00.15.h12 ") == "000.00.15.H12")
        for bad in ["", ".", "A..B", "A.B.", "TOOLONG7.A", "A/B", "1.2.3.4.5.6.7", "H12 X"] {
            #expect(!AgencyCode.isValid(bad), "\(bad)")
        }
        for good in ["vi", "en", "en-GB", "fil"] { #expect(LanguageTag.isPlain(good), "\(good)") }
        for bad in ["", "v", "VI", "../x", "vi/", "en-", "vi-../x", "a.b", "vi\u{0}"] { #expect(!LanguageTag.isPlain(bad), "\(bad)") }
        // Spaces and tabs around a typed code go (no-break and ideographic spaces too), nothing else does.
        #expect(try KioskID.normalize(" hd01\t") == "HD01")
        #expect(try KioskID.normalize("\u{A0}hd01\u{3000}") == "HD01")
        #expect(try AgencyCode.normalize("\t000.00.15.h12\u{2003}") == "000.00.15.H12")
        for bad in ["hd01\n", "\rHD01", "H D01", " ", "\u{200B}HD01"] { #expect(throws: StoreError.self, "\(bad)") { try KioskID.normalize(bad) } }
        let ids = Set((0..<200).map { _ in KioskID.random() })
        #expect(ids.count == 200 && ids.allSatisfy { KioskID.isValid($0) && $0.count == 6 })
    }

    /// A file of nothing but frame magics with plausible lengths: the resync
    /// stops after its probe budget (4,096 of the 10,000 candidates) instead of hashing the file again and again.
    @Test func bundleResyncIsBounded() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var junk: [UInt8] = []
        for _ in 0..<10_000 { junk += Array("MCR1".utf8) + [0x00, 0x04, 0x00, 0x00] }  // 1 KiB each, checksum wrong
        let path = dir.sub("junk.bundle")
        try Data(junk).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = try BundleReader(fd: fd, path: path)
        var visits = 0
        let damaged = try reader.walk { _, _ in visits += 1 }
        #expect(visits == 0)
        #expect(damaged.count == 1 && damaged[0] == 0..<UInt64(junk.count))
    }
}
