import Foundation
import MotCuaForms

/// `motcua-bench sheets` (issue 18): `forms compile` of the 2,000 synthetic
/// procedures (tools/make_catalog.py, each decompiled to sheets first, not
/// timed), target < 30 s in all; and one 500-field sheet compiled by MotCua
/// and converted by pyxform (tools/pyxform_check.py --time) in the same run.
func benchSheets() throws {
    let root = benchRoot()
    let messages = Resources.messages("vi", root: root)
    let generated = root + "/Benchmarks/generated"
    if ProcessInfo.processInfo.environment["SHEETS_ONLY_BIG"] == nil { try benchGeneratedSheets(root: root, generated: generated, messages: messages) }
    try benchBigSheet(root: root, messages: messages)
}

func benchGeneratedSheets(root: String, generated: String, messages: Messages) throws {
    try ensureGeneratedCatalog(root: root, folder: generated, count: 2000)
    let lists = ListDirectory(path: generated + "/lists")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: generated)) ?? []).filter { $0.hasPrefix("tt-") && $0.hasSuffix(".json") }.sorted()
    var inputs: [[(String, Data)]] = []
    for n in names.prefix(2000) {
        guard let data = FileManager.default.contents(atPath: generated + "/" + n) else { continue }
        let json = try JSONParser.parse(data)
        inputs.append(XLSFormDecompiler.decompile(json).sheets.map { ($0.name, Data($0.sheet.tsv().utf8)) })
    }
    let bytes = inputs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.1.count } }
    let start = DispatchTime.now().uptimeNanoseconds
    var failures = 0
    for sheets in inputs where compileSheets(sheets, lists: lists, messages: messages) == nil { failures += 1 }
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("compile \(inputs.count) generated procedure sheets (\(bytes / 1024) KiB of TSV, parse + compile + lint): \(String(format: "%.2f", total)) s, \(human(total / Double(max(inputs.count, 1)))) a form, \(failures) failed  [target < 30 s]")
    guard failures == 0 else { throw BenchError("\(failures) generated sheets did not compile") }
}

func benchBigSheet(root: String, messages: Messages) throws {
    // One 500-field sheet, MotCua against pyxform on the same TSV files.
    let (formText, _) = GeneratedForm.make(topLevel: 480, repeatFields: 20, repeatItems: 0)
    let big = XLSFormDecompiler.decompile(try JSONParser.parse(Data(formText.utf8))).sheets.map { ($0.name, Data($0.sheet.tsv().utf8)) }
    let noLists = ListDirectory(path: nil)
    guard let out = compileSheets(big, lists: noLists, messages: messages) else {
        var parsed: [String: Sheet] = [:]
        for (name, data) in big { if case .success(let s) = Sheet.parse(data, file: name + ".tsv", messages: messages) { parsed[name] = s } }
        if let survey = parsed["survey"], case .failure(let e) = XLSFormCompiler.compile(XLSFormSheets(survey: survey, choices: parsed["choices"], settings: parsed["settings"]), name: "g", lists: noLists, messages: messages) {
            print(e.issues.prefix(5).map(\.description).joined(separator: "\n"))
        }
        throw BenchError("the 500-field sheet does not compile")
    }
    let t = Timing.measure(iterations: 30) { _ = compileSheets(big, lists: noLists, messages: messages) }
    print("compile one \(out.loaded.form.allFields.count)-field sheet: median \(human(t.median)), min \(human(t.min))")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-bench-sheets-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for (name, data) in big { try data.write(to: URL(fileURLWithPath: dir + "/\(name).tsv")) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", root + "/tools/pyxform_check.py", dir, "--time", "5"]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { print("peer: python3 not available"); return }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    guard p.terminationStatus == 0, let py = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        print("peer: pyxform not available (pip install pyxform)"); return
    }
    print("pyxform xls2xform of the same sheet (its XLSForm subset as .xlsx, validate=False): mean \(human(py)) over 5 runs")
    print(String(format: "ratio pyxform / MotCua = %.1f×", py / t.median))
}

/// Parses each sheet's TSV and compiles; nil when anything fails.
func compileSheets(_ sheets: [(String, Data)], lists: ListDirectory, messages: Messages) -> XLSFormCompiler.Output? {
    var parsed: [String: Sheet] = [:]
    for (name, data) in sheets {
        guard case .success(let s) = Sheet.parse(data, file: name + ".tsv", messages: messages) else { return nil }
        parsed[name] = s
    }
    guard let survey = parsed["survey"] else { return nil }
    let input = XLSFormSheets(survey: survey, choices: parsed["choices"], settings: parsed["settings"],
                              documents: parsed["documents"], checks: parsed["checks"])
    guard case .success(let o) = XLSFormCompiler.compile(input, name: "sheet.json", lists: lists, messages: messages) else { return nil }
    return o
}
