// How a name and a query are cut into words for the option search: each word folded
// (lower case, no marks, đ → d, y → i so "kí" finds "ký") for matching, and kept with its
// marks (tones placed one way) so a row typed with the same diacritics can rank first.
import MotCuaText

/// One word of a name or of a query.
struct SearchTerm: Sendable, Equatable {
    /// Lower case, no marks, đ → d, y → i, as UTF-8 bytes.
    var folded: [UInt8]
    /// Lower case with its marks, tones placed the traditional way, y → i.
    var marked: String
    /// The word carries diacritics (a query word typed with marks).
    var hasMarks: Bool
}

/// Names already split into their search words, and each word's term, kept across
/// `SearchIndex`es (see `SearchIndex.init(_:cache:)`). A term depends on its text alone,
/// so a kept one is what splitting again would give. Bounded: emptied past `maxNames`.
public struct SearchTermCache: Sendable {
    var names: [String: [SearchTerm]] = [:]
    var words: [String: SearchTerm?]? = [:]
    static let maxNames = 20_000
    public init() {}
}

enum SearchText {
    /// A query longer than this is cut: nobody types it, and it bounds a keystroke's cost.
    static let maxQueryCharacters = 200
    static let maxQueryWords = 8

    /// The words of `text`: runs of letters and digits ("H'Mông" → h, mông; "1.001193" → 1, 001193).
    static func terms(_ text: String) -> [SearchTerm] {
        var none: [String: SearchTerm?]?
        return terms(text, known: &none)
    }

    /// `terms(text)`, each word's term looked up in `known` first and kept there: an index
    /// over many names (a desk's dossiers: "Nguyễn", "Văn", "Thị" in most) makes each
    /// distinct word's term once (its normalisation was most of building the index).
    static func terms(_ text: String, known: inout [String: SearchTerm?]?) -> [SearchTerm] {
        var out: [SearchTerm] = []
        var current = ""
        func finish() {
            let t: SearchTerm?
            if let seen = known?[current] { t = seen } else {
                t = term(current)
                known?[current] = .some(t)
            }
            if let t { out.append(t) }
            current = ""
        }
        for c in VietText.nfc(text) {
            if c.isLetter || c.isNumber || isMark(c) {
                current.append(c)
            } else if !current.isEmpty {
                finish()
            }
        }
        if !current.isEmpty { finish() }
        return out
    }

    /// The words of what a person typed, within the limits.
    static func query(_ text: String) -> [SearchTerm] {
        Array(terms(String(text.prefix(maxQueryCharacters))).prefix(maxQueryWords))
    }

    private static func isMark(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
    }

    private static func term(_ word: String) -> SearchTerm? {
        var folded: [UInt8] = []
        for b in VietText.fold(word).utf8 where isWordByte(b) { folded.append(b == 0x79 ? 0x69 : b) }
        guard !folded.isEmpty else { return nil }
        let lower = VietText.normalizeTonePlacement(word.lowercased(), style: .traditional)
        var marked = ""
        marked.unicodeScalars.append(contentsOf: lower.unicodeScalars.map { yToI[$0] ?? $0 })
        return SearchTerm(folded: folded, marked: marked, hasMarks: marked.utf8.contains { $0 >= 0x80 })
    }

    private static let yToI: [Unicode.Scalar: Unicode.Scalar] = [
        "y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị",
    ]

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    /// Type words that open a unit's name ("Xã", "Phường", "Tỉnh", "Thành phố", "Đặc khu"):
    /// they say what kind of unit it is, not which, so ranking skips them.
    static let typeWords: [[[UInt8]]] = [["thanh", "pho"], ["dac", "khu"], ["tinh"], ["xa"], ["phuong"]]
        .map { $0.map { Array($0.utf8) } }

    /// How many of `terms`' first words are a type word (0 when nothing follows them).
    static func typeWordCount(_ terms: [SearchTerm]) -> Int {
        for t in typeWords where t.count < terms.count {
            if zip(t, terms).allSatisfy({ $0 == $1.folded }) { return t.count }
        }
        return 0
    }
}
