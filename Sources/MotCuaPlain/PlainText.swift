import MotCuaForms
import MotCuaInterview
import MotCuaText

/// The plain mode's words: prompts, lists, the review and the receipt, as
/// lines of text with every stored text neutralised.
public enum PlainText {
    /// Lists longer than this are narrowed by typing instead of listed whole.
    static let longList = 12
    static let shownMatches = 15

    static func safe(_ s: String) -> String { VietText.neutralizeControls(s) }

    /// The prompt of the question under the cursor.
    static func prompt(_ i: Interview, shown: inout [Option]) -> [String] {
        guard let f = i.currentField else { return [] }
        let m = i.validator.messages
        var lines: [String] = []
        let (n, total) = (i.stepNumber, i.progress.total)
        var label = safe(i.text(f.label))
        if case .item(let rid, let idx, _) = i.cursor { label = safe(i.itemLabel(rid, idx)) + " · " + label }
        if i.pendingConfirm != nil { return [m.text("plain.confirm.again")] }
        lines.append("")
        lines.append(m.text("plain.step", ["n": String(n), "total": String(total), "label": label]))
        if let h = f.hint { lines.append(m.text("plain.hint", ["text": safe(i.text(h))])) }
        if let e = f.example { lines.append(m.text("plain.example", ["text": safe(i.text(e))])) }
        switch f.type {
        case .note:
            lines.append(m.text("plain.note.continue"))
            return lines
        case .repeat:
            guard case .field(let rid) = i.cursor else { return lines }
            let count = i.itemCount(rid)
            lines.append(m.text("plain.repeat.summary", ["count": String(count)]))
            for k in 0..<count { lines.append("    \(k + 1). " + safe(i.itemLabel(rid, k))) }
            lines.append(m.text("plain.repeat.actions"))
            lines.append("> ")
            return lines
        case .date: lines.append(m.text("plain.date", ["pattern": TypedInput.datePattern(f.precision)]))
        case .boolean: lines.append(m.text("plain.boolean"))
        case .choice, .multichoice:
            let options = i.visibleOptions(f)
            if options.count <= longList {
                shown = options
                for (k, o) in options.enumerated() { lines.append("    \(k + 1). " + safe(o.label.resolve(m.language, fallback: i.form.defaultLanguage))) }
            } else if shown.isEmpty {
                lines.append(m.text("plain.choice.narrow", ["count": String(options.count)]))
            } else {
                lines.append(m.text("plain.choice.matches", ["count": String(shown.count)]))
                for (k, o) in shown.prefix(shownMatches).enumerated() { lines.append("    \(k + 1). " + optionLine(o, m.language, i.form.defaultLanguage)) }
                if shown.count > shownMatches { lines.append(m.text("plain.choice.more", ["count": String(shown.count - shownMatches)])) }
            }
            if f.type == .multichoice { lines.append(m.text("plain.multichoice")) }
        default: break
        }
        if let current = i.currentAnswer, !current.isNull {
            lines.append(m.text("plain.current", ["text": safe(i.display(current, f))]))
        } else if let d = i.suggestedAnswer {
            lines.append(m.text("plain.default", ["text": safe(i.display(d, f))]))
        }
        if f.required.isAlways { lines.append(m.text("plain.required")) }
        lines.append("> ")
        return lines
    }

    enum Narrowed { case picked(JSONValue), list([Option]), none }

    /// A typed line for a choice: a number picks from the list shown; text
    /// narrows the list by name, diacritics optional; one match picks it.
    static func narrow(_ text: String, field f: Field, interview i: Interview, shown: [Option]) -> Narrowed {
        let lang = i.validator.messages.language
        let options = i.visibleOptions(f)
        if f.type == .multichoice {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var picked: [JSONValue] = []
            for p in parts {
                guard let o = TypedInput.pick(p, in: shown.isEmpty ? options : shown, language: lang) else { return .none }
                picked.append(.string(o.value))
            }
            return .picked(.array(picked))
        }
        if let n = Int(text) {
            let list = shown.isEmpty && options.count <= longList ? options : shown
            if n >= 1, n <= list.count { return .picked(.string(list[n - 1].value)) }
        }
        // The one option search (as the kiosk's chooser): a row found by another name
        // carries it, so the list line says why ("Tỉnh Tuyên Quang (trước đây: Hà Giang)").
        let index = OptionIndex(options: options, language: lang)
        let hits = index.hits(text)
        // A stored value ("01", "chua-ket-hon") or a whole label picks at once; a value
        // that is also a word ("my" is Malaysia's code, and Mỹ) only when no name matches.
        let folded = VietText.fold(text)
        let wholeLabel = options.filter { VietText.fold($0.label.resolve(lang)) == folded }.count == 1
        if Int(text) == nil, wholeLabel || hits.isEmpty || text.contains(where: { $0.isNumber || $0 == "-" }),
           let o = TypedInput.pick(text, in: options, language: lang) {
            return .picked(.string(o.value))
        }
        if hits.count == 1 { return .picked(.string(index.options[hits[0].index].value)) }
        return hits.isEmpty ? .none : .list(hits.map { hit in
            let o = index.options[hit.index]
            guard let r = hit.reason else { return o }
            return Option(value: o.value, label: o.label, attributes: o.attributes.merging([reasonAttribute: r.text(i.validator.messages)]) { $1 })
        })
    }

    /// Where a narrowed option carries why it matched, for its list line (a name no list
    /// attribute can have: attribute names are plain words).
    static let reasonAttribute = "\u{1}search-reason"

    /// An option's line in a narrowed list: its label, and why it matched.
    static func optionLine(_ o: Option, _ language: String, _ fallback: String) -> String {
        let label = safe(o.label.resolve(language, fallback: fallback))
        return o.attributes[reasonAttribute].map { label + " (" + safe($0) + ")" } ?? label
    }

    /// The review as numbered lines; the targets say where each number edits.
    static func review(_ r: Review, title: String, messages m: Messages) -> ([String], [Cursor]) {
        var lines = ["", m.text("plain.review.title", ["title": safe(title)])]
        var targets: [Cursor] = []
        for s in r.sections {
            lines.append("")
            lines.append("-- " + safe(s.title) + " --")
            for e in s.entries {
                targets.append(e.target)
                let indent = String(repeating: "  ", count: e.depth)
                lines.append("\(targets.count). \(indent)\(safe(e.label)): \(safe(e.value))")
                for x in e.errors { lines.append("    " + m.text("plain.error", ["text": safe(x)])) }
                for w in e.warnings { lines.append("    " + m.text("plain.warning", ["text": safe(w)])) }
            }
        }
        for g in r.generalErrors { lines.append(m.text("plain.error", ["text": safe(g)])) }
        lines.append("")
        lines.append(r.isValid ? m.text("plain.review.ok") : m.text("plain.review.errors", ["count": String(r.report.errors.count)]))
        return (lines, targets)
    }
}

extension Requirement {
    var isAlways: Bool { if case .yes = self { return true } else { return false } }
}

import Foundation
