/// Splits text into the mode segments that take the fewest bits at a given
/// version (a digit run inside a URL goes numeric, an upper-case code goes
/// alphanumeric, the rest byte). Dynamic programming over the characters:
/// for each mode, the cheapest cost of ending the prefix in that mode, in
/// sixths of a bit so that numeric (10/3 bits) and alphanumeric (11/2 bits)
/// costs stay integers. This is exact because the rounded-up segment costs
/// equal the standard's 4/7-bit and 6-bit tails.
enum QRSegmentation {
    private static let modes: [QRMode] = [.byte, .alphanumeric, .numeric]

    /// The optimal segments for `text` at `version` (only the count-field
    /// widths matter, so versions 1-9, 10-26 and 27-40 each share one answer).
    static func optimal(_ text: String, version: Int) -> [QRSegment] {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return [] }
        let charModes = cheapestModes(scalars, version: version)

        // Merge consecutive characters of the same mode into segments.
        var segments: [QRSegment] = []
        var currentMode = charModes[0]
        var bytes: [UInt8] = []
        for (scalar, mode) in zip(scalars, charModes) {
            if mode != currentMode {
                segments.append(.unchecked(mode: currentMode, bytes: bytes))
                bytes.removeAll(keepingCapacity: true)
                currentMode = mode
            }
            UTF8.encode(scalar) { bytes.append($0) }
        }
        segments.append(.unchecked(mode: currentMode, bytes: bytes))
        return segments
    }

    /// The mode each scalar is written in, on a cheapest path.
    private static func cheapestModes(_ scalars: [Unicode.Scalar], version: Int) -> [QRMode] {
        let count = modes.count
        let headCosts = modes.map { (4 + $0.characterCountBits(version: version)) * 6 }
        // from[i][j]: the mode character i was written in, given that after
        // character i the encoder stands in mode j (ready to go on in j).
        // Stored flat, count entries a character, to spare an allocation each.
        var from = [Int8](repeating: -1, count: count * scalars.count)
        var previous = headCosts
        var current = [Int](repeating: 0, count: count)
        var ending = [Int](repeating: 0, count: count)
        // Cost of a mode the character cannot be written in; far from overflow.
        let unreachable = Int.max / 4
        for (i, scalar) in scalars.enumerated() {
            for m in 0..<count { current[m] = unreachable }
            let base = i * count
            // Byte mode carries anything.
            current[0] = previous[0] + UTF8.width(scalar) * 8 * 6
            from[base] = 0
            if scalar.value < 128, qrAlphanumericCode[Int(scalar.value)] != nil {
                current[1] = previous[1] + 33
                from[base + 1] = 1
            }
            if (0x30...0x39).contains(scalar.value) {
                current[2] = previous[2] + 20
                from[base + 2] = 2
            }
            // Switching after this character: close the segment (round up to
            // a whole bit) and pay the next segment's header.
            for m in 0..<count { ending[m] = current[m] }
            for target in 0..<count {
                for source in 0..<count {
                    guard ending[source] < unreachable else { continue }
                    let cost = (ending[source] + 5) / 6 * 6 + headCosts[target]
                    if cost < current[target] {
                        current[target] = cost
                        from[base + target] = Int8(source)
                    }
                }
            }
            // Element-wise copy on purpose: `swap(&previous, &current)` here is
            // miscompiled by Swift 6.3.1 at -O (the switch costs are lost and
            // every text comes out single-mode); `swift test -c release` catches it.
            for m in 0..<count { previous[m] = current[m] }
        }
        // Trace back from the cheapest final state.
        var state = previous.indices.min { previous[$0] < previous[$1] }!
        var result = [QRMode](repeating: .byte, count: scalars.count)
        for i in stride(from: scalars.count - 1, through: 0, by: -1) {
            state = Int(from[i * count + state])
            result[i] = modes[state]
        }
        return result
    }
}
