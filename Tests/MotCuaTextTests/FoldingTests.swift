// Search folding: the table of the issue ("dang ky khai sinh" finds "Đăng ký khai sinh"),
// NFC and NFD giving the same key, and every Vietnamese vowel folding to its base letter.
import Testing
@testable import MotCuaText

@Suite struct FoldingTests {
    @Test(arguments: [
        ("Đăng ký khai sinh", "dang ky khai sinh"), ("  ĐĂNG   KÝ\tKHAI\nSINH ", "dang ky khai sinh"),
        ("Lý lịch tư pháp", "ly lich tu phap"), ("Nguyễn Văn Đức", "nguyen van duc"),
        ("Phường Hà Giang 2", "phuong ha giang 2"), ("Xã Thuận Hoà", "xa thuan hoa"),
        ("Xã Thanh Thủy", "xa thanh thuy"), ("khuỷu tay", "khuyu tay"), ("người", "nguoi"),
        ("1.001193", "1.001193"), ("ABC def", "abc def"), ("", ""), ("   ", ""),
        ("Đ", "d"), ("đường", "duong"), ("Zoë Ærø", "zoe ærø"), ("ÀÁÂÃ", "aaaa"), ("Иван Йода", "иван иода"),
        ("中文 Tên", "中文 ten"), ("H’Mông", "h’mong"), ("İ", "i"), ("\u{00A0}x\u{3000}y", "x y"),
    ])
    func fold(input: String, expected: String) {
        #expect(VietText.fold(input) == expected)
        #expect(VietText.fold(decomposed(input)) == expected)
    }

    @Test func everyVietnameseVowelFoldsToItsBase() {
        let groups: [(Character, String)] = [
            ("a", "aàáảãạăằắẳẵặâầấẩẫậ"), ("e", "eèéẻẽẹêềếểễệ"), ("i", "iìíỉĩị"),
            ("o", "oòóỏõọôồốổỗộơờớởỡợ"), ("u", "uùúủũụưừứửữự"), ("y", "yỳýỷỹỵ"), ("d", "dđ"),
        ]
        for (base, variants) in groups {
            for v in variants + VietText.upper(variants) {
                #expect(VietText.fold(String(v)) == String(base), "\(v)")
                #expect(VietText.fold(decomposed(String(v))) == String(base), "\(v) NFD")
            }
        }
    }

    @Test func foldIsIdempotent() {
        for s in ["Đăng ký khai sinh", "Ảnh  Hưởng", "中文"] {
            #expect(VietText.fold(VietText.fold(s)) == VietText.fold(s))
        }
    }
}

@Suite struct FoldedTextTests {
    @Test(arguments: [
        ("Đăng ký khai sinh", "dang ky khai sinh", true), ("Đăng ký khai sinh", "Đăng ký", true),
        ("Đăng ký khai sinh", "dang ky k", true), ("Đăng ký khai sinh", "khai dang", false),
        ("Cấp phiếu lý lịch tư pháp", "lý lịch", true), ("Thủ tục 1.001193", "1.001193", true),
        ("Xã Thuận Hoà", "thuan hòa", true), ("Xã Thuận Hoà", "", true), ("Hà Nội", "hà nộii", false),
    ])
    func contains(text: String, query: String, expected: Bool) {
        #expect(FoldedText(text).contains(FoldedText(query)) == expected)
        #expect(FoldedText(decomposed(text)).contains(FoldedText(decomposed(query))) == expected)
    }

    @Test func allWordsAndWordPrefixes() {
        let name = FoldedText("Xã Thuận Hoà")
        #expect(name.containsAllWords(of: FoldedText("hoa thuan")))
        #expect(name.containsAllWords(of: FoldedText("  HOÀ   xa ")))
        #expect(!name.containsAllWords(of: FoldedText("hoa binh")))
        #expect(name.containsAllWords(of: FoldedText("")))
        #expect(name.matchesWordPrefixes(of: FoldedText("th ho")))
        #expect(!name.matchesWordPrefixes(of: FoldedText("uan")))
        #expect(name.containsAllWords(of: FoldedText("uan")))
        #expect(name == FoldedText("xa thuan hoa"))
        #expect(FoldedText("  ").isEmpty)
    }

    @Test func communeSearchFindsEveryCommuneByItsFoldedName() {
        let keys = tuyenQuangCommunes.map(FoldedText.init)
        for name in tuyenQuangCommunes {
            let query = FoldedText(VietText.fold(name))
            #expect(keys.contains { $0.contains(query) }, "\(name)")
        }
        #expect(keys.filter { $0.containsAllWords(of: FoldedText("yen")) }.count > 5)
    }
}
