import Foundation
import MotCuaQR
import Testing

@Suite struct RendererTests {
    /// The code's modules with a light border of `border` modules.
    static func padded(_ code: QRCode, border: Int) -> [[Bool]] {
        let total = code.size + 2 * border
        return (0..<total).map { y in (0..<total).map { x in code[x - border, y - border] } }
    }

    @Test func halfBlocksCarryTwoRowsPerLineAndReadBack() throws {
        for text in ["Quét để tra cứu hồ sơ", SampleTexts.vietQR[0], SampleTexts.urls[3]] {
            let code = try QRCode.encode(text)
            let lines = QRTextRenderer.halfBlockLines(code)
            let total = code.size + 8
            #expect(lines.count == (total + 1) / 2)
            #expect(lines.allSatisfy { $0.unicodeScalars.count == total })
            #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { " ▀▄█".unicodeScalars.contains($0) } })
            // The quiet zone: two blank lines on top, 4 blank columns on each side.
            #expect(lines[0].allSatisfy { $0 == " " } && lines[1].allSatisfy { $0 == " " })
            #expect(lines.allSatisfy { $0.hasPrefix("    ") && $0.hasSuffix("    ") })
            let rows = try #require(QRTextRenderer.modules(fromHalfBlockLines: lines))
            // size + 8 is odd, so the last line's lower half is extra light.
            #expect(Array(rows.prefix(total)) == Self.padded(code, border: 4))
            #expect(rows[total].allSatisfy { !$0 })
        }
    }

    @Test func halfBlockReaderRestoresTrimmedSpacesAndRefusesOtherText() throws {
        let code = try QRCode.encode("HS-1")
        let trimmed = QRTextRenderer.halfBlockLines(code).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        let rows = try #require(QRTextRenderer.modules(fromHalfBlockLines: trimmed))
        // A capture that trimmed trailing spaces loses only the right quiet zone,
        // which the reader cannot know about; the symbol itself is intact.
        for y in 0..<code.size { for x in 0..<code.size { #expect(rows[y + 4][x + 4] == code[x, y]) } }
        #expect(QRTextRenderer.modules(fromHalfBlockLines: ["██ x"]) == nil)
    }

    @Test func plainModeIsAsciiTwoCharactersAModule() throws {
        let code = try QRCode.encode("Lệ phí 200.000 đ")
        let lines = QRTextRenderer.plainLines(code)
        #expect(lines.count == code.size + 8)
        #expect(lines.allSatisfy { $0.count == 2 * (code.size + 8) && $0.unicodeScalars.allSatisfy(\.isASCII) })
        for y in 0..<code.size {
            let chars = Array(lines[y + 4])
            for x in 0..<code.size { #expect((chars[2 * (x + 4)] == "#") == code[x, y]) }
        }
        let custom = QRTextRenderer.plainLines(code, quietZone: 0, dark: "X", light: ".")
        #expect(custom[0].hasPrefix("XXXXXXX."))
    }

    @Test func svgPathRebuildsTheMatrix() throws {
        let code = try QRCode.encode(SampleTexts.vietQR[1], ecc: .quartile)
        let svg = QRImageRenderer.svg(code, scale: 5)
        let total = code.size + 8
        #expect(svg.contains("viewBox=\"0 0 \(total) \(total)\""))
        #expect(svg.contains("width=\"\(total * 5)\""))
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var grid = [[Bool]](repeating: [Bool](repeating: false, count: total), count: total)
        for command in path.split(separator: "z") {
            // Each rectangle is "M{x} {y}h{n}v1h-{n}".
            let numbers = command.split { !$0.isNumber }.compactMap { Int($0) }
            try #require(numbers.count == 4 && numbers[2] == numbers[3] || numbers.count == 5)
            let (x, y, run) = (numbers[0], numbers[1], numbers[2])
            for dx in 0..<run { grid[y][x + dx] = true }
        }
        #expect(grid == Self.padded(code, border: 4))
    }

    @Test func pbmAsciiAndBinaryAgree() throws {
        let code = try QRCode.encode("Hồ sơ số 0042")
        let scale = 3, side = (code.size + 8) * scale
        let p4 = QRImageRenderer.pbm(code, scale: scale)
        let header = "P4\n\(side) \(side)\n"
        #expect(p4.prefix(header.utf8.count) == Data(header.utf8))
        #expect(p4.count == header.utf8.count + side * ((side + 7) / 8))
        let p1 = String(decoding: QRImageRenderer.pbm(code, scale: scale, binary: false), as: UTF8.self)
        let lines = p1.split(separator: "\n")
        #expect(lines[0] == "P1" && lines[1] == "\(side) \(side)")
        #expect(lines.dropFirst(2).allSatisfy { $0.count <= 70 })
        let digits = lines.dropFirst(2).joined().map { $0 == "1" }
        #expect(digits.count == side * side)
        let body = Array(p4.dropFirst(header.utf8.count))
        for y in stride(from: 0, to: side, by: 7) {
            for x in stride(from: 0, to: side, by: 5) {
                let bit = body[y * ((side + 7) / 8) + x / 8] & (0x80 >> UInt8(x % 8)) != 0
                #expect(bit == digits[y * side + x])
                #expect(bit == code[x / scale - 4, y / scale - 4])
            }
        }
    }

    @Test func outOfRangeOptionsAreClamped() throws {
        let code = try QRCode.encode("A")
        #expect(QRTextRenderer.halfBlockLines(code, quietZone: -3).count == (code.size + 1) / 2)
        let pbm = QRImageRenderer.pbm(code, scale: 0, quietZone: 0)
        #expect(pbm.starts(with: Data("P4\n21 21\n".utf8)))
    }
}
