// The frame every kiosk screen shares: a title bar (with a status on the right, such as the
// typing mode), an optional progress line, the body, and the key hints at the bottom.

public struct FrameContent: Hashable, Sendable {
    public var title: String
    /// Right side of the title bar, e.g. "Gõ: Telex".
    public var status: String
    /// (step, total, label) for the progress line, e.g. (3, 17, "Bước 3/17").
    public var progress: Progress?
    public var hints: [KeyHint]

    public struct Progress: Hashable, Sendable {
        public var step: Int
        public var total: Int
        public var label: String
        public init(step: Int, total: Int, label: String) { self.step = step; self.total = total; self.label = label }
    }

    public init(title: String, status: String = "", progress: Progress? = nil, hints: [KeyHint] = []) {
        self.title = title; self.status = status; self.progress = progress; self.hints = hints
    }
}

public enum KioskFrame {
    /// A screen of `size` with the frame drawn, and the rectangle left for the body.
    public static func render(_ content: FrameContent, size: Size) -> (screen: Screen, body: Rect) {
        var screen = Screen(size: size)
        let (titleRow, rest) = screen.bounds.splitTop(1)
        screen.fill(titleRow, style: .role(.statusBar))
        let statusWidth = Screen.width(content.status)
        if statusWidth > 0 && statusWidth + 2 < titleRow.width {
            screen.write(content.status, at: Point(x: titleRow.maxX - statusWidth - 1, y: 0),
                         style: Style(.statusBar, bold: true), clip: titleRow)
        }
        let titleWidth = max(0, titleRow.width - (statusWidth > 0 ? statusWidth + 3 : 0) - 1)
        screen.write(TextWrap.fit(content.title, width: titleWidth), at: Point(x: 1, y: 0),
                     style: Style(.statusBar, bold: true), clip: titleRow)
        var (middle, footer) = rest.splitBottom(1)
        Footer.draw(into: &screen, footer, hints: content.hints)
        if let progress = content.progress {
            let (line, below) = middle.splitTop(1)
            ProgressBar.draw(into: &screen, line.inset(left: 1, right: 1), step: progress.step,
                             total: progress.total, label: progress.label)
            middle = below
        }
        return (screen, middle)
    }
}
