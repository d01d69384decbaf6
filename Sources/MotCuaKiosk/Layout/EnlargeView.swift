// Below the minimum size the kiosk shows this instead of a broken layout (issue #6), and
// keeps the real screen's state untouched until the window is large enough again.
import Foundation

public enum EnlargeView {
    /// A screen of `size` asking for at least `minimum`, centred and wrapped to fit even
    /// a very small window.
    public static func render(size: Size, minimum: Size = .minimum, strings: KioskStrings = .vi) -> Screen {
        var screen = Screen(size: size)
        let body = KioskStrings.fill(strings.enlargeBody, [
            "width": String(size.width), "height": String(size.height),
            "minWidth": String(minimum.width), "minHeight": String(minimum.height),
        ])
        let width = max(1, size.width - 2)
        var lines = TextWrap.lines(strings.enlargeTitle, width: width).map { ($0, Style(.warning, bold: true)) }
        lines.append(("", .plain))
        lines += TextWrap.lines(body, width: width).map { ($0, Style.plain) }
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.height {
            let x = max(0, (size.width - Screen.width(line.0)) / 2)
            screen.write(line.0, at: Point(x: x, y: top + offset), style: line.1)
        }
        screen.cursor = nil
        return screen
    }
}
