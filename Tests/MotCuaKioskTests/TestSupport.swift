// Helpers shared by the kiosk tests.
import Foundation
@testable import MotCuaKiosk

/// `s` in NFD, as some keyboards and copied text send it.
func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

/// `s` in NFC.
func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

/// Feeds keys to a widget and returns the last action.
@discardableResult
func send<W: Widget>(_ keys: [Key], to widget: inout W) -> WidgetAction {
    var last = WidgetAction.ignored
    for key in keys { last = widget.update(key) }
    return last
}

/// Renders a widget alone on a blank screen.
func draw<W: Widget>(_ widget: W, size: Size = Size(width: 40, height: 6), rect: Rect? = nil, focused: Bool = true) -> Screen {
    var screen = Screen(size: size)
    widget.render(into: &screen, in: rect ?? screen.bounds, focused: focused)
    return screen
}

/// The 3,321 communes of 2025, from the test resource.
let communeOptions: [ChoiceOption] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/communes-2025.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let parts = line.split(separator: "\t")
        return parts.count >= 2 ? ChoiceOption(value: String(parts[0]), label: String(parts[1])) : nil
    }
}()
