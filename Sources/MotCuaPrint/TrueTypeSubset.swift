/// A subset of the font for embedding: the same glyph ids (so the PDF's
/// Identity CIDToGIDMap and widths stay as they are), but only the outlines
/// of the glyphs drawn, the pieces of composite glyphs they are made of, and
/// glyph 0; every other outline is empty. DejaVu Sans goes from 0.7 MB to a
/// few tens of kilobytes. Reads are bounds checked like the rest of the
/// parser: a damaged `glyf` or `loca` is an error (the caller then embeds the
/// whole file), never a trap.
extension TrueTypeFont {
    /// The tables a PDF viewer needs to draw a TrueType font (ISO 32000-1, 9.9), and
    /// cmap, which some viewers and this reader want too.
    static let embeddedTables = ["cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    public func subset(glyphs: Set<Int>) throws -> [UInt8] {
        guard let headRange = tables["head"], tables["loca"] != nil, tables["glyf"] != nil else {
            throw Failure.malformed("no head, loca or glyf table")
        }
        // The glyphs drawn, glyph 0, and every component of a composite, once each.
        var keep: Set<Int> = [0]
        var pending = Array(glyphs.filter { $0 > 0 && $0 < glyphCount })
        while let g = pending.popLast() {
            guard keep.insert(g).inserted else { continue }
            for c in try components(g) where !keep.contains(c) { pending.append(c) }
        }
        var glyf: [UInt8] = [], loca: [UInt8] = []
        for g in 0...glyphCount {
            loca += be32(glyf.count)
            guard g < glyphCount, keep.contains(g) else { continue }
            glyf += bytes[try outline(g)]
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        var head = Array(bytes[headRange])
        guard head.count >= 54 else { throw Failure.malformed("head too short") }
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])
        head.replaceSubrange(50..<52, with: [0, 1])
        var out: [(String, [UInt8])] = []
        for tag in TrueTypeFont.embeddedTables {
            switch tag {
            case "glyf": out.append((tag, glyf))
            case "loca": out.append((tag, loca))
            case "head": out.append((tag, head))
            default: if let range = tables[tag] { out.append((tag, Array(bytes[range]))) }
            }
        }
        var font = TrueTypeFont.assemble(out)
        // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
        let adjustment = (0xB1B0_AFBA &- TrueTypeFont.checksum(font)) & 0xFFFF_FFFF
        if let at = TrueTypeFont.tableOffset(font, "head") { font.replaceSubrange((at + 8)..<(at + 12), with: be32(adjustment)) }
        return font
    }

    /// Where glyph `g`'s outline lies in `bytes` (empty for a glyph without one).
    func outline(_ g: Int) throws -> Range<Int> {
        guard let headRange = tables["head"], let locaRange = tables["loca"], let glyfRange = tables["glyf"] else {
            throw Failure.malformed("no head, loca or glyf table")
        }
        let r = ByteReader(bytes)
        let longOffsets = try r.i16(headRange.lowerBound + 50) == 1
        func offset(_ g: Int) throws -> Int {
            let at = locaRange.lowerBound + (longOffsets ? 4 * g : 2 * g)
            guard g >= 0, at + (longOffsets ? 4 : 2) <= locaRange.upperBound else { throw Failure.malformed("loca too short for glyph \(g)") }
            let o = longOffsets ? try r.u32(at) : 2 * (try r.u16(at))
            guard o <= glyfRange.count else { throw Failure.malformed("glyph \(g) outside glyf") }
            return glyfRange.lowerBound + o
        }
        let start = try offset(g), end = try offset(g + 1)
        guard start <= end else { throw Failure.malformed("glyph \(g) runs backwards") }
        return start..<end
    }

    /// The glyphs a composite glyph is made of (none for a simple one).
    func components(_ g: Int) throws -> [Int] {
        let r = ByteReader(bytes)
        let range = try outline(g)
        guard range.count >= 10, try r.i16(range.lowerBound) < 0 else { return [] }
        var out: [Int] = []
        var at = range.lowerBound + 10
        for _ in 0..<256 {
            let flags = try r.u16(at), component = try r.u16(at + 2)
            if component < glyphCount { out.append(component) }
            at += 4 + (flags & 1 != 0 ? 4 : 2)
            at += flags & 8 != 0 ? 2 : flags & 0x40 != 0 ? 4 : flags & 0x80 != 0 ? 8 : 0
            guard flags & 0x20 != 0, at < range.upperBound else { break }
        }
        return out
    }

    /// An sfnt file of `tables` (sorted by tag, each padded to four bytes).
    static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { $0.0 < $1.0 }
        let n = sorted.count
        var power = 1, log = 0
        while power * 2 <= n { power *= 2; log += 1 }
        var out = be32(0x0001_0000) + be16(n) + be16(power * 16) + be16(log) + be16(n * 16 - power * 16)
        var offset = 12 + 16 * n
        var body: [UInt8] = []
        for (tag, data) in sorted {
            out += Array(tag.utf8.prefix(4)) + be32(checksum(data)) + be32(offset) + be32(data.count)
            var padded = data
            while padded.count % 4 != 0 { padded.append(0) }
            body += padded
            offset += padded.count
        }
        return out + body
    }

    static func checksum(_ data: [UInt8]) -> Int {
        var sum = 0
        for i in stride(from: 0, to: data.count, by: 4) {
            var word = 0
            for k in 0..<4 { word = word << 8 | Int(i + k < data.count ? data[i + k] : 0) }
            sum = (sum &+ word) & 0xFFFF_FFFF
        }
        return sum
    }

    static func tableOffset(_ font: [UInt8], _ tag: String) -> Int? {
        let r = ByteReader(font)
        guard let n = try? r.u16(4) else { return nil }
        for i in 0..<n where (try? r.slice(12 + 16 * i, 4)).map({ Array($0) == Array(tag.utf8) }) == true {
            return try? r.u32(12 + 16 * i + 8)
        }
        return nil
    }
}

func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
func be32(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
