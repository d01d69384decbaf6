// The 124 communes and wards of Tuyên Quang province after the 2025 merger, copied from
// shared/data/tuyen-quang-communes-2025.json (NFC as published; the source spells some
// names in the modern style, "Xã Thuận Hoà", and others in the traditional one, "Xã Thanh Thủy").

let tuyenQuangCommunes: [String] = [
    "Phường Hà Giang 2", "Phường Hà Giang 1", "Xã Ngọc Đường", "Xã Phú Linh", "Xã Lũng Cú",
    "Xã Đồng Văn", "Xã Sà Phìn", "Xã Phố Bảng", "Xã Lũng Phìn", "Xã Mèo Vạc", "Xã Sơn Vĩ",
    "Xã Sủng Máng", "Xã Khâu Vai", "Xã Tát Ngà", "Xã Niêm Sơn", "Xã Yên Minh", "Xã Thắng Mố",
    "Xã Bạch Đích", "Xã Mậu Duệ", "Xã Ngọc Long", "Xã Đường Thượng", "Xã Du Già", "Xã Quản Bạ",
    "Xã Cán Tỷ", "Xã Nghĩa Thuận", "Xã Tùng Vài", "Xã Lùng Tám", "Xã Vị Xuyên", "Xã Minh Tân",
    "Xã Thuận Hoà", "Xã Tùng Bá", "Xã Thanh Thủy", "Xã Lao Chải", "Xã Cao Bồ", "Xã Thượng Sơn",
    "Xã Việt Lâm", "Xã Linh Hồ", "Xã Bạch Ngọc", "Xã Minh Sơn", "Xã Giáp Trung", "Xã Bắc Mê",
    "Xã Minh Ngọc", "Xã Yên Cường", "Xã Đường Hồng", "Xã Hoàng Su Phì", "Xã Bản Máy",
    "Xã Thàng Tín", "Xã Tân Tiến", "Xã Pờ Ly Ngài", "Xã Nậm Dịch", "Xã Hồ Thầu", "Xã Thông Nguyên",
    "Xã Pà Vầy Sủ", "Xã Xín Mần", "Xã Trung Thịnh", "Xã Nấm Dẩn", "Xã Quảng Nguyên",
    "Xã Khuôn Lùng", "Xã Bắc Quang", "Xã Vĩnh Tuy", "Xã Đồng Tâm", "Xã Tân Quang", "Xã Bằng Hành",
    "Xã Liên Hiệp", "Xã Hùng An", "Xã Đồng Yên", "Xã Tiên Nguyên", "Xã Yên Thành", "Xã Quang Bình",
    "Xã Tân Trịnh", "Xã Bằng Lang", "Xã Xuân Giang", "Xã Tiên Yên", "Phường Nông Tiến",
    "Phường Minh Xuân", "Xã Nà Hang", "Xã Thượng Nông", "Xã Côn Lôn", "Xã Yên Hoa", "Xã Hồng Thái",
    "Xã Lâm Bình", "Xã Thượng Lâm", "Xã Chiêm Hoá", "Xã Bình An", "Xã Minh Quang", "Xã Trung Hà",
    "Xã Tân Mỹ", "Xã Yên Lập", "Xã Tân An", "Xã Kiên Đài", "Xã Kim Bình", "Xã Hoà An", "Xã Tri Phú",
    "Xã Yên Nguyên", "Xã Hàm Yên", "Xã Bạch Xa", "Xã Phù Lưu", "Xã Yên Phú", "Xã Bình Xa",
    "Xã Thái Sơn", "Xã Thái Hoà", "Xã Hùng Đức", "Xã Lực Hành", "Xã Kiến Thiết", "Xã Xuân Vân",
    "Xã Hùng Lợi", "Xã Trung Sơn", "Xã Tân Long", "Xã Yên Sơn", "Xã Thái Bình", "Phường Mỹ Lâm",
    "Phường An Tường", "Phường Bình Thuận", "Xã Nhữ Khê", "Xã Sơn Dương", "Xã Tân Trào",
    "Xã Bình Ca", "Xã Minh Thanh", "Xã Đông Thọ", "Xã Tân Thanh", "Xã Hồng Sơn", "Xã Phú Lương",
    "Xã Sơn Thuỷ", "Xã Trường Sinh",
]
