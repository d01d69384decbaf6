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
    /// the rows do not form a square of 1 to 177 modules (version 40's side).
    public static func score(rows: [[Bool]]) -> QRPenaltyScore? {
        let size = rows.count
        guard (1...177).contains(size), rows.allSatisfy({ $0.count == size }) else { return nil }
        return score(rows.flatMap { $0 }, size: size)
    }

    /// Scores a code as it stands (equal to its `penaltyScore`).
    public static func score(_ code: QRCode) -> QRPenaltyScore {
        score(code.modules, size: code.size)
    }

    /// Scores a row-major square of `size` × `size` modules. This runs eight
    /// times per symbol, so every row and column is packed into a 256-bit
    /// set and the rules are evaluated 64 modules at a time with shifts and
    /// population counts. Bit `p + 4` holds module `p` of a line; bits 0-3
    /// and those past the line stay 0, standing for the light quiet zone.
    static func score(_ modules: [Bool], size: Int) -> QRPenaltyScore {
        var rows = [LineBits](repeating: LineBits(), count: size)
        var columns = [LineBits](repeating: LineBits(), count: size)
        modules.withUnsafeBufferPointer { source in
            for y in 0..<size {
                for x in 0..<size {
                    let dark: UInt64 = source[y * size + x] ? 1 : 0
                    rows[y].insert(x + 4, dark)
                    columns[x].insert(y + 4, dark)
                }
            }
        }
        let onLine = LineBits.range(4, size)
        // N3 cores must start where all seven modules are on the line.
        let coreStarts = LineBits.range(4, size - 6)
        let blockStarts = LineBits.range(4, size - 1)
        var adjacent = 0, finderLike = 0, blockCount = 0, darkCount = 0
        for lines in [rows, columns] {
            for line in lines {
                // N1: equal[i]: module i equals module i − 1; a module is at least
                // the fifth of its run when it and the 3 before it are "equal".
                let equal = ~(line ^ line.shiftedUp(1)) & onLine & onLine.shiftedUp(1)
                let fifthOrLater = equal & equal.shiftedUp(1) & equal.shiftedUp(2) & equal.shiftedUp(3)
                let fifth = fifthOrLater & ~fifthOrLater.shiftedUp(1)
                adjacent += fifthOrLater.popCount + 2 * fifth.popCount
                // N3: 1011101 starting at i, with 4 light modules before or after.
                let light = ~line
                let core = line & light.shiftedDown(1) & line.shiftedDown(2) & line.shiftedDown(3)
                    & line.shiftedDown(4) & light.shiftedDown(5) & line.shiftedDown(6) & coreStarts
                let before = light.shiftedUp(1) & light.shiftedUp(2) & light.shiftedUp(3) & light.shiftedUp(4)
                let after = light.shiftedDown(7) & light.shiftedDown(8) & light.shiftedDown(9) & light.shiftedDown(10)
                finderLike += 40 * (core & (before | after)).popCount
            }
        }
        for y in 0..<size {
            darkCount += rows[y].popCount
            guard y + 1 < size else { break }
            // N2: a 2×2 block at (x, y) is one colour when both rows agree with
            // their right neighbour and the two rows agree with each other.
            let top = rows[y], bottom = rows[y + 1]
            let same = ~(top ^ top.shiftedDown(1)) & ~(bottom ^ bottom.shiftedDown(1)) & ~(top ^ bottom)
            blockCount += (same & blockStarts).popCount
        }
        // k = floor(|dark% − 50| / 5), in integers: |20·dark − 10·total| / total.
        let total = size * size
        let k = abs(20 * darkCount - 10 * total) / total
        return QRPenaltyScore(adjacent: adjacent, blocks: 3 * blockCount, finderLike: finderLike, balance: 10 * k)
    }
}

/// 256 bits, enough for the longest line (177 modules) with 4 light
/// modules of padding on each side and room for shifts of up to 10.
struct LineBits {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Bits `start ..< start + count` set.
    static func range(_ start: Int, _ count: Int) -> LineBits {
        var bits = LineBits()
        for i in start..<(start + max(0, count)) { bits.insert(i, 1) }
        return bits
    }

    /// Ors `bit` (0 or 1) into position `i`.
    @inline(__always)
    mutating func insert(_ i: Int, _ bit: UInt64) {
        let value = bit << UInt64(i & 63)
        switch i >> 6 {
        case 0: words.0 |= value
        case 1: words.1 |= value
        case 2: words.2 |= value
        default: words.3 |= value
        }
    }

    var popCount: Int {
        words.0.nonzeroBitCount + words.1.nonzeroBitCount + words.2.nonzeroBitCount + words.3.nonzeroBitCount
    }

    /// Bit i moves to i + k (0 < k < 64).
    @inline(__always)
    func shiftedUp(_ k: UInt64) -> LineBits {
        let back = 64 - k
        return LineBits(words: (words.0 << k, words.1 << k | words.0 >> back,
                                words.2 << k | words.1 >> back, words.3 << k | words.2 >> back))
    }

    /// Bit i + k moves to i (0 < k < 64).
    @inline(__always)
    func shiftedDown(_ k: UInt64) -> LineBits {
        let back = 64 - k
        return LineBits(words: (words.0 >> k | words.1 << back, words.1 >> k | words.2 << back,
                                words.2 >> k | words.3 << back, words.3 >> k))
    }

    @inline(__always)
    static func & (a: LineBits, b: LineBits) -> LineBits {
        LineBits(words: (a.words.0 & b.words.0, a.words.1 & b.words.1, a.words.2 & b.words.2, a.words.3 & b.words.3))
    }

    @inline(__always)
    static func | (a: LineBits, b: LineBits) -> LineBits {
        LineBits(words: (a.words.0 | b.words.0, a.words.1 | b.words.1, a.words.2 | b.words.2, a.words.3 | b.words.3))
    }

    @inline(__always)
    static func ^ (a: LineBits, b: LineBits) -> LineBits {
        LineBits(words: (a.words.0 ^ b.words.0, a.words.1 ^ b.words.1, a.words.2 ^ b.words.2, a.words.3 ^ b.words.3))
    }

    @inline(__always)
    static prefix func ~ (a: LineBits) -> LineBits {
        LineBits(words: (~a.words.0, ~a.words.1, ~a.words.2, ~a.words.3))
    }
}
