// Tone placement: the rules of the note as a table, both styles, and name comparison that
// ignores style, case, white space and NFC/NFD.
import Testing
@testable import MotCuaText

@Suite struct TonePlacementTests {
    @Test(arguments: [
        // (input, traditional, modern)
        ("hoà", "hòa", "hoà"), ("hòa", "hòa", "hoà"), ("thuỷ", "thủy", "thuỷ"), ("khoẻ", "khỏe", "khoẻ"),
        ("Thanh Thủy", "Thanh Thủy", "Thanh Thuỷ"), ("Xã Thuận Hoà", "Xã Thuận Hòa", "Xã Thuận Hoà"),
        ("HOÀ", "HÒA", "HOÀ"), ("Chiêm Hoá", "Chiêm Hóa", "Chiêm Hoá"),
        // Rules that do not depend on the style.
        ("hoàng", "hoàng", "hoàng"), ("hòang", "hoàng", "hoàng"), ("toán", "toán", "toán"),
        ("tiếng", "tiếng", "tiếng"), ("tíêng", "tiếng", "tiếng"), ("người", "người", "người"),
        ("ngừơi", "người", "người"), ("hươu", "hươu", "hươu"), ("ngoài", "ngoài", "ngoài"),
        ("ngòai", "ngoài", "ngoài"), ("khuỷu", "khuỷu", "khuỷu"), ("khúyên", "khuyến", "khuyến"),
        ("mía", "mía", "mía"), ("mùa", "mùa", "mùa"), ("muà", "mùa", "mùa"), ("quý", "quý", "quý"),
        ("qúy", "quý", "quý"), ("quả", "quả", "quả"), ("qủa", "quả", "quả"), ("già", "già", "già"),
        ("gìa", "già", "già"), ("giữa", "giữa", "giữa"), ("gì", "gì", "gì"), ("thuở", "thuở", "thuở"),
        ("quỳ", "quỳ", "quỳ"), ("thúê", "thuế", "thuế"),
        // Left alone: no tone, not Vietnamese, or two tones.
        ("Hoa", "Hoa", "Hoa"), ("Mañana", "Mañana", "Mañana"), ("hòà", "hòà", "hòà"), ("", "", ""),
        ("Hà Giang 2", "Hà Giang 2", "Hà Giang 2"), ("H'Mông", "H'Mông", "H'Mông"),
    ])
    func placement(input: String, traditional: String, modern: String) {
        #expect(VietText.normalizeTonePlacement(input, style: .traditional) == VietText.nfc(traditional))
        #expect(VietText.normalizeTonePlacement(input, style: .modern) == VietText.nfc(modern))
        #expect(VietText.normalizeTonePlacement(decomposed(input), style: .traditional) == VietText.nfc(traditional))
    }

    @Test(arguments: [
        ("Nguyễn Thị Hòa", "NGUYỄN THỊ HOÀ"), ("Thanh Thủy", "thanh  thuỷ"), ("Lê Khỏe", "Lê Khoẻ"),
        ("H'Mông", "H’Mông"), ("  Đỗ Văn An ", "đỗ văn an"), ("Quý", "Qúy"),
    ])
    func sameName(a: String, b: String) {
        #expect(VietText.sameName(a, b))
        #expect(VietText.sameName(decomposed(a), b))
        #expect(VietText.sameName(a, decomposed(b)))
    }

    @Test(arguments: [("Hòa", "Hoa"), ("Hòa", "Hỏa"), ("Đỗ", "Do"), ("Nguyễn Văn", "Nguyễn Vân"), ("An", "Ân")])
    func differentNames(a: String, b: String) {
        #expect(!VietText.sameName(a, b))
    }

    @Test func everyCommuneMatchesItselfInBothStyles() {
        for name in tuyenQuangCommunes {
            let traditional = VietText.normalizeTonePlacement(name, style: .traditional)
            let modern = VietText.normalizeTonePlacement(name, style: .modern)
            #expect(VietText.sameName(traditional, modern), "\(name)")
            #expect(VietText.sameName(decomposed(name), name))
            #expect(VietText.fold(traditional) == VietText.fold(modern))
            #expect(VietText.displayWidth(decomposed(name)) == VietText.displayWidth(name))
            #expect(VietText.length(decomposed(name)) == name.count)
        }
    }
}
