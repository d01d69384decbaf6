import Foundation
import MotCuaTestSupport
import Testing
import MotCuaInterview
@testable import MotCuaPrint

@Suite struct TrueTypeFontTests {
    @Test func dejaVuCoversVietnamese() throws {
        let bytes = try #require(FileManager.default.contents(atPath: dejaVuPath), "install fonts-dejavu-core")
        let font = try TrueTypeFont(bytes: [UInt8](bytes))
        #expect(font.unitsPerEm == 2048)
        for scalar in "ĂăÂâĐđÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắỆệỐốỜờỨứỰựỲỳỴỵỶỷỸỹ".unicodeScalars {
            #expect(font.glyph(scalar) != 0, "\(scalar)")
        }
        #expect(font.glyph("A") != font.glyph("B"))
        // "i" is narrower than "m" in a proportional font.
        #expect(font.width(glyph: font.glyph("i")) < font.width(glyph: font.glyph("m")))
        #expect(font.glyph("\u{E000}") == 0)
    }

    /// The subset keeps the glyphs drawn and the pieces of composite ones ("ệ" is "e"
    /// with two marks in DejaVu), and empties the rest; it reads back as a font.
    @Test func theSubsetKeepsDrawnGlyphsAndTheirComponents() throws {
        let font = try TrueTypeFont(bytes: [UInt8](try #require(FileManager.default.contents(atPath: dejaVuPath))))
        let e = font.glyph("ệ"), a = font.glyph("A")
        let parts = try font.components(e)
        #expect(!parts.isEmpty)
        let subset = try TrueTypeFont(bytes: try font.subset(glyphs: [e]))
        #expect(subset.bytes.count < font.bytes.count / 4)
        #expect(subset.glyphCount == font.glyphCount && subset.glyph("ệ") == e)
        #expect(try subset.outline(e).count == (try font.outline(e)).count)
        for p in parts { #expect(try subset.outline(p).count == (try font.outline(p)).count && !(try font.outline(p)).isEmpty) }
        #expect(try subset.outline(a).isEmpty && !(try font.outline(a)).isEmpty)
        #expect(TrueTypeFont.checksum(subset.bytes) == 0xB1B0_AFBA)
    }

    /// A damaged font is normal input: every truncation and thousands of garbled
    /// copies either load or are refused with a reason, and what loads can draw a page.
    @Test func damagedFontsNeverTrap() throws {
        let whole = [UInt8](try #require(FileManager.default.contents(atPath: dejaVuPath)))
        var refused = 0, loaded = 0
        func attempt(_ bytes: [UInt8]) {
            do {
                let font = try TrueTypeFont(bytes: bytes)
                var page = PDFPage(font: font, width: 100, height: 100)
                page.text("Nguyễn Thị Hoà ỹ 𝄞", x: 10, y: 10, size: 10)
                _ = font.measure("Lường Văn Quý", size: 9)
                _ = page.document(title: "t")
                loaded += 1
            } catch {
                #expect(String(describing: error).contains("TrueType"))
                refused += 1
            }
        }
        for n in [0, 1, 4, 11, 12, 27, 100, 1000, 4096] + stride(from: 5000, to: whole.count, by: 7919).map({ $0 }) {
            attempt(Array(whole.prefix(n)))
        }
        var rng = SeededRandom(seed: 0x4D6F_7443_7561)
        // The table directory and the small tables read here sit in the first ~2 KB and
        // the cmap; garble there most, anywhere sometimes.
        for round in 0..<400 {
            var bytes = whole
            for _ in 0..<(1 + round % 8) {
                let at = round % 2 == 0 ? Int(rng.next() % 2048) : Int(rng.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            }
            attempt(bytes)
        }
        for _ in 0..<50 { attempt((0..<Int(rng.next() % 600)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
        #expect(refused > 50)
        #expect(loaded > 10)
    }
}
