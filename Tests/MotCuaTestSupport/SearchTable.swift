// The option search's table: what a person types and the row that must come first, in
// every list the desk searches. The same table runs against the index (MotCuaFormsTests),
// through the kiosk's chooser (MotCuaKioskTests) and through plain mode over pipes
// (MotCuaCLITests), so both front ends find the same thing.

/// One line of the table.
public struct SearchCase: Sendable, CustomStringConvertible {
    /// `provinces`, `communes`, `ethnic-groups`, `nationalities` (lists in Forms/lists) or
    /// `catalog` (the procedures in Forms/).
    public let list: String
    public let query: String
    /// The first row's Vietnamese label (a form id for the catalog).
    public let first: String
    /// Text the reason shown next to it holds ("Hà Giang" for "trước đây: Hà Giang"), if any.
    public let reason: String?

    public init(_ list: String, _ query: String, _ first: String, reason: String? = nil) {
        self.list = list; self.query = query; self.first = first; self.reason = reason
    }

    public var description: String { "\(list): \"\(query)\" → \(first)" }
}

public enum SearchTable {
    public static let cases: [SearchCase] = [
        // Ethnic groups: labels, other names, i = y, typos.
        SearchCase("ethnic-groups", "meo", "Mông", reason: "Mèo"),
        SearchCase("ethnic-groups", "mèo", "Mông", reason: "Mèo"),
        SearchCase("ethnic-groups", "hmong", "Mông", reason: "Hmông"),
        SearchCase("ethnic-groups", "h'mông", "Mông", reason: "H'Mông"),
        SearchCase("ethnic-groups", "mong", "Mông"),
        SearchCase("ethnic-groups", "kinh", "Kinh"),
        SearchCase("ethnic-groups", "viet", "Kinh", reason: "Việt"),
        SearchCase("ethnic-groups", "tay", "Tày"),
        SearchCase("ethnic-groups", "thai", "Thái"),
        SearchCase("ethnic-groups", "muong", "Mường"),
        SearchCase("ethnic-groups", "mương", "Mường"),
        SearchCase("ethnic-groups", "khome", "Khmer", reason: "Khơ"),
        SearchCase("ethnic-groups", "cham", "Chăm"),
        SearchCase("ethnic-groups", "jrai", "Gia Rai", reason: "Jrai"),
        SearchCase("ethnic-groups", "giarai", "Gia Rai"),
        SearchCase("ethnic-groups", "van kieu", "Bru - Vân Kiều"),
        SearchCase("ethnic-groups", "bo i", "Bố Y"),
        SearchCase("ethnic-groups", "xtieng", "Xtiêng"),
        SearchCase("ethnic-groups", "stieng", "Xtiêng", reason: "Stiêng"),
        SearchCase("ethnic-groups", "muongg", "Mường"),
        // Provinces: type words skipped, merged provinces found by their old names.
        SearchCase("provinces", "sai gon", "Thành phố Hồ Chí Minh", reason: "Sài Gòn"),
        SearchCase("provinces", "saigon", "Thành phố Hồ Chí Minh", reason: "Sài Gòn"),
        SearchCase("provinces", "hcm", "Thành phố Hồ Chí Minh"),
        SearchCase("provinces", "tphcm", "Thành phố Hồ Chí Minh"),
        SearchCase("provinces", "ho chi minh", "Thành phố Hồ Chí Minh"),
        SearchCase("provinces", "ha giang", "Tỉnh Tuyên Quang", reason: "Hà Giang"),
        SearchCase("provinces", "hà giang", "Tỉnh Tuyên Quang", reason: "Hà Giang"),
        SearchCase("provinces", "thanh", "Tỉnh Thanh Hóa"),
        SearchCase("provinces", "thanh hoa", "Tỉnh Thanh Hóa"),
        SearchCase("provinces", "thanh hoá", "Tỉnh Thanh Hóa"),
        SearchCase("provinces", "ha noi", "Thành phố Hà Nội"),
        SearchCase("provinces", "hanoi", "Thành phố Hà Nội"),
        SearchCase("provinces", "hn", "Thành phố Hà Nội"),
        SearchCase("provinces", "yen bai", "Tỉnh Lào Cai", reason: "Yên Bái"),
        SearchCase("provinces", "ien bai", "Tỉnh Lào Cai", reason: "Yên Bái"),
        SearchCase("provinces", "bac kan", "Tỉnh Thái Nguyên", reason: "Bắc Kạn"),
        SearchCase("provinces", "vung tau", "Thành phố Hồ Chí Minh", reason: "Vũng Tàu"),
        SearchCase("provinces", "quang binh", "Tỉnh Quảng Trị", reason: "Quảng Bình"),
        SearchCase("provinces", "tuyen", "Tỉnh Tuyên Quang"),
        SearchCase("provinces", "quảng", "Tỉnh Quảng Ninh"),
        SearchCase("provinces", "hue", "Thành phố Huế"),
        SearchCase("provinces", "da nang", "Thành phố Đà Nẵng"),
        SearchCase("provinces", "đà", "Thành phố Đà Nẵng"),
        SearchCase("provinces", "dak lak", "Tỉnh Đắk Lắk"),
        SearchCase("provinces", "daklak", "Tỉnh Đắk Lắk"),
        SearchCase("provinces", "nghe an", "Tỉnh Nghệ An"),
        SearchCase("provinces", "nghean", "Tỉnh Nghệ An"),
        SearchCase("provinces", "tuyen quagn", "Tỉnh Tuyên Quang"),
        SearchCase("provinces", "can tho", "Thành phố Cần Thơ"),
        SearchCase("provinces", "hau giang", "Thành phố Cần Thơ", reason: "Hậu Giang"),
        // Communes: missing spaces, whole words before word starts before insides.
        SearchCase("communes", "nahang", "Xã Nà Hang"),
        SearchCase("communes", "na hang", "Xã Nà Hang"),
        SearchCase("communes", "nà hang", "Xã Nà Hang"),
        SearchCase("communes", "hung duc", "Xã Hùng Đức"),
        SearchCase("communes", "Hùng Đức", "Xã Hùng Đức"),
        SearchCase("communes", "xa hung duc", "Xã Hùng Đức"),
        SearchCase("communes", "hungduc", "Xã Hùng Đức"),
        SearchCase("communes", "thu dau mot", "Phường Thủ Dầu Một"),
        SearchCase("communes", "thu dau mô", "Phường Thủ Dầu Một"),
        SearchCase("communes", "lao chai", "Xã Lao Chải"),
        SearchCase("communes", "cho lach", "Xã Chợ Lách"),
        SearchCase("communes", "cho lahc", "Xã Chợ Lách"),
        SearchCase("communes", "giai lac", "Xã Giai Lạc"),
        SearchCase("communes", "son cam ha", "Xã Sơn Cẩm Hà"),
        SearchCase("communes", "dong khanh son", "Xã Đông Khánh Sơn"),
        // Nationalities: everyday names and the English label.
        SearchCase("nationalities", "uc", "Ô-xtrây-li-a", reason: "Úc"),
        SearchCase("nationalities", "úc", "Ô-xtrây-li-a", reason: "Úc"),
        SearchCase("nationalities", "australia", "Ô-xtrây-li-a"),
        SearchCase("nationalities", "duc", "Đức"),
        SearchCase("nationalities", "my", "Hoa Kỳ", reason: "Mỹ"),
        SearchCase("nationalities", "mi", "Hoa Kỳ", reason: "Mỹ"),
        SearchCase("nationalities", "hoa ki", "Hoa Kỳ"),
        SearchCase("nationalities", "viet nam", "Việt Nam"),
        SearchCase("nationalities", "vietnam", "Việt Nam"),
        SearchCase("nationalities", "han quoc", "Hàn Quốc"),
        SearchCase("nationalities", "korea", "Hàn Quốc", reason: "Korea"),
        SearchCase("nationalities", "campuchia", "Campuchia"),
        SearchCase("nationalities", "cam pu chia", "Campuchia", reason: "Cam-pu-chia"),
        SearchCase("nationalities", "nhat", "Nhật Bản"),
        SearchCase("nationalities", "nga", "Liên bang Nga", reason: "Nga"),
        SearchCase("nationalities", "singapore", "Xinh-ga-po", reason: "Singapore"),
        SearchCase("nationalities", "trung quoc", "Trung Quốc"),
        SearchCase("nationalities", "trung quocc", "Trung Quốc"),
        // The procedure catalog: titles, keywords, initials.
        SearchCase("catalog", "dang ki khai sinh", "khai-sinh"),
        SearchCase("catalog", "đăng ký khai sinh", "khai-sinh"),
        SearchCase("catalog", "giay khai sinh", "khai-sinh", reason: "giấy khai sinh"),
        SearchCase("catalog", "lam giay khai sinh", "khai-sinh", reason: "làm giấy khai sinh"),
        SearchCase("catalog", "ks", "khai-sinh", reason: "ks"),
        SearchCase("catalog", "khai sinh", "khai-sinh"),
        SearchCase("catalog", "khaisinh", "khai-sinh"),
        SearchCase("catalog", "dkks", "khai-sinh"),
        SearchCase("catalog", "lltp", "ly-lich-tu-phap"),
        SearchCase("catalog", "ly lich", "ly-lich-tu-phap"),
        SearchCase("catalog", "lí lịch tư pháp", "ly-lich-tu-phap"),
        SearchCase("catalog", "khai tu", "khai-tu"),
        SearchCase("catalog", "ket hon", "ket-hon"),
        SearchCase("catalog", "dang ky ket hon", "ket-hon"),
        SearchCase("catalog", "tam tru", "tam-tru"),
        SearchCase("catalog", "tam vang", "tam-vang"),
        SearchCase("catalog", "thuong tru", "thuong-tru"),
        SearchCase("catalog", "chung thuc chu ky", "chung-thuc-chu-ky"),
        SearchCase("catalog", "chung thuc ban sao", "chung-thuc-ban-sao"),
        SearchCase("catalog", "giam ho", "giam-ho"),
        SearchCase("catalog", "tinh trang hon nhan", "xac-nhan-tinh-trang-hon-nhan"),
        SearchCase("catalog", "doc than", "xac-nhan-tinh-trang-hon-nhan", reason: "độc thân"),
        SearchCase("catalog", "trich luc", "trich-luc-ho-tich"),
        SearchCase("catalog", "cai chinh", "thay-doi-cai-chinh-ho-tich"),
    ]
}
