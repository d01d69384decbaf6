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

    func add(_ path: String, _ message: String) { issues.append(FormIssue(file: file, path: path, message: message)) }
}

/// Joins JSON path parts the way the linter prints them: `pages[1].fields[3].constraint`.
func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
func join(_ path: String, _ index: Int) -> String { path + "[\(index)]" }

/// The closest known key to a misspelt one ("requried" → "required"), for the message.
func suggestion(for key: String, among known: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var cur = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                cur[j + 1] = Swift.min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
    let k = Array(key.lowercased())
    let best = known.map { ($0, distance(k, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    guard let (name, d) = best, d <= Swift.max(2, key.count / 3) else { return nil }
    return name
}
