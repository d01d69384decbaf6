import MotCuaQR
import MotCuaTestSupport
import Testing

/// Checks the bit-parallel penalty scorer against a plain, obviously-correct
/// scalar reading of the standard's four rules, on random and real matrices.
@Suite struct PenaltyReferenceTests {
    /// The rules module by module: runs, 2×2 blocks, 1011101 with 4 light
    /// (off the edge counts as light) before or after, dark share.
    static func reference(_ grid: [[Bool]]) -> [Int] {
        let size = grid.count
        func line(_ i: Int, vertical: Bool) -> [Bool] { (0..<size).map { vertical ? grid[$0][i] : grid[i][$0] } }
        var n1 = 0, n2 = 0, n3 = 0, dark = 0
        for i in 0..<size {
            for vertical in [false, true] {
                let modules = line(i, vertical: vertical)
                var start = 0
                while start < size {
                    var end = start
                    while end < size && modules[end] == modules[start] { end += 1 }
                    if end - start >= 5 { n1 += 3 + (end - start - 5) }
                    start = end
                }
                func isLight(_ p: Int) -> Bool { p < 0 || p >= size || !modules[p] }
                let pattern = [true, false, true, true, true, false, true]
                for p in 0...(size - 7) where (0..<7).allSatisfy({ modules[p + $0] == pattern[$0] }) {
                    let before = (1...4).allSatisfy { isLight(p - $0) }
                    let after = (7...10).allSatisfy { isLight(p + $0) }
                    if before || after { n3 += 40 }
                }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = grid[y][x]
                if grid[y][x + 1] == c && grid[y + 1][x] == c && grid[y + 1][x + 1] == c { n2 += 3 }
            }
        }
        for row in grid { dark += row.filter { $0 }.count }
        let percent = Double(dark) * 100 / Double(size * size)
        let n4 = 10 * Int(abs(percent - 50) / 5)
        return [n1, n2, n3, n4]
    }

    static func terms(_ score: QRPenaltyScore) -> [Int] {
        [score.adjacent, score.blocks, score.finderLike, score.balance]
    }

    @Test func randomMatricesOfEverySymbolSize() throws {
        var rng = SeededRandom(seed: 7)
        for version in 1...40 {
            let size = 17 + 4 * version
            // Vary the density so that runs, blocks and N4 all get exercised.
            let density = [0.5, 0.2, 0.8, 0.5][version % 4]
            let grid = (0..<size).map { _ in (0..<size).map { _ in Double.random(in: 0..<1, using: &rng) < density } }
            let score = try #require(QRPenalty.score(rows: grid))
            #expect(Self.terms(score) == Self.reference(grid), "version \(version)")
        }
    }

    @Test func realSymbolsAtEveryMask() throws {
        for (i, text) in (SampleTexts.vietQR + SampleTexts.urls).enumerated() {
            for mask in 0...7 {
                let code = try QRCode.encode(text, ecc: QRErrorCorrection.allCases[i % 4], mask: mask)
                #expect(Self.terms(QRPenalty.score(code)) == Self.reference(code.rows))
                #expect(code.penaltyScore == Self.reference(code.rows).reduce(0, +))
            }
        }
    }

    @Test func patternsAtTheVeryEdges() throws {
        // 1011101 touching the left edge, and at the right edge, in rows and columns.
        var grid = [[Bool]](repeating: [Bool](repeating: false, count: 21), count: 21)
        for (x, dark) in [true, false, true, true, true, false, true].enumerated() {
            grid[0][x] = dark
            grid[20][14 + x] = dark
            grid[x][0] = dark
            grid[14 + x][20] = dark
        }
        let score = try #require(QRPenalty.score(rows: grid))
        #expect(Self.terms(score) == Self.reference(grid))
        #expect(score.finderLike == 160)
    }
}
