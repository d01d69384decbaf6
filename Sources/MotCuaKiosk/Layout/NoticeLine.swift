// The one-line notice at the bottom of a screen's body (saved, wrong PIN, draft discarded,
// first question…): one look on every screen, drawn here once.

/// A line for the person at the bottom of the body.
struct Notice: Equatable {
    var text: String
    var isError: Bool

    /// Red for an error, green for a success, bold either way.
    var style: Style { Style(isError ? .error : .success, bold: true) }

    /// Draws the notice on the last row of `area`, cut to fit; returns the rows above it.
    /// `marked` puts "✗ " or "• " in front (so it reads the same without colour), indented
    /// by two columns as the interview's body is.
    func draw(into screen: inout Screen, bottomOf area: Rect, marked: Bool = false) -> Rect {
        let (rest, line) = area.splitBottom(1)
        let indent = marked ? 2 : 0
        let text = marked ? (isError ? "✗ " : "• ") + text : text
        screen.write(TextWrap.fit(text, width: line.width - indent), at: Point(x: line.x + indent, y: line.y), style: style, clip: line)
        return rest
    }
}
