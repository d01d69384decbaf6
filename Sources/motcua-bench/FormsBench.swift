import Foundation
import MotCuaForms

/// Issue #2's numbers: load + lint of a generated 500-field form, whole-dossier
/// validation with 50 repeat items, and the 40-field peer comparison with
/// Python's jsonschema and fastjsonschema (Benchmarks/forms_peer.py).
func benchForms() throws {
    let root = benchRoot()
    let messages = Resources.messages("vi", root: root)
    let today = CalendarDate(year: 2026, month: 11, day: 27)!

    let (formText, answers) = GeneratedForm.make(topLevel: 480, repeatFields: 20, repeatItems: 50)
    let data = Data(formText.utf8)
    let lists = ListDirectory(path: nil)
    guard case .success(let loaded) = FormEngine.load(data: data, name: "generated-500.json", lists: lists) else {
        if case .failure(let e) = FormEngine.load(data: data, name: "generated-500.json", lists: lists) { print(e.issues.prefix(5)) }
        throw BenchError("the generated form does not load")
    }
    let fieldCount = loaded.form.allFields.count
    let load = Timing.measure(iterations: 50) { _ = FormEngine.load(data: data, name: "g.json", lists: lists) }
    print("load + lint, generated form of \(fieldCount) fields (\(data.count / 1024) KiB): median \(human(load.median)), min \(human(load.min))  [target < 20 ms]")

    let validator = Validator(form: loaded.form, context: EvaluationContext(today: today), messages: messages)
    let report = validator.validate(answers)
    guard report.isValid else { throw BenchError("generated dossier invalid: \(report.errors.prefix(3))") }
    let v = Timing.measure(iterations: 300) { _ = validator.validate(answers) }
    print("validate whole dossier (\(fieldCount) fields, 50 repeat items = \(480 + 50 * 20) answers): median \(human(v.median)), min \(human(v.min))  [target < 1 ms]")

    // Peer comparison on the same 40-field dossier.
    let peerDir = root + "/Benchmarks/peer"
    guard case .success(let peerForm) = FormEngine.loadForm(at: peerDir + "/form-40.json", lists: lists),
          let dossierData = FileManager.default.contents(atPath: peerDir + "/dossier-40.form.json") else {
        throw BenchError("peer fixtures missing: run python3 Benchmarks/make_peer_fixtures.py")
    }
    let dossier = try JSONParser.parse(dossierData)
    let peerValidator = Validator(form: peerForm.form, context: EvaluationContext(today: today), messages: messages)
    guard peerValidator.validate(dossier).isValid else { throw BenchError("peer dossier invalid for the Swift engine") }
    let swift = Timing.measure(iterations: 20000) { _ = peerValidator.validate(dossier) }
    print("40-field dossier, Swift engine (all errors): median \(human(swift.median))")
    guard let peer = runPython(root + "/Benchmarks/forms_peer.py") else {
        print("peer: python3 with jsonschema and fastjsonschema not available")
        return
    }
    let js = peer["jsonschema"] as? Double ?? .nan, fjs = peer["fastjsonschema"] as? Double ?? .nan
    print("40-field dossier, jsonschema \(peer["jsonschema_version"] ?? "?") (all errors): median \(human(js))")
    print("40-field dossier, fastjsonschema \(peer["fastjsonschema_version"] ?? "?") (first error only): median \(human(fjs))")
    print(String(format: "ratio jsonschema / Swift = %.1f×  [target ≥ 50×];  fastjsonschema / Swift = %.2f×  [target > 1×]", js / swift.median, fjs / swift.median))
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The repository root (for Forms/, Locales/, Benchmarks/), from MOTCUA_HOME or the working directory.
func benchRoot() -> String {
    Resources.root() ?? FileManager.default.currentDirectoryPath
}

/// Runs a Python script that prints one JSON object; nil if it fails.
func runPython(_ script: String, _ args: [String] = []) -> [String: Any]? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script] + args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
}
