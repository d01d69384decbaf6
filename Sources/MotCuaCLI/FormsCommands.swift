import Foundation
import MotCuaForms

/// `motcua forms check [PATH ...]`: every problem, one a line, `FILE: JSON-PATH: message`.
func runFormsCommand(_ args: [String]) -> Int32 {
    if args.first == "compile" { return FormsSheetsCommand.compile(Array(args.dropFirst())) }
    if args.first == "decompile" { return FormsSheetsCommand.decompile(Array(args.dropFirst())) }
    guard args.first == "check" else {
        Console.err(usageLine(formsUsage))
        return 2
    }
    var paths = Array(args.dropFirst())
    if paths.isEmpty {
        guard let dir = Resources.formsDirectory else {
            Console.err("motcua: cannot find the Forms/ folder (set MOTCUA_HOME)")
            return 2
        }
        paths = [relative(dir)]
    }
    var files: [String] = []
    for p in paths {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
            files += names.filter { $0.hasSuffix(".json") }.sorted().map { (p as NSString).appendingPathComponent($0) }
        } else {
            files.append(p)
        }
    }
    var problems = 0
    var listDirs: [String: ListDirectory] = [:]  // one cache per lists folder: communes.json is read once
    for file in files {
        let listsPath = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lists")
        let lists = listDirs[listsPath] ?? ListDirectory(path: listsPath)
        listDirs[listsPath] = lists
        if case .failure(let e) = FormEngine.loadForm(at: file, lists: lists) {
            for issue in e.issues { Console.out(Console.safe(issue.description)) }
            problems += e.issues.count
        }
    }
    Console.err("\(files.count) form\(files.count == 1 ? "" : "s") checked, \(problems) problem\(problems == 1 ? "" : "s")")
    return problems == 0 ? 0 : 1
}

/// A path relative to the working directory when it lies under it, as people typed it.
func relative(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}

/// `motcua validate FORM ANSWERS [--json] [--lang vi|en] [--today YYYY-MM-DD]`.
func runValidateCommand(_ args: [String]) -> Int32 {
    var positional: [String] = []
    var json = false
    var lang = "vi"
    var today: CalendarDate?
    var i = 0
    while i < args.count {
        let a = args[i]
        switch a {
        case "--json": json = true
        case "--lang":
            i += 1
            guard i < args.count, ["vi", "en"].contains(args[i]) else { Console.err("motcua validate: --lang takes vi or en"); return 2 }
            lang = args[i]
        case "--today":
            i += 1
            guard i < args.count, let d = CalendarDate.parseISO(args[i], precision: .day) else { Console.err("motcua validate: --today takes a date YYYY-MM-DD"); return 2 }
            today = d
        default:
            if a.hasPrefix("--") { Console.err("motcua validate: unknown option \(a)"); return 2 }
            positional.append(a)
        }
        i += 1
    }
    guard positional.count == 2 else {
        Console.err(usageLine(validateUsage))
        return 2
    }
    let loaded: LoadedForm
    switch FormEngine.loadForm(at: resolveFormPath(positional[0])) {
    case .success(let l): loaded = l
    case .failure(let e):
        Console.err("motcua validate: the form cannot be used: \(Console.safe(e.description))")
        return 2
    }
    guard let data = FileManager.default.contents(atPath: positional[1]) else {
        Console.err("motcua validate: cannot read the answers file \(positional[1])")
        return 2
    }
    let answers: JSONValue
    do { answers = try JSONParser.parse(data) } catch {
        Console.err("motcua validate: \(positional[1]) is not JSON: line \(error.line), column \(error.column): \(error.message)")
        return 2
    }
    guard answers.objectValue != nil else {
        Console.err("motcua validate: \(positional[1]) must hold a JSON object of field id → answer")
        return 2
    }
    let messages = Resources.messages(lang)
    let report = FormEngine.validate(loaded.form, answers: answers, messages: messages, today: today)
    if json {
        Console.out(report.json.serialized(pretty: true))
    } else {
        for e in report.errors { Console.out(Console.safe("\(e.field): \(e.message)")) }
        for w in report.warnings { Console.out(Console.safe("\(w.field): \(messages.text("cli.validate.warning")): \(w.message)")) }
        Console.err(report.isValid ? messages.text("cli.validate.valid") : messages.text("cli.validate.invalid", ["count": String(report.errors.count)]))
    }
    return report.isValid ? 0 : 1
}
