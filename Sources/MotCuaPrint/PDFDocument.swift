/// A one-page PDF (ISO 32000-1) written by hand: text in one embedded
/// TrueType font and filled rectangles, nothing else. The font is embedded
/// (FontFile2) as a CIDFontType2 under a Type0 font with Identity-H
/// encoding (subset to the glyphs drawn), so each glyph id is written as two bytes; a ToUnicode CMap maps
/// the glyphs back to their characters, so `pdftotext` and a screen reader
/// read the same NFC text that was drawn.
public struct PDFPage {
    public let width: Double, height: Double
    let font: TrueTypeFont
    var content = ""
    /// Glyph id → the scalar it was drawn for (the first one: the ToUnicode map).
    var used: [Int: Unicode.Scalar] = [:]

    public init(font: TrueTypeFont, width: Double, height: Double) {
        self.font = font; self.width = width; self.height = height
    }

    /// Draws `text` with its baseline's left end at (x, y), y from the bottom.
    public mutating func text(_ text: String, x: Double, y: Double, size: Double) {
        var hex = ""
        for scalar in text.unicodeScalars {
            let g = font.glyph(scalar)
            if used[g] == nil { used[g] = scalar }
            hex += PDFPage.hex4(g)
        }
        content += "BT /F1 \(PDFPage.num(size)) Tf \(PDFPage.num(x)) \(PDFPage.num(y)) Td <\(hex)> Tj ET\n"
    }

    /// A filled black rectangle, (x, y) its bottom-left corner.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        content += "\(PDFPage.num(x)) \(PDFPage.num(y)) \(PDFPage.num(width)) \(PDFPage.num(height)) re f\n"
    }

    /// A horizontal line `width` long.
    public mutating func rule(x: Double, y: Double, width: Double) {
        content += "0.5 w \(PDFPage.num(x)) \(PDFPage.num(y)) m \(PDFPage.num(x + width)) \(PDFPage.num(y)) l S\n"
    }

    /// The whole file.
    public func document(title: String) -> [UInt8] {
        var objects: [[UInt8]] = []
        func add(_ s: String) -> Int { objects.append(Array(s.utf8)); return objects.count }
        func addStream(_ dict: String, _ data: [UInt8]) -> Int {
            objects.append(Array("<< \(dict) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8))
            return objects.count
        }
        let glyphs = used.keys.sorted()
        // Only the outlines drawn (the whole file if the font cannot be subset).
        let subset = try? font.subset(glyphs: Set(glyphs))
        let embedded = subset ?? font.bytes
        let name = subset == nil ? "DejaVuSans" : "MOTCUA+DejaVuSans"
        let fontFile = addStream("/Length1 \(embedded.count)", embedded)
        let (x0, y0, x1, y1) = font.boundingBox
        let em = { (v: Int) in v * 1000 / font.unitsPerEm }
        let descriptor = add("<< /Type /FontDescriptor /FontName /\(name) /Flags 32 /FontBBox [\(em(x0)) \(em(y0)) \(em(x1)) \(em(y1))] "
            + "/ItalicAngle 0 /Ascent \(em(font.ascent)) /Descent \(em(font.descent)) /CapHeight \(em(font.ascent)) /StemV 80 /FontFile2 \(fontFile) 0 R >>")
        let widths = glyphs.map { "\($0) [\(font.width(glyph: $0))]" }.joined(separator: " ")
        let cid = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W [\(widths)] /CIDToGIDMap /Identity >>")
        let toUnicode = addStream("", Array(PDFPage.toUnicode(glyphs.map { ($0, used[$0] ?? " ") }).utf8))
        let type0 = add("<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(cid) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        let contents = addStream("", Array(content.utf8))
        let pages = objects.count + 2
        let page = add("<< /Type /Page /Parent \(pages) 0 R /MediaBox [0 0 \(PDFPage.num(width)) \(PDFPage.num(height))] "
            + "/Resources << /Font << /F1 \(type0) 0 R >> >> /Contents \(contents) 0 R >>")
        _ = add("<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        let catalog = add("<< /Type /Catalog /Pages \(pages) 0 R >>")
        let info = add("<< /Title <FEFF\(PDFPage.utf16Hex(title))> /Producer (MotCua) >>")

        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (k, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(k + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += PDFPage.pad10(o) + " 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// The CMap that maps each used glyph id back to its character (UTF-16BE).
    static func toUnicode(_ pairs: [(Int, Unicode.Scalar)]) -> String {
        var s = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        s += "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        s += "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        // At most 100 entries per bfchar block (the CMap format's limit).
        for start in stride(from: 0, to: pairs.count, by: 100) {
            let block = pairs[start..<min(pairs.count, start + 100)]
            s += "\(block.count) beginbfchar\n"
            for (g, scalar) in block { s += "<\(hex4(g))> <\(utf16Hex(String(Character(scalar))))>\n" }
            s += "endbfchar\n"
        }
        return s + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    }

    static func hex4(_ v: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([12, 8, 4, 0].map { digits[(v >> $0) & 0xF] })
    }

    static func utf16Hex(_ s: String) -> String { s.utf16.map { hex4(Int($0)) }.joined() }

    static func pad10(_ v: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, 10 - s.count)) + s }

    /// A number as PDF writes it: at most two decimals, no exponent.
    static func num(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e9 else { return "0" }
        let cents = Int((v * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        return a % 100 == 0 ? sign + String(a / 100) : sign + String(a / 100) + "." + (a % 100 < 10 ? "0" : "") + String(a % 100)
    }
}
