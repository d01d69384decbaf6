// The one gate for text that enters a dossier or a draft: typed or pasted in the kiosk,
// read from an answers file or a bundle, validated. Text is refused, with the character
// and where it is, when it holds what a person cannot have meant and a terminal or the
// normaliser could be hurt by: control characters (tab and line breaks only in multi-line
// fields), bidi embeddings, overrides and isolates (they make text read differently from
// what is stored), a base letter carrying an absurd run of combining marks (Unicode's
// canonical reordering is quadratic in a run's length), and more text than a field can
// hold. Every check is one pass over the scalars, so admitting text is linear in its size.
import Foundation

/// Why the gate refused a text: what was found and at which character.
public struct TextRefusal: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A C0 or C1 control, DEL, a line or paragraph separator; tab and line breaks
        /// when the field is single-line.
        case control(Unicode.Scalar)
        /// A bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
        case bidi(Unicode.Scalar)
        /// More combining marks on one base than any script needs.
        case marks(limit: Int)
        /// More characters than the field can hold.
        case tooLong(count: Int, limit: Int)
    }

    public let reason: Reason
    /// 1-based position of the character where the problem is; a base letter and its
    /// marks count as one character, as a person counts them.
    public let position: Int

    public init(_ reason: Reason, position: Int) { self.reason = reason; self.position = position }

    /// The message key in `Locales/*.json` and its arguments (`char` is "U+001B").
    public var messageKey: String {
        switch reason {
        case .control(let u): return u == "\t" || u == "\n" || u == "\r" ? "text.refused.linebreak" : "text.refused.control"
        case .bidi: return "text.refused.bidi"
        case .marks: return "text.refused.marks"
        case .tooLong: return "text.refused.long"
        }
    }

    public var messageArguments: [String: String] {
        var args = ["position": String(position)]
        switch reason {
        case .control(let u), .bidi(let u): args["char"] = VietText.codePoint(u)
        case .marks(let limit): args["max"] = String(limit)
        case .tooLong(let count, let limit): args["count"] = String(count); args["max"] = String(limit)
        }
        return args
    }
}

public enum TextGate {
    /// Combining marks one base may carry. Vietnamese needs two (ệ: circumflex and dot
    /// below), other scripts a few more; hundreds are an attack on the normaliser.
    public static let maxMarksPerBase = 8
    /// Characters in a single-line answer (a name, an address line, a number).
    public static let maxSingleLine = 1_000
    /// Characters in a multi-line answer (a note, a statement): about a megabyte.
    public static let maxMultiLine = 1_000_000

    /// The first reason to refuse `s`, or nil when it may enter.
    public static func check(_ s: String, multiline: Bool) -> TextRefusal? {
        let limit = multiline ? maxMultiLine : maxSingleLine
        var position = 0
        var marks = 0
        var previousCR = false
        for u in s.unicodeScalars {
            let v = u.value
            if previousCR && v != 0x0A { return TextRefusal(.control("\r"), position: position) }
            previousCR = false
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) {
                position += 1; marks = 0
                if multiline && (v == 0x0A || v == 0x09) { continue }
                if multiline && v == 0x0D { previousCR = true; continue }  // kept only as CR LF
                return TextRefusal(.control(u), position: position)
            }
            if v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF) {  // ASCII, Latin, Vietnamese letters: bases
                position += 1; marks = 0
            } else if isMark(u) {
                // A mark NFC leaves as two (U+0344 → U+0308 U+0301, and the Tibetan vowel
                // signs that are composition exclusions) counts as the two it becomes, so
                // the normal form of an admitted text is admitted too (finding K4).
                marks += expandsToTwoMarks(v) ? 2 : 1
                if marks > maxMarksPerBase { return TextRefusal(.marks(limit: maxMarksPerBase), position: max(position, 1)) }
                continue
            } else {
                position += 1; marks = 0
                if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return TextRefusal(.bidi(u), position: position) }
                if v == 0x2028 || v == 0x2029 { return TextRefusal(.control(u), position: position) }
            }
            if position > limit { return TextRefusal(.tooLong(count: characterCount(s), limit: limit), position: limit + 1) }
        }
        if previousCR { return TextRefusal(.control("\r"), position: position) }
        return nil
    }

    /// The marks whose canonical decomposition is two marks that NFC does not join again.
    static func expandsToTwoMarks(_ v: UInt32) -> Bool {
        switch v {
        case 0x0344, 0x0F73, 0x0F75, 0x0F76, 0x0F78, 0x0F81, 0x0F93, 0x0F9D, 0x0FA2, 0x0FA7, 0x0FAC, 0x0FB9: true
        default: false
        }
    }

    /// `s` as it may be stored: checked, in its normal form (`normalForm`).
    public static func admit(_ s: String, multiline: Bool) -> Result<String, TextRefusal> {
        if let refusal = check(s, multiline: multiline) { return .failure(refusal) }
        return .success(normalForm(s))
    }

    /// `s` in NFC with each vowel's doubled tone marks reduced to the last one typed
    /// ("Hoà" + U+0301 → "Hoá"). Tones are counted on the decomposed letter (NFD), so
    /// canonically equivalent texts get one result (U+0341 is an acute too, "ṍ" holds
    /// two tones) and the result is its own normal form: normalForm(normalForm(s)) ==
    /// normalForm(s) (finding K3 of the fuzz-text target). One pass, linear in the
    /// length of `s`: Latin text by table, other text piece by piece with Foundation.
    public static func normalForm(_ s: String) -> String {
        if VietText.isASCII(s) { return s }
        return VietText.inPieces(s) { piece in
            if let latin = LatinComposition.nfc(piece, singleTones: true) { return latin }
            let nfc = VietText.foundationNFC(String(piece))
            return hasDoubledTone(nfc) ? normalFormByDefinition(nfc) : nfc
        }
    }

    /// `normalForm` by its definition, slowly: Foundation's NFD, the tones of each
    /// vowel reduced, Foundation's NFC. The reference the fast paths are tested
    /// against; Foundation's normaliser is quadratic on long text.
    static func normalFormByDefinition(_ s: String) -> String {
        VietText.foundationNFC(singleTones(decomposed: s.decomposedStringWithCanonicalMapping))
    }

    /// Characters as `check` counts them (bases; marks join the one before).
    public static func characterCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where !(u.value >= 0x300 && isMark(u)) { n += 1 }
        return n
    }

    /// Whether `u` is a combining mark (Mn, Mc, Me): it joins the letter before it.
    public static func isCombiningMark(_ u: Unicode.Scalar) -> Bool { isMark(u) }

    @inline(__always)
    static func isMark(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v >= 0x300 && v <= 0x36F { return true }
        if v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF) { return false }
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    // MARK: Doubled tone marks

    /// The five Vietnamese tone marks as combining characters.
    static func isTone(_ v: UInt32) -> Bool { v == 0x300 || v == 0x301 || v == 0x303 || v == 0x309 || v == 0x323 }

    /// Whether some vowel of the NFC text `s` may carry two tone marks (as one
    /// precomposed letter plus a mark, as two marks, or as "ṍ"): cheap, so text
    /// without them is not decomposed. Never false when `normalForm` would change a tone.
    static func hasDoubledTone(_ s: String) -> Bool {
        var base: Unicode.Scalar = " "
        var tones = 0
        for u in s.unicodeScalars {
            let v = u.value
            if isTone(v) {
                // The letter's own tone is looked up only when a tone mark follows it.
                tones = tones == 0 ? 1 + (base.value < 0xC0 ? 0 : toneCount(base)) : tones + 1
                if tones > 1 { return true }
            } else if !(v >= 0x300 && isMark(u)) {
                if isTwoToneLetter(v) { return true }
                base = u; tones = 0
            }
        }
        return false
    }

    /// ṍ and ṹ (U+1E4C, U+1E4D, U+1E78, U+1E79: o or u with tilde and acute), the only
    /// scalars that carry two tones by themselves: `normalForm` changes them.
    @inline(__always)
    public static func isTwoToneLetter(_ v: UInt32) -> Bool { v == 0x1E4C || v == 0x1E4D || v == 0x1E78 || v == 0x1E79 }

    /// Tone marks in `u` itself (a precomposed "à", "ệ") or 1 for a tone mark.
    private static func toneCount(_ u: Unicode.Scalar) -> Int {
        if isTone(u.value) { return 1 }
        if u.value < 0xC0 { return 0 }
        return String(u).decomposedStringWithCanonicalMapping.unicodeScalars.filter { isTone($0.value) }.count
    }

    /// Keeps only the last tone mark on each vowel of the decomposed (NFD) text `d`
    /// (the one typed last, as a keyboard would replace the tone); marks on other
    /// letters are left alone. The result is decomposed, not always in canonical order.
    static func singleTones(decomposed d: String) -> String {
        let scalars = Array(d.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let base = scalars[i]
            var j = i + 1
            while j < scalars.count, isMark(scalars[j]) { j += 1 }
            out.append(base)
            let run = scalars[(i + 1)..<j]
            if LatinComposition.isVowel(base.value), run.filter({ isTone($0.value) }).count > 1,
               let last = run.last(where: { isTone($0.value) }) {
                // The other marks in order (a circumflex stays before its tone), then the last tone.
                for m in run where !isTone(m.value) { out.append(m) }
                out.append(last)
            } else {
                // One scalar at a time: `UnicodeScalarView.append(contentsOf:)` copied the
                // whole output on every call (quadratic: 11 s for 1 MB in motcua-bench hostile).
                for m in run { out.append(m) }
            }
            i = j
        }
        return String(out)
    }
}
