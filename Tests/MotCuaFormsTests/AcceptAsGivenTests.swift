import Foundation
import Testing
@testable import MotCuaForms

/// The whole-dossier pass lets an answer through without `check` when
/// coercion found it stored as given and `FieldPlan.acceptsAsGiven` says it
/// is valid. That shortcut must
/// never pass what `check` would refuse, change, or warn about.
@Suite struct AcceptAsGivenTests {
    static let fields = """
        {"id": "ho_ten", "type": "text", "label": "Họ tên", "format": "name", "maxLength": 12},
        {"id": "cccd", "type": "text", "label": "CCCD", "format": "cccd"},
        {"id": "cmnd", "type": "text", "label": "CMND", "format": "cmnd"},
        {"id": "dt", "type": "text", "label": "Điện thoại", "format": "phone"},
        {"id": "email", "type": "text", "label": "Email", "format": "email"},
        {"id": "ma", "type": "text", "label": "Mã", "pattern": "[A-Z][0-9]{2}", "minLength": 3},
        {"id": "ghi", "type": "text", "label": "Ghi", "multiline": true, "minLength": 2},
        {"id": "hoa", "type": "text", "label": "Hoa", "case": "upper"},
        {"id": "so", "type": "integer", "label": "Số", "min": 0, "max": 100},
        {"id": "tien", "type": "decimal", "label": "Tiền", "min": 0.5},
        {"id": "ngay", "type": "date", "label": "Ngày", "max": "today()", "min": "2000-01-01"},
        {"id": "thang", "type": "date", "label": "Tháng", "precision": "month"},
        {"id": "chon", "type": "choice", "label": "Chọn", "options": [{"value": "a", "label": "A"}, {"value": "Đ", "label": "Đ"}]},
        {"id": "loc", "type": "choice", "label": "Lọc", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}], "filter": "option.value != 'b'"},
        {"id": "co", "type": "boolean", "label": "Có"},
        {"id": "rang_buoc", "type": "integer", "label": "Ràng buộc", "constraint": ". > 5"},
        {"id": "nhieu", "type": "multichoice", "label": "Nhiều", "options": [{"value": "a", "label": "A"}]}
        """

    /// Answers of every kind: valid, unclean, decomposed, of the wrong type, out of bounds.
    static let answers: [JSONValue] = [
        "Nguyễn Thị Hoà", "Nguye\u{0301}n Hoa", " Lê  Văn ", "Lê\u{00A0}Văn", "Lê Văn Tám Mươi Mốt", "O'Neil-Trần", "A1",
        "008190012345", "008 190 012 345", "099190012345", "123456789", "0912345678", "+84912345678", "0912.345.678",
        "02073822345", "0112345678", "hoa@tuyenquang.gov.vn", "hòa@bưuđiện.vn", "a@b", "B12", "b12", "B123", "ab",
        "dòng một\ndòng hai", "x", "abc", "ABC", "a", "Đ", "D\u{0311}", "b", "", "   ", "2024-02-29", "2023-02-29",
        "1999-12-31", "2027-01-01", "2024-03", "2024", "24-03-05", .int(0), .int(7), .int(100), .int(101), .int(-1),
        .int(1 << 53), .int(Int.max), .double(3.0), .double(2.5), .double(0.25), .bool(true), .bool(false), .null,
        ["a"], ["x": 1],
    ]

    @Test func neverPassesWhatCheckWouldRefuseOrChange() throws {
        let form = mustLoad(form(fields: Self.fields))
        let validator = Validator(form: form, context: EvaluationContext(today: fixedToday), messages: vi)
        let scope = SlotScope(values: ReadAnswers.nulls(validator.plan.fields.count))
        var accepted = 0, refused = 0
        for plan in validator.plan.fields {
            for raw in Self.answers {
                guard case .value(let value, let asGiven) = Coercion.coerce(raw, plan) else { continue }
                // Coercion's "stored as given" is the dossier's rule, `normalisedForm`.
                #expect(asGiven == (Coercion.normalisedForm(value, raw: raw, plan) == nil), "\(plan.id): \(raw)")
                var verdict = AnswerCheck(stored: nil, value: .null)
                validator.check(plan, path: plan.id, value: value, raw: raw, scope: scope, into: &verdict)
                let inBounds = !plan.checksBounds || validator.rangeIssue(plan, value, scope) == nil
                guard asGiven && plan.acceptsAsGiven(value, today: fixedToday) && inBounds else { refused += 1; continue }
                accepted += 1
                #expect(verdict.passed, "\(plan.id) accepted \(raw) that check refuses: \(String(describing: verdict.error))")
                #expect(verdict.warning == nil, "\(plan.id): \(raw)")
                #expect(verdict.keepsRaw && verdict.stored == raw, "\(plan.id) accepted \(raw) that check stores as \(String(describing: verdict.stored))")
                #expect(verdict.value == value, "\(plan.id): \(raw)")
            }
        }
        // Both sides are reached: the shortcut is taken, and left to `check`.
        #expect(accepted > 25 && refused > 100, "accepted \(accepted), refused \(refused)")
    }

    /// Through the whole pass: valid answers as given are stored as the very
    /// object; anything the shortcut leaves is still checked and reported.
    @Test func theWholePassStillReportsAndNormalises() {
        let f = mustLoad(form(fields: Self.fields))
        let clean: JSONValue = ["ho_ten": "Lê Văn Tám", "cccd": "008190012345", "dt": "0912345678", "so": 7, "ngay": "2024-02-29", "chon": "Đ", "co": true]
        let ok = validate(f, clean)
        #expect(ok.isValid && ok.answers == clean && ok.personalNames == ["Lê Văn Tám"] && ok.personalIDs == ["008190012345"])
        let messy = validate(f, ["ho_ten": "Nguye\u{0302}\u{0303}n  Hoa", "dt": "+84 912 345 678", "so": 3.0, "ngay": "2027-01-01", "loc": "b", "rang_buoc": 2])
        #expect(messy.answers["ho_ten"] == "Nguyễn Hoa" && messy.answers["dt"] == "0912345678" && messy.answers["so"] == .int(3))
        #expect(messy.errors.map(\.field) == ["ngay", "loc", "rang_buoc"], "\(messy.errors)")
        #expect(messy.personalNames == ["Nguyễn Hoa"])
        // A whole number beyond 2^53 is kept as typed (its Double is not exact), and never traps.
        let huge = validate(f, ["rang_buoc": .int(Int.max), "so": .int(Int.min)])
        #expect(huge.answers["rang_buoc"] == .int(Int.max) && huge.errors.map(\.field) == ["so"])
    }
}
