import MotCuaForms

/// A synthetic form with every field type, expressions in relevance and
/// constraints, and one repeat; and a complete valid dossier for it.
enum GeneratedForm {
    static func make(topLevel: Int, repeatFields: Int, repeatItems: Int) -> (String, JSONValue) {
        var fields: [String] = []
        var answers = JSONObject()
        let options = #"[{"value": "a", "label": "Một"}, {"value": "b", "label": "Hai"}, {"value": "c", "label": "Ba"}, {"value": "d", "label": "Bốn"}]"#
        func field(_ i: Int, prefix: String, into list: inout [String], answers a: inout JSONObject) {
            let id = "\(prefix)\(i)"
            switch i % 10 {
            case 0:
                list.append(#"{"id": "\#(id)", "type": "text", "label": "Họ tên \#(i)", "format": "name", "required": true, "maxLength": 100}"#)
                a[id] = "Nguyễn Thị Hoà"
            case 1:
                list.append(#"{"id": "\#(id)", "type": "text", "label": "Mã \#(i)", "pattern": "[A-Z]{2}[0-9]{4}", "minLength": 6}"#)
                a[id] = "TQ2025"
            case 2:
                list.append(#"{"id": "\#(id)", "type": "integer", "label": "Số \#(i)", "min": 0, "max": 1000, "constraint": ". >= 0"}"#)
                a[id] = .int(i)
            case 3:
                list.append(#"{"id": "\#(id)", "type": "decimal", "label": "Thập phân \#(i)", "min": 0}"#)
                a[id] = .double(12.5)
            case 4:
                list.append(#"{"id": "\#(id)", "type": "date", "label": "Ngày \#(i)", "max": "today()", "warning": "age(.) < 120"}"#)
                a[id] = "1990-05-01"
            case 5:
                list.append(#"{"id": "\#(id)", "type": "choice", "label": "Chọn \#(i)", "options": \#(options), "required": true}"#)
                a[id] = "b"
            case 6:
                list.append(#"{"id": "\#(id)", "type": "multichoice", "label": "Nhiều \#(i)", "options": \#(options), "maxSelected": 3}"#)
                a[id] = ["a", "c"]
            case 7:
                list.append(#"{"id": "\#(id)", "type": "boolean", "label": "Có không \#(i)"}"#)
                a[id] = true
            case 8:
                // Asked only when the boolean before it is true.
                list.append(#"{"id": "\#(id)", "type": "text", "label": "Chi tiết \#(i)", "relevant": "\#(prefix)\#(i - 1)", "required": true, "maxLength": 200}"#)
                a[id] = "Thôn Khuôn Hà, xã Lâm Bình"
            default:
                if prefix == "f" {
                    list.append(#"{"id": "\#(id)", "type": "calculate", "expression": "coalesce(\#(prefix)\#(i - 7), 0) + 1"}"#)
                } else {
                    list.append(#"{"id": "\#(id)", "type": "note", "label": "Ghi chú \#(i)"}"#)
                }
            }
        }
        for i in 0..<topLevel { field(i, prefix: "f", into: &fields, answers: &answers) }
        var inner: [String] = []
        var item = JSONObject()
        for i in 0..<repeatFields { field(i, prefix: "r", into: &inner, answers: &item) }
        fields.append(#"{"id": "lap", "type": "repeat", "label": "Danh sách", "maxCount": 1000, "itemLabel": "Mục ${index}", "fields": [\#(inner.joined(separator: ",\n"))]}"#)
        answers["lap"] = .array(Array(repeating: .object(item), count: repeatItems))
        var pages: [String] = []
        let perPage = 40
        for start in stride(from: 0, to: fields.count, by: perPage) {
            let chunk = fields[start..<min(start + perPage, fields.count)]
            pages.append(#"{"id": "trang_\#(start / perPage)", "title": "Trang \#(start / perPage + 1)", "fields": [\#(chunk.joined(separator: ",\n"))]}"#)
        }
        let text = #"{"format": "motcua-form/1", "id": "generated", "version": "1", "title": "Biểu mẫu thử 500 trường", "pages": [\#(pages.joined(separator: ",\n"))]}"#
        return (text, .object(answers))
    }
}
