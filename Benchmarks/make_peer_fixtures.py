#!/usr/bin/env python3
"""Writes the 40-field peer fixtures: a MotCua form, the equivalent JSON Schema,
and one complete dossier valid under both. Run from the repository root:
    python3 Benchmarks/make_peer_fixtures.py
The outputs are committed (Benchmarks/peer/); re-run after changing this file."""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "peer")
NAME = "^[^0-9_@#%^&*()=+<>?!|{}~]+$"
fields, props, dossier, required = [], {}, {}, []

def add(fid, ftype, value, schema, req=False, **extra):
    f = {"id": fid, "type": ftype, "label": fid.replace("_", " ").capitalize()}
    f.update(extra)
    if req:
        f["required"] = True
        required.append(fid)
    fields.append(f)
    props[fid] = schema
    dossier[fid] = value

def choice(fid, values, value, req=False):
    add(fid, "choice", value, {"enum": values}, req, options=[{"value": v, "label": v.upper()} for v in values])

add("ho_ten", "text", "Nguyễn Thị Hoà", {"type": "string", "maxLength": 100, "pattern": NAME}, True, format="name", maxLength=100)
add("ten_khac", "text", "Hoà", {"type": "string", "maxLength": 100}, maxLength=100)
add("cccd", "text", "008190012345", {"type": "string", "pattern": "^[0-9]{12}$"}, True, format="cccd")
add("dien_thoai", "text", "0912345678", {"type": "string", "pattern": "^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}$"}, format="phone")
add("email", "text", "hoa.nguyen@tuyenquang.gov.vn", {"type": "string", "format": "email"}, format="email")
add("ngay_sinh", "date", "1990-05-01", {"type": "string", "format": "date"}, True, max="today()")
choice("gioi_tinh", ["nam", "nu"], "nu", True)
choice("dan_toc", ["kinh", "tay", "dao", "mong", "nung"], "tay", True)
choice("quoc_tich", ["vn", "la", "kh", "cn", "us"], "vn", True)
choice("tinh", ["08", "01", "79", "31", "48"], "08", True)
add("dia_chi", "text", "Thôn Khuôn Hà, xã Lâm Bình", {"type": "string", "maxLength": 200}, True, maxLength=200)
add("nghe_nghiep", "text", "Giáo viên", {"type": "string", "maxLength": 100}, maxLength=100)
add("so_nha", "text", "12A/3", {"type": "string", "pattern": "^[0-9A-Za-z/ -]{1,20}$"}, pattern="[0-9A-Za-z/ -]{1,20}")
add("ma_buu_chinh", "text", "301000", {"type": "string", "pattern": "^[0-9]{6}$"}, pattern="[0-9]{6}")
add("so_con", "integer", 2, {"type": "integer", "minimum": 0, "maximum": 20}, min=0, max=20)
add("thu_nhap", "decimal", 5500000.5, {"type": "number", "minimum": 0}, min=0)
add("da_ket_hon", "boolean", True, {"type": "boolean"}, True)
add("ngay_ket_hon", "date", "2015-09-02", {"type": "string", "format": "date"}, required="da_ket_hon")
add("cha_ho_ten", "text", "Nguyễn Văn Đức", {"type": "string", "maxLength": 100, "pattern": NAME}, format="name", maxLength=100)
add("me_ho_ten", "text", "Lê Thị Thuỷ", {"type": "string", "maxLength": 100, "pattern": NAME}, format="name", maxLength=100)
add("cha_nam_sinh", "integer", 1960, {"type": "integer", "minimum": 1900, "maximum": 2026}, min=1900, max=2026)
add("me_nam_sinh", "integer", 1962, {"type": "integer", "minimum": 1900, "maximum": 2026}, min=1900, max=2026)
add("noi_sinh", "text", "Bệnh viện Đa khoa tỉnh Tuyên Quang", {"type": "string", "maxLength": 200}, maxLength=200)
add("que_quan", "text", "Xã Hùng Đức, tỉnh Tuyên Quang", {"type": "string", "maxLength": 200}, maxLength=200)
choice("ton_giao", ["khong", "phat", "cong-giao", "tin-lanh", "cao-dai"], "khong")
choice("trinh_do", ["tieu-hoc", "thcs", "thpt", "dai-hoc", "sau-dai-hoc"], "dai-hoc")
add("so_ho_chieu", "text", "C1234567", {"type": "string", "pattern": "^[A-Z][0-9]{7}$"}, pattern="[A-Z][0-9]{7}")
add("ngay_cap", "date", "2021-06-15", {"type": "string", "format": "date"})
add("noi_cap", "text", "Cục Cảnh sát QLHC về TTXH", {"type": "string", "maxLength": 200}, maxLength=200)
kids = [{"ten": "Trần Minh Khôi", "ngay_sinh": "2016-03-05", "gioi_tinh": "nam"},
        {"ten": "Trần Thu Hà", "ngay_sinh": "2018-11-20", "gioi_tinh": "nu"},
        {"ten": "Trần Gia Bảo", "ngay_sinh": "2021-01-09", "gioi_tinh": "nam"}]
add("con", "repeat", kids, {"type": "array", "maxItems": 10, "items": {"type": "object", "additionalProperties": False, "required": ["ten", "ngay_sinh"],
    "properties": {"ten": {"type": "string", "maxLength": 100, "pattern": NAME}, "ngay_sinh": {"type": "string", "format": "date"}, "gioi_tinh": {"enum": ["nam", "nu"]}}}},
    maxCount=10, fields=[{"id": "ten", "type": "text", "label": "Tên", "format": "name", "maxLength": 100, "required": True},
                         {"id": "ngay_sinh_con", "type": "date", "label": "Ngày sinh", "required": True},
                         {"id": "gioi_tinh_con", "type": "choice", "label": "Giới tính", "options": [{"value": "nam", "label": "Nam"}, {"value": "nu", "label": "Nữ"}]}])
add("nhu_cau", "multichoice", ["a", "c"], {"type": "array", "items": {"enum": ["a", "b", "c", "d"]}, "uniqueItems": True, "maxItems": 3},
    options=[{"value": v, "label": v.upper()} for v in "abcd"], maxSelected=3)
add("so_ban", "integer", 2, {"type": "integer", "minimum": 1, "maximum": 10}, True, min=1, max=10)
choice("hinh_thuc", ["truc-tiep", "buu-dien", "truc-tuyen"], "buu-dien", True)
add("dia_chi_nhan", "text", "Số 5, đường 17/8, phường Minh Xuân", {"type": "string", "maxLength": 200}, maxLength=200)
add("email_phu", "text", "hoa@example.vn", {"type": "string", "format": "email"}, format="email")
add("dien_thoai_phu", "text", "02073822345", {"type": "string", "pattern": "^02[0-9]{9}$"}, format="phone")
add("ngay_hen", "date", "2026-12-01", {"type": "string", "format": "date"})
add("muc_dich", "text", "Bổ sung hồ sơ xin việc", {"type": "string", "maxLength": 500}, maxLength=500)
add("cam_ket", "boolean", True, {"const": True}, True, constraint=". = true")
add("ma_ho_so", "text", "HD01-261127-0007", {"type": "string", "pattern": "^[A-Z0-9]{2,8}-[0-9]{6}-[0-9]{4}$"}, pattern="[A-Z0-9]{2,8}-[0-9]{6}-[0-9]{4}")

# The repeat's inner ids differ from the schema's item keys only where the form
# needs unique ids across the whole form; rename the dossier's items to match.
dossier_form = dict(dossier)
dossier_form["con"] = [{"ten": k["ten"], "ngay_sinh_con": k["ngay_sinh"], "gioi_tinh_con": k["gioi_tinh"]} for k in kids]
assert len(fields) == 40, len(fields)
form = {"format": "motcua-form/1", "id": "peer-40", "version": "1", "title": "Peer benchmark, 40 fields",
        "pages": [{"id": "p", "title": "All", "fields": fields}]}
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": False,
          "properties": props, "required": required,
          "if": {"properties": {"da_ket_hon": {"const": True}}, "required": ["da_ket_hon"]}, "then": {"required": ["ngay_ket_hon"]}}
os.makedirs(OUT, exist_ok=True)
for name, obj in [("form-40.json", form), ("schema-40.json", schema), ("dossier-40.schema.json", dossier), ("dossier-40.form.json", dossier_form)]:
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")
print("wrote", OUT)
