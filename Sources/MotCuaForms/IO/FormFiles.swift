import Foundation
import Synchronization

/// Why a form file cannot be used at all (missing, unreadable, not JSON,
/// or with lint errors), with every problem found.
public struct FormLoadError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let issues: [FormIssue]
    public var description: String {
        issues.count == 1 ? issues[0].description : "\(file): \(issues.count) problems, first: \(issues.first?.description ?? "")"
    }
}

/// A form with the exact bytes it was read from (the store hashes them, so a
/// dossier names the precise version it was made with).
public struct LoadedForm: Sendable {
    public let form: Form
    public let data: Data
    public let path: String
}

/// Reads forms and their shared lists from disk: the only file access of the
/// form engine. Lists are cached, so a catalog reads `communes.json` once.
public final class ListDirectory: Sendable {
    public let path: String?
    private let cache = Mutex<[String: Result<[Option], ListLoadError>]>([:])
    private let indexes = Mutex<[String: [String: Int]]>([:])

    public init(path: String?) { self.path = path }

    public func list(_ name: String) -> Result<[Option], ListLoadError> {
        if let hit = cache.withLock({ $0[name] }) { return hit }
        let r = read(name)
        cache.withLock { $0[name] = r }
        return r
    }

    /// Option value → position in the list, built once per list however many
    /// fields and forms use it (the 3,321 communes are named by many forms).
    public func index(_ name: String) -> [String: Int]? {
        if let hit = indexes.withLock({ $0[name] }) { return hit }
        guard case .success(let options) = list(name) else { return nil }
        let built = Dictionary(options.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { a, _ in a })
        indexes.withLock { $0[name] = built }
        return built
    }

    private func read(_ name: String) -> Result<[Option], ListLoadError> {
        guard IDRules.isSlug(name) else { return .failure(ListLoadError("'@\(name)' is not a valid list name (lower-case letters, digits and hyphens)")) }
        guard let dir = path else { return .failure(ListLoadError("shared list '@\(name)' needs a lists folder, none is configured")) }
        let file = (dir as NSString).appendingPathComponent(name + ".json")
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(ListLoadError("shared list '@\(name)' not found: no file \(file)"))
        }
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch { return .failure(ListLoadError("\(file): not valid JSON: \(error)")) }
        let diag = Diagnostics(file: file)
        guard case .array(let items)? = json["options"] else {
            return .failure(ListLoadError("\(file): a list file needs \"options\": [...]"))
        }
        let options = decodeOptions(items, path: "options", diag: diag)
        if let first = diag.issues.first { return .failure(ListLoadError(first.description)) }
        return .success(options)
    }
}

public enum FormEngine {
    /// Decodes and lints a form from bytes. `name` is the file name used in messages.
    public static func load(data: Data, name: String, lists: ListDirectory) -> Result<LoadedForm, FormLoadError> {
        let diag = Diagnostics(file: name)
        var parser = JSONParser(data)
        let json: JSONValue
        do { json = try parser.parseDocument() } catch {
            return .failure(FormLoadError(file: name, issues: [FormIssue(file: name, path: "", message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")]))
        }
        for d in parser.duplicateKeys { diag.add(d.path, "key '\(d.key)' appears twice in the same object") }
        let decoder = FormDecoder(diag: diag, sharedList: lists.list, sharedIndex: lists.index)
        guard var form = decoder.decode(json) else { return .failure(FormLoadError(file: name, issues: diag.issues)) }
        var sem = FormSemantics(diag: diag)
        sem.run(&form)
        if !diag.issues.isEmpty { return .failure(FormLoadError(file: name, issues: diag.issues)) }
        return .success(LoadedForm(form: form, data: data, path: name))
    }

    /// Reads a form file; shared lists come from `lists` or else from the
    /// `lists/` folder beside the form.
    public static func loadForm(at path: String, lists: ListDirectory? = nil) -> Result<LoadedForm, FormLoadError> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            return .failure(FormLoadError(file: path, issues: [FormIssue(file: path, path: "", message: isDir.boolValue ? "is a folder, not a form file" : "no such file")]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(FormLoadError(file: path, issues: [FormIssue(file: path, path: "", message: "cannot be read (permissions?)")]))
        }
        let dir = lists ?? ListDirectory(path: ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lists"))
        return load(data: data, name: path, lists: dir)
    }

    /// Validates answers with the kiosk's clock (Asia/Ho_Chi_Minh) unless `today` is given.
    public static func validate(_ form: Form, answers: JSONValue, messages: Messages, today: CalendarDate? = nil) -> ValidationReport {
        let ctx = EvaluationContext(today: today ?? EvaluationContext.today(), language: messages.language, form: form)
        return Validator(form: form, context: ctx, messages: messages).validate(answers)
    }
}
