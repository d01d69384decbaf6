// Search folding. The catalog and commune pickers re-run a search on every keystroke over
// thousands of names, so folding must be cheap: ASCII goes byte by byte, everything else
// through a scalar table generated from Unicode's own decompositions (FoldTableData.swift,
// by tools/gen_fold_table.swift), so nothing is computed at start-up.

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
        for scalar in s.unicodeScalars {
            let entry = FoldTable.entry(scalar)
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
                    bytes.append(contentsOf: FoldTable.multiple(scalar))
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
/// (Latin with Vietnamese, Greek, Cyrillic): lower case, canonical decomposition, combining
/// marks dropped, đ/Đ → d. The entries are generated (FoldTableData.swift); a test
/// recomputes them from Unicode data.
enum FoldTable {
    /// Entry meaning "drop this scalar" (a combining mark).
    static let drop: UInt32 = 0xFFFF_FFFF
    /// Entry meaning "white space".
    static let space: UInt32 = 0xFFFF_FFFE
    /// Entry meaning "folds to several scalars" (see ``multiple(_:)``).
    static let multi: UInt32 = 0xFFFF_FFFD

    /// Scalars below this value are in `lowEntries`; Latin, IPA, marks, Greek, Cyrillic.
    static let lowLimit: UInt32 = 0x530
    /// Latin Extended Additional (all precomposed Vietnamese vowels with tones) and
    /// Greek Extended, in `highEntries`.
    static let highRange: ClosedRange<UInt32> = 0x1E00...0x1FFF

    /// The table entry for `scalar`: a folded scalar value or one of the markers.
    @inline(__always)
    static func entry(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < lowLimit { return lowEntries[Int(v)] }
        if highRange.contains(v) { return highEntries[Int(v - highRange.lowerBound)] }
        // Outside the table: combining marks are dropped, other scalars are lower-cased.
        if isCombiningMark(v) { return drop }
        if scalar.properties.isWhitespace { return space }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1 { return lower.first!.value }
        return multi
    }

    /// The UTF-8 bytes of a scalar whose entry is `multi` (only scalars outside the
    /// table: none inside folds to several scalars, the generator checks it).
    static func multiple(_ scalar: Unicode.Scalar) -> [UInt8] {
        Array(scalar.properties.lowercaseMapping.utf8)
    }

    /// The blocks of combining diacritical marks (tone and vowel marks among them).
    static func isCombiningMark(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
            || (0xFE20...0xFE2F).contains(v)
    }
}
