import MotCuaForms
import MotCuaText

/// Turns what a person typed into an answer for a field: "05/03/2024" into
/// "2024-03-05", "có" into true, "3" or "Nữ" into a choice's value. Both
/// front ends use it, so typing works the same everywhere.
public enum TypedInput {
    public enum Parsed: Sendable, Equatable {
        case value(JSONValue)
        case empty
        /// A locale key and its arguments.
        case invalid(key: String, args: [String: String])
    }

    public static func parse(_ raw: String, for f: Field, options visible: [Option]? = nil, language: String = "vi") -> Parsed {
        let text = VietText.nfc(raw.trimmingCharacters(in: .whitespaces))
        if text.isEmpty { return .empty }
        switch f.type {
        case .text: return .value(.string(raw))
        case .integer:
            let digits = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
            guard let i = Int(digits) else { return .invalid(key: "validation.type.integer", args: [:]) }
            return .value(.int(i))
        case .decimal:
            let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
            guard let d = Double(t), d.isFinite else { return .invalid(key: "validation.type.decimal", args: [:]) }
            return .value(.double(d))
        case .date:
            guard let d = CalendarDate.parseTyped(text, precision: f.precision) ?? CalendarDate.parseISO(text, precision: f.precision) else {
                if CalendarDate.hasTypedShape(text, precision: f.precision) { return .invalid(key: "input.date.impossible", args: [:]) }
                return .invalid(key: dateKey(f.precision), args: dateArguments(f.precision))
            }
            return .value(.string(d.iso))
        case .boolean:
            switch VietText.fold(text) {
            case "c", "co", "y", "yes", "1", "dung", "true": return .value(.bool(true))
            case "k", "khong", "n", "no", "0", "sai", "false": return .value(.bool(false))
            default: return .invalid(key: "validation.type.boolean", args: [:])
            }
        case .choice:
            guard let o = pick(text, in: visible ?? f.options, language: language) else { return .invalid(key: "input.choice", args: [:]) }
            return .value(.string(o.value))
        case .multichoice:
            var picked: [JSONValue] = []
            for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                guard let o = pick(part.trimmingCharacters(in: .whitespaces), in: visible ?? f.options, language: language) else {
                    return .invalid(key: "input.choice", args: [:])
                }
                if !picked.contains(.string(o.value)) { picked.append(.string(o.value)) }
            }
            return .value(.array(picked))
        case .note, .repeat, .calculate: return .empty
        }
    }

    /// Telex/VNI apply where names and addresses are typed: ID numbers, phones and e-mail
    /// addresses are Latin whatever the form says.
    public static func vietnameseTypingApplies(_ f: Field) -> Bool {
        guard f.type == .text, f.input == .vietnamese else { return false }
        switch f.format {
        case .cccd?, .cmnd?, .phone?, .email?: return false
        case .name?, nil: return true
        }
    }

    /// "DD/MM/YYYY", "MM/YYYY" or "YYYY".
    public static func datePattern(_ p: CalendarDate.Precision) -> String {
        switch p {
        case .day: return "DD/MM/YYYY"
        case .month: return "MM/YYYY"
        case .year: return "YYYY"
        }
    }

    /// An example in the shape the precision asks for: 05/03/2024, 03/2024 or 1990.
    public static func dateExample(_ p: CalendarDate.Precision) -> String {
        switch p {
        case .day: return "05/03/2024"
        case .month: return "03/2024"
        case .year: return "1990"
        }
    }

    /// The message for a date not written as asked: a year field asks for a year, not a
    /// "date" ("Hãy nhập năm…"), a month field for a month and year.
    public static func dateKey(_ p: CalendarDate.Precision) -> String {
        switch p {
        case .day: return "input.date"
        case .month: return "input.date.month"
        case .year: return "input.date.year"
        }
    }

    /// The arguments of `input.date`: the pattern and an example of it.
    public static func dateArguments(_ p: CalendarDate.Precision) -> [String: String] {
        ["pattern": datePattern(p), "example": dateExample(p)]
    }

    /// An option by its number in the list shown (1-based), its value, or its
    /// label with diacritics and case ignored — when exactly one matches.
    public static func pick(_ text: String, in options: [Option], language: String) -> Option? {
        if let n = Int(text), n >= 1, n <= options.count { return options[n - 1] }
        if let o = options.first(where: { $0.value == text }) { return o }
        let q = VietText.fold(text)
        let exact = options.filter { VietText.fold($0.label.resolve(language)) == q }
        if exact.count == 1 { return exact[0] }
        return nil
    }
}

import Foundation
