// The review as rows a person moves through: page titles, one row per answer with its
// errors and warnings under it, the cross-field errors, and "submit" at the end. Enter on
// an answer jumps to edit it (the engine brings the person back here); Enter on "submit"
// asks once more, then queues the dossier.
import MotCuaInterview

/// One row of the review.
enum ReviewRow: Equatable {
    case section(String)
    case entry(ReviewEntry)
    case error(String)
    case warning(String)
    /// The next line of a long error (or warning), wrapped rather than cut.
    case more(String, error: Bool)
    case submit

    var isSelectable: Bool {
        switch self {
        case .entry, .submit: true
        default: false
        }
    }
}

/// What a key on the review asks for.
enum ReviewAction: Equatable {
    case none
    case edit(Cursor)
    case back
    /// Confirmed: queue the dossier.
    case submit
}

struct ReviewState {
    let review: Review
    let rows: [ReviewRow]
    /// Position in `rows` of the highlighted (selectable) row.
    var highlight: Int
    /// "Submit this dossier?" is on screen.
    var confirming = false
    /// Said when Enter on "submit" meets errors.
    var blocked = false
    /// The fee the receipt will ask (nil: the form sets none).
    let fee: Int?
    /// The reason given for a correction or supplement (nil: a new dossier).
    let correctionReason: String?

    init(_ review: Review, fee: Int? = nil, correctionReason: String? = nil) {
        self.review = review
        self.fee = fee
        self.correctionReason = correctionReason
        var rows: [ReviewRow] = []
        for section in review.sections {
            rows.append(.section(section.title))
            for entry in section.entries {
                rows.append(.entry(entry))
                for e in entry.errors { rows += ReviewState.wrapped(e, error: true) }
                for w in entry.warnings { rows += ReviewState.wrapped(w, error: false) }
            }
        }
        for e in review.generalErrors { rows += ReviewState.wrapped(e, error: true) }
        rows.append(.submit)
        self.rows = rows
        // A valid dossier starts on "submit"; otherwise on the first answer with an error.
        highlight = rows.count - 1
        if !review.isValid, let first = ReviewState.firstError(rows) { highlight = first }
    }

    /// The errors the review shows under the answer that `target` edits.
    func errors(of target: Cursor) -> [String] {
        for section in review.sections {
            if let e = section.entries.first(where: { $0.target == target && !$0.isItemHeading }) { return e.errors }
        }
        return []
    }

    /// Width of a message row's text at 80 columns (the smallest window), so that a long
    /// message is read whole on every window.
    static let messageWidth = 80 - 4 - 5 - 2

    /// A message as rows: its first line, then the rest wrapped.
    static func wrapped(_ text: String, error: Bool) -> [ReviewRow] {
        let lines = TextWrap.lines(text, width: messageWidth)
        guard let first = lines.first else { return [error ? .error(text) : .warning(text)] }
        return [error ? .error(first) : .warning(first)] + lines.dropFirst().map { .more($0, error: error) }
    }

    /// The entry row just above the first error, or the first error row with none above.
    static func firstError(_ rows: [ReviewRow]) -> Int? {
        guard let e = rows.firstIndex(where: { if case .error = $0 { return true } else { return false } }) else { return nil }
        return rows[..<e].lastIndex(where: \.isSelectable) ?? rows.count - 1
    }

    var errorCount: Int { review.report.errors.count }
    var warningCount: Int { review.report.warnings.count }
    var answerCount: Int { rows.filter { if case .entry(let e) = $0 { return !e.isItemHeading } else { return false } }.count }

    mutating func update(_ key: Key) -> ReviewAction {
        if confirming {
            switch key {
            case .enter: return .submit
            case .escape: confirming = false
            default: break
            }
            return .none
        }
        blocked = false
        if KioskKey.submit.matches(key) { return trySubmit() }
        switch key {
        case .up: move(-1)
        case .down, .tab: move(1)
        case .backTab: move(-1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .home: highlight = rows.firstIndex(where: \.isSelectable) ?? highlight
        case .end: highlight = rows.count - 1
        case .escape: return .back
        case .enter:
            switch rows[highlight] {
            case .entry(let e): return .edit(e.target)
            case .submit: return trySubmit()
            default: break
            }
        default: break
        }
        return .none
    }

    private mutating func trySubmit() -> ReviewAction {
        if review.isValid {
            highlight = rows.count - 1
            confirming = true
        } else {
            blocked = true
            if let first = ReviewState.firstError(rows) { highlight = first }
        }
        return .none
    }

    /// Moves the highlight by `steps` selectable rows (as far as it goes).
    private mutating func move(_ steps: Int) {
        var left = abs(steps), i = highlight
        let direction = steps < 0 ? -1 : 1
        while left > 0 {
            var j = i + direction
            while j >= 0 && j < rows.count && !rows[j].isSelectable { j += direction }
            guard j >= 0 && j < rows.count else { break }
            i = j
            left -= 1
        }
        highlight = i
    }
}
