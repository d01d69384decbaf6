import Foundation

/// The kinds of field of `motcua-form/1`.
public enum FieldType: String, Sendable, CaseIterable {
    case text, integer, decimal, date, choice, multichoice, boolean, note, `repeat`, calculate

    /// Whether the field takes an answer from the person.
    public var isAsked: Bool { self != .note && self != .calculate }
}

/// Built-in formats of text answers.
public enum TextFormat: String, Sendable, CaseIterable {
    case cccd, cmnd, phone, email, name
}

/// Case applied to a stored text answer.
public enum TextCase: String, Sendable { case upper, title }

/// Whether the built-in Vietnamese typing applies to a text field.
public enum InputKind: String, Sendable { case vietnamese, latin }

/// `required`: never, always, or when an expression is true.
public enum Requirement: Sendable {
    case no, yes, when(Expression)
}

/// A bound of a number or date field: a literal or an expression.
public enum Bound: Sendable {
    case number(Double)
    case date(CalendarDate)
    case expression(Expression)
}

/// `default`: a literal answer or an expression computed when the field is first shown.
public enum DefaultValue: Sendable {
    case literal(JSONValue)
    case expression(Expression)
}

/// A compiled `pattern` that must match the whole answer.
public struct Pattern: Sendable {
    public let source: String
    public let regex: NSRegularExpression
    /// The same pattern as a fast matcher, when it lies in the simple subset.
    let simple: SimplePattern?

    public init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: "^(?:" + source + ")$", options: [])
        simple = SimplePattern(source)
    }

    public func matches(_ s: String) -> Bool {
        if let simple { return simple.matches(s) }
        let ns = s as NSString
        return regex.firstMatch(in: s, options: [.anchored], range: NSRange(location: 0, length: ns.length)) != nil
    }
}

/// One question (or note, calculation, repeat) of a form.
public struct Field: Sendable {
    public var id: String
    public var type: FieldType
    /// Where the field sits in the file, e.g. `pages[1].fields[3]`: lint and load errors point here.
    public var jsonPath: String
    public var label: LocalizedText?
    public var hint: LocalizedText?
    public var help: LocalizedText?
    public var example: LocalizedText?
    public var required: Requirement = .no
    public var requiredMessage: LocalizedText?
    public var relevant: Expression?
    public var defaultValue: DefaultValue?
    public var constraint: Expression?
    public var constraintMessage: LocalizedText?
    public var warning: Expression?
    public var warningMessage: LocalizedText?

    // text
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: Pattern?
    public var patternMessage: LocalizedText?
    public var multiline = false
    public var textCase: TextCase?
    public var format: TextFormat?
    public var input: InputKind = .vietnamese
    public var confirm = false

    // integer, decimal, date
    public var min: Bound?
    public var max: Bound?
    public var unit: LocalizedText?
    public var precision: CalendarDate.Precision = .day

    // choice, multichoice
    public var options: [Option] = []
    /// The list name when the options came from `lists` (for display and lint).
    public var optionsList: String?
    public var filter: Expression?
    public var minSelected: Int?
    public var maxSelected: Int?

    // repeat
    public var fields: [Field] = []
    public var minCount: Int?
    public var maxCount: Int?
    public var itemLabel: LocalizedText?

    // calculate
    public var expression: Expression?

    public init(id: String, type: FieldType, jsonPath: String) {
        self.id = id; self.type = type; self.jsonPath = jsonPath
    }

    /// Option by value, in O(1) for long lists such as the 3,321 communes.
    public func option(_ value: String) -> Option? {
        guard let i = optionIndex[value] else { return nil }
        return options[i]
    }

    public var optionIndex: [String: Int] = [:]
}
