/// Per-version constants of ISO/IEC 18004 model 2: how many error-correction
/// codewords each block carries, how many blocks there are, where the
/// alignment patterns sit, and how many codewords fit. The two block tables are
/// the standard's table 9; everything else is derived by formula, which keeps
/// typing errors out of the large tables.
enum QRVersionTables {
    static let versions = 1...40

    /// Error-correction codewords per block, indexed [level][version] (index 0 unused).
    private static let eccCodewordsPerBlock: [[Int]] = [
        // L
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        // M
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        // Q
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        // H
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error-correction blocks, indexed [level][version] (index 0 unused).
    private static let blockCount: [[Int]] = [
        // L
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        // M
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        // Q
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        // H
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    static func eccPerBlock(_ version: Int, _ level: QRErrorCorrection) -> Int {
        eccCodewordsPerBlock[level.rawValue][version]
    }

    static func blocks(_ version: Int, _ level: QRErrorCorrection) -> Int {
        blockCount[level.rawValue][version]
    }

    /// Side length in modules.
    static func size(_ version: Int) -> Int { version * 4 + 17 }

    /// Modules left for data and error correction once every function pattern
    /// (finders, separators, timing, alignment, format and version info) is
    /// taken out. Includes the 0-7 remainder bits.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Total codewords (data + error correction) of a version.
    static func totalCodewords(_ version: Int) -> Int { rawDataModules(version) / 8 }

    /// Data codewords available at a version and level.
    static func dataCodewords(_ version: Int, _ level: QRErrorCorrection) -> Int {
        totalCodewords(version) - eccPerBlock(version, level) * blocks(version, level)
    }

    /// Centre coordinates of the alignment patterns along one axis (the same
    /// list serves rows and columns). Version 1 has none.
    static func alignmentPositions(_ version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        // The standard spaces them evenly from the far edge in even steps;
        // version 32 is the one exception to the rounding rule.
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var positions = [6]
        var position = size(version) - 7
        var tail: [Int] = []
        for _ in 0..<(count - 1) {
            tail.append(position)
            position -= step
        }
        positions.append(contentsOf: tail.reversed())
        return positions
    }
}
