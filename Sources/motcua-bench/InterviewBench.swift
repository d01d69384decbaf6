import Foundation
import MotCuaForms
import MotCuaInterview

/// Issue #5's number: applying one answer and recomputing what is next and
/// relevant, on the generated 500-field form whose repeat holds 10, 100 and
/// 1,000 items. Target under 1 ms, and flat as the repeat grows.
func benchInterview() throws {
    let root = benchRoot()
    let messages = Resources.messages("vi", root: root)
    let today = CalendarDate(year: 2026, month: 11, day: 27)!
    for items in [10, 100, 1000] {
        let (text, answers) = GeneratedForm.make(topLevel: 480, repeatFields: 20, repeatItems: items)
        guard case .success(let loaded) = FormEngine.load(data: Data(text.utf8), name: "g.json", lists: ListDirectory(path: nil)) else {
            throw BenchError("generated form does not load")
        }
        let v = Validator(form: loaded.form, context: EvaluationContext(today: today), messages: messages)
        var interview = Interview(form: loaded.form, validator: v, answers: answers.objectValue!)
        // A field inside the middle item, and a top-level field.
        let inside = Cursor.item(repeat: "lap", index: items / 2, field: "r0")
        let top = Cursor.field("f100")
        var k = 0
        let inItem = Timing.measure(iterations: 400) {
            interview.edit(inside)
            k += 1
            _ = interview.answer(.string(k % 2 == 0 ? "Nguyễn Thị Hoà" : "Lò Văn Páo"))
        }
        let atTop = Timing.measure(iterations: 400) {
            interview.edit(top)
            k += 1
            _ = interview.answer(.string(k % 2 == 0 ? "Nguyễn Thị Hoà" : "Lò Văn Páo"))
        }
        print("repeat of \(items) items: answer inside an item median \(human(inItem.median)), at top level median \(human(atTop.median))  [target < 1 ms, flat]")
    }
}
