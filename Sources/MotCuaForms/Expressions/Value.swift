/// A value during evaluation. Numbers are doubles (answers' integers are
/// exact up to 2^53); dates are calendar dates; a repeat is a list of items.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(CalendarDate)
    case list([Value])
    case item([String: Value])

    /// Null, "" and the empty list count as "no answer" for `empty()` and `required`.
    public var isEmpty: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .list(let l): return l.isEmpty
        default: return false
        }
    }

    /// In a boolean place null (and anything not a boolean) is false.
    public var truthy: Bool { if case .bool(true) = self { return true } else { return false } }

    /// An answer as stored (already normalised by validation) read back as
    /// a value of a field of `type`; nil when it is null or does not fit.
    /// Front ends use it for expressions (`Interview`) and for display (`Review`).
    public init?(stored v: JSONValue, type: FieldType) {
        switch (type, v) {
        case (_, .null): return nil
        case (.date, .string(let s)):
            guard let d = CalendarDate.parseISO(s) else { return nil }
            self = .date(d)
        case (.integer, _), (.decimal, _):
            guard let d = v.doubleValue else { return nil }
            self = .number(d)
        case (.multichoice, .array(let a)): self = .list(a.compactMap { $0.stringValue.map(Value.string) })
        case (.boolean, .bool(let b)): self = .bool(b)
        case (_, .string(let s)): self = .string(s)
        default: return nil
        }
    }

    /// As JSON for the dossier (calculate fields): dates as ISO text.
    public var json: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d): return d.rounded() == d && abs(d) < 9e15 ? .int(Int(d)) : .double(d)
        case .string(let s): return .string(s)
        case .date(let d): return .string(d.iso)
        case .list(let l): return .array(l.map(\.json))
        case .item(let m): return .object(JSONObject(m.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }))
        }
    }

    /// A number as a person reads it in messages: no ".0" on whole numbers.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return formatNumber(d)
        case .string(let s): return s
        case .date(let d): return d.display
        case .list(let l): return l.map(\.displayText).joined(separator: ", ")
        case .item: return ""
        }
    }
}

func formatNumber(_ d: Double) -> String {
    if d.rounded() == d, abs(d) < 9e15 { return String(Int(d)) }
    var s = String(d)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}

/// What the checker can know of an expression's value before any answer exists.
public indirect enum StaticType: Sendable, Equatable, CustomStringConvertible {
    case any, null, boolean, number, string, date, item
    case list(StaticType)

    public var description: String {
        switch self {
        case .any: return "any value"
        case .null: return "null"
        case .boolean: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .date: return "a date"
        case .item: return "a repeat item"
        case .list(let e): return "a list of \(e == .any ? "values" : "\(e)")"
        }
    }

    /// Whether a value of type `self` may stand where `expected` is wanted.
    func fits(_ expected: StaticType) -> Bool {
        switch (self, expected) {
        case (.any, _), (_, .any), (.null, _): return true
        case (.list(let a), .list(let b)): return a.fits(b)
        default: return self == expected
        }
    }
}
