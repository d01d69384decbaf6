/// The four penalty terms of ISO/IEC 18004 §7.8.3 that decide the data mask.
public struct QRPenaltyScore: Sendable, Equatable, CustomStringConvertible {
    /// N1: 3 + (k − 5) for each run of k ≥ 5 same-colour modules in a row or column.
    public let adjacent: Int
    /// N2: 3 for each 2×2 block of one colour (blocks may overlap).
    public let blocks: Int
    /// N3: 40 for each 1:1:3:1:1 finder-like pattern with 4 light modules on
    /// at least one side (beyond the edge counts as light: it is quiet zone).
    public let finderLike: Int
    /// N4: 10 for each full 5 % the dark share strays from 50 %.
    public let balance: Int

    public var total: Int { adjacent + blocks + finderLike + balance }

    public var description: String {
        "N1=\(adjacent) N2=\(blocks) N3=\(finderLike) N4=\(balance) total=\(total)"
    }
}

/// Scores a module matrix with the standard's mask penalty rules.
public enum QRPenalty {
    /// Scores a square matrix given as rows (true = dark). Returns nil when
    /// the rows do not form a square.
    public static func score(rows: [[Bool]]) -> QRPenaltyScore? {
        let size = rows.count
        guard size > 0, rows.allSatisfy({ $0.count == size }) else { return nil }
        return score(rows.flatMap { $0 }, size: size)
    }

    /// Scores a code as it stands (equal to its `penaltyScore`).
    public static func score(_ code: QRCode) -> QRPenaltyScore {
        score(code.modules, size: code.size)
    }

    /// Scores a row-major square of `size` × `size` modules.
    static func score(_ modules: [Bool], size: Int) -> QRPenaltyScore {
        modules.withUnsafeBufferPointer { grid in
            var adjacent = 0, finderLike = 0, blocks = 0, darkCount = 0
            // Rows (stride 1) and columns (stride size) are scanned the same way.
            for line in 0..<size {
                let rowStart = line * size
                let rowScore = scanLine(grid, start: rowStart, step: 1, size: size)
                let columnScore = scanLine(grid, start: line, step: size, size: size)
                adjacent += rowScore.runs + columnScore.runs
                finderLike += rowScore.finders + columnScore.finders
                for x in 0..<size where grid[rowStart + x] { darkCount += 1 }
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let i = y * size + x
                    let colour = grid[i]
                    if grid[i + 1] == colour && grid[i + size] == colour && grid[i + size + 1] == colour {
                        blocks += 3
                    }
                }
            }
            // k = floor(|dark% − 50| / 5), in integers: |20·dark − 10·total| / total.
            let total = size * size
            let k = abs(20 * darkCount - 10 * total) / total
            return QRPenaltyScore(adjacent: adjacent, blocks: blocks, finderLike: finderLike, balance: 10 * k)
        }
    }

    /// N1 and N3 of one line. A 15-bit window slides along the line padded
    /// with 4 light modules at each end: bits 10-4 hold the candidate
    /// 1011101 core, bits 14-11 the 4 modules before it, bits 3-0 the 4 after.
    private static func scanLine(_ grid: UnsafeBufferPointer<Bool>, start: Int, step: Int, size: Int) -> (runs: Int, finders: Int) {
        var runs = 0, finders = 0
        var runColour = false, runLength = 0
        var window = 0
        for i in 0..<(size + 4) {
            let dark = i < size ? grid[start + i * step] : false
            if i < size {
                if i > 0 && dark == runColour {
                    runLength += 1
                } else {
                    if runLength >= 5 { runs += runLength - 2 }
                    runColour = dark
                    runLength = 1
                }
            }
            window = ((window << 1) | (dark ? 1 : 0)) & 0x7FFF
            // The core's last module is at i − 4 and its first must be on the line.
            let coreEnd = i - 4
            if coreEnd >= 6 && (window >> 4) & 0x7F == 0b1011101 {
                if (window >> 11) & 0xF == 0 || window & 0xF == 0 { finders += 40 }
            }
        }
        if runLength >= 5 { runs += runLength - 2 }
        return (runs, finders)
    }
}
