// NFC for Latin text (Vietnamese above all) without Foundation. Foundation's normaliser
// costs about 170 ns a byte on Linux even in small pieces: a megabyte of decomposed
// Vietnamese took 180 ms. Text made only of ASCII letters with the usual combining marks
// and of precomposed Latin letters is composed here with a table of pairs; anything else
// is left to Foundation. The pairs are Foundation's own answers, computed once.
import Foundation

enum LatinComposition {
    /// The marks of U+0300–U+036F that compose with a Latin letter or an ASCII sign
    /// (U+0338 makes "≠" of "="); the other marks of the block take part in ordering only.
    static let composingMarks: [UInt32] = [
        0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B, 0x30C, 0x30F, 0x311,
        0x31B, 0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x32D, 0x32E, 0x330, 0x331, 0x338,
    ]

    /// The canonical combining class of a mark of U+0300–U+036F handled here, else nil.
    @inline(__always) static func markClass(_ v: UInt32) -> UInt8? {
        guard v >= 0x300 && v <= 0x36F else { return nil }
        return markClassTable[Int(v - 0x300)]
    }

    private static let markClassTable: [UInt8?] = (0x300...0x36F).map { v in
        guard let u = Unicode.Scalar(UInt32(v)) else { return nil }
        let c = u.properties.canonicalCombiningClass.rawValue
        // Class-0 scalars of the block (U+034F) join nothing: leave them to Foundation.
        return c == 0 ? nil : c
    }

    /// (letter, mark) → the letter that composes them, for ASCII and precomposed Latin letters.
    static let pairs: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        let bases = Array(0x20...0x7E) + Array(0xC0...0x24F) + Array(0x1E00...0x1EFF)
        for b in bases {
            guard let base = Unicode.Scalar(UInt32(b)) else { continue }
            for m in composingMarks {
                guard let mark = Unicode.Scalar(m) else { continue }
                var pair = String.UnicodeScalarView()
                pair.append(base); pair.append(mark)
                let composed = String(pair).precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1, let c = composed.first { table[key(UInt32(b), m)] = c.value }
            }
        }
        return table
    }()

    @inline(__always) static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    /// `pairs[key(base, mark)]` without hashing for the bases below U+0250 (ASCII and
    /// precomposed Latin, where nearly every letter falls): hashing each mark's lookup
    /// was the composer's top cost (perf, motcua-bench hostile). Other bases (U+1Exx)
    /// ask the dictionary. Held equal to it over every base × mark by a test.
    @inline(__always) static func pair(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        guard base < flatBaseLimit else { return pairs[key(base, mark)] }
        guard mark >= 0x300 && mark <= 0x36F else { return nil }
        let i = markIndex[Int(mark - 0x300)]
        guard i >= 0 else { return nil }
        let c = flatPairs[Int(base) * composingMarks.count + Int(i)]
        return c == 0 ? nil : c
    }

    static let flatBaseLimit: UInt32 = 0x250

    /// U+0300–U+036F → the mark's index in `composingMarks`, or -1.
    private static let markIndex: [Int8] = (0x300...0x36F).map { v in
        Int8(composingMarks.firstIndex(of: UInt32(v)) ?? -1)
    }

    /// `pairs` for bases below `flatBaseLimit`, row by base, column by composing mark; 0 = none.
    private static let flatPairs: [UInt32] = {
        var flat = [UInt32](repeating: 0, count: Int(flatBaseLimit) * composingMarks.count)
        for b in 0..<flatBaseLimit {
            for (i, m) in composingMarks.enumerated() {
                if let c = pairs[key(b, m)] { flat[Int(b) * composingMarks.count + i] = c }
            }
        }
        return flat
    }()

    /// Scalars that are NFC on their own and never change next to a following letter.
    @inline(__always) static func isStableLetter(_ v: UInt32) -> Bool {
        v < 0x80 || (v >= 0xA0 && v <= 0x24F) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// Letters of the stable ranges with their canonical decomposition (base letter
    /// first, then marks in canonical order), for a letter followed by more marks.
    /// A letter whose decomposition leaves the table's ranges (ǯ is ʒ + U+030C) maps
    /// to an empty array: such text is left to Foundation.
    static let decompositions: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        for v in Array(0xA0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            let d = String(u).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            guard d.count > 1 else { continue }
            let covered = isStableLetter(d[0]) && d.dropFirst().allSatisfy { markClass($0) != nil }
            table[UInt32(v)] = covered ? d : []
        }
        return table
    }()

    /// `s` in NFC, or nil when it holds something this table does not cover (another
    /// script, another mark, a mark alone): then Foundation decides. With
    /// `singleTones`, each vowel's tone marks are first reduced to the last one, as
    /// `TextGate.normalForm` says.
    static func nfc(_ s: Substring.UnicodeScalarView, singleTones: Bool = false) -> String? {
        // Plain loops and inout helpers: a nested function capturing `out` made every
        // append copy the text (quadratic). UTF-8 bytes out: appending to a
        // UnicodeScalarView cost more than the composing (perf, motcua-bench hostile).
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / 2)
        var marks: [UInt32] = []
        marks.reserveCapacity(16)
        var base: UInt32?  // the letter marks may join
        for u in s {
            let v = u.value
            if markClass(v) != nil {
                guard let b = base else { return nil }  // a mark alone
                if marks.isEmpty, b >= 0x80, let d = decompositions[b] {  // marks after a precomposed letter
                    guard let first = d.first else { return nil }
                    base = first
                    marks.append(contentsOf: d.dropFirst())
                }
                appendDecomposed(v, to: &marks)
                continue
            }
            guard isStableLetter(v) else { return nil }
            if let b = base {
                if marks.isEmpty && !(singleTones && TextGate.isTwoToneLetter(b)) { appendUTF8(b, to: &out) }
                else if !finish(b, &marks, singleTones: singleTones, into: &out) { return nil }
            }
            base = v
        }
        if let b = base {
            if marks.isEmpty && !(singleTones && TextGate.isTwoToneLetter(b)) { appendUTF8(b, to: &out) }
            else if !finish(b, &marks, singleTones: singleTones, into: &out) { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the scalar `v` (a valid one) in UTF-8.
    @inline(__always) static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)) }
        else if v < 0x800 { out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F)) }
        else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Appends the mark `v` as NFD has it: U+0340, U+0341 and U+0343 are other
    /// spellings of U+0300, U+0301 and U+0313, and U+0344 of U+0308 U+0301.
    @inline(__always) private static func appendDecomposed(_ v: UInt32, to marks: inout [UInt32]) {
        switch v {
        case 0x340: marks.append(0x300)
        case 0x341: marks.append(0x301)
        case 0x343: marks.append(0x313)
        case 0x344: marks.append(0x308); marks.append(0x301)
        default: marks.append(v)
        }
    }

    /// Composes `base` and `marks` (emptied) into `out`, reducing a vowel's tones when
    /// asked; false when the letter's decomposition is not covered here.
    private static func finish(_ base: UInt32, _ marks: inout [UInt32], singleTones: Bool, into out: inout [UInt8]) -> Bool {
        var base = base
        if marks.isEmpty, let d = decompositions[base] {  // ṍ alone: its two tones
            guard let first = d.first else { return false }
            base = first
            marks.append(contentsOf: d.dropFirst())
        }
        if singleTones && marks.count > 1 && isVowel(base) { reduceTones(&marks) }
        compose(base, &marks, into: &out)
        return true
    }

    @inline(__always) static func isVowel(_ v: UInt32) -> Bool {
        switch v | 0x20 {  // lower case
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// A vowel's marks with its tones (U+0300, U+0301, U+0303, U+0309, U+0323) reduced
    /// to the last one in canonical order, placed after the other marks: what
    /// `TextGate.singleTones` does on decomposed text.
    private static func reduceTones(_ marks: inout [UInt32]) {
        var tones = 0
        for m in marks where TextGate.isTone(m) { tones += 1 }
        guard tones > 1 else { return }
        sortByClass(&marks)
        guard let last = marks.last(where: { TextGate.isTone($0) }) else { return }
        marks.removeAll { TextGate.isTone($0) }
        marks.append(last)
    }

    /// Appends `base` composed with `marks` (emptied): canonical order (a stable sort by
    /// class), then each mark not blocked by an earlier uncomposed mark of the same or a
    /// higher class joins the letter when a pair exists.
    private static func compose(_ base: UInt32, _ marks: inout [UInt32], into out: inout [UInt8]) {
        var current = base
        if marks.count > 1 { sortByClass(&marks) }
        // The marks left uncomposed are moved to the front of `marks` (no allocation).
        var left = 0
        var lastClass: UInt8 = 0
        for i in marks.indices {
            let m = marks[i]
            let c = markClass(m) ?? 0
            if left == 0 || lastClass < c, let composed = pair(current, m) {
                current = composed
            } else {
                marks[left] = m; left += 1; lastClass = c
            }
        }
        appendUTF8(current, to: &out)
        for i in 0..<left { appendUTF8(marks[i], to: &out) }
        marks.removeAll(keepingCapacity: true)
    }

    /// Canonical order: a stable insertion sort by combining class (a letter's marks are few).
    private static func sortByClass(_ marks: inout [UInt32]) {
        for i in marks.indices.dropFirst() {
            let m = marks[i], c = markClass(m) ?? 0
            var j = i
            while j > 0, (markClass(marks[j - 1]) ?? 0) > c { marks[j] = marks[j - 1]; j -= 1 }
            marks[j] = m
        }
    }
}
