// Storage form and length. Every string MotCua stores is NFC, so that "Nguyễn" typed on a
// keyboard that sends precomposed letters and the same name pasted in NFD compare equal
// byte for byte, and lengths are counted in user-perceived characters (grapheme clusters).
import Foundation

extension VietText {
    /// Returns `s` in Unicode Normalization Form C (canonical composition).
    ///
    /// ASCII-only strings are returned unchanged without calling Foundation, since they
    /// are already NFC; that is the common case for codes, numbers and dates.
    public static func nfc(_ s: String) -> String {
        if isASCII(s) { return s }
        // Long Latin text is composed by table (see LatinComposition), the rest by Foundation.
        return inPieces(s) { LatinComposition.nfc($0) ?? foundationNFC(String($0)) }
    }

    /// Returns `s` in Unicode Normalization Form D (canonical decomposition).
    public static func nfd(_ s: String) -> String {
        if isASCII(s) { return s }
        return inPieces(s) { String($0).decomposedStringWithCanonicalMapping }
    }

    /// Foundation's NFC, kept away from scalars beyond U+FFFF: on Linux it composes such a
    /// scalar's low 16 bits with a following mark (U+10103 U+0303 became U+1EB5 "ẵ", found
    /// by the fuzz-keys target). The text is cut before each of them; each is copied as it
    /// is and the runs between are normalised by Foundation. Compositions whose starter is
    /// beyond U+FFFF (a few historic Indic scripts) are therefore not made.
    static func foundationNFC(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value > 0xFFFF }) else { return s.precomposedStringWithCanonicalMapping }
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value > 0xFFFF {
                if !run.isEmpty { out.append(contentsOf: String(run).precomposedStringWithCanonicalMapping.unicodeScalars) }
                run = String.UnicodeScalarView()
                out.append(u)
            } else {
                run.append(u)
            }
        }
        if !run.isEmpty { out.append(contentsOf: String(run).precomposedStringWithCanonicalMapping.unicodeScalars) }
        return String(out)
    }

    /// Bytes of a piece handed to Foundation's normaliser at once.
    static let pieceBytes = 4096

    /// Applies `normalize` to pieces of `s` of about `pieceBytes` each, cut just before
    /// a scalar where normalisation can restart, and joins the results. Foundation's
    /// normaliser on Linux takes time quadratic in the length of its input (5 s for a
    /// megabyte of Vietnamese); in pieces it is linear, and gives the same text.
    static func inPieces(_ s: String, _ normalize: (Substring.UnicodeScalarView) -> String) -> String {
        guard s.utf8.count > pieceBytes else { return normalize(Substring(s).unicodeScalars) }
        let scalars = s.unicodeScalars
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var start = scalars.startIndex
        var index = start
        var bytes = 0
        while index != scalars.endIndex {
            let u = scalars[index]
            if bytes >= pieceBytes && startsSegment(u) {
                out += normalize(Substring(scalars[start..<index]).unicodeScalars)
                start = index
                bytes = 0
            }
            bytes += UTF8.width(u)
            scalars.formIndex(after: &index)
        }
        out += normalize(Substring(scalars[start..<index]).unicodeScalars)
        return out
    }

    /// Whether normalisation of the text before `u` is independent of what follows:
    /// `u` has combining class 0 and is never the second half of a composition (ASCII,
    /// letters other than Hangul jamo, white space). Canonical reordering only moves
    /// marks, and composition only joins a starter with what follows it, so the text
    /// can be cut just before such a scalar.
    static func startsSegment(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return true }
        if v >= 0x1100 && v <= 0x11FF { return false }  // Hangul jamo compose with the syllable before
        if v >= 0x1E00 && v <= 0x1EFF { return true }  // precomposed Latin and Vietnamese letters
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .spaceSeparator:
            return u.properties.canonicalCombiningClass == .notReordered
        default: return false
        }
    }

    /// The length of `s` in grapheme clusters (what a person counts as characters),
    /// after NFC, so "Nguyễn" is 6 whether it arrived precomposed or decomposed.
    public static func length(_ s: String) -> Int {
        // In ASCII only "\r\n" joins two scalars into one cluster.
        if isASCII(s) && !s.utf8.contains(0x0D) { return s.utf8.count }
        return nfc(s).count
    }

    /// Collapses every run of whitespace (any Unicode white space, including tabs,
    /// newlines and no-break spaces) to one ASCII space and trims both ends.
    public static func collapseWhitespace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// True when every byte of `s` is ASCII; used for fast paths throughout the module.
    static func isASCII(_ s: String) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable({ buffer in
            buffer.allSatisfy { $0 < 0x80 }
        }) {
            return answer
        }
        return s.utf8.allSatisfy { $0 < 0x80 }
    }
}
