import Foundation
import MotCuaForms

/// The seam between the store and the form engine. The store never parses
/// forms itself: the caller (MotCuaCLI, with `FormEngine`) provides a checker,
/// and tests provide a small one of their own. The store calls it at submit,
/// at import and again at delivery, against the stored copy of the exact form
/// file the dossier was made with.
public struct DossierChecker: Sendable {
    /// Loads a form from its exact bytes. Throws (any error; its description
    /// is shown as a one-line reason) when the form cannot be used. The store
    /// calls it once per form version and keeps the result for a batch.
    public let prepare: @Sendable (_ formData: Data) throws -> PreparedForm

    public init(prepare: @escaping @Sendable (_ formData: Data) throws -> PreparedForm) {
        self.prepare = prepare
    }
}

/// A loaded form, ready to check answers.
public struct PreparedForm: Sendable {
    public let formID: String
    public let formVersion: String
    /// The languages the form is written in; a dossier's language must be
    /// one of them (empty: "vi" and "en"), checked before anything uses it.
    public let languages: [String]
    /// The procedure's national code (`procedure.code`), when the form has one.
    public let procedureCode: String?
    /// Validates answers in `language`, taking "today" to be the Viet Nam date
    /// of `asOf` (the submit time, so that re-validation at delivery days
    /// later gives the same verdict for date rules such as age limits).
    public let check: @Sendable (_ answers: JSONValue, _ language: String, _ asOf: Timestamp) -> CheckResult

    public init(formID: String, formVersion: String, languages: [String] = [], procedureCode: String? = nil,
                check: @escaping @Sendable (_ answers: JSONValue, _ language: String, _ asOf: Timestamp) -> CheckResult) {
        self.formID = formID
        self.formVersion = formVersion
        self.languages = languages
        self.procedureCode = procedureCode
        self.check = check
    }
}

extension PreparedForm {
    /// Throws unless `language` is one of the form's languages: a closed set,
    /// so no dossier or request can make a language into a path (F15).
    func requireLanguage(_ language: String) throws {
        let allowed = languages.isEmpty ? ["vi", "en"] : languages
        guard LanguageTag.isPlain(language), allowed.contains(language) else {
            throw StoreError.invalidArgument("language must be one of the form's languages (\(allowed.joined(separator: ", ")))")
        }
    }
}

/// One validation error or warning: `field` is the answer's path
/// (`children[0].name`), `code` one of the form format's codes.
public struct CheckIssue: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// "PATH: message", as the command line prints it.
    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

/// Answers that passed: normalised, plus what the store's index needs.
public struct CheckedAnswers: Sendable {
    /// Normalised answers (trimmed, NFC, computed fields filled, irrelevant left out): what is stored.
    public var answers: JSONValue
    /// Names of people in the dossier, for search (folded by the index).
    public var personalNames: [String]
    /// Personal ID numbers (CCCD, CMND) in the dossier, for exact lookup.
    public var personalIDs: [String]
    /// Phone numbers (format `phone`), for lookup in a shared core store.
    public var phones: [String]
    /// Soft checks that failed: shown, never blocking.
    public var warnings: [CheckIssue]

    public init(answers: JSONValue, personalNames: [String] = [], personalIDs: [String] = [], phones: [String] = [], warnings: [CheckIssue] = []) {
        self.answers = answers
        self.personalNames = personalNames
        self.personalIDs = personalIDs
        self.phones = phones
        self.warnings = warnings
    }
}

public enum CheckResult: Sendable {
    case valid(CheckedAnswers)
    case invalid([CheckIssue])
}

/// Forms seen in one operation, by content hash, so a batch of thousands of
/// dossiers made with one form parses that form once.
struct PreparedFormCache {
    let checker: DossierChecker
    private var forms: [Digest: Result<PreparedForm, StoreError>] = [:]

    init(checker: DossierChecker) { self.checker = checker }

    mutating func form(_ hash: Digest, data: () throws -> Data) -> Result<PreparedForm, StoreError> {
        if let known = forms[hash] { return known }
        let result: Result<PreparedForm, StoreError>
        do {
            result = .success(try checker.prepare(try data()))
        } catch let e as StoreError {
            result = .failure(e)
        } catch {
            result = .failure(.unusableForm("\(error)"))
        }
        forms[hash] = result
        return result
    }
}
