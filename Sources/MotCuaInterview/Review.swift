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
    /// The line naming one item of a repeat with a summary of it ("Nơi cư trú thứ 2 ·
    /// 08/2013 · 06/2017 · Thành phố Hà Nội"): not an answer of its own.
    public var isItemHeading = false
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
                        // Each item under a line that says which it is, with its dates and place,
                        // then its answers under their own labels (not "Nơi cư trú thứ 1 · Số nhà, đư…").
                        let asked = f.fields.filter { $0.type.isAsked && isRelevant(item: i, of: f.id, field: $0) }
                        if let first = asked.first {
                            var heading = ReviewEntry(label: itemLabel(f.id, i), value: itemSummary(f.id, i),
                                                      target: .item(repeat: f.id, index: i, field: first.id), depth: 1, errors: [], warnings: [])
                            heading.isItemHeading = true
                            entries.append(heading)
                        }
                        for inner in asked {
                            let path = "\(f.id)[\(i)].\(inner.id)"
                            used.insert(path)
                            entries.append(ReviewEntry(label: text(inner.label),
                                                       value: display(item[inner.id], inner), target: .item(repeat: f.id, index: i, field: inner.id),
                                                       depth: 2, errors: errors[path] ?? [], warnings: warnings[path] ?? []))
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

    /// One item of a repeat in a few words: its first three answers that are not yes/no
    /// ("03/2009 · 08/2013 · Tỉnh Tuyên Quang"), for the list of items and the review.
    public func itemSummary(_ rid: String, _ index: Int) -> String {
        guard let f = form.field(rid), let items = answers[rid]?.arrayValue, index < items.count else { return "" }
        // What the item's label already says (the name in "Người thứ 1: Lê Văn Tám") is not repeated.
        let label = itemLabel(rid, index)
        var parts: [String] = []
        for inner in f.fields where inner.type.isAsked && inner.type != .boolean && isRelevant(item: index, of: rid, field: inner) {
            guard let v = items[index][inner.id], !v.isNull else { continue }
            let shown = display(v, inner).replacingOccurrences(of: "\n", with: " ")
            if label.contains(shown) { continue }
            parts.append(shown)
            if parts.count == 3 { break }
        }
        return parts.joined(separator: " · ")
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
