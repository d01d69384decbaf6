import Foundation
import MotCuaForms
import MotCuaStore

/// The form engine behind the store's `DossierChecker` seam, and the bytes
/// the store keeps as "the form file used".
public enum StoreForms {
    /// Loads stored form copies with `FormEngine` and validates with it. A
    /// copy is self-contained (see `formFile(at:)`), so no lists folder is given.
    public static let checker = DossierChecker { data in
        let loaded: LoadedForm
        switch FormEngine.load(data: data, name: "stored form", lists: ListDirectory(path: nil)) {
        case .success(let l): loaded = l
        case .failure(let e): throw StoreError.unusableForm(e.description)
        }
        let form = loaded.form
        // Locale tables are read once per form, not once per dossier.
        let vi = Resources.messages("vi"), en = Resources.messages("en")
        return PreparedForm(formID: form.id, formVersion: form.version, languages: form.languages, procedureCode: form.procedure?.code) { answers, language, asOf in
            // A closed set: the store admits only the form's languages, and no
            // language from a dossier ever opens a file here (F15).
            let messages = language == "en" ? en : vi
            let d = asOf.vietnamDate
            let report = FormEngine.validate(form, answers: answers, messages: messages,
                                             today: CalendarDate(year: d.year, month: d.month, day: d.day))
            func issue(_ i: ValidationIssue) -> CheckIssue { CheckIssue(field: i.field, code: i.code.rawValue, message: i.message) }
            guard report.isValid else { return .invalid(report.errors.map(issue)) }
            return .valid(CheckedAnswers(answers: report.answers, personalNames: report.personalNames,
                                         personalIDs: report.personalIDs, phones: report.phones, warnings: report.warnings.map(issue)))
        }
    }

    /// The form file at `path` as the store should keep it: its exact bytes
    /// when it names no shared list; otherwise the same document with each
    /// `"@name"` list replaced by the options of `lists/name.json` beside it,
    /// so the stored copy validates on its own years later, against the very
    /// lists the dossier was checked with. Throws the loader's one-line reason.
    /// `loaded`: the file was already loaded and linted (a desk session's form), so it is not again.
    public static func formFile(at path: String, loaded: Bool = false) throws -> FormFile {
        if !loaded {
            switch FormEngine.loadForm(at: path) {
            case .success: break
            case .failure(let e): throw StoreError.unusableForm(e.description)
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.unusableForm("\(path): cannot be read")
        }
        guard case .object(var document) = try JSONParser.parse(data), var lists = document["lists"]?.objectValue,
              lists.pairs.contains(where: { $0.value.stringValue?.hasPrefix("@") == true }) else {
            return FormFile(data)
        }
        let folder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lists")
        for (name, value) in lists.pairs {
            guard let ref = value.stringValue, ref.hasPrefix("@") else { continue }
            // The loader already accepted the reference, so the name is a slug and the file exists.
            let file = (folder as NSString).appendingPathComponent(String(ref.dropFirst()) + ".json")
            guard let listData = FileManager.default.contents(atPath: file),
                  let options = (try? JSONParser.parse(listData))?["options"], options.arrayValue != nil else {
                throw StoreError.unusableForm("\(file): cannot read the shared list \(ref)")
            }
            lists[name] = options
        }
        document["lists"] = .object(lists)
        let inlined = JSONValue.object(document).data(pretty: true)
        // A copy that does not load on its own would be useless at delivery.
        if case .failure(let e) = FormEngine.load(data: inlined, name: path, lists: ListDirectory(path: nil)) {
            throw StoreError.unusableForm("\(path): the form with its lists inlined does not load: \(e.description)")
        }
        return FormFile(inlined)
    }
}
