"""Lists written here by hand (no source file in shared/data): nationalities,
relationships, genders and marital statuses.

Country names in Vietnamese follow the transliterations used on Vietnamese
civil-status papers and by the Ministry of Foreign Affairs (Ô-xtrây-li-a,
Ca-na-đa ...); the everyday names people type (Úc, Mỹ, Singapore ...) go in
`aliases` so that a folded search finds them either way.
"""

# (ISO 3166-1 alpha-2, Vietnamese, English, aliases). Việt Nam first, then
# neighbours, ASEAN, the rest of Asia, Europe, the Americas, Oceania, Africa.
NATIONALITIES = [
    ("vn", "Việt Nam", "Viet Nam", "Vietnam"),
    ("cn", "Trung Quốc", "China", ""),
    ("la", "Lào", "Laos", "Lao"),
    ("kh", "Campuchia", "Cambodia", "Cam-pu-chia"),
    ("th", "Thái Lan", "Thailand", ""),
    ("mm", "Mi-an-ma", "Myanmar", "Myanmar; Miến Điện"),
    ("my", "Ma-lai-xi-a", "Malaysia", "Malaysia; Mã Lai"),
    ("sg", "Xinh-ga-po", "Singapore", "Singapore; Xin-ga-po"),
    ("id", "In-đô-nê-xi-a", "Indonesia", "Indonesia"),
    ("ph", "Phi-líp-pin", "Philippines", "Philippines"),
    ("bn", "Bru-nây", "Brunei", "Brunei"),
    ("tl", "Đông Ti-mo", "Timor-Leste", "Timor-Leste; Đông Timor"),
    ("kr", "Hàn Quốc", "South Korea", "Đại Hàn; Korea"),
    ("jp", "Nhật Bản", "Japan", "Nhật"),
    ("tw", "Đài Loan (Trung Quốc)", "Taiwan (China)", "Đài Loan; Taiwan"),
    ("hk", "Hồng Công (Trung Quốc)", "Hong Kong (China)", "Hồng Kông; Hong Kong"),
    ("mo", "Ma Cao (Trung Quốc)", "Macao (China)", "Macau; Macao"),
    ("kp", "Triều Tiên", "North Korea", "Bắc Triều Tiên"),
    ("mn", "Mông Cổ", "Mongolia", ""),
    ("in", "Ấn Độ", "India", ""),
    ("bd", "Băng-la-đét", "Bangladesh", "Bangladesh"),
    ("pk", "Pa-ki-xtan", "Pakistan", "Pakistan"),
    ("lk", "Xri Lan-ca", "Sri Lanka", "Sri Lanka"),
    ("np", "Nê-pan", "Nepal", "Nepal"),
    ("kz", "Ca-dắc-xtan", "Kazakhstan", "Kazakhstan"),
    ("tr", "Thổ Nhĩ Kỳ", "Türkiye", "Turkey"),
    ("il", "I-xra-en", "Israel", "Israel"),
    ("ir", "I-ran", "Iran", "Iran"),
    ("sa", "Ả-rập Xê-út", "Saudi Arabia", "Saudi Arabia"),
    ("ae", "Các Tiểu vương quốc Ả-rập Thống nhất", "United Arab Emirates", "UAE"),
    ("qa", "Ca-ta", "Qatar", "Qatar"),
    ("kw", "Cô-oét", "Kuwait", "Kuwait"),
    ("ru", "Liên bang Nga", "Russia", "Nga"),
    ("ua", "U-crai-na", "Ukraine", "Ukraine"),
    ("by", "Bê-la-rút", "Belarus", "Belarus"),
    ("gb", "Vương quốc Anh", "United Kingdom", "Anh; UK"),
    ("fr", "Pháp", "France", ""),
    ("de", "Đức", "Germany", "CHLB Đức"),
    ("it", "I-ta-li-a", "Italy", "Ý; Italia"),
    ("es", "Tây Ban Nha", "Spain", ""),
    ("pt", "Bồ Đào Nha", "Portugal", ""),
    ("nl", "Hà Lan", "Netherlands", ""),
    ("be", "Bỉ", "Belgium", ""),
    ("ch", "Thụy Sĩ", "Switzerland", ""),
    ("at", "Áo", "Austria", ""),
    ("ie", "Ai-len", "Ireland", "Ireland"),
    ("se", "Thụy Điển", "Sweden", ""),
    ("no", "Na Uy", "Norway", ""),
    ("dk", "Đan Mạch", "Denmark", ""),
    ("fi", "Phần Lan", "Finland", ""),
    ("pl", "Ba Lan", "Poland", ""),
    ("cz", "Séc", "Czechia", "Cộng hòa Séc; Czech Republic"),
    ("sk", "Xlô-va-ki-a", "Slovakia", "Slovakia"),
    ("hu", "Hung-ga-ri", "Hungary", "Hungary"),
    ("ro", "Ru-ma-ni", "Romania", "Romania"),
    ("bg", "Bun-ga-ri", "Bulgaria", "Bulgaria"),
    ("gr", "Hy Lạp", "Greece", ""),
    ("us", "Hoa Kỳ", "United States", "Mỹ; USA"),
    ("ca", "Ca-na-đa", "Canada", "Canada"),
    ("mx", "Mê-hi-cô", "Mexico", "Mexico"),
    ("cu", "Cu-ba", "Cuba", ""),
    ("br", "Bra-xin", "Brazil", "Brazil"),
    ("ar", "Ác-hen-ti-na", "Argentina", "Argentina"),
    ("cl", "Chi-lê", "Chile", "Chile"),
    ("co", "Cô-lôm-bi-a", "Colombia", "Colombia"),
    ("au", "Ô-xtrây-li-a", "Australia", "Úc; Australia"),
    ("nz", "Niu Di-lân", "New Zealand", "New Zealand"),
    ("za", "Nam Phi", "South Africa", ""),
    ("eg", "Ai Cập", "Egypt", ""),
    ("ng", "Ni-giê-ri-a", "Nigeria", "Nigeria"),
    ("dz", "An-giê-ri", "Algeria", "Algeria"),
    ("ma", "Ma-rốc", "Morocco", "Morocco"),
    ("ao", "Ăng-gô-la", "Angola", "Angola"),
    ("mz", "Mô-dăm-bích", "Mozambique", "Mozambique"),
    # "XX" is in ISO 3166-1's user-assigned range; used here, as in ICAO
    # travel documents (XXA), for a person without any nationality.
    ("xx", "Không quốc tịch", "Stateless", "không có quốc tịch"),
]

# (value, vi, en, kind). kind: self, family (cha mẹ, vợ chồng, con, anh chị
# em), relative (họ hàng), legal (giám hộ, ủy quyền), other.
RELATIONSHIPS = [
    ("ban-than", "Bản thân", "Self", "self"),
    ("cha", "Cha", "Father", "family"),
    ("me", "Mẹ", "Mother", "family"),
    ("vo", "Vợ", "Wife", "family"),
    ("chong", "Chồng", "Husband", "family"),
    ("con", "Con", "Child", "family"),
    ("anh", "Anh", "Elder brother", "family"),
    ("chi", "Chị", "Elder sister", "family"),
    ("em", "Em", "Younger sibling", "family"),
    ("cha-nuoi", "Cha nuôi", "Adoptive father", "family"),
    ("me-nuoi", "Mẹ nuôi", "Adoptive mother", "family"),
    ("con-nuoi", "Con nuôi", "Adopted child", "family"),
    ("cha-duong", "Cha dượng", "Stepfather", "family"),
    ("me-ke", "Mẹ kế", "Stepmother", "family"),
    ("con-rieng", "Con riêng của vợ hoặc chồng", "Stepchild", "family"),
    ("ong-noi", "Ông nội", "Paternal grandfather", "relative"),
    ("ba-noi", "Bà nội", "Paternal grandmother", "relative"),
    ("ong-ngoai", "Ông ngoại", "Maternal grandfather", "relative"),
    ("ba-ngoai", "Bà ngoại", "Maternal grandmother", "relative"),
    ("chau", "Cháu", "Grandchild, niece or nephew", "relative"),
    ("bac", "Bác", "Uncle or aunt (older than the parent)", "relative"),
    ("chu", "Chú", "Paternal uncle (younger than the father)", "relative"),
    ("co", "Cô", "Paternal aunt", "relative"),
    ("cau", "Cậu", "Maternal uncle", "relative"),
    ("di", "Dì", "Maternal aunt", "relative"),
    ("cha-chong", "Cha chồng", "Father-in-law (husband's father)", "relative"),
    ("me-chong", "Mẹ chồng", "Mother-in-law (husband's mother)", "relative"),
    ("cha-vo", "Cha vợ", "Father-in-law (wife's father)", "relative"),
    ("me-vo", "Mẹ vợ", "Mother-in-law (wife's mother)", "relative"),
    ("con-dau", "Con dâu", "Daughter-in-law", "relative"),
    ("con-re", "Con rể", "Son-in-law", "relative"),
    ("ho-hang-khac", "Họ hàng khác", "Other relative", "relative"),
    ("nguoi-giam-ho", "Người giám hộ", "Guardian", "legal"),
    ("nguoi-duoc-giam-ho", "Người được giám hộ", "Ward (person under guardianship)", "legal"),
    ("nguoi-duoc-uy-quyen", "Người được ủy quyền", "Authorised representative", "legal"),
    ("khac", "Khác", "Other", "other"),
]

GENDERS = [
    ("nam", "Nam", "Male"),
    ("nu", "Nữ", "Female"),
]

# Tình trạng hôn nhân as the civil-status forms ask it.
MARITAL_STATUSES = [
    ("chua-ket-hon", "Chưa kết hôn", "Never married"),
    ("dang-co-vo-chong", "Đang có vợ/chồng", "Married"),
    ("ly-hon", "Đã ly hôn", "Divorced"),
    ("vo-chong-da-chet", "Vợ/chồng đã chết", "Widowed"),
]


# Everyday names of provinces that are not in their official names, by statistics
# code, `"; "`-joined like the other alias lists: the search finds the province by them.
PROVINCE_ALIASES = {
    "01": "HN",
    "79": "Sài Gòn; TP HCM; TPHCM",
}
