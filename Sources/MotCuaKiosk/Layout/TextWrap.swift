// Line breaking by display width, not by character count: "Nguyễn" in NFD is 9 Swift
// scalars but 6 columns, and a CJK character is 2 columns. Words move to the next line
// whole when they can; a word longer than the line is broken between graphemes.

/// One line of wrapped text as a range of grapheme indices (`end` exclusive; a hard
/// newline is not part of any line).
public struct LineSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// True when this line starts because the previous one was full (not after a newline).
    public var soft: Bool
    public init(start: Int, end: Int, soft: Bool) { self.start = start; self.end = end; self.soft = soft }
}

public enum TextWrap {
    /// Breaks `graphemes` into lines no wider than `width` columns. Spaces stay at the end
    /// of the line they follow; a newline ("\n", "\r\n" or "\r") ends a line.
    public static func spans(_ graphemes: [Character], width: Int) -> [LineSpan] {
        let limit = max(1, width)
        var spans: [LineSpan] = []
        var start = 0, column = 0, soft = false
        var lastBreak: Int? = nil  // index just after the last space on this line
        var i = 0
        while i < graphemes.count {
            let c = graphemes[i]
            if c.isNewline {
                spans.append(LineSpan(start: start, end: i, soft: soft))
                start = i + 1; column = 0; lastBreak = nil; soft = false
                i += 1
                continue
            }
            let w = Screen.width(c)
            if column + w > limit && i > start {
                let cut = (c != " " ? lastBreak : nil).flatMap { $0 > start ? $0 : nil } ?? i
                spans.append(LineSpan(start: start, end: cut, soft: soft))
                start = cut; soft = true; lastBreak = nil
                column = graphemes[cut..<i].reduce(0) { $0 + Screen.width($1) }
                continue  // measure `c` again on the new line
            }
            column += w
            if c == " " { lastBreak = i + 1 }
            i += 1
        }
        spans.append(LineSpan(start: start, end: graphemes.count, soft: soft))
        return spans
    }

    /// `text` wrapped to `width` columns, as lines a person reads: trailing spaces removed,
    /// and the spaces a soft break lands on dropped from the start of the next line. The
    /// text keeps its normalisation form (the screen draws graphemes in NFC).
    public static func lines(_ text: String, width: Int) -> [String] {
        let graphemes = Array(text)
        return spans(graphemes, width: width).map { span in
            var line = graphemes[span.start..<span.end]
            while line.last == " " { line.removeLast() }
            if span.soft { while line.first == " " { line.removeFirst() } }
            return String(line)
        }
    }

    /// `text` cut to at most `width` columns, ending in "…" when something was cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if Screen.width(text) <= width { return text }
        var out = "", used = 0
        for c in text {
            let w = Screen.width(c)
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        return out + "…"
    }

    /// `text` followed by spaces up to `width` columns (cut with "…" when too long).
    public static func pad(_ text: String, width: Int) -> String {
        let fitted = fit(text, width: width)
        return fitted + String(repeating: " ", count: max(0, width - Screen.width(fitted)))
    }
}
