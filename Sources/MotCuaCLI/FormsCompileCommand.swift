import Foundation
import MotCuaForms

/// `motcua forms compile SRC [-o FORM.json] [--lang vi|en]` and
/// `motcua forms decompile FORM.json DIR`: the file side of the spreadsheet
/// compiler in MotCuaForms/XLSForm (which only turns text into a form).
enum FormsSheetsCommand {
    static let sheetNames = ["survey", "choices", "settings", "documents", "checks"]
    static let usage = """
        usage: motcua forms compile SRC [-o FORM.json] [--lang vi|en]
               motcua forms decompile FORM.json DIR
        SRC is a folder holding survey.tsv (or .csv) and optionally choices, settings, documents, checks.
        """

    static func compile(_ args: [String]) -> Int32 {
        var src: String?, out: String?, lang = "vi"
        var i = 0
        while i < args.count {
            switch args[i] {
            case "-o", "--output":
                i += 1
                guard i < args.count else { Console.err(usage); return 2 }
                out = args[i]
            case "--lang":
                i += 1
                guard i < args.count, ["vi", "en"].contains(args[i]) else { Console.err("motcua forms compile: --lang takes vi or en"); return 2 }
                lang = args[i]
            case "--help", "-h": Console.out(usage); return 0
            default:
                if args[i].hasPrefix("-") || src != nil { Console.err(usage); return 2 }
                src = args[i]
            }
            i += 1
        }
        guard let src else { Console.err(usage); return 2 }
        let messages = Resources.messages(lang)
        var sheets: [String: Sheet] = [:]
        var problems: [SheetIssue] = []
        for name in sheetNames {
            let candidates = ["tsv", "csv", "txt"].map { (src as NSString).appendingPathComponent("\(name).\($0)") }
            guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(SheetIssue(file: path, row: 0, column: 0, message: "cannot be read")); continue
            }
            switch Sheet.parse(data, file: relative(path), messages: messages) {
            case .success(let s): sheets[name] = s
            case .failure(let e): problems += e.issues
            }
        }
        guard let survey = sheets["survey"] else {
            if problems.isEmpty {
                problems.append(SheetIssue(file: src, row: 0, column: 0, message: messages.text("xlsform.missing_sheet", ["sheet": "survey"])))
            }
            return report(problems)
        }
        if !problems.isEmpty { return report(problems) }
        let listsPath = out.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lists") }
            .flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            ?? Resources.formsDirectory.map { ($0 as NSString).appendingPathComponent("lists") }
        let input = XLSFormSheets(survey: survey, choices: sheets["choices"], settings: sheets["settings"],
                                  documents: sheets["documents"], checks: sheets["checks"])
        switch XLSFormCompiler.compile(input, name: out ?? "FORM.json", lists: ListDirectory(path: listsPath), messages: messages) {
        case .failure(let e): return report(e.issues)
        case .success(let o):
            let text = o.json.serialized(pretty: true) + "\n"
            guard let out else { FileHandle.standardOutput.write(Data(text.utf8)); return 0 }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                Console.err("motcua forms compile: cannot write \(out): \(error.localizedDescription)"); return 1
            }
            Console.err("\(out): \(o.loaded.form.allFields.count) fields")
            return 0
        }
    }

    static func report(_ issues: [SheetIssue]) -> Int32 {
        for i in issues { Console.err(Console.safe(i.description)) }
        return 1
    }

    static func decompile(_ args: [String]) -> Int32 {
        if args.first == "--help" || args.first == "-h" { Console.out(usage); return 0 }
        guard args.count == 2 else { Console.err(usage); return 2 }
        guard let data = FileManager.default.contents(atPath: args[0]) else { Console.err("\(args[0]): no such file"); return 1 }
        // Decompile only what loads: a broken form is reported as `forms check` would.
        if case .failure(let e) = FormEngine.loadForm(at: args[0]) {
            for issue in e.issues { Console.err(Console.safe(issue.description)) }
            return 1
        }
        var parser = JSONParser(data)
        guard let json = try? parser.parseDocument() else { Console.err("\(args[0]): not JSON"); return 1 }
        let dir = args[1]
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, sheet) in XLSFormDecompiler.decompile(json).sheets {
                try Data(sheet.tsv().utf8).write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("\(name).tsv")), options: .atomic)
            }
        } catch {
            Console.err("motcua forms decompile: cannot write into \(dir): \(error.localizedDescription)"); return 1
        }
        return 0
    }
}
