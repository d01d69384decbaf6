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
        return s.precomposedStringWithCanonicalMapping
    }

    /// Returns `s` in Unicode Normalization Form D (canonical decomposition).
    public static func nfd(_ s: String) -> String {
        if isASCII(s) { return s }
        return s.decomposedStringWithCanonicalMapping
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
