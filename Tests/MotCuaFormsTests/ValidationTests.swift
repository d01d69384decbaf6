import Foundation
import Testing
@testable import MotCuaForms

@Suite struct ValidationTests {
    static let fields = #"""
    {"id": "ho_ten", "type": "text", "label": "Họ tên", "format": "name", "case": "title", "required": true, "maxLength": 20, "minLength": 2},
    {"id": "cccd", "type": "text", "label": "CCCD", "format": "cccd"},
    {"id": "cmnd", "type": "text", "label": "CMND", "format": "cmnd"},
    {"id": "dien_thoai", "type": "text", "label": "ĐT", "format": "phone"},
    {"id": "email", "type": "text", "label": "Email", "format": "email"},
    {"id": "ma", "type": "text", "label": "Mã", "pattern": "[A-Z]{2}[0-9]{2}", "patternMessage": {"vi": "Mã gồm 2 chữ in hoa và 2 chữ số", "en": "Two capitals then two digits"}},
    {"id": "so_con", "type": "integer", "label": "Số con", "min": 0, "max": 20},
    {"id": "ngay_sinh", "type": "date", "label": "Ngày sinh", "max": "today()", "warning": "age(.) < 100", "warningMessage": "Người sinh ngày ${ngay_sinh} đã trên 100 tuổi: kiểm tra lại"},
    {"id": "gioi_tinh", "type": "choice", "label": "Giới tính", "options": "@genders"},
    {"id": "tinh", "type": "choice", "label": "Tỉnh", "options": "@provinces"},
    {"id": "xa", "type": "choice", "label": "Xã", "options": "@communes", "filter": "option.province = tinh"},
    {"id": "giay_to", "type": "multichoice", "label": "Giấy tờ", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}, {"value": "c", "label": "C"}], "maxSelected": 2},
    {"id": "dong_y", "type": "boolean", "label": "Đồng ý", "constraint": ". = true", "constraintMessage": {"vi": "Phải đồng ý", "en": "Must agree"}},
    {"id": "con", "type": "repeat", "label": "Con", "maxCount": 2, "fields": [
        {"id": "ten_con", "type": "text", "label": "Tên con", "required": true},
        {"id": "tuoi_con", "type": "integer", "label": "Tuổi", "max": 30}]},
    {"id": "so_con_khai", "type": "calculate", "expression": "count(con)"}
    """#
    static let checks = #", "checks": [{"id": "so_con_khop", "rule": "empty(so_con) or so_con = so_con_khai", "fields": ["so_con"], "message": {"vi": "Số con (${so_con}) khác số người con đã khai", "en": "Number of children differs"}}, {"id": "canh_bao", "rule": "not (gioi_tinh = 'nu' and so_con > 10)", "severity": "warning", "message": "Nhiều con"}]"#
    static let f = mustLoad(form(fields: fields, extra: checks))

    func codes(_ answers: JSONValue, _ m: Messages = vi) -> [String: String] {
        Dictionary(validate(Self.f, answers, m).errors.map { ($0.field, $0.code.rawValue) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func validDossierIsNormalised() {
        let r = validate(Self.f, ["ho_ten": "  nguyễn   VĂN an ", "cccd": "008 090 012 345", "dien_thoai": "+84 912.345.678",
                                  "ngay_sinh": "1990-05-01", "tinh": "08", "xa": "02425", "dong_y": true, "giay_to": ["a", "b"],
                                  "con": [["ten_con": "Bé Na", "tuoi_con": 3]], "so_con": 1, "so_con_khai": 99])
        #expect(r.isValid, "\(r.errors)")
        #expect(r.answers["ho_ten"] == "Nguyễn Văn An")
        #expect(r.answers["cccd"] == "008090012345")
        #expect(r.answers["dien_thoai"] == "0912345678")
        #expect(r.answers["so_con_khai"] == 1)  // recomputed, not trusted
        #expect(r.personalNames == ["Nguyễn Văn An"])
        #expect(r.personalIDs == ["008090012345"])
    }

    @Test func everyErrorCode() {
        let c = codes(["ho_ten": "A", "cccd": "00809001234", "ma": "ab12", "so_con": 25, "ngay_sinh": 19900501,
                       "gioi_tinh": "khac", "giay_to": ["a", "b", "c"], "dong_y": false, "la": 1,
                       "con": [["ten_con": "X"], ["ten_con": "Y"], ["ten_con": "Z"]]])
        #expect(c["ho_ten"] == "length")
        #expect(c["cccd"] == "format")
        #expect(c["ma"] == "pattern")
        #expect(c["so_con"] == "range")
        #expect(c["ngay_sinh"] == "type")
        #expect(c["gioi_tinh"] == "option")
        #expect(c["giay_to"] == "count")
        #expect(c["dong_y"] == "constraint")
        #expect(c["la"] == "unknown_field")
        #expect(c["con"] == "count")
        #expect(codes([:])["ho_ten"] == "required")
        #expect(codes(["ho_ten": "An", "so_con": 2, "dong_y": true])["so_con"] == "check")
        #expect(codes(["ho_ten": "An", "con": [["ten_con": "X", "tuoi": 3]]])["con[0].tuoi"] == "unknown_field")
        #expect(codes(["ho_ten": "An", "con": [["tuoi_con": 31]]])["con[0].ten_con"] == "required")
        #expect(codes(["ho_ten": "An", "con": [["ten_con": "A", "tuoi_con": 31]]])["con[0].tuoi_con"] == "range")
        // minCount applies to an empty repeat that is not required.
        let g = mustLoad(form(fields: #"{"id": "r", "type": "repeat", "label": "R", "minCount": 1, "fields": [{"id": "x", "type": "text", "label": "X"}]}"#))
        #expect(validate(g, [:]).errors.map(\.code) == [.count])
        #expect(validate(g, ["r": [["x": "a"]]]).isValid)
    }

    @Test func filterLimitsChoices() {
        // Xã Hùng Đức (02425) is in Tuyên Quang (08), not in Hà Nội (01).
        #expect(codes(["ho_ten": "An", "tinh": "08", "xa": "02425"])["xa"] == nil)
        #expect(codes(["ho_ten": "An", "tinh": "01", "xa": "02425"])["xa"] == "option")
    }

    @Test func warningsDoNotBlock() {
        let r = validate(Self.f, ["ho_ten": "Cụ Tư", "ngay_sinh": "1920-01-01", "gioi_tinh": "nu", "so_con": 11])
        #expect(r.errors.map(\.code) == [.check])
        #expect(r.warnings.map(\.field).sorted() == ["canh_bao", "ngay_sinh"])
        #expect(r.warnings.first { $0.field == "ngay_sinh" }?.message == "Người sinh ngày 01/01/1920 đã trên 100 tuổi: kiểm tra lại")
        let ok = validate(Self.f, ["ho_ten": "Cụ Tư", "ngay_sinh": "1920-01-01"])
        #expect(ok.isValid && ok.warnings.count == 1)
    }

    @Test func nfcAndNfdGiveTheSameResult() {
        let nfc = "Nguyễn Thị Thuỷ"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        let a = validate(Self.f, ["ho_ten": .string(nfc)]), b = validate(Self.f, ["ho_ten": .string(nfd)])
        #expect(a.answers == b.answers && a.errors == b.errors)
        #expect(a.answers["ho_ten"]?.stringValue?.unicodeScalars.count == nfc.unicodeScalars.count)
        // Length counts what a person sees: 15 letters in both forms, within 20.
        let long = String(repeating: "ễ", count: 21).decomposedStringWithCanonicalMapping
        #expect(codes(["ho_ten": .string(long)])["ho_ten"] == "length")
    }

    @Test func messagesInVietnameseAndEnglish() {
        let a: JSONValue = ["ho_ten": "Nguyễn Văn An", "cccd": "00809001234", "ma": "x", "dong_y": false]
        let v = validate(Self.f, a, vi).errors, e = validate(Self.f, a, en).errors
        #expect(v.first { $0.field == "cccd" }?.message == "Số định danh cá nhân phải có đúng 12 chữ số (bạn đã nhập 11).")
        #expect(e.first { $0.field == "cccd" }?.message == "A personal ID number has exactly 12 digits (you entered 11).")
        #expect(v.first { $0.field == "ma" }?.message == "Mã gồm 2 chữ in hoa và 2 chữ số")
        #expect(e.first { $0.field == "ma" }?.message == "Two capitals then two digits")
        #expect(e.first { $0.field == "dong_y" }?.message == "Must agree")
        #expect(validate(Self.f, [:], en).errors.first?.message == "This is required: please enter it.")
    }

    @Test func cccdRules() {
        let t = fixedToday
        #expect(Formats.cccd("008190012345", today: t) == .ok("008190012345"))
        #expect(Formats.cccd("0081 9001 2345", today: t) == .ok("008190012345"))
        #expect(Formats.cccd("003190012345", today: t) == .invalid(key: "validation.format.cccd.province", args: ["code": "003"]))
        #expect(Formats.cccd("097190012345", today: t) == .invalid(key: "validation.format.cccd.province", args: ["code": "097"]))
        #expect(Formats.cccd("008299012345", today: t) == .invalid(key: "validation.format.cccd.century", args: ["digit": "2", "year": "2099"]))
        #expect(Formats.cccd("008490012345", today: t) == .invalid(key: "validation.format.cccd.century", args: ["digit": "4", "year": "2190"]))
        #expect(Formats.cccd("008325012345", today: t) == .ok("008325012345"))  // woman born 2025
        #expect(Formats.cccd("00819001234A", today: t) == .invalid(key: "validation.format.cccd.digits", args: [:]))
        #expect(Formats.check(.cmnd, "070 123 456", today: t) == .ok("070123456"))
        #expect(Formats.check(.cmnd, "07012345", today: t) == .invalid(key: "validation.format.cmnd.length", args: ["count": "8"]))
    }

    @Test func phoneRules() {
        #expect(Formats.phone("0912 345 678") == .ok("0912345678"))
        #expect(Formats.phone("+84 98.765.4321") == .ok("0987654321"))
        #expect(Formats.phone("84 98 765 4321") == .ok("0987654321"))
        #expect(Formats.phone("0207 3822 345") == .ok("02073822345"))  // Tuyên Quang landline
        #expect(Formats.phone("024 3825 1234") == .ok("02438251234"))  // Hà Nội landline
        #expect(Formats.phone("0112345678") == .invalid(key: "validation.format.phone.prefix", args: ["prefix": "011"]))
        #expect(Formats.phone("091234567") == .invalid(key: "validation.format.phone.length", args: ["count": "9"]))
        #expect(Formats.phone("0912-abc") == .invalid(key: "validation.format.phone", args: [:]))
    }

    @Test func emailAndNameRules() {
        #expect(Formats.email("hoa.nguyen@tuyenquang.gov.vn") == .ok("hoa.nguyen@tuyenquang.gov.vn"))
        for bad in ["hoa", "hoa@", "@x.vn", "a b@x.vn", "a@x", "a@@x.vn", "a..b@x.vn", "a@x.v"] {
            #expect(Formats.email(bad) == .invalid(key: "validation.format.email", args: [:]), "\(bad)")
        }
        for good in ["Đỗ Thị Hồng", "H'Hen Niê", "Nguyễn-Trần An", "Lò Văn Páo", "María José", "Ông Ích Khiêm"] {
            #expect(Formats.check(.name, good, today: fixedToday) == .ok(good), "\(good)")
        }
        for bad in ["Nguyễn Văn 2", "An@", "  ", "Lê_Lợi"] {
            #expect(Formats.check(.name, bad, today: fixedToday) != .ok(bad), "\(bad)")
        }
    }

    @Test func notRelevantAnswersAreLeftOut() {
        let g = mustLoad(form(fields: #"{"id": "co", "type": "boolean", "label": "Có?"}, {"id": "chi_tiet", "type": "text", "label": "Chi tiết", "relevant": "co", "required": true}"#))
        let off = validate(g, ["co": false, "chi_tiet": "bỏ đi"])
        #expect(off.isValid && off.answers["chi_tiet"] == nil)
        #expect(validate(g, ["co": true]).errors.map(\.code) == [.required])
    }

    @Test func checkAnswerOneAtATime() {
        let v = Validator(form: Self.f, context: EvaluationContext(today: fixedToday), messages: vi)
        let field = Self.f.field("dien_thoai")!
        let bad = v.checkAnswer(field, path: "dien_thoai", raw: "0912", scope: Scope(values: [:]))
        #expect(bad.error?.code == .format)
        let good = v.checkAnswer(field, path: "dien_thoai", raw: "0912 345 678", scope: Scope(values: [:]))
        #expect(good.error == nil && good.stored == "0912345678")
    }

    @Test func answersMustBeAnObject() {
        #expect(validate(Self.f, [1, 2]).errors.first?.code == .type)
    }
}
