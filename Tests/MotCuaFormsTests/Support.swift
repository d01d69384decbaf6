import Foundation
@testable import MotCuaForms

/// The repository root, found from this file's path.
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let sharedLists = ListDirectory(path: repoRoot + "/Forms/lists")
let vi = Resources.messages("vi", root: repoRoot)
let en = Resources.messages("en", root: repoRoot)
let fixedToday = CalendarDate(year: 2026, month: 11, day: 27)!

/// Loads a form from JSON text; returns the form or the lint issues.
func load(_ json: String, name: String = "test.json") -> Result<Form, FormLoadError> {
    FormEngine.load(data: Data(json.utf8), name: name, lists: sharedLists).map(\.form)
}

/// Lint messages of a broken form, as `PATH: message` without the file name.
func lint(_ json: String) -> [String] {
    switch load(json) {
    case .success: return []
    case .failure(let e): return e.issues.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }
    }
}

/// A one-page form around the given fields (JSON text of the field list).
func form(fields: String, extra: String = "") -> String {
    """
    {"format": "motcua-form/1", "id": "t", "version": "1", "title": "T"\(extra),
     "pages": [{"id": "p", "title": "P", "fields": [\(fields)]}]}
    """
}

func mustLoad(_ json: String) -> Form {
    switch load(json) {
    case .success(let f): return f
    case .failure(let e): fatalError("form did not load: \(e.issues)")
    }
}

func validate(_ f: Form, _ answers: JSONValue, _ messages: Messages = vi, today: CalendarDate = fixedToday) -> ValidationReport {
    FormEngine.validate(f, answers: answers, messages: messages, today: today)
}

func eval(_ source: String, values: [String: Value] = [:], today: CalendarDate = fixedToday) -> Value {
    let root = try! ExpressionParser.parse(source)
    // Names resolve as top-level fields for these unit tests.
    return Evaluator.eval(resolveAll(root), Scope(values: values), EvaluationContext(today: today))
}

private func resolveAll(_ n: Node) -> Node {
    switch n {
    case .ref(.name(let p), let c) where p.count == 1: return .ref(.field(p[0], slot: -1), col: c)
    case .unary(let o, let x, let c): return .unary(o, resolveAll(x), col: c)
    case .binary(let o, let a, let b, let c): return .binary(o, resolveAll(a), resolveAll(b), col: c)
    case .call(let f, let args, let c): return .call(f, args.map(resolveAll), col: c)
    default: return n
    }
}

func date(_ s: String) -> CalendarDate { CalendarDate.parseISO(s)! }
