/// Lays out a symbol: function patterns, the codeword zigzag, the eight data
/// masks and the format and version information. Modules are stored row by
/// row in a flat array (index y * size + x) for speed.
struct QRMatrixBuilder {
    let version: Int
    let size: Int
    var dark: [Bool]
    /// Modules that belong to function patterns and are never masked.
    private(set) var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = QRVersionTables.size(version)
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    private mutating func set(_ x: Int, _ y: Int, _ value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        // Timing patterns along row 6 and column 6.
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        // Finder patterns with their light separators, in three corners.
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        // Alignment patterns everywhere on the grid except the finder corners.
        let positions = QRVersionTables.alignmentPositions(version)
        let last = positions.count - 1
        for (i, cy) in positions.enumerated() {
            for (j, cx) in positions.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                drawAlignment(cx, cy)
            }
        }
        // Reserve the format areas (real bits come with the mask) and draw version info.
        drawFormatBits(level: .medium, mask: 0)
        drawVersionBits()
    }

    private mutating func drawFinder(_ cx: Int, _ cy: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = cx + dx, y = cy + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let distance = max(abs(dx), abs(dy))
                set(x, y, distance != 2 && distance != 4)
            }
        }
    }

    private mutating func drawAlignment(_ cx: Int, _ cy: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15-bit format word: level and mask, BCH(15,5) protected, xored with 0x5412.
    static func formatWord(level: QRErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18-bit version word (versions 7 and up): version, BCH(18,6) protected.
    static func versionWord(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    /// Reserves both copies of the format information, plus the lone dark module.
    mutating func drawFormatBits(level: QRErrorCorrection, mask: Int) {
        for (x, y) in formatPositions() { isFunction[y * size + x] = true }
        Self.writeFormatBits(&dark, size: size, level: level, mask: mask)
    }

    /// Where format bit i goes, for i in 0..<15, twice; then the dark module.
    private func formatPositions() -> [(Int, Int)] {
        var first: [(Int, Int)] = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)]
        first += (9..<15).map { (14 - $0, 8) }
        let second: [(Int, Int)] = (0..<8).map { (size - 1 - $0, 8) } + (8..<15).map { (8, size - 15 + $0) }
        return first + second + [(8, size - 8)]
    }

    /// Writes the format bits of `level` and `mask` into `modules`: the first
    /// copy around the top-left finder, the second split between the other two.
    static func writeFormatBits(_ modules: inout [Bool], size: Int, level: QRErrorCorrection, mask: Int) {
        let bits = formatWord(level: level, mask: mask)
        func put(_ x: Int, _ y: Int, _ i: Int) { modules[y * size + x] = (bits >> i) & 1 == 1 }
        for i in 0...5 { put(8, i, i) }
        put(8, 7, 6)
        put(8, 8, 7)
        put(7, 8, 8)
        for i in 9..<15 { put(14 - i, 8, i) }
        for i in 0..<8 { put(size - 1 - i, 8, i) }
        for i in 8..<15 { put(8, size - 15 + i, i) }
        modules[(size - 8) * size + 8] = true
    }

    private mutating func drawVersionBits() {
        guard version >= 7 else { return }
        let bits = Self.versionWord(version: version)
        for i in 0..<18 {
            let on = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            set(a, b, on)
            set(b, a, on)
        }
    }

    /// Places the final codewords in the two-column zigzag from the bottom
    /// right, skipping the vertical timing column; leftover modules stay light.
    mutating func drawCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = ((right + 1) & 2) == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for j in 0..<2 {
                    let x = right - j
                    if !isFunction[y * size + x] && bitIndex < totalBits {
                        dark[y * size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Whether mask pattern `mask` flips the module at column x, row y.
    @inline(__always)
    static func maskFlips(_ mask: Int, _ x: Int, _ y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// Every mask pattern repeats every 6 columns and 12 rows (x mod 2, 3, 6
    /// and y mod 2, 3, 4 are all it reads), so one 12 × 6 tile per mask,
    /// built from `maskFlips`, spares the divisions in the hot loop.
    private static let maskTiles: [[Bool]] = (0..<8).map { mask in
        (0..<72).map { maskFlips(mask, $0 % 6, $0 / 6) }
    }

    /// The modules with mask `mask` xored into every non-function module and
    /// the format information of `level` and `mask` written in.
    func masked(_ mask: Int, level: QRErrorCorrection) -> [Bool] {
        var result = dark
        let size = size
        result.withUnsafeMutableBufferPointer { modules in
            isFunction.withUnsafeBufferPointer { function in
                Self.maskTiles[mask].withUnsafeBufferPointer { tile in
                    for y in 0..<size {
                        let tileRow = (y % 12) * 6
                        var column = 0
                        for x in 0..<size {
                            let i = y * size + x
                            // Branch-free flip: xor with (pattern and not function).
                            modules[i] = modules[i] != (tile[tileRow + column] && !function[i])
                            column = column == 5 ? 0 : column + 1
                        }
                    }
                }
            }
        }
        Self.writeFormatBits(&result, size: size, level: level, mask: mask)
        return result
    }
}
