import Testing
@testable import MotCuaForms

/// `${field}` in a form's text (its byte search for "${"): answers shown as a person reads
/// them, everything else left as written.
@Suite struct InterpolationTests {
    @Test func fillsEachMarkerAndLeavesTheRestAsWritten() {
        let f = mustLoad(form(fields: #"""
            {"id": "ten", "type": "text", "label": "Tên"},
            {"id": "gioi", "type": "choice", "label": "Giới tính", "options": [{"value": "nu", "label": "Nữ"}]}
            """#))
        let values: [String: Value] = ["ten": .string("Hòa"), "gioi": .string("nu")]
        let cases: [(String, String)] = [
            ("Không có gì", "Không có gì"),
            ("", ""),
            ("${ten}", "Hòa"),
            ("Chị ${ten} (${gioi}) – xác nhận", "Chị Hòa (Nữ) – xác nhận"),
            ("Giá $5 {x} và $ {ten}", "Giá $5 {x} và $ {ten}"),
            ("$${ten}$", "$Hòa$"),
            ("Tên: ${ten", "Tên: ${ten"),
            ("${không_có}!", "!"),
            ("Ông ${ten}${ten}", "Ông HòaHòa"),
            ("${ten}\u{301} ${ten}", "Hòa\u{301} Hòa"),
        ]
        for (text, want) in cases {
            #expect(Interpolation.render(text, form: f, values: values, messages: vi) == want, "\(text)")
        }
    }
}
