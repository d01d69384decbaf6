// The one factory from a form's field type to its widget (issue 13): every field type has
// exactly one widget, and each widget, made from a stored answer, reads that answer back
// and shows it as the review does; nothing else in the kiosk switches over widget kinds.
import Foundation
import MotCuaForms
import MotCuaInterview
import Testing
@testable import MotCuaKiosk

@Suite struct FieldWidgetFactoryTests {
    let form = #"""
    {"format": "motcua-form/1", "id": "moi-loai", "version": "1", "title": "Mỗi loại một câu",
     "pages": [{"id": "p", "title": "Trang", "fields": [
       {"id": "ten", "type": "text", "label": "Họ và tên"},
       {"id": "so", "type": "integer", "label": "Số bản", "unit": "bản"},
       {"id": "dt", "type": "decimal", "label": "Diện tích", "unit": "m²"},
       {"id": "ngay", "type": "date", "label": "Ngày"},
       {"id": "thang", "type": "date", "precision": "month", "label": "Tháng"},
       {"id": "loai", "type": "choice", "label": "Loại", "options": [{"value": "a", "label": "Loại A"}, {"value": "b", "label": "Loại B"}]},
       {"id": "giay", "type": "multichoice", "label": "Giấy tờ", "options": [{"value": "x", "label": "Giấy X"},
         {"value": "y", "label": "Giấy Y"}, {"value": "z", "label": "Giấy Z"}]},
       {"id": "dong_y", "type": "boolean", "label": "Đồng ý?"},
       {"id": "luu_y", "type": "note", "label": "Lưu ý"}]}]}
    """#

    @Test func everyFieldTypeHasExactlyOneWidget() {
        for type in FieldType.allCases {
            let kinds = FieldWidgets.kinds.filter { $0.fieldTypes.contains(type) }
            #expect(kinds.count == 1, "\(type): \(kinds)")
        }
    }

    @Test func eachWidgetMadeFromAStoredAnswerReadsItBack() throws {
        guard case .success(let loaded) = FormEngine.load(data: Data(form.utf8), name: "moi-loai.json", lists: ListDirectory(path: screensRoot + "/Forms/lists")) else {
            Issue.record("the form does not load"); return
        }
        let answers = JSONObject([("ten", "Lò Thị Mai"), ("so", 3), ("dt", 12.5), ("ngay", "2024-03-05"), ("thang", "2024-03"),
                                  ("loai", "b"), ("giay", .array(["x", "z"])), ("dong_y", true)])
        var i = Interview(form: loaded.form, validator: Validator(form: loaded.form, context: EvaluationContext(today: screensToday),
                                                                  messages: screensVi), answers: answers)
        let expected: [(id: String, kind: any FieldInput.Type, shown: String)] = [
            ("ten", TextEditor.self, "Lò Thị Mai"), ("so", NumberField.self, "3 bản"), ("dt", NumberField.self, "12,5 m²"),
            ("ngay", DateField.self, "05/03/2024"), ("thang", DateField.self, "03/2024"), ("loai", ChoiceList.self, "Loại B"),
            ("giay", MultiChoice.self, "Giấy X; Giấy Z"), ("dong_y", BooleanField.self, "Có"), ("luu_y", NoteView.self, ""),
        ]
        for e in expected {
            i.edit(.field(e.id))
            let f = try #require(i.currentField)
            let widget = FieldWidgets.make(WidgetContext(field: f, value: i.answerToKeep, interview: i, strings: .vi, style: .traditional))
            #expect(type(of: widget) == e.kind, "\(e.id)")
            #expect(widget.reading(f, screensVi) == .value(answers[e.id] ?? .null), "\(e.id)")
            #expect(widget.displayText() == e.shown, "\(e.id)")
        }
    }
}
