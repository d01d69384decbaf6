/// The error codes of the spec, plus `warning` for soft checks.
public enum IssueCode: String, Sendable, CaseIterable {
    case required, type, format, length, pattern, range, option, count, constraint, check
    case unknownField = "unknown_field"
    case warning
}

/// One error or warning: `{"field": PATH, "code": CODE, "message": TEXT}`,
/// PATH being the field id or `repeat_id[i].field_id` (i from 0).
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var code: IssueCode
    public var message: String

    public init(field: String, code: IssueCode, message: String) {
        self.field = field; self.code = code; self.message = message
    }

    public var json: JSONValue { ["field": .string(field), "code": .string(code.rawValue), "message": .string(message)] }
    public var description: String { "\(field): \(message)" }
}

/// The result of validating a whole dossier.
public struct ValidationReport: Sendable {
    public var errors: [ValidationIssue] = []
    public var warnings: [ValidationIssue] = []
    /// The answers as they go into the dossier: trimmed, NFC, cased and
    /// normalised, calculations computed, fields not relevant left out.
    public var answers: JSONValue = .object(JSONObject())
    /// Names (format `name`) and ID numbers (`cccd`, `cmnd`) found in the
    /// answers, for the store's search index.
    public var personalNames: [String] = []
    public var personalIDs: [String] = []
    /// Phone numbers (`phone`), for lookup in a shared core store.
    public var phones: [String] = []

    public var isValid: Bool { errors.isEmpty }

    public var json: JSONValue {
        ["valid": .bool(isValid), "errors": .array(errors.map(\.json)), "warnings": .array(warnings.map(\.json))]
    }
}
