// Form loading and linting on any bytes (as `forms check` and a bundle's form
// copy meet them): load errors or a form, never a trap; a form that loads
// validates an empty and a filled dossier without trapping.
import Foundation
import FuzzSupport
import MotCuaForms

private let lists = ListDirectory(path: Fuzz.formsDirectory + "/lists")
private let messages = Resources.messages("vi", root: Fuzz.root)
private let today = CalendarDate(year: 2026, month: 12, day: 6)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard case .success(let loaded) = FormEngine.load(data: data, name: "fuzz.json", lists: lists) else { return 0 }
    let form = loaded.form
    _ = FormEngine.validate(form, answers: .object(JSONObject()), messages: messages, today: today)
    // Every field answered with a plausible value of its type.
    var answers = JSONObject()
    for f in form.topLevelFields {
        switch f.type {
        case .text, .choice: answers[f.id] = .string("1")
        case .integer, .decimal: answers[f.id] = .int(1)
        case .date: answers[f.id] = .string("2000-01-01")
        case .boolean: answers[f.id] = .bool(true)
        case .multichoice: answers[f.id] = .array([.string("1")])
        case .repeat: answers[f.id] = .array([.object(JSONObject())])
        case .note, .calculate: break
        }
    }
    let report = FormEngine.validate(form, answers: .object(answers), messages: messages, today: today)
    if report.isValid, (try? JSONParser.parse(report.answers.serialized())) == nil {
        Fuzz.fail("a valid dossier's answers are not JSON: \(report.answers.serialized().prefix(300))")
    }
    return 0
}

@_cdecl("fuzz_form_main")
public func fuzz_form_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = (lists.list("communes"), messages.language)  // load before fuzzing: a slow start is not a hang
    return Fuzz.runDriver(argc, argv, fuzzForm)
}
