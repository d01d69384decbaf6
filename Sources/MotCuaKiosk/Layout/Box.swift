// A frame of box-drawing characters with an optional title set into the top edge.

public enum Box {
    /// Draws a frame around the edge of `rect` and returns the rectangle inside it.
    /// A title that does not fit is shortened with "…".
    @discardableResult
    public static func draw(into screen: inout Screen, _ rect: Rect, title: String? = nil,
                            style: Style = .role(.border),
                            titleStyle: Style = Style(.title, bold: true)) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        screen.write("┌" + horizontal + "┐", at: Point(x: rect.x, y: rect.y), style: style)
        screen.write("└" + horizontal + "┘", at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            screen.write("│", at: Point(x: rect.x, y: y), style: style)
            screen.write("│", at: Point(x: rect.maxX - 1, y: y), style: style)
        }
        if let title, rect.width >= 7 {
            let text = " " + TextWrap.fit(title, width: rect.width - 6) + " "
            screen.write(text, at: Point(x: rect.x + 2, y: rect.y), style: titleStyle)
        }
        return rect.inset(dx: 1, dy: 1)
    }
}
