/// The few facts of a TrueType font a PDF needs to embed it whole: glyph ids
/// from the `cmap` table, advance widths from `hmtx`, and the metrics of
/// `head` and `hhea`. The font is read from disk at run time (DejaVu Sans of
/// Debian's fonts-dejavu-core), so it is outside input: every read is bounds
/// checked and a damaged file is an error, never a trap.
public struct TrueTypeFont: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self { case .malformed(let why): return "not a usable TrueType font: \(why)" }
        }
    }

    /// The file's bytes, embedded as they are (FontFile2).
    public let bytes: [UInt8]
    public let unitsPerEm: Int
    public let ascent: Int, descent: Int
    /// xMin, yMin, xMax, yMax in font units.
    public let boundingBox: (Int, Int, Int, Int)
    public let glyphCount: Int
    let advances: [Int]
    let cmap: CharacterMap
    /// Where each table lies in `bytes` (checked to be inside the file).
    let tables: [String: Range<Int>]

    /// Larger files are refused: DejaVu Sans is 0.7 MB, the biggest CJK fonts ~20 MB.
    public static let maxBytes = 32 << 20

    public init(bytes: [UInt8]) throws {
        guard bytes.count <= TrueTypeFont.maxBytes else { throw Failure.malformed("larger than \(TrueTypeFont.maxBytes) bytes") }
        let r = ByteReader(bytes)
        let version = try r.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else { throw Failure.malformed("no TrueType signature") }
        let count = try r.u16(4)
        var tables: [String: Range<Int>] = [:]
        for i in 0..<count {
            let rec = 12 + 16 * i
            let tag = String(decoding: try r.slice(rec, 4), as: UTF8.self)
            let offset = try r.u32(rec + 8), length = try r.u32(rec + 12)
            guard offset <= bytes.count, length <= bytes.count - offset else { throw Failure.malformed("table \(tag) outside the file") }
            tables[tag] = offset..<(offset + length)
        }
        func table(_ tag: String) throws -> ByteReader {
            guard let range = tables[tag] else { throw Failure.malformed("no \(tag) table") }
            return ByteReader(Array(bytes[range]))
        }
        let head = try table("head"), hhea = try table("hhea"), maxp = try table("maxp")
        unitsPerEm = try head.u16(18)
        guard (16...16384).contains(unitsPerEm) else { throw Failure.malformed("unitsPerEm \(unitsPerEm)") }
        boundingBox = (try head.i16(36), try head.i16(38), try head.i16(40), try head.i16(42))
        ascent = try hhea.i16(4)
        descent = try hhea.i16(6)
        glyphCount = try maxp.u16(4)
        let metrics = try hhea.u16(34)
        guard metrics >= 1, metrics <= glyphCount else { throw Failure.malformed("numberOfHMetrics \(metrics)") }
        let hmtx = try table("hmtx")
        advances = try (0..<metrics).map { try hmtx.u16(4 * $0) }
        cmap = try CharacterMap(try table("cmap"), glyphCount: glyphCount)
        self.tables = tables
        self.bytes = bytes
    }

    /// The glyph drawing `scalar`; 0 (the font's "missing" box) when it has none.
    public func glyph(_ scalar: Unicode.Scalar) -> Int { cmap.glyph(Int(scalar.value)) }

    /// A glyph's advance in thousandths of the em (PDF text space).
    public func width(glyph: Int) -> Int {
        let units = glyph < advances.count ? advances[glyph] : advances[advances.count - 1]
        return units * 1000 / unitsPerEm
    }

    /// The width of `text` at `size` points.
    public func measure(_ text: String, size: Double) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + width(glyph: glyph($1)) }) * size / 1000
    }
}

/// The `cmap` subtable for Unicode: format 12 (every plane) when present,
/// else format 4 (the Basic Multilingual Plane). Kept as ranges, looked up
/// by binary search; glyph ids past the font's glyph count read as 0.
struct CharacterMap: Sendable {
    /// Codes `start...end`: glyph = code + delta (16-bit wrap-around in format 4), or,
    /// with `idsAt`, read from the glyph id array at that offset (read when looked up,
    /// so overlapping hostile ranges cannot make a huge table).
    struct Segment: Sendable { var start: Int; var end: Int; var delta: Int; var wraps: Bool; var idsAt: Int? }
    let segments: [Segment]
    let glyphCount: Int
    let table: ByteReader

    init(_ r: ByteReader, glyphCount: Int) throws {
        self.glyphCount = glyphCount
        table = r
        let n = try r.u16(2)
        var best: (rank: Int, offset: Int)?
        for i in 0..<n {
            let platform = try r.u16(4 + 8 * i), encoding = try r.u16(6 + 8 * i), offset = try r.u32(8 + 8 * i)
            let format = try r.u16(offset)
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12), (0, 4, 12), (0, 6, 12): rank = 3
            case (3, 1, 4), (0, 3, 4), (0, 1, 4), (0, 0, 4): rank = 2
            default: continue
            }
            if rank > best?.rank ?? 0 { best = (rank, offset) }
        }
        guard let (_, at) = best else { throw TrueTypeFont.Failure.malformed("no Unicode cmap") }
        segments = try r.u16(at) == 12 ? CharacterMap.format12(r, at) : CharacterMap.format4(r, at)
    }

    static func format12(_ r: ByteReader, _ at: Int) throws -> [Segment] {
        let groups = try r.u32(at + 12)
        guard groups <= (r.count - at) / 12 else { throw TrueTypeFont.Failure.malformed("cmap format 12 group count") }
        return try (0..<groups).map { g in
            let o = at + 16 + 12 * g
            let start = try r.u32(o), end = try r.u32(o + 4), glyph = try r.u32(o + 8)
            guard start <= end else { throw TrueTypeFont.Failure.malformed("cmap group \(g) runs backwards") }
            return Segment(start: start, end: end, delta: glyph - start, wraps: false, idsAt: nil)
        }
    }

    static func format4(_ r: ByteReader, _ at: Int) throws -> [Segment] {
        let segCount = try r.u16(at + 6) / 2
        let ends = at + 14, starts = ends + 2 * segCount + 2
        let deltas = starts + 2 * segCount, rangeOffsets = deltas + 2 * segCount
        var out: [Segment] = []
        for s in 0..<segCount {
            let end = try r.u16(ends + 2 * s), start = try r.u16(starts + 2 * s)
            let delta = try r.u16(deltas + 2 * s), rangeOffset = try r.u16(rangeOffsets + 2 * s)
            guard start <= end else { throw TrueTypeFont.Failure.malformed("cmap segment \(s) runs backwards") }
            if start == 0xFFFF { continue }
            // idRangeOffset counts bytes from its own position to the glyph ids.
            out.append(Segment(start: start, end: end, delta: delta, wraps: true,
                               idsAt: rangeOffset == 0 ? nil : rangeOffsets + 2 * s + rangeOffset))
        }
        return out.sorted { $0.start < $1.start }
    }

    func glyph(_ code: Int) -> Int {
        var lo = 0, hi = segments.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            if code < s.start { hi = mid - 1 } else if code > s.end { lo = mid + 1 } else {
                var g: Int
                if let at = s.idsAt {
                    guard let id = try? table.u16(at + 2 * (code - s.start)), id != 0 else { return 0 }
                    g = (id + s.delta) & 0xFFFF
                } else {
                    g = s.wraps ? (code + s.delta) & 0xFFFF : code + s.delta
                }
                return g < glyphCount && g >= 0 ? g : 0
            }
        }
        return 0
    }
}

/// Big-endian reads that throw instead of trapping past the end.
struct ByteReader: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var count: Int { bytes.count }

    func slice(_ at: Int, _ n: Int) throws -> ArraySlice<UInt8> {
        guard at >= 0, n >= 0, at <= bytes.count, n <= bytes.count - at else {
            throw TrueTypeFont.Failure.malformed("read of \(n) bytes at \(at) past the end (\(bytes.count))")
        }
        return bytes[at..<(at + n)]
    }
    func u16(_ at: Int) throws -> Int {
        let s = try slice(at, 2)
        return Int(s[s.startIndex]) << 8 | Int(s[s.startIndex + 1])
    }
    func i16(_ at: Int) throws -> Int { let v = try u16(at); return v >= 0x8000 ? v - 0x10000 : v }
    func u32(_ at: Int) throws -> Int { (try u16(at)) << 16 | (try u16(at + 2)) }
}
