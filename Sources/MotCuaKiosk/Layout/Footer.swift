// The key-hint bar at the bottom: "Enter Tiếp  Esc Quay lại  F1 Trợ giúp ...".
// Hints are given most important first; the ones that do not fit are left out whole
// rather than cut in the middle of a word.

/// One key and what it does, both already in the current language.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
    public init(_ key: String, _ label: String) { self.key = key; self.label = label }
}

public enum Footer {
    /// Fills the first row of `rect` with the status-bar style and draws as many hints as fit.
    public static func draw(into screen: inout Screen, _ rect: Rect, hints: [KeyHint]) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        screen.fill(row, style: .role(.statusBar))
        var x = row.x + 1
        for hint in hints {
            let needed = Screen.width(hint.key) + 1 + Screen.width(hint.label)
            if x + needed > row.maxX { continue }
            x += screen.write(hint.key, at: Point(x: x, y: row.y), style: Style(.keyHint, bold: true), clip: row)
            x += screen.write(" " + hint.label, at: Point(x: x, y: row.y), style: .role(.statusBar), clip: row)
            x += 2
        }
    }
}
