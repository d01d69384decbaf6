// The only place the kiosk measures, normalises and folds text. MotCuaText (VietText)
// owns these rules for the whole project; until the kiosk target depends on it, these
// small stand-ins keep one call site each so switching is a three-line change.
import Foundation

enum KioskText {
    /// Storage and drawing form (NFC): the Linux console cannot compose combining marks.
    static func nfc(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Columns one grapheme cluster takes on a terminal: 0, 1 or 2.
    /// The widest scalar wins: combining marks and format characters add nothing,
    /// East Asian wide/fullwidth characters and emoji take two.
    static func width(_ c: Character) -> Int {
        var widest = 0
        for scalar in c.unicodeScalars {
            let w = scalarWidth(scalar)
            if w > widest { widest = w }
        }
        return widest
    }

    /// Search folding: lower case, no tone or vowel marks, đ → d, runs of spaces collapsed,
    /// so "hung duc" finds "Xã Hùng Đức" and "HÙNG ĐỨC" folds the same as "hùng đức".
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace { pendingSpace = !out.isEmpty; continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar == "đ" ? "d" : scalar)
        }
        return String(out)
    }

    private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1 }
        if scalar == "\u{FE0F}" { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and finals
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode EastAsianWidth W/F, coarse ranges).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
