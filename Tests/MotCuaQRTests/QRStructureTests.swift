import MotCuaQR
import Testing

/// Format and version information, capacities and the symbol's fixed parts.
@Suite struct QRStructureTests {
    /// Reads the 15 format bits from the copy around the top-left finder, bit 14 first.
    static func formatBits(_ code: QRCode) -> Int {
        var bits = 0
        let positions: [(Int, Int)] = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        for (i, (x, y)) in positions.enumerated() where code[x, y] { bits |= 1 << i }
        return bits
    }

    /// Reads the same bits from the second copy (top right and bottom left).
    static func secondFormatBits(_ code: QRCode) -> Int {
        var bits = 0
        let s = code.size
        let positions: [(Int, Int)] = (0..<8).map { (s - 1 - $0, 8) } + (8..<15).map { (8, s - 15 + $0) }
        for (i, (x, y)) in positions.enumerated() where code[x, y] { bits |= 1 << i }
        return bits
    }

    @Test func formatInformationMatchesTheStandardsTable() throws {
        // ISO/IEC 18004 Table C.1, mask 0 and a few others.
        let expected: [(QRErrorCorrection, Int, Int)] = [
            (.low, 0, 0b111011111000100), (.medium, 0, 0b101010000010010),
            (.quartile, 0, 0b011010101011111), (.high, 0, 0b001011010001001),
            (.low, 7, 0b110100101110110), (.medium, 5, 0b100000011001110),
            (.quartile, 3, 0b011101000000110), (.high, 6, 0b000110100001100),
        ]
        for (level, mask, bits) in expected {
            let code = try QRCode.encode("MOTCUA", ecc: level, version: 1, mask: mask)
            #expect(Self.formatBits(code) == bits, "\(level) mask \(mask)")
            #expect(Self.secondFormatBits(code) == bits, "\(level) mask \(mask), second copy")
            #expect(code[8, code.size - 8], "the lone dark module")
        }
    }

    /// Reads the 18 version bits from the block above the bottom-left finder.
    static func versionBits(_ code: QRCode, transposed: Bool) -> Int {
        var bits = 0
        for i in 0..<18 {
            let a = code.size - 11 + i % 3, b = i / 3
            if transposed ? code[b, a] : code[a, b] { bits |= 1 << i }
        }
        return bits
    }

    @Test func versionInformationMatchesTheStandardsTable() throws {
        // ISO/IEC 18004 Table D.1.
        let expected: [Int: Int] = [7: 0x07C94, 8: 0x085BC, 10: 0x0A4D3, 21: 0x15683, 32: 0x209D5, 40: 0x28C69]
        for (version, bits) in expected {
            let code = try QRCode.encode("1", ecc: .low, version: version, mask: 0)
            #expect(Self.versionBits(code, transposed: false) == bits, "version \(version)")
            #expect(Self.versionBits(code, transposed: true) == bits, "version \(version), other copy")
        }
    }

    @Test func capacitiesAtTheCornersOfTheTable() throws {
        // Table 7: characters per mode at 1-L, 40-L, 1-H and 40-H.
        let cases: [(String, QRErrorCorrection, Int, Int)] = [
            ("7", .low, 1, 41), ("A", .low, 1, 25), ("a", .low, 1, 17),
            ("7", .low, 40, 7089), ("A", .low, 40, 4296), ("a", .low, 40, 2953),
            ("7", .high, 1, 17), ("A", .high, 1, 10), ("a", .high, 1, 7),
            ("7", .high, 40, 3057), ("A", .high, 40, 1852), ("a", .high, 40, 1273),
        ]
        for (unit, level, version, count) in cases {
            let fits = try QRCode.encode(String(repeating: unit, count: count), ecc: level)
            #expect(fits.version == version, "\(count) × \(unit) at \(level)")
            let next = String(repeating: unit, count: count + 1)
            if version == 40 {
                #expect(throws: QREncodingError.self) { try QRCode.encode(next, ecc: level) }
            } else {
                #expect(try QRCode.encode(next, ecc: level).version == version + 1)
            }
        }
    }

    @Test func sizeFinderAndTimingPatterns() throws {
        for version in [1, 2, 7, 14, 40] {
            let code = try QRCode.encode("X", version: version)
            #expect(code.size == 17 + 4 * version)
            for (cx, cy) in [(3, 3), (code.size - 4, 3), (3, code.size - 4)] {
                #expect(code[cx, cy] && code[cx - 3, cy - 3] && !code[cx - 2, cy - 2] && code[cx - 1, cy + 1])
            }
            for i in 8..<(code.size - 8) {
                #expect(code[i, 6] == (i % 2 == 0) && code[6, i] == (i % 2 == 0))
            }
            // Outside the symbol is quiet zone.
            #expect(!code[-1, 0] && !code[code.size, 3] && !code[2, -5])
        }
    }

    @Test func forcedOptionsAreHonouredOrRefused() throws {
        let code = try QRCode.encode("Hồ sơ 42", ecc: .quartile, version: 5, mask: 3)
        #expect(code.version == 5 && code.mask == 3 && code.errorCorrection == .quartile)
        #expect(throws: QREncodingError.invalidVersion(41)) { try QRCode.encode("x", version: 41) }
        #expect(throws: QREncodingError.invalidVersion(0)) { try QRCode.encode("x", version: 0) }
        #expect(throws: QREncodingError.invalidMask(8)) { try QRCode.encode("x", mask: 8) }
        #expect(throws: QREncodingError.self) { try QRCode.encode(String(repeating: "é", count: 40), ecc: .high, version: 1) }
        let error = #expect(throws: QREncodingError.self) { try QRCode.encode(String(repeating: "ư", count: 3000)) }
        #expect(error?.description.contains("version 40") == true)
        #expect(throws: QREncodingError.invalidCharacters(mode: .numeric)) { try QRSegment.numeric("12a") }
        #expect(throws: QREncodingError.invalidCharacters(mode: .alphanumeric)) { try QRSegment.alphanumeric("abc") }
    }

    @Test func freeMaskIsTheLowestPenalty() throws {
        for text in ["Quét để tra cứu hồ sơ", "HS-2025-000123", String(repeating: "0123456789", count: 30)] {
            let chosen = try QRCode.encode(text)
            #expect(QRPenalty.score(chosen).total == chosen.penaltyScore)
            for mask in 0...7 {
                let forced = try QRCode.encode(text, version: chosen.version, mask: mask)
                #expect(forced.penaltyScore >= chosen.penaltyScore)
                #expect(QRPenalty.score(rows: forced.rows)?.total == forced.penaltyScore)
            }
        }
        #expect(QRPenalty.score(rows: [[true, false], [true]]) == nil)
        #expect(QRPenalty.score(rows: []) == nil)
        #expect(QRPenalty.score(rows: [[Bool]](repeating: [Bool](repeating: true, count: 178), count: 178)) == nil)
    }

    @Test func penaltyRulesOnHandMadeMatrices() throws {
        // 7×7 all light: every row and column is one run of 7 → N1 = 14 × 5,
        // 36 two-by-two blocks → N2 = 108, 0 % dark → N4 = 100. The 1011101
        // core never appears, so N3 = 0.
        let light = [[Bool]](repeating: [Bool](repeating: false, count: 7), count: 7)
        let blank = try #require(QRPenalty.score(rows: light))
        #expect(blank.adjacent == 70 && blank.blocks == 108 && blank.finderLike == 0 && blank.balance == 100)
        // One row 1011101 with light all around: found in that row only.
        var finder = [[Bool]](repeating: [Bool](repeating: false, count: 11), count: 11)
        for (x, dark) in [true, false, true, true, true, false, true].enumerated() { finder[5][x + 4] = dark }
        let score = try #require(QRPenalty.score(rows: finder))
        #expect(score.finderLike == 40)
        // 5 dark of 121 is 4.1 %, 45.9 points from 50 → k = 9.
        #expect(score.balance == 90)
    }
}
