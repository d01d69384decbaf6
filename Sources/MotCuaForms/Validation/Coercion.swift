import Foundation
import MotCuaText

/// Turns an answer from JSON into an evaluation value of the field's type,
/// normalising text (trim, NFC, case, format) on the way.
enum Coercion {
    enum Outcome {
        /// The value, and whether the dossier stores the answer as given
        /// (`normalisedForm` is nil): known here at no cost.
        case value(Value, asGiven: Bool)
        case empty
        case typeError(key: String, args: [String: String])
        /// Text the one text gate refuses (a control character, too many marks, too long).
        case refused(TextRefusal)
    }

    /// `v` is consumed: a text answer that needs no normalising becomes the
    /// value without a copy (a copy of a text is two atomic operations).
    @inline(__always)
    static func coerce(_ v: consuming JSONValue, _ f: FieldPlan) -> Outcome {
        if case .null = v { return .empty }
        switch f.type {
        case .text:
            guard case .string(let raw) = consume v else { return .typeError(key: "validation.type.text", args: [:]) }
            var asGiven = true
            var s: String
            do { s = try TextNormalizer.normalize(raw, multiline: f.multiline, unchanged: &asGiven) } catch { return .refused(error) }
            if s.isEmpty { return .empty }
            if let textCase = f.textCase {
                let cased = textCase == .upper ? VietText.upper(s) : VietText.title(s)
                if cased != s { asGiven = false; s = cased }
            }
            return .value(.string(s), asGiven: asGiven)
        case .integer:
            // A whole number given as such is stored as typed; 3.0 as 3.
            guard let i = v.intValue else { return .typeError(key: "validation.type.integer", args: [:]) }
            if case .int = v { return .value(.number(Double(i)), asGiven: true) }
            return .value(.number(Double(i)), asGiven: false)
        case .decimal:
            guard let d = v.doubleValue else { return .typeError(key: "validation.type.decimal", args: [:]) }
            return .value(.number(d), asGiven: true)
        case .date:
            guard case .string(let s) = v else { return .typeError(key: "validation.type.date", args: isoArgs(f.precision)) }
            if s.isEmpty { return .empty }
            guard let d = CalendarDate.parseISO(s, precision: f.precision) else { return .typeError(key: "validation.type.date", args: isoArgs(f.precision)) }
            return .value(.date(d), asGiven: true)
        case .choice:
            guard case .string(let s) = v else { return .typeError(key: "validation.type.choice", args: [:]) }
            if s.isEmpty { return .empty }
            return .value(.string(s), asGiven: true)
        case .multichoice:
            guard case .array(let a) = v, a.allSatisfy({ $0.stringValue != nil }) else { return .typeError(key: "validation.type.multichoice", args: [:]) }
            return .value(.list(a.map { .string($0.stringValue!) }), asGiven: true)
        case .boolean:
            guard case .bool(let b) = v else { return .typeError(key: "validation.type.boolean", args: [:]) }
            return .value(.bool(b), asGiven: true)
        case .repeat:
            guard case .array(let a) = v, a.allSatisfy({ $0.objectValue != nil }) else { return .typeError(key: "validation.type.repeat", args: [:]) }
            // Items are coerced one by one by the validator; here only their number matters.
            return .value(.list(.filled(.null, count: a.count)), asGiven: true)
        case .note: return .typeError(key: "validation.type.note", args: [:])
        case .calculate: return .empty
        }
    }

    /// What goes into the dossier for an answer `raw` coerced to `value`
    /// when that is not `raw` itself: the normalised text, a whole number
    /// given as 3.0 as 3. Nil: store the answer as given (dates included: only
    /// their canonical ISO form is taken; whole numbers given as such, even
    /// beyond 2^53 where their Double is not exact and must not replace them).
    static func normalisedForm(_ value: Value, raw: JSONValue, _ f: FieldPlan) -> JSONValue? {
        switch (f.type, value, raw) {
        case (.text, .string(let s), .string(let r)): return s == r ? nil : .string(s)
        case (.text, .string(let s), _): return .string(s)
        case (.integer, _, .int): return nil
        case (.integer, .number(let d), _): return Int(exactly: d).map { .int($0) }
        default: return nil
        }
    }

    static func isoArgs(_ p: CalendarDate.Precision) -> [String: String] {
        switch p {
        case .day: return ["pattern": "YYYY-MM-DD", "example": "2024-03-05"]
        case .month: return ["pattern": "YYYY-MM", "example": "2024-03"]
        case .year: return ["pattern": "YYYY", "example": "1985"]
        }
    }
}
