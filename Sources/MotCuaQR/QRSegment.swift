/// The data modes this encoder writes. Kanji and ECI are left out on purpose:
/// the kiosk's text is Vietnamese, which byte mode carries as UTF-8.
public enum QRMode: Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Digits 0-9, 10 bits per three digits.
    case numeric
    /// 0-9, A-Z, space and $%*+-./: , 11 bits per two characters.
    case alphanumeric
    /// Any bytes (here: UTF-8), 8 bits each.
    case byte

    /// The 4-bit mode indicator written before each segment.
    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// Width of the character-count field, which grows with the version.
    public func characterCountBits(version: Int) -> Int {
        let group = version <= 9 ? 0 : version <= 26 ? 1 : 2
        switch self {
        case .numeric: return [10, 12, 14][group]
        case .alphanumeric: return [9, 11, 13][group]
        case .byte: return [8, 16, 16][group]
        }
    }

    /// Bits of payload (no header) for `count` characters in this mode.
    func dataBits(count: Int) -> Int {
        switch self {
        case .numeric: return count / 3 * 10 + [0, 4, 7][count % 3]
        case .alphanumeric: return count / 2 * 11 + (count % 2) * 6
        case .byte: return count * 8
        }
    }

    public var description: String {
        switch self {
        case .numeric: "numeric"
        case .alphanumeric: "alphanumeric"
        case .byte: "byte"
        }
    }
}

/// The 45 characters of alphanumeric mode, in code order.
let qrAlphanumericCharset: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

/// Code of an alphanumeric-mode byte, or nil when the mode cannot carry it.
let qrAlphanumericCode: [Int?] = {
    var table = [Int?](repeating: nil, count: 256)
    for (code, byte) in qrAlphanumericCharset.enumerated() { table[Int(byte)] = code }
    return table
}()

/// One run of data in a single mode. A symbol holds one or more of them.
public struct QRSegment: Sendable, Equatable {
    /// The mode the run is written in.
    public let mode: QRMode
    /// The bytes the run carries (ASCII digits/characters for the two text modes).
    public let bytes: [UInt8]

    /// Characters counted in the character-count field: bytes, as every mode here is one byte a character.
    public var characterCount: Int { bytes.count }

    /// Bits this segment takes at `version`, header included.
    public func bitLength(version: Int) -> Int {
        4 + mode.characterCountBits(version: version) + mode.dataBits(count: bytes.count)
    }

    /// Whether the character count fits the count field at `version`.
    func countFits(version: Int) -> Bool {
        bytes.count < 1 << mode.characterCountBits(version: version)
    }

    private init(mode: QRMode, checked bytes: [UInt8]) {
        self.mode = mode
        self.bytes = bytes
    }

    /// A numeric-mode segment; throws when `digits` holds anything but 0-9.
    public static func numeric(_ digits: String) throws -> QRSegment {
        let bytes = Array(digits.utf8)
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw QREncodingError.invalidCharacters(mode: .numeric)
        }
        return QRSegment(mode: .numeric, checked: bytes)
    }

    /// An alphanumeric-mode segment; throws for characters outside its 45.
    public static func alphanumeric(_ text: String) throws -> QRSegment {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ qrAlphanumericCode[Int($0)] != nil }) else {
            throw QREncodingError.invalidCharacters(mode: .alphanumeric)
        }
        return QRSegment(mode: .alphanumeric, checked: bytes)
    }

    /// A byte-mode segment carrying `bytes` unchanged.
    public static func byte(_ bytes: [UInt8]) -> QRSegment {
        QRSegment(mode: .byte, checked: bytes)
    }

    /// A byte-mode segment carrying the UTF-8 of `text`, exactly as given
    /// (no normalisation: NFC and NFD input stay distinct, as the caller sent them).
    public static func byte(_ text: String) -> QRSegment { byte(Array(text.utf8)) }

    /// Segment built from bytes already known to suit `mode` (used by the segmenter).
    static func unchecked(mode: QRMode, bytes: [UInt8]) -> QRSegment {
        QRSegment(mode: mode, checked: bytes)
    }

    /// Writes header and payload into `buffer` for `version`.
    func write(into buffer: inout QRBitBuffer, version: Int) {
        buffer.append(mode.indicator, length: 4)
        buffer.append(bytes.count, length: mode.characterCountBits(version: version))
        switch mode {
        case .numeric:
            var i = 0
            while i < bytes.count {
                let n = min(3, bytes.count - i)
                var value = 0
                for j in 0..<n { value = value * 10 + Int(bytes[i + j] - 0x30) }
                buffer.append(value, length: n * 3 + 1)
                i += n
            }
        case .alphanumeric:
            var i = 0
            while i + 1 < bytes.count {
                let value = qrAlphanumericCode[Int(bytes[i])]! * 45 + qrAlphanumericCode[Int(bytes[i + 1])]!
                buffer.append(value, length: 11)
                i += 2
            }
            if i < bytes.count { buffer.append(qrAlphanumericCode[Int(bytes[i])]!, length: 6) }
        case .byte:
            for byte in bytes { buffer.append(Int(byte), length: 8) }
        }
    }
}
