import MotCuaForms

/// One answer as a person reads it on the review.
public struct ReviewEntry: Sendable, Equatable {
    public var label: String
    public var value: String
    /// Where Enter on this entry goes to change it.
    public var target: Cursor
    /// Nesting: 0 for a field, 1 for a field of a repeat item.
    public var depth: Int
    public var errors: [String]
    public var warnings: [String]
}

/// A page of the review.
public struct ReviewSection: Sendable, Equatable {
    public var title: String
    public var entries: [ReviewEntry]
}

/// The review: every relevant answer grouped by page, with the whole
/// dossier's errors and warnings attached where they belong.
public struct Review: Sendable {
    public var sections: [ReviewSection]
    public var report: ValidationReport
    /// Errors of cross-field checks with no field of their own.
    public var generalErrors: [String]
    public var isValid: Bool { report.isValid }
}

extension Interview {
    /// The whole validation, as submission will run it.
    public func finalReport() -> ValidationReport {
        validator.validate(.object(answers))
    }

    public func review() -> Review {
        let report = finalReport()
        var errors: [String: [String]] = [:], warnings: [String: [String]] = [:]
        for e in report.errors { errors[e.field, default: []].append(e.message) }
        for w in report.warnings { warnings[w.field, default: []].append(w.message) }
        let m = validator.messages
        var used = Set<String>()
        var sections: [ReviewSection] = []
        for (p, page) in form.pages.enumerated() where pageRelevant[p] {
            var entries: [ReviewEntry] = []
            for f in page.fields where isStep(f.id) && f.type != .note {
                used.insert(f.id)
                if f.type == .repeat {
                    let n = itemCount(f.id)
                    entries.append(ReviewEntry(label: text(f.label), value: m.text("review.items", ["count": String(n)]), target: .field(f.id),
                                               depth: 0, errors: errors[f.id] ?? [], warnings: warnings[f.id] ?? []))
                    let items = answers[f.id]?.arrayValue ?? []
                    for (i, item) in items.enumerated() {
                        for inner in f.fields where inner.type.isAsked && isRelevant(item: i, of: f.id, field: inner) {
                            let path = "\(f.id)[\(i)].\(inner.id)"
                            used.insert(path)
                            entries.append(ReviewEntry(label: itemLabel(f.id, i) + " · " + text(inner.label),
                                                       value: display(item[inner.id], inner), target: .item(repeat: f.id, index: i, field: inner.id),
                                                       depth: 1, errors: errors[path] ?? [], warnings: warnings[path] ?? []))
                        }
                    }
                    continue
                }
                entries.append(ReviewEntry(label: text(f.label), value: display(answers[f.id], f), target: .field(f.id),
                                           depth: 0, errors: errors[f.id] ?? [], warnings: warnings[f.id] ?? []))
            }
            if !entries.isEmpty { sections.append(ReviewSection(title: text(page.title), entries: entries)) }
        }
        let general = report.errors.filter { !used.contains($0.field) }.map { "\($0.field): \($0.message)" }
        return Review(sections: sections, report: report, generalErrors: general)
    }

    /// An answer as a person reads it: option labels, DD/MM/YYYY, Có/Không; "—" when empty.
    public func display(_ v: JSONValue?, _ f: Field) -> String {
        guard let v, !v.isNull else { return validator.messages.text("review.empty") }
        // What does not read as the field's type is shown as typed.
        let value = Value(stored: v, type: f.type) ?? v.stringValue.map(Value.string) ?? v.doubleValue.map(Value.number) ?? .null
        var shown = Interpolation.display(value, field: f, form: form, messages: validator.messages)
        if let unit = f.unit, f.type == .integer || f.type == .decimal { shown += " " + text(unit) }
        return shown
    }
}
