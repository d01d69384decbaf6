// Search folding. The catalog and commune pickers re-run a search on every keystroke over
// thousands of names, so folding must be cheap: ASCII goes byte by byte, everything else
// through a scalar table built once from Unicode's own decompositions.
import Foundation

extension VietText {
    /// Folds `s` for searching: lower case, tone and vowel marks removed (in NFC and in
    /// NFD input alike), đ/Đ → d, every run of white space collapsed to one space, both
    /// ends trimmed. "  Đăng   KÝ khai sinh" and "dang ky khai sinh" fold to the same text.
    public static func fold(_ s: String) -> String {
        if let folded = s.utf8.withContiguousStorageIfAvailable({ foldASCII($0) }), let folded {
            return folded
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        let table = FoldTable.shared
        for scalar in s.unicodeScalars {
            let entry = table.entry(scalar)
            switch entry {
            case FoldTable.drop:
                continue
            case FoldTable.space:
                pendingSpace = true
                continue
            default:
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                if entry == FoldTable.multi {
                    bytes.append(contentsOf: table.multiple(scalar))
                } else if entry < 0x80 {
                    bytes.append(UInt8(entry))
                } else {
                    UTF8.encode(Unicode.Scalar(entry)!) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The fast path of ``fold(_:)``: nil as soon as a non-ASCII byte shows up.
    private static func foldASCII(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var pendingSpace = false
        for byte in input {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The folding of each scalar in the scripts that carry diacritics searched by people
/// (Latin with Vietnamese, Greek, Cyrillic), computed once from Unicode data.
struct FoldTable: Sendable {
    /// Entry meaning "drop this scalar" (a combining mark).
    static let drop: UInt32 = 0xFFFF_FFFF
    /// Entry meaning "white space".
    static let space: UInt32 = 0xFFFF_FFFE
    /// Entry meaning "folds to several scalars", looked up in `multiples`.
    static let multi: UInt32 = 0xFFFF_FFFD

    /// Built on first use; `static let` initialisation is thread-safe in Swift.
    static let shared = FoldTable()

    /// Scalars below this value are in `low`; Latin, IPA, marks, Greek, Cyrillic.
    private static let lowLimit: UInt32 = 0x530
    /// Latin Extended Additional (all precomposed Vietnamese vowels with tones) and
    /// Greek Extended.
    private static let highRange: ClosedRange<UInt32> = 0x1E00...0x1FFF

    private let low: [UInt32]
    private let high: [UInt32]
    private let multiples: [UInt32: [UInt8]]

    private init() {
        var multiples: [UInt32: [UInt8]] = [:]
        func build(_ range: Range<UInt32>) -> [UInt32] {
            range.map { v in
                guard let scalar = Unicode.Scalar(v) else { return v }
                let folded = FoldTable.slowFold(scalar)
                if folded.count == 1 { return folded[0].value }
                if folded.isEmpty { return FoldTable.isSpace(scalar) ? FoldTable.space : FoldTable.drop }
                var utf8: [UInt8] = []
                for s in folded { UTF8.encode(s) { utf8.append($0) } }
                multiples[v] = utf8
                return FoldTable.multi
            }
        }
        low = build(0..<FoldTable.lowLimit)
        high = build(FoldTable.highRange.lowerBound..<(FoldTable.highRange.upperBound + 1))
        self.multiples = multiples
    }

    /// The table entry for `scalar`: a folded scalar value or one of the markers.
    @inline(__always)
    func entry(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < FoldTable.lowLimit { return low[Int(v)] }
        if FoldTable.highRange.contains(v) { return high[Int(v - FoldTable.highRange.lowerBound)] }
        // Outside the table: combining marks are dropped, other scalars are lower-cased.
        if FoldTable.isCombiningMark(v) { return FoldTable.drop }
        if FoldTable.isSpace(scalar) { return FoldTable.space }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1 { return lower.first!.value }
        return FoldTable.multi
    }

    /// The UTF-8 bytes of a scalar whose entry is `multi`.
    func multiple(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let bytes = multiples[scalar.value] { return bytes }
        return Array(scalar.properties.lowercaseMapping.utf8)
    }

    /// Lower-cases, decomposes and drops the marks of one scalar; empty for white space
    /// and marks. Used to build the table.
    private static func slowFold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if isSpace(scalar) { return [] }
        // đ and Đ are letters of their own, not d with a mark, so Unicode keeps them apart.
        if scalar.value == 0x110 || scalar.value == 0x111 { return ["d"] }
        let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        return decomposed.unicodeScalars.filter { !isCombiningMark($0.value) }
    }

    /// The blocks of combining diacritical marks (tone and vowel marks among them).
    private static func isCombiningMark(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
            || (0xFE20...0xFE2F).contains(v)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
