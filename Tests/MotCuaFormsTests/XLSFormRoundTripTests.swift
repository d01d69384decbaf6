import Foundation
import Testing
@testable import MotCuaForms

/// `forms decompile` then `forms compile` gives every shipped form back, by
/// meaning: the same JSON once texts, key order and defaults are normalised,
/// and the same verdicts on its answer files.
@Suite struct XLSFormRoundTripTests {
    typealias P = ProcedureFormTests

    static func original(_ id: String) throws -> JSONValue {
        let data = try #require(FileManager.default.contents(atPath: "\(P.formsDir)/\(id).json"))
        return try JSONParser.parse(data)
    }

    /// Decompiles, writes each sheet as TSV text and reads it back (so the
    /// writer and the reader are in the loop), then compiles.
    static func roundTrip(_ json: JSONValue, messages: Messages = vi) -> Result<XLSFormCompiler.Output, SheetIssues> {
        var sheets: [String: Sheet] = [:]
        for (name, sheet) in XLSFormDecompiler.decompile(json).sheets {
            switch Sheet.parse(Data(sheet.tsv().utf8), file: "\(name).tsv", messages: messages) {
            case .success(let s): sheets[name] = s
            case .failure(let e): return .failure(e)
            }
        }
        guard let survey = sheets["survey"] else { return .failure(SheetIssues([])) }
        return XLSFormCompiler.compile(XLSFormSheets(survey: survey, choices: sheets["choices"], settings: sheets["settings"],
                                                     documents: sheets["documents"], checks: sheets["checks"]),
                                       name: "roundtrip.json", lists: sharedLists, messages: messages)
    }

    /// Key order ignored; a Text in the default language alone equals the
    /// plain string; `false` for required/multiline/confirm equals absent;
    /// numbers compared as numbers.
    static func normalize(_ v: JSONValue, defaultLanguage: String = "vi") -> JSONValue {
        switch v {
        case .object(let o):
            if o.count == 1, o.keys == [defaultLanguage], let s = o[defaultLanguage]?.stringValue { return .string(s) }
            var pairs: [(String, JSONValue)] = []
            for (k, x) in o.pairs.sorted(by: { $0.key < $1.key }) {
                if ["required", "multiline", "confirm"].contains(k), x == .bool(false) { continue }
                pairs.append((k, normalize(x, defaultLanguage: defaultLanguage)))
            }
            return .object(JSONObject(pairs))
        case .array(let a): return .array(a.map { normalize($0, defaultLanguage: defaultLanguage) })
        case .int(let i): return .double(Double(i))
        default: return v
        }
    }

    /// The first place two JSON values differ, for a readable failure.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, _ path: String = "") -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for k in Set(x.keys).union(y.keys).sorted() {
                guard let xv = x[k], let yv = y[k] else { return "\(path).\(k): \(x[k].map { "\($0)" } ?? "absent") vs \(y[k].map { "\($0)" } ?? "absent")" }
                if let d = firstDifference(xv, yv, "\(path).\(k)") { return d }
            }
            return nil
        case (.array(let x), .array(let y)):
            if x.count != y.count { return "\(path): \(x.count) vs \(y.count) items" }
            for (i, (p, q)) in zip(x, y).enumerated() { if let d = firstDifference(p, q, "\(path)[\(i)]") { return d } }
            return nil
        default: return a == b ? nil : "\(path): \(a) vs \(b)"
        }
    }

    @Test(arguments: P.shipped) func everyShippedFormRoundTrips(_ id: String) throws {
        let json = try Self.original(id)
        let compiled: XLSFormCompiler.Output
        switch Self.roundTrip(json) {
        case .success(let o): compiled = o
        case .failure(let e): Issue.record("\(id): \(e.issues.map(\.description))"); return
        }
        let diff = Self.firstDifference(Self.normalize(json), Self.normalize(compiled.json))
        #expect(diff == nil, "\(id): \(diff ?? "")")
        // The same verdicts on the answer files.
        let form = P.shippedForm(id)
        for name in ["valid", "invalid"] {
            let answers = try P.answers("\(id).\(name)")
            #expect(P.pairs(validate(form, answers).errors) == P.pairs(validate(compiled.loaded.form, answers).errors), "\(id).\(name)")
        }
    }

    @Test func inlineOptionsAtTopLevelAndInARepeatBecomeLists() throws {
        let json = try JSONParser.parse(Data(#"""
            {"format": "motcua-form/1", "id": "t", "version": "1", "title": "T", "pages": [{"id": "p", "title": "P", "fields": [
              {"id": "a", "type": "choice", "label": "A", "options": [{"value": "x", "label": "X"}]},
              {"id": "r", "type": "repeat", "label": "R", "fields": [
                {"id": "b", "type": "multichoice", "label": "B", "options": [{"value": "y", "label": "Y"}, {"value": "z", "label": "Z"}]}]}]}]}
            """#.utf8))
        let out = try Self.roundTrip(json).get()
        #expect(out.loaded.form.field("a")?.options.map(\.value) == ["x"])
        #expect(out.loaded.form.allFields.first { $0.id == "b" }?.options.map(\.value) == ["y", "z"])
    }

    @Test func decompiledSheetsUseXLSFormNames() throws {
        let out = XLSFormDecompiler.decompile(try Self.original("khai-tu"))
        let survey = try #require(out.sheets.first { $0.name == "survey" }?.sheet)
        #expect(Array(survey.header.prefix(4)) == ["type", "name", "label::vi", "label::en"])
        let text = survey.tsv()
        #expect(text.contains("select_one tinh\tco_quan_tinh"))
        #expect(text.contains("province = ${co_quan_tinh}"), "choice_filter names the choice column, fields as ${}")
        #expect(text.contains("days(${nc_ngay_chet}, today()) > 15") || text.contains("${nc_ngay_chet}"))
        #expect(text.contains("begin group\tnguoi_yeu_cau"))
        let settings = try #require(out.sheets.first { $0.name == "settings" }?.sheet)
        #expect(settings.header.contains("form_id") && settings.header.contains("procedure_code"))
    }
}
