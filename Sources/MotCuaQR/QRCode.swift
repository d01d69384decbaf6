/// Why a text could not become a QR Code.
public enum QREncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data needs more bits than the largest allowed symbol holds.
    case dataTooLong(bits: Int, capacityBits: Int, version: Int, level: QRErrorCorrection)
    /// A version outside 1...40 was asked for.
    case invalidVersion(Int)
    /// A mask outside 0...7 was asked for.
    case invalidMask(Int)
    /// A segment was built from characters its mode cannot carry.
    case invalidCharacters(mode: QRMode)

    public var description: String {
        switch self {
        case let .dataTooLong(bits, capacity, version, level):
            return "data needs \(bits) bits but version \(version)-\(level) holds \(capacity)"
        case let .invalidVersion(version):
            return "QR version \(version) does not exist (1 to 40)"
        case let .invalidMask(mask):
            return "QR mask \(mask) does not exist (0 to 7)"
        case let .invalidCharacters(mode):
            return "text holds characters that \(mode) mode cannot carry"
        }
    }
}

/// A finished QR Code symbol (ISO/IEC 18004 model 2): a square of dark and
/// light modules. Pure value; render it with `QRRenderer`.
public struct QRCode: Sendable, Equatable {
    /// Version 1...40; the side is 17 + 4 × version modules.
    public let version: Int
    /// Error-correction level of the symbol.
    public let errorCorrection: QRErrorCorrection
    /// Data mask 0...7 applied.
    public let mask: Int
    /// Side length in modules (quiet zone not included).
    public let size: Int
    /// The standard's penalty score of the symbol as masked (lower is better).
    public let penaltyScore: Int
    /// The segments the data was written as.
    public let segments: [QRSegment]
    /// Row-major modules, true = dark.
    let modules: [Bool]

    /// Whether the module at column `x`, row `y` is dark. Outside the symbol
    /// is quiet zone, hence light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The modules as rows of booleans (true = dark), top row first.
    public var rows: [[Bool]] {
        (0..<size).map { y in Array(modules[(y * size)..<(y * size + size)]) }
    }

    /// Encodes `text` (as UTF-8, not normalised) in the fewest bits: the text
    /// is split into numeric, alphanumeric and byte segments optimally.
    /// - Parameters:
    ///   - ecc: error-correction level.
    ///   - version: force this version (1...40); nil picks the smallest that fits.
    ///   - mask: force this mask (0...7); nil picks the lowest penalty score.
    /// - Throws: `QREncodingError` when the text does not fit or an option is out of range.
    public static func encode(_ text: String, ecc: QRErrorCorrection = .medium,
                              version: Int? = nil, mask: Int? = nil) throws -> QRCode {
        try validate(version: version, mask: mask)
        let candidates = version.map { [$0] } ?? Array(QRVersionTables.versions)
        // Segments depend only on the count-field widths, so reuse them per group.
        var cache: [Int: [QRSegment]] = [:]
        var lastFailure: QREncodingError?
        for candidate in candidates {
            let group = candidate <= 9 ? 0 : candidate <= 26 ? 1 : 2
            let segments = cache[group] ?? QRSegmentation.optimal(text, version: candidate)
            cache[group] = segments
            switch fit(segments, version: candidate, level: ecc) {
            case .success: return build(segments, version: candidate, level: ecc, mask: mask)
            case let .failure(error): lastFailure = error
            }
        }
        throw lastFailure ?? QREncodingError.invalidVersion(version ?? 0)
    }

    /// Encodes the given segments as they are (no re-segmentation); for
    /// callers that need an exact bit stream, such as comparison tests.
    public static func encode(segments: [QRSegment], ecc: QRErrorCorrection = .medium,
                              version: Int? = nil, mask: Int? = nil) throws -> QRCode {
        try validate(version: version, mask: mask)
        let candidates = version.map { [$0] } ?? Array(QRVersionTables.versions)
        var lastFailure: QREncodingError?
        for candidate in candidates {
            switch fit(segments, version: candidate, level: ecc) {
            case .success: return build(segments, version: candidate, level: ecc, mask: mask)
            case let .failure(error): lastFailure = error
            }
        }
        throw lastFailure ?? QREncodingError.invalidVersion(version ?? 0)
    }

    /// How many data bits a version and level hold.
    public static func dataCapacityBits(version: Int, ecc: QRErrorCorrection) -> Int {
        QRVersionTables.dataCodewords(version, ecc) * 8
    }

    private static func validate(version: Int?, mask: Int?) throws {
        if let version, !QRVersionTables.versions.contains(version) { throw QREncodingError.invalidVersion(version) }
        if let mask, !(0...7).contains(mask) { throw QREncodingError.invalidMask(mask) }
    }

    private static func fit(_ segments: [QRSegment], version: Int, level: QRErrorCorrection) -> Result<Void, QREncodingError> {
        let capacity = dataCapacityBits(version: version, ecc: level)
        // A count that overflows its field cannot be written at this version
        // either; in practice such data is far over capacity there anyway.
        let bits = segments.reduce(0) { $0 + $1.bitLength(version: version) }
        let countsFit = segments.allSatisfy { $0.countFits(version: version) }
        guard countsFit else {
            return .failure(.dataTooLong(bits: bits, capacityBits: capacity, version: version, level: level))
        }
        return bits <= capacity ? .success(()) : .failure(.dataTooLong(bits: bits, capacityBits: capacity, version: version, level: level))
    }

    private static func build(_ segments: [QRSegment], version: Int, level: QRErrorCorrection, mask: Int?) -> QRCode {
        let data = dataCodewords(segments, version: version, level: level)
        let codewords = QRCodewords.interleaved(data: data, version: version, level: level)
        var builder = QRMatrixBuilder(version: version)
        builder.drawCodewords(codewords)

        var best: (mask: Int, modules: [Bool], score: Int)?
        for candidate in mask.map({ [$0] }) ?? Array(0...7) {
            let modules = builder.masked(candidate, level: level)
            let score = QRPenalty.score(modules, size: builder.size).total
            // Strictly lower wins, so ties keep the lowest-numbered mask.
            if best == nil || score < best!.score { best = (candidate, modules, score) }
        }
        let chosen = best!
        return QRCode(version: version, errorCorrection: level, mask: chosen.mask, size: builder.size,
                      penaltyScore: chosen.score, segments: segments, modules: chosen.modules)
    }

    /// The data codewords: segments, terminator, bit padding, pad bytes 0xEC 0x11.
    private static func dataCodewords(_ segments: [QRSegment], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let capacity = dataCapacityBits(version: version, ecc: level)
        var buffer = QRBitBuffer()
        for segment in segments { segment.write(into: &buffer, version: version) }
        buffer.append(0, length: min(4, capacity - buffer.count))
        buffer.append(0, length: (8 - buffer.count % 8) % 8)
        var bytes = buffer.bytes()
        var pad: UInt8 = 0xEC
        while bytes.count < capacity / 8 {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return bytes
    }
}
