// Whole-dossier validation as `validate`, `submit` and import run it: the
// first byte picks a shipped form, the rest is the answers file. Any bytes
// give a syntax error or a report; a dossier judged valid is always JSON that
// reads back (no inf/nan), and judging it again changes nothing.
import Foundation
import FuzzSupport
import MotCuaForms

private let forms: [Form] = Fuzz.formFiles.compactMap {
    if case .success(let l) = FormEngine.loadForm(at: Fuzz.formsDirectory + "/" + $0) { return l.form }
    Fuzz.fail("shipped form \($0) does not load")
}
private let messages = [Resources.messages("vi", root: Fuzz.root), Resources.messages("en", root: Fuzz.root)]
private let today = CalendarDate(year: 2026, month: 12, day: 6)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0, !forms.isEmpty else { return 0 }
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let form = forms[Int(raw[0]) % forms.count]
    let lang = messages[Int(raw[0] / 128)]
    guard let answers = try? JSONParser.parse(Data(raw[1...])) else { return 0 }
    let report = FormEngine.validate(form, answers: answers, messages: lang, today: today)
    guard report.isValid else { return 0 }
    let text = report.answers.serialized()
    guard let stored = try? JSONParser.parse(text) else { Fuzz.fail("a valid dossier is not JSON: \(text.prefix(300))") }
    let again = FormEngine.validate(form, answers: stored, messages: lang, today: today)
    if !again.isValid { Fuzz.fail("a stored dossier no longer validates: \(again.errors.map(\.message).prefix(3))") }
    return 0
}

@_cdecl("fuzz_validate_main")
public func fuzz_validate_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = (forms.count, messages.count)  // load before fuzzing: a slow start is not a hang
    return Fuzz.runDriver(argc, argv, fuzzValidate)
}
