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

    /// Scalars that are NFC on their own and never change next to a following letter.
    @inline(__always) static func isStableLetter(_ v: UInt32) -> Bool {
        v < 0x80 || (v >= 0xA0 && v <= 0x24F) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// `s` in NFC, or nil when it holds something this table does not cover (another
    /// script, another mark, a mark after a precomposed letter): then Foundation decides.
    static func nfc(_ s: Substring.UnicodeScalarView) -> String? {
        var out = String.UnicodeScalarView()
        var marks: [UInt32] = []
        var base: UInt32?  // the letter marks may join (an ASCII one)
        func flush() {
            guard let b = base else { return }
            var current = b
            // Canonical order (a stable sort by class), then compose each mark not blocked
            // by an earlier uncomposed mark of the same or a higher class.
            if marks.count > 1 { marks = stableSortedByClass(marks) }
            var leftover: [UInt32] = []
            var lastClass: UInt8 = 0
            for m in marks {
                let c = markClass(m) ?? 0
                if leftover.isEmpty || lastClass < c, let composed = pairs[key(current, m)] {
                    current = composed
                } else {
                    leftover.append(m); lastClass = c
                }
            }
            out.append(Unicode.Scalar(current) ?? "\u{FFFD}")
            for m in leftover { out.append(Unicode.Scalar(m) ?? "\u{FFFD}") }
            base = nil
            marks.removeAll(keepingCapacity: true)
        }
        for u in s {
            let v = u.value
            if markClass(v) != nil {
                guard base != nil else { return nil }  // a mark after a precomposed letter, or alone
                marks.append(v)
                continue
            }
            guard isStableLetter(v) else { return nil }
            flush()
            if v < 0x80 { base = v } else { out.append(u) }
        }
        flush()
        return String(out)
    }

    private static func stableSortedByClass(_ marks: [UInt32]) -> [UInt32] {
        marks.enumerated().sorted { (markClass($0.element) ?? 0, $0.offset) < (markClass($1.element) ?? 0, $1.offset) }.map(\.element)
    }
}
