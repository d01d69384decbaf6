// "Bước 3/17 ██████░░░░░░": where the person is in the interview, in words and as a bar,
// so it reads the same on a monochrome terminal and to someone who cannot see colour.

public enum ProgressBar {
    /// Draws `label` (already formatted, e.g. "Bước 3/17") and a bar filling the rest of
    /// the first row of `rect` in proportion to `step` out of `total`.
    public static func draw(into screen: inout Screen, _ rect: Rect, step: Int, total: Int, label: String) {
        guard !rect.isEmpty else { return }
        let used = screen.write(label, at: Point(x: rect.x, y: rect.y), style: Style(.progress, bold: true), clip: rect)
        let barWidth = rect.width - used - 1
        guard barWidth >= 4 else { return }
        let done = total > 0 ? min(barWidth, max(0, step) * barWidth / total) : 0
        let x = rect.x + used + 1
        screen.write(String(repeating: "█", count: done), at: Point(x: x, y: rect.y), style: .role(.progress), clip: rect)
        screen.write(String(repeating: "░", count: barWidth - done), at: Point(x: x + done, y: rect.y),
                     style: .role(.progressEmpty), clip: rect)
    }
}
