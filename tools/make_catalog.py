#!/usr/bin/env python3
"""Generate a synthetic catalog of procedure forms for the search benchmark.

    python3 tools/make_catalog.py                      # 2,000 forms into Benchmarks/generated/
    python3 tools/make_catalog.py OUT_DIR              # another folder
    python3 tools/make_catalog.py OUT_DIR --count 500 --seed 7

A province's one-stop desk publishes about 2,000 procedures. This writes that
many valid `motcua-form/1` files with varied Vietnamese titles, summaries,
domains and national codes, plus a copy of Forms/lists/ in OUT_DIR/lists so the
folder loads like the real Forms/. The output is deterministic for a seed and is
not committed (Benchmarks/generated/ is git-ignored). Only files this script
names `tt-*.json` are replaced; nothing else in OUT_DIR is touched.
Python 3 standard library only.
"""
import argparse
import json
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (Vietnamese, English) pieces of procedure titles as they read on the national portal.
ACTIONS = [
    ("Cấp", "Issue"), ("Cấp lại", "Reissue"), ("Cấp đổi", "Replace"), ("Gia hạn", "Extend"),
    ("Điều chỉnh", "Amend"), ("Thu hồi", "Withdraw"), ("Đăng ký", "Register"), ("Đăng ký lại", "Re-register"),
    ("Xác nhận", "Certify"), ("Công nhận", "Recognise"), ("Thẩm định", "Appraise"), ("Phê duyệt", "Approve"),
    ("Chứng thực", "Authenticate"), ("Giải quyết", "Settle"), ("Thông báo", "Notify"), ("Chấm dứt", "Terminate"),
]
OBJECTS = [
    ("giấy phép xây dựng nhà ở riêng lẻ", "a building permit for a private house", "Xây dựng", "Construction"),
    ("giấy chứng nhận quyền sử dụng đất", "a land-use right certificate", "Đất đai", "Land"),
    ("giấy phép kinh doanh vận tải bằng xe ô tô", "a road transport business licence", "Giao thông vận tải", "Transport"),
    ("giấy chứng nhận đăng ký hộ kinh doanh", "a household business registration", "Thành lập và hoạt động của hộ kinh doanh", "Household business"),
    ("giấy phép bán lẻ sản phẩm rượu", "a liquor retail licence", "Lưu thông hàng hóa trong nước", "Domestic trade"),
    ("chứng chỉ hành nghề dược", "a pharmacy practice certificate", "Dược phẩm", "Pharmacy"),
    ("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "a food safety certificate", "An toàn thực phẩm", "Food safety"),
    ("giấy phép khai thác nước dưới đất", "a groundwater extraction permit", "Tài nguyên nước", "Water resources"),
    ("trợ cấp xã hội hằng tháng", "monthly social allowance", "Bảo trợ xã hội", "Social protection"),
    ("chế độ mai táng phí", "funeral allowance", "Người có công", "People with merit"),
    ("học bổng chính sách", "a policy scholarship", "Giáo dục và Đào tạo", "Education"),
    ("chuyển trường cho học sinh trung học cơ sở", "a school transfer for a lower-secondary pupil", "Giáo dục và Đào tạo", "Education"),
    ("giấy xác nhận tình trạng hôn nhân", "a marital status certificate", "Hộ tịch", "Civil status"),
    ("thay đổi, cải chính, bổ sung thông tin hộ tịch", "a change or correction of civil-status details", "Hộ tịch", "Civil status"),
    ("nhận cha, mẹ, con", "recognition of parentage", "Hộ tịch", "Civil status"),
    ("giám hộ", "guardianship", "Hộ tịch", "Civil status"),
    ("bản sao trích lục hộ tịch", "a copy of a civil-status extract", "Hộ tịch", "Civil status"),
    ("tạm trú", "temporary residence", "Đăng ký, quản lý cư trú", "Residence"),
    ("tách hộ", "a household split", "Đăng ký, quản lý cư trú", "Residence"),
    ("giấy phép tổ chức lễ hội", "a festival permit", "Văn hóa cơ sở", "Culture"),
    ("giấy phép hoạt động karaoke", "a karaoke business licence", "Văn hóa cơ sở", "Culture"),
    ("danh hiệu gia đình văn hóa", "the cultured family title", "Thi đua, khen thưởng", "Awards"),
    ("hỗ trợ người lao động mất việc làm", "support for workers who lost their job", "Việc làm", "Employment"),
    ("trợ cấp thất nghiệp", "unemployment benefit", "Việc làm", "Employment"),
    ("giấy phép lao động cho người nước ngoài", "a work permit for a foreign national", "Việc làm", "Employment"),
    ("hồ sơ hưởng bảo hiểm y tế", "health insurance benefits", "Bảo hiểm y tế", "Health insurance"),
    ("giấy chứng nhận đủ điều kiện chăn nuôi", "a livestock farming certificate", "Chăn nuôi", "Livestock"),
    ("giấy phép khai thác thủy sản", "a fishing licence", "Thủy sản", "Fisheries"),
    ("phương án phòng cháy và chữa cháy", "a fire prevention plan", "Phòng cháy, chữa cháy", "Fire safety"),
    ("giấy phép sử dụng vật liệu nổ công nghiệp", "an industrial explosives permit", "Vật liệu nổ", "Explosives"),
    ("con dấu và giấy chứng nhận mẫu dấu", "a seal and its specimen certificate", "Quản lý con dấu", "Seals"),
    ("biển số xe mô tô, xe gắn máy", "a motorbike number plate", "Đăng ký, quản lý phương tiện", "Vehicles"),
    ("giấy phép lái xe", "a driving licence", "Đường bộ", "Roads"),
    ("thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "a health insurance card for a child under six", "Bảo hiểm y tế", "Health insurance"),
    ("hỗ trợ nhà ở cho hộ nghèo", "housing support for a poor household", "Nhà ở", "Housing"),
    ("giấy phép đặt trạm thu phát sóng", "a permit for a radio mast", "Viễn thông", "Telecoms"),
    ("quyết định giao rừng", "a forest allocation decision", "Lâm nghiệp", "Forestry"),
    ("hỗ trợ giống cây trồng sau thiên tai", "seed support after a natural disaster", "Trồng trọt", "Crops"),
    ("đăng ký hợp tác xã", "a cooperative registration", "Thành lập và hoạt động của hợp tác xã", "Cooperatives"),
    ("giấy phép sản xuất rượu thủ công", "a craft liquor production licence", "Công nghiệp địa phương", "Local industry"),
]
QUALIFIERS = [
    ("", ""), (" (cấp xã)", " (commune)"), (" (cấp tỉnh)", " (province)"), (" trong trường hợp bị mất, hỏng", " when lost or damaged"),
    (" cho người dân tộc thiểu số", " for ethnic minorities"), (" có yếu tố nước ngoài", " with a foreign element"),
    (" lần đầu", " for the first time"), (" trên địa bàn tỉnh Tuyên Quang", " in Tuyen Quang province"),
]
AGENCIES = [
    ("Ủy ban nhân dân cấp xã", "Commune People's Committee"), ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
    ("Sở Xây dựng", "Department of Construction"), ("Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"),
    ("Sở Y tế", "Department of Health"), ("Sở Giáo dục và Đào tạo", "Department of Education"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"), ("Công an tỉnh", "Provincial police"),
    ("Công an cấp xã", "Commune police"), ("Sở Nội vụ", "Department of Home Affairs"), ("Sở Công Thương", "Department of Industry and Trade"),
]


def text(vi, en):
    return {"vi": vi, "en": en}


def fields_for(rng, n):
    """A realistic question list: the applicant, an address, then procedure-specific questions."""
    fields = [
        {"id": "ho_ten", "type": "text", "label": text("Họ, chữ đệm và tên người nộp", "Applicant's full name"),
         "format": "name", "case": "title", "required": True, "maxLength": 100},
        {"id": "cccd", "type": "text", "label": text("Số định danh cá nhân", "Personal ID number"),
         "format": "cccd", "input": "latin", "confirm": True, "required": True},
        {"id": "dien_thoai", "type": "text", "label": text("Số điện thoại", "Phone number"), "format": "phone", "required": rng.random() < 0.5},
        {"id": "tinh", "type": "choice", "label": text("Tỉnh, thành phố", "Province or city"), "options": "@provinces", "required": True, "default": "08"},
        {"id": "xa", "type": "choice", "label": text("Xã, phường, đặc khu", "Commune or ward"), "options": "@communes",
         "filter": "option.province = tinh", "required": True},
        {"id": "dia_chi", "type": "text", "label": text("Số nhà, đường phố, thôn, tổ", "House number, street, village"), "required": True, "maxLength": 200},
    ]
    extra = [
        {"id": "ngay_de_nghi", "type": "date", "label": text("Ngày đề nghị", "Date of the request"), "required": True, "max": "today()"},
        {"id": "so_luong", "type": "integer", "label": text("Số lượng bản", "Number of copies"), "min": 1, "max": 20, "default": 1, "required": True},
        {"id": "ly_do", "type": "text", "label": text("Lý do đề nghị", "Reason"), "multiline": True, "maxLength": 500, "required": True},
        {"id": "da_tung_cap", "type": "boolean", "label": text("Đã từng được cấp trước đây?", "Issued before?"), "required": True, "default": False},
        {"id": "so_giay_cu", "type": "text", "label": text("Số giấy đã cấp", "Number of the earlier paper"), "input": "latin", "relevant": "da_tung_cap", "required": True, "maxLength": 30},
        {"id": "dan_toc", "type": "choice", "label": text("Dân tộc", "Ethnic group"), "options": "@ethnic-groups", "default": "01"},
        {"id": "quoc_tich", "type": "choice", "label": text("Quốc tịch", "Nationality"), "options": "@nationalities", "default": "vn"},
        {"id": "hinh_thuc_nhan", "type": "choice", "label": text("Nhận kết quả", "Receive the result"), "required": True,
         "options": [{"value": "truc-tiep", "label": text("Trực tiếp", "In person")}, {"value": "buu-chinh", "label": text("Qua bưu chính", "By post")}]},
        {"id": "dien_tich", "type": "decimal", "label": text("Diện tích", "Area"), "unit": text("m²", "m²"), "min": 0, "max": 1000000},
    ]
    rng.shuffle(extra)
    chosen = extra[:n]
    ids = {f["id"] for f in chosen}
    if "so_giay_cu" in ids and "da_tung_cap" not in ids:
        chosen = [f for f in chosen if f["id"] != "so_giay_cu"]
    return fields + chosen


def make_form(i, rng, used_codes):
    action = rng.choice(ACTIONS)
    obj = rng.choice(OBJECTS)
    qual = rng.choice(QUALIFIERS)
    agency = rng.choice(AGENCIES)
    title_vi = f"{action[0]} {obj[0]}{qual[0]}"
    title_en = f"{action[1]} {obj[1]}{qual[1]}"
    while True:
        code = f"{rng.choice(['1', '1', '2', '3'])}.{rng.randint(0, 12999):06d}"
        if code not in used_codes:
            used_codes.add(code)
            break
    fee = rng.choice([0, 0, 10000, 20000, 50000, 100000, 200000])
    days = rng.choice([0, 1, 3, 5, 7, 10, 15, 20, 30])
    form = {
        "format": "motcua-form/1",
        "id": f"tt-{i:04d}",
        "version": "synthetic.1",
        "title": text(title_vi, title_en),
        "summary": text(f"Hồ sơ đề nghị {title_vi[0].lower()}{title_vi[1:]}, nộp tại {agency[0]}, trả kết quả trong {days} ngày làm việc",
                        f"Request to {title_en[0].lower()}{title_en[1:]}, filed with the {agency[1]}, answered within {days} working days"),
        "languages": ["vi", "en"],
        "procedure": {
            "code": code, "domain": text(obj[2], obj[3]), "agency": text(*agency),
            "online": rng.choice(["full", "partial"]), "processingDays": days, "fee": fee,
            "documents": [
                {"id": "don", "label": text("Đơn đề nghị theo mẫu", "Request form"), "required": True, "kind": "original"},
                {"id": "giay_to", "label": text("Bản sao giấy tờ có liên quan", "Copies of the papers concerned"), "required": True, "kind": "copy"},
            ],
        },
        "pages": [{"id": "nguoi_nop", "title": text("Người nộp hồ sơ", "The applicant"), "fields": fields_for(rng, rng.randint(2, 6))}],
    }
    return form


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", default=os.path.join(ROOT, "Benchmarks", "generated"))
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args()
    if args.count < 1 or args.count > 9999:
        sys.exit("make_catalog: --count must be between 1 and 9999")
    src_lists = os.path.join(ROOT, "Forms", "lists")
    if not os.path.isdir(src_lists):
        sys.exit(f"make_catalog: no shared lists at {src_lists}")
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.startswith("tt-") and name.endswith(".json"):
            os.remove(os.path.join(args.out, name))
    dst_lists = os.path.join(args.out, "lists")
    os.makedirs(dst_lists, exist_ok=True)
    for name in os.listdir(src_lists):
        if name.endswith(".json"):
            shutil.copyfile(os.path.join(src_lists, name), os.path.join(dst_lists, name))
    rng = random.Random(args.seed)
    used = set()
    for i in range(1, args.count + 1):
        form = make_form(i, rng, used)
        path = os.path.join(args.out, f"{form['id']}.json")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(form, f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.replace(tmp, path)
    print(f"make_catalog: {args.count} forms and {len(os.listdir(dst_lists))} lists in {args.out}")


if __name__ == "__main__":
    main()
