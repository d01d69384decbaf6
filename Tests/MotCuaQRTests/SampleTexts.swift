import Foundation

/// Realistic payloads for the round-trip tests: Vietnamese names and
/// addresses (NFC and NFD), receipt URLs and VietQR strings.
enum SampleTexts {
    static let vietnamese: [String] = [
        "Nguyễn Thị Minh Khai",
        "Trần Hưng Đạo, phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
        "Đơn đề nghị cấp bản sao trích lục khai sinh",
        "Giấy chứng nhận quyền sử dụng đất",
        "Lê Văn Thịnh — xã Đông Hưng, huyện Tiên Lãng, Hải Phòng",
        "Hồ sơ đăng ký hộ kinh doanh: Phở Bò Ông Tư",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Phạm Ngọc Ánh; Vũ Đức Thắng; Đặng Thùy Dương",
        "Số 12 ngõ 34 phố Hàng Bạc, Hoàn Kiếm, Hà Nội",
        "Bộ phận tiếp nhận và trả kết quả — Một cửa",
        "Thủ tục: Đăng ký kết hôn có yếu tố nước ngoài",
        "Người nộp: Huỳnh Thị Ngọc Hân, CCCD 079190001234",
        "Ngày hẹn trả: 15/07/2025 lúc 14:30",
        "Lệ phí: 200.000 đ (hai trăm nghìn đồng)",
        "Quét để tra cứu hồ sơ",
        "Quét để nộp lệ phí 200.000 đ",
        "Ông Bà Chú Bác Cô Dì Chú Thím Cậu Mợ",
        "Tiếng Việt có dấu: ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ",
        "Thanh điệu: à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ",
        "Khánh Hòa, Thừa Thiên Huế, Bà Rịa – Vũng Tàu",
    ]

    /// The same texts decomposed (NFD): other bytes, which must survive as sent.
    static var vietnameseNFD: [String] {
        vietnamese.map { $0.decomposedStringWithCanonicalMapping }
    }

    static let urls: [String] = [
        "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=HS-2025-000123",
        "https://motcua.quangngai.gov.vn/tra-cuu?code=QNG%2F2025%2F07%2F00042&lang=vi",
        "HTTPS://TRACUU.EXAMPLE.VN/HS/000123456789",
        "https://example.gov.vn/a/very/long/path/that/keeps/going/and/going/with/segments/" +
            String(repeating: "0123456789", count: 12) + "?q=" + String(repeating: "abcXYZ-", count: 20),
    ]

    static let vietQR: [String] = [
        "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13",
        "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203",
        "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C",
        "00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA5303704540719430005802VN62120808TT0000696304A8E5",
        "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F",
    ]
}
