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

extension Catalog {
    /// A catalog for browsing only, made fast for the kiosk's first screen:
    /// of each form file only the members the catalog shows and searches are
    /// parsed as JSON (id, version, title, summary, keywords, languages, procedure
    /// code, domain, agency and processing days); no shared list is read and nothing is linted. The
    /// entries' forms have no pages and their entries no file bytes: open a form with
    /// `FormEngine.loadForm` (which lints it) before using it. Files that are not JSON or
    /// have no id or title are left out here and reported when opened. (`CatalogHeaders`
    /// is the same with what a cache of it needs.)
    public static func loadHeaders(formsDirectory: String) -> Catalog {
        CatalogHeaders(scanning: FormsFolder(formsDirectory)).catalog
    }

    /// The form a header (what `HeaderScan` kept of a file, parsed) describes, or nil
    /// without an id or a title: the one decoding of a scan and of the header cache.
    static func headerForm(_ json: JSONValue, path: String) -> Form? {
        guard let id = json["id"]?.stringValue, let rawTitle = json["title"] else { return nil }
        let diag = Diagnostics(file: path)
        guard let title = readText(rawTitle, path: "title", diag: diag) else { return nil }
        let languages = (json["languages"]?.arrayValue ?? []).compactMap(\.stringValue)
        var form = Form(id: id, version: json["version"]?.stringValue ?? "", title: title,
                        languages: languages.isEmpty ? ["vi"] : languages, pages: [])
        form.summary = json["summary"].flatMap { readText($0, path: "summary", diag: diag) }
        // The search matches keywords and the agency too (`Catalog.names`), as on a whole form.
        form.keywords = (json["keywords"]?.arrayValue ?? []).prefix(50).compactMap { w in
            w.stringValue.flatMap { !$0.isEmpty && $0.count <= 100 ? $0 : nil }
        }
        if let p = json["procedure"] {
            var proc = Procedure()
            proc.code = p["code"]?.stringValue
            proc.domain = p["domain"].flatMap { readText($0, path: "procedure.domain", diag: diag) }
            proc.agency = p["agency"].flatMap { readText($0, path: "procedure.agency", diag: diag) }
            // The returning-citizen list shows appointments without opening each form.
            proc.processingDays = p["processingDays"]?.intValue
            form.procedure = proc
        }
        return form
    }

    /// The top-level members `loadHeaders` reads; the others (pages, checks, lists) are
    /// skipped unparsed.
    static let headerKeys: Set<String> = ["id", "version", "title", "summary", "keywords", "languages", "procedure"]
    /// Of `procedure`, what the catalog shows and searches (its documents and fee are
    /// most of a form's header and wait until the form is opened).
    static let headerWithin: [String: Set<String>] = ["procedure": ["code", "domain", "agency", "processingDays"]]
}
