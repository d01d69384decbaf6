import MotCuaText

/// One problem in a form file, printed as `FILE: JSON-PATH: message`.
public struct FormIssue: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let path: String
    public let message: String

    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

/// Collects every problem of a file rather than stopping at the first.
final class Diagnostics {
    let file: String
    private(set) var issues: [FormIssue] = []

    init(file: String) { self.file = file }

    /// Paths and messages quote names from the file: controls are escaped, and a
    /// path or message of absurd length (a 30,000-letter key) is shortened, so an
    /// error about a hostile form is still a line a person can read.
    func add(_ path: String, _ message: String) {
        issues.append(FormIssue(file: file, path: shortened(VietText.escapingControls(path), to: 300),
                                message: shortened(VietText.escapingControls(message), to: 1_000)))
    }
}

/// `text` cut to `limit` characters with an ellipsis and the full length, when longer.
func shortened(_ text: String, to limit: Int) -> String {
    guard text.utf8.count > limit else { return text }
    let count = text.count
    guard count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(count) characters)"
}

/// A name from the file for a message: quoted names longer than 60 characters are
/// cut ("aaaa…", with the length), controls escaped.
func shownName(_ name: String) -> String { shortened(VietText.escapingControls(name), to: 60) }

/// Joins JSON path parts the way the linter prints them: `pages[1].fields[3].constraint`.
func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
func join(_ path: String, _ index: Int) -> String { path + "[\(index)]" }

/// The closest known key to a misspelt one ("requried" → "required"), for the message.
/// Only short names get a suggestion, and the distance is computed within its bound
/// (a row whose best is past it stops the comparison): a 30,000-letter name from a
/// hostile form costs a length comparison, not 30,000 × 30,000 steps.
func suggestion(for key: String, among known: [String]) -> String? {
    guard key.utf8.count <= maxSuggestedLength else { return nil }
    let k = Array(key.lowercased())
    let bound = Swift.max(2, k.count / 3)
    var best: (name: String, distance: Int)?
    for name in known where name.utf8.count <= maxSuggestedLength * 4 {
        let candidate = Array(name.lowercased())
        guard abs(candidate.count - k.count) <= bound else { continue }
        if let d = boundedDistance(k, candidate, bound: bound), d < (best?.distance ?? Int.max) { best = (name, d) }
    }
    return best?.name
}

/// Names longer than this get no suggestion (no key or list name of the format is).
let maxSuggestedLength = 64

/// The edit distance of `a` and `b` when it is at most `bound`, else nil.
func boundedDistance(_ a: [Character], _ b: [Character], bound: Int) -> Int? {
    var prev = Array(0...b.count)
    var cur = Array(repeating: 0, count: b.count + 1)
    for (i, ca) in a.enumerated() {
        cur[0] = i + 1
        var rowBest = cur[0]
        for (j, cb) in b.enumerated() {
            cur[j + 1] = Swift.min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1))
            rowBest = Swift.min(rowBest, cur[j + 1])
        }
        if rowBest > bound { return nil }
        swap(&prev, &cur)
    }
    return prev[b.count] <= bound ? prev[b.count] : nil
}
