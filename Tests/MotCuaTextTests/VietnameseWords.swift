// Words for the Telex and VNI tables: every vowel cluster, every final, every tone, the qu
// and gi initials, common surnames and given names, and the words of the forms MotCua ships.
// Words whose oa/oe/uy tone placement differs by style are listed separately.

let vietnameseWords: [String] = """
    a à á ả ã ạ ăn ắt ằng ẳng ẵng ặc âm ấm ầm ẩm ẫm ậm em èm ém ẻm ẽm ẹm êm ếch ềnh ểnh ễnh ệnh
    im ím ìm ỉm ĩm ịm ong óng òng ỏng õng ọng ông ống ồng ổng ỗng ộng ơn ớn ờn ởn ỡn ợn
    um úm ùm ủm ũm ụm ưng ứng ừng ửng ững ựng yêu yếu yểu yến yên
    tai tái tài tải tãi tại sao sáo sào sảo sạo sau sáu sàu sảu sạu tay táy tày tảy tãy tạy
    câu cấu cầu cẩu cẫu cậu cây cấy cầy cẩy cậy keo kéo kèo kẻo kẹo kêu kếu kều kểu kệu
    chia chía chìa chỉa chĩa chịa tiên tiến tiền tiển tiễn tiện chịu chíu chìu
    ngoan ngoắt ngoằn khoét khoen oi ói òi ỏi õi ọi tôi tối tồi tổi tỗi tội mơi mới mời mởi mỡi mợi
    mua múa mùa mủa mũa mụa tuân tuấn tuần tuẩn tuẫn tuận thuê thuế thuề thuể thuệ
    tui túi tùi tủi tũi tụi muôn muốn muồn muổn muỗn muộn thuở mưa mứa mừa mửa mữa mựa
    gửi ngửi người ngươi ngưới mươn mượn lươn lướn lườn lưỡn lượn hưu hứu hừu hửu hữu hựu
    ngoài ngoái ngoại ngoáy ngoạy ngoáo khuya khuỷu khuyến khuyên khuyết uyển uyên nguyễn nguyên
    tươi tưới tười tưởi tượi rượu rươu bướu hươu ươu buồi buổi buối cuối cuội nguội chuỗi
    ngoẹo ngoéo ngoèo khuây khuấy khuầy
    quý quỳ quỷ quỹ quỵ quả quá quà quạ quốc quyền quyết quyển quên quần quét quẹt quét quặng
    gì gìn già giá giả giã giạ giữa giờ giấy giếng giường giỏi giúp giản giải giao giàu giọng giêng
    đăng đăng ký đề nghị đồng ý đơn đại điện đời đất đâu đúng được đến đường đình đông đô
    khai sinh tử kết hôn lý lịch tư pháp thường trú cư trú xã phường tỉnh thành phố huyện quận
    họ tên ngày tháng năm nơi sinh giới tính dân tộc quốc tịch nghề nghiệp số điện thoại
    chứng minh căn cước công dân hộ chiếu địa chỉ bản sao lệ phí miễn giảm nhận kết quả
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh
    văn thị hồng hương lan mai cúc trúc anh tuấn dũng hùng mạnh cường thắng lợi phúc lộc thọ
    thủy hòa khỏe hoàng hoạt khoảng toàn luyện thuyết huệ tuyết xoăn loằng
    việt nam tiếng nói chữ viết học sinh giáo viên bệnh viện trường học ngân hàng
    mười một hai ba bốn năm sáu bảy tám chín trăm nghìn triệu tỷ
    bác bạc bát bạt cúp cụp hích hịch tốt tột ướt ượt ách ạch nhắc nhặc
    thương tương cương phương hướng nhưng những vững lừng sướng tưởng mướp
    """.split(whereSeparator: \.isWhitespace).map(String.init)

/// Words whose tone sits on the first vowel of a final oa, oe, uy (traditional) and their
/// modern spelling; the engine must produce each in its own style.
let placementPairs: [(traditional: String, modern: String)] = [
    ("hòa", "hoà"), ("hóa", "hoá"), ("họa", "hoạ"), ("hỏa", "hoả"), ("tòa", "toà"), ("xóa", "xoá"),
    ("lõa", "loã"), ("khỏe", "khoẻ"), ("khóe", "khoé"), ("lòe", "loè"), ("thủy", "thuỷ"),
    ("thúy", "thuý"), ("lũy", "luỹ"), ("tùy", "tuỳ"), ("hủy", "huỷ"), ("nhụy", "nhuỵ"), ("xòe", "xoè"),
    ("quỳ", "quỳ"), ("mùa", "mùa"), ("mía", "mía"),
]
