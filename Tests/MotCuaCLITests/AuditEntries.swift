import Foundation

/// The entries of a data directory's audit.log, read from the file's bytes: each entry is
/// a flat JSON object starting `{"prev":` inside its frame (binary frame headers around it).
func auditEntries(_ dataDir: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: dataDir + "/audit.log") else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    guard let pattern = try? NSRegularExpression(pattern: #"\{"prev":[^{}]*\}"#) else { return [] }
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        guard let range = Range(match.range, in: text) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(text[range].utf8))) as? [String: Any]
    }
}

/// "signed-in minh", one per audit entry, for `contains` checks.
func auditEvents(_ dataDir: String) -> [String] {
    auditEntries(dataDir).map { "\($0["event"] ?? "?") \($0["operator"] ?? "?")" + (($0["draft"] as? String) != nil ? " draft" : "") }
}
