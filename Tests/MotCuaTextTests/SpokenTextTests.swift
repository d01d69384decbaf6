import MotCuaText
import Testing

/// What a listener hears: the table is the specification of the spoken form.
@Suite struct SpokenTextTests {
    static let numbers: [(UInt64, String)] = [
        (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (7, "bảy"), (10, "mười"), (11, "mười một"),
        (14, "mười bốn"), (15, "mười lăm"), (19, "mười chín"), (20, "hai mươi"), (21, "hai mươi mốt"),
        (24, "hai mươi tư"), (25, "hai mươi lăm"), (31, "ba mươi mốt"), (44, "bốn mươi tư"), (55, "năm mươi lăm"),
        (99, "chín mươi chín"), (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"), (110, "một trăm mười"), (111, "một trăm mười một"), (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"), (999, "chín trăm chín mươi chín"), (1_000, "một nghìn"),
        (1_005, "một nghìn không trăm linh năm"), (1_010, "một nghìn không trăm mười"),
        (1_050, "một nghìn không trăm năm mươi"), (1_100, "một nghìn một trăm"), (2_025, "hai nghìn không trăm hai mươi lăm"),
        (10_000, "mười nghìn"), (15_000, "mười lăm nghìn"), (21_000, "hai mươi mốt nghìn"), (50_000, "năm mươi nghìn"),
        (100_000, "một trăm nghìn"), (1_000_000, "một triệu"), (1_005_000, "một triệu không trăm linh năm nghìn"),
        (1_000_050, "một triệu không trăm năm mươi"), (2_500_000, "hai triệu năm trăm nghìn"),
        (1_000_000_000, "một tỷ"), (3_000_000_004, "ba tỷ không trăm linh bốn"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ]

    @Test(arguments: numbers) func number(_ n: UInt64, _ words: String) {
        #expect(SpokenVietnamese.number(n) == words)
    }

    static let texts: [(String, String)] = [
        // Dates of each precision.
        ("15/07/2025", "ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi lăm"),
        ("01/04/2026", "ngày một tháng tư năm hai nghìn không trăm hai mươi sáu"),
        ("5/1/1990", "ngày năm tháng một năm một nghìn chín trăm chín mươi"),
        ("31/12/2000", "ngày ba mươi mốt tháng mười hai năm hai nghìn"),
        ("sinh ngày 15/07/2025", "sinh ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi lăm"),
        ("Ngày 1/5/2026", "Ngày một tháng năm năm hai nghìn không trăm hai mươi sáu"),
        ("từ tháng 07/2025", "từ tháng bảy năm hai nghìn không trăm hai mươi lăm"),
        ("07/2025", "tháng bảy năm hai nghìn không trăm hai mươi lăm"),
        ("năm 2026", "năm hai nghìn không trăm hai mươi sáu"),
        ("Sinh năm 1955.", "Sinh năm một nghìn chín trăm năm mươi lăm."),
        ("ví dụ 05/03/2024", "ví dụ ngày năm tháng ba năm hai nghìn không trăm hai mươi tư"),
        // Identifiers and phone numbers, digit by digit in groups.
        ("001088012345", "không không một, không tám tám, không một hai, ba bốn năm"),
        ("Số CCCD 008190012345", "Số căn cước công dân không không tám, một chín không, không một hai, ba bốn năm"),
        ("0912345678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("0912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("0912.345.678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("+84 912 345 678", "cộng tám tư, chín một hai, ba bốn năm, sáu bảy tám"),
        ("+84912345678", "cộng tám tư, chín một hai, ba bốn năm, sáu bảy tám"),
        ("02838123456", "không hai tám ba, tám một hai, ba bốn năm sáu"),
        ("123456789", "một hai ba, bốn năm sáu, bảy tám chín"),
        ("mã 02545", "mã không hai năm bốn năm"),
        // Money, with and without the dot separators.
        ("50.000 đ", "năm mươi nghìn đồng"),
        ("50000 đ", "năm mươi nghìn đồng"),
        ("8.000đ", "tám nghìn đồng"),
        ("1.500.000 đồng", "một triệu năm trăm nghìn đồng"),
        ("Lệ phí: 15.000 VNĐ", "Lệ phí, mười lăm nghìn đồng"),
        ("200.000 VND", "hai trăm nghìn đồng"),
        ("Miễn phí (0 đ)", "Miễn phí, không đồng,"),
        // Numbers in sentences, decimals, percentages.
        ("3 bản", "ba bản"),
        ("15 ngày làm việc", "mười lăm ngày làm việc"),
        ("21 tuổi", "hai mươi mốt tuổi"),
        ("105 người", "một trăm linh năm người"),
        ("25,5 m²", "hai mươi lăm phẩy năm mét vuông"),
        ("3,14", "ba phẩy mười bốn"),
        ("0,05", "không phẩy không năm"),
        ("Diện tích 120 m2", "Diện tích một trăm hai mươi mét vuông"),
        ("50%", "năm mươi phần trăm"),
        ("từ 16 tuổi", "từ mười sáu tuổi"),
        ("Bước 3/17", "Bước ba, mười bảy"),
        // Abbreviations.
        ("UBND xã", "ủy ban nhân dân xã"),
        ("HĐND tỉnh", "hội đồng nhân dân tỉnh"),
        ("TP. Hồ Chí Minh", "thành phố Hồ Chí Minh"),
        ("TP Huế", "thành phố Huế"),
        ("Thẻ BHYT", "Thẻ bảo hiểm y tế"),
        ("giấy tờ, v.v.", "giấy tờ, vân vân"),
        ("CMND cũ", "chứng minh nhân dân cũ"),
        ("Nhập SĐT", "Nhập số điện thoại"),
        ("Quét mã QR", "Quét mã kiu a"),
        // Punctuation as pauses; marks that are not read.
        ("Họ, chữ đệm, tên", "Họ, chữ đệm, tên"),
        ("xã/phường", "xã, phường"),
        ("Nơi sinh (xã, tỉnh)", "Nơi sinh, xã, tỉnh,"),
        ("Chú ý: bắt buộc", "Chú ý, bắt buộc"),
        ("Cha – mẹ", "Cha, mẹ"),
        ("\"Hòa\"", "Hòa"),
        ("• Một dòng", "Một dòng"),
        ("Xong!!", "Xong."),
        ("Thật sao?", "Thật sao."),
        ("Đợi…", "Đợi."),
        ("dòng một\ndòng hai", "dòng một. dòng hai"),
        ("a  ,  b", "a, b"),
        ("*bắt buộc*", "bắt buộc"),
        // Tone placement and NFD do not change what is heard.
        ("Hoà", "Hòa"),
        ("Thuỷ", "Thủy"),
        ("Ho\u{0300}a", "Hòa"),
        ("Nguye\u{0302}\u{0303}n", "Nguyễn"),
        ("Nguyễn Thị Hoà, sinh 05/03/2024", "Nguyễn Thị Hòa, sinh ngày năm tháng ba năm hai nghìn không trăm hai mươi tư"),
        // Numbers beyond the groups, odd runs.
        ("12-34", "mười hai, ba mươi tư"),
        ("1.2.3", "một, hai, ba"),
        ("99999999999999999999999", "chín chín chín, chín chín chín, chín chín chín, chín chín chín, chín chín chín, chín chín chín, chín chín chín, chín chín"),
        ("", ""),
        ("MC01-261206-0007", "MC01, hai trăm sáu mươi mốt nghìn hai trăm linh sáu, không không không bảy"),
    ]

    @Test(arguments: texts) func text(_ written: String, _ spoken: String) {
        #expect(SpokenVietnamese.text(written) == spoken)
    }

    @Test func optionListsAreReadWithTheirNumbers() {
        #expect(SpokenVietnamese.options(["Nam", "Nữ"]) == "Một: Nam. Hai: Nữ.")
        #expect(SpokenVietnamese.options(["Bản thân", "Cha, mẹ", "Người được ủy quyền", "Khác"])
            == "Một: Bản thân. Hai: Cha, mẹ. Ba: Người được ủy quyền. Bốn: Khác.")
        #expect(SpokenVietnamese.options([]) == "")
    }

    @Test func datesOfEachPrecision() {
        #expect(SpokenVietnamese.date(day: 15, month: 7, year: 2025) == "ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi lăm")
        #expect(SpokenVietnamese.date(month: 4, year: 2026) == "tháng tư năm hai nghìn không trăm hai mươi sáu")
        #expect(SpokenVietnamese.date(year: 1990) == "năm một nghìn chín trăm chín mươi")
    }

    @Test func theTableIsLargeEnough() {
        #expect(Self.numbers.count + Self.texts.count >= 80)
    }
}
