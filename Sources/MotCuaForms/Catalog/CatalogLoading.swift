import Foundation

// The catalog's one edge: reading a folder of forms. Every form shares one
// ListDirectory, so communes.json and the other shared lists are parsed once
// however many forms name them.

extension Catalog {
    /// Loads every `*.json` form directly in `formsDirectory` (not its
    /// subfolders) with the shared lists of `listsDirectory`, by default the
    /// `lists/` folder inside it. Forms that do not load, and forms whose id is
    /// already taken by an earlier file (in file-name order), are returned as
    /// errors and left out; the rest make the catalog.
    public static func load(formsDirectory: String, listsDirectory: String? = nil) -> (Catalog, [FormLoadError]) {
        let lists = ListDirectory(path: listsDirectory ?? (formsDirectory as NSString).appendingPathComponent("lists"))
        return load(formsDirectory: formsDirectory, lists: lists)
    }

    /// As `load(formsDirectory:listsDirectory:)`, with lists already opened
    /// (and possibly already cached).
    public static func load(formsDirectory: String, lists: ListDirectory) -> (Catalog, [FormLoadError]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: formsDirectory)
        } catch {
            let issue = FormIssue(file: formsDirectory, path: "", message: "cannot list the forms folder: \(error.localizedDescription)")
            return (Catalog(forms: [], lists: lists), [FormLoadError(file: formsDirectory, issues: [issue])])
        }
        var forms: [LoadedForm] = []
        var errors: [FormLoadError] = []
        var firstFile: [String: String] = [:]
        for name in names.filter({ $0.hasSuffix(".json") && !$0.hasPrefix(".") }).sorted() {
            let path = (formsDirectory as NSString).appendingPathComponent(name)
            switch FormEngine.loadForm(at: path, lists: lists) {
            case .failure(let e): errors.append(e)
            case .success(let loaded):
                if let first = firstFile[loaded.form.id] {
                    let issue = FormIssue(file: path, path: "id", message: "form id '\(loaded.form.id)' is already used by \(first): ids must be unique in the catalog")
                    errors.append(FormLoadError(file: path, issues: [issue]))
                } else {
                    firstFile[loaded.form.id] = path
                    forms.append(loaded)
                }
            }
        }
        return (Catalog(forms: forms, lists: lists), errors)
    }
}
