// The receipt of a queued dossier, kept on screen until the officer dismisses it: the
// same facts as the plain receipt, with the tracking code and the VietQR fee code drawn
// in half blocks, dark on light. Codes that fit go beside the receipt; the others (at
// 80×24 a VietQR code never fits beside it) are one key away, one code a screen. "I"
// (In) or F9 prints the same receipt as a PDF page through the configured command.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaQR
import MotCuaText

/// A QR code ready to draw: its half-block lines and a one-line caption.
struct QRPanel: Equatable {
    var caption: String
    /// The code at error-correction level M, then at L when that is smaller: a screen
    /// shows no scratches, and a VietQR payload at L fits 80×24 (version 5: 45 columns
    /// and 23 rows with the whole quiet zone) where at M (version 6) it would not.
    let renderings: [[String]]
    var lines: [String] { renderings[0] }
    var width: Int { QRPanel.width(lines) }
    var height: Int { lines.count }

    init?(content: String?, caption: String) {
        guard let content, let medium = try? QRCode.encode(content, ecc: .medium) else { return nil }
        self.caption = caption
        var renderings = [QRTextRenderer.halfBlockLines(medium, quietZone: QRTextRenderer.standardQuietZone)]
        if let low = try? QRCode.encode(content, ecc: .low), low.version < medium.version {
            renderings.append(QRTextRenderer.halfBlockLines(low, quietZone: QRTextRenderer.standardQuietZone))
        }
        self.renderings = renderings
    }

    static func width(_ lines: [String]) -> Int { lines.first.map { $0.unicodeScalars.count } ?? 0 }

    /// The first rendering no larger than `width`×`height`.
    func fitting(width: Int, height: Int) -> [String]? {
        renderings.first { QRPanel.width($0) <= width && $0.count <= height }
    }

    /// Paints the code black on white whatever the theme (a scanner needs dark modules on
    /// a light quiet zone): the status-bar role is black on white in the colour and
    /// high-contrast themes, and reverse video in monochrome.
    static func draw(_ lines: [String], into screen: inout Screen, at origin: Point) {
        for (k, line) in lines.enumerated() {
            screen.write(line, at: Point(x: origin.x, y: origin.y + k), style: Style(.statusBar))
        }
    }
}

enum ReceiptAction: Equatable { case stay, done, print }

struct ReceiptScreen {
    let receipt: Receipt
    let m: Messages
    /// What the last print did, shown under the receipt until the next key.
    var notice: Notice?
    /// The tracking code first (smaller, so it is the one that fits beside), then the fee.
    let panels: [QRPanel]
    /// The code shown on a screen of its own, if any.
    var qrIndex: Int?
    /// First receipt line shown, when the receipt is longer than the window.
    var scroll = 0
    /// Keys a screen showing this receipt adds ("S: Sửa / bổ sung" for a returning citizen).
    var extraHints: [KeyHint] = []

    /// The narrowest the receipt's text column gets before a code goes to its own screen.
    static let minimumTextWidth = 40

    init(receipt: Receipt, messages m: Messages) {
        self.receipt = receipt; self.m = m
        var panels: [QRPanel] = []
        if let p = QRPanel(content: receipt.tracking, caption: m.text("receipt.qr.track")) { panels.append(p) }
        if let fee = receipt.fee, fee > 0,
           let p = QRPanel(content: receipt.paymentPayload, caption: m.text("receipt.qr.fee", ["amount": formatVND(fee)])) {
            panels.append(p)
        }
        self.panels = panels
    }

    /// Keys that print: "i"/"I" (In) and F9. The receipt screen has no text field, so a
    /// letter cannot be typed into anything by mistake.
    static func isPrint(_ key: Key) -> Bool {
        key == .character("i") || key == .character("I") || key == .function(9)
    }

    /// Runs `print` on this receipt and keeps what happened to show it.
    /// Back to the top, where the notice is drawn: printing is pressed after reading the
    /// receipt to its end, and a notice scrolled out of sight says nothing.
    mutating func printed(_ print: (Receipt) throws -> Void) {
        scroll = 0
        do {
            try print(receipt)
            notice = Notice(text: m.text("kiosk.receipt.printed"), isError: false)
        } catch {
            notice = Notice(text: m.text("kiosk.receipt.printfail", ["reason": String(describing: error)]), isError: true)
        }
    }

    mutating func update(_ key: Key) -> ReceiptAction {
        notice = nil
        if let shown = qrIndex {
            switch key {
            case .tab, .right, .down, .pageDown: qrIndex = (shown + 1) % max(1, panels.count)
            case .backTab, .left, .up, .pageUp: qrIndex = (shown + panels.count - 1) % max(1, panels.count)
            case .escape, .enter: qrIndex = nil
            default: if KioskKey.qrCodes.matches(key) || KioskKey.leave.matches(key) { qrIndex = nil }
            }
            return .stay
        }
        if KioskKey.qrCodes.matches(key), !panels.isEmpty { qrIndex = 0; return .stay }
        if KioskKey.leave.matches(key) { return .done }
        if ReceiptScreen.isPrint(key) { return .print }
        switch key {
        case .enter, .escape: return .done
        case .down: scroll += 1
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        default: break
        }
        return .stay
    }

    // MARK: Views

    func view(size: Size) -> Screen {
        if let k = qrIndex, panels.indices.contains(k) { return qrView(panels[k], number: k + 1, size: size) }
        var hints = [CommonHints.enter(m, "kiosk.enter.done")]
        if !panels.isEmpty { hints.append(KioskKey.qrCodes.hint(m)) }
        hints.append(KeyHint("I", m.text("kiosk.receipt.print")))
        hints += extraHints
        hints.append(CommonHints.escape(m, "kiosk.esc.back"))
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.receipt"), hints: hints), size: size)
        body = body.inset(top: 1, left: 2, bottom: 0, right: 1)
        // Codes beside the receipt, top to bottom, while they fit.
        var beside: [QRPanel] = [], height = 0, column = 0
        for p in panels {
            let h = p.height + 1 + (beside.isEmpty ? 0 : 1)
            let w = max(column, p.width)
            if height + h <= body.height && body.width - w - 2 >= ReceiptScreen.minimumTextWidth {
                beside.append(p); height += h; column = w
            }
        }
        let text = Rect(x: body.x, y: body.y, width: body.width - (column > 0 ? column + 2 : 0), height: body.height)
        var lines = receiptLines(width: text.width)
        // Under the title, so they are seen without scrolling: what printing did, and
        // where the codes that did not fit beside are.
        var top: [(String, Style)] = []
        if let notice {
            top += TextWrap.lines(VietText.neutralizeControls(notice.text), width: max(1, text.width - 1))
                .map { ($0, Style(notice.isError ? .warning : .hint, bold: true)) }
        }
        if beside.count < panels.count {
            top += TextWrap.lines(m.text("kiosk.receipt.more", ["key": KioskKey.qrCodes.label]), width: max(1, text.width - 1)).map { ($0, Style(.hint)) }
        }
        if !top.isEmpty { lines.insert(contentsOf: top + [("", .plain)], at: min(2, lines.count)) }
        if lines.count > text.height {
            // Longer than the screen: say so, before Esc (the frame is drawn again, cheaply).
            hints.insert(CommonHints.scroll(m), at: hints.count - 1)
            screen = KioskFrame.render(FrameContent(title: m.text("kiosk.title.receipt"), hints: hints), size: size).0
        }
        let first = min(scroll, max(0, lines.count - text.height))
        for (k, line) in lines.dropFirst(first).prefix(text.height).enumerated() {
            screen.write(line.0, at: Point(x: text.x, y: text.y + k), style: line.1, clip: text)
        }
        var y = body.y
        let x = body.maxX - column
        for p in beside {
            let caption = TextWrap.fit(p.caption, width: column)
            screen.write(caption, at: Point(x: x + max(0, (column - Screen.width(caption)) / 2), y: y), style: Style(.label, bold: true))
            QRPanel.draw(p.lines, into: &screen, at: Point(x: x + (column - p.width) / 2, y: y + 1))
            y += p.height + 2
        }
        screen.cursor = nil
        return screen
    }

    /// The receipt's lines wrapped to `width`, from the one layout every renderer
    /// shares. A screen is not the paper form: it starts at the title (the agency and
    /// the national heading are for paper), title and code in bold, facts as they are.
    func receiptLines(width: Int) -> [(String, Style)] {
        var out: [(String, Style)] = []
        let w = max(1, width - 1)
        for line in receipt.layout(m).drop(while: { $0.kind != .title }) {
            switch line.kind {
            case .blank: out.append(("", .plain))
            case .rule: break
            case .title, .heading:
                let style = line.kind == .title ? Style(.title, bold: true) : Style(.label, bold: true)
                for l in TextWrap.lines(line.text, width: w) { out.append((l, style)) }
            case .fact, .item:
                let indent = line.kind == .item ? 2 : 0
                for (k, l) in TextWrap.lines(line.text, width: max(1, w - indent - 2)).enumerated() {
                    out.append((String(repeating: " ", count: indent + (k == 0 ? 0 : 2)) + l, .plain))
                }
            }
            if out.count == 1 { out.append(("", .plain)) }
        }
        return out
    }

    /// One code on a screen of its own: framed when the window has room, otherwise the
    /// code at the top left with its caption beside it, so a VietQR code still fits 80×24.
    func qrView(_ p: QRPanel, number: Int, size: Size) -> Screen {
        let counter = "\(number)/\(panels.count)"
        let back = m.text("kiosk.qr.back")
        if let lines = p.fitting(width: size.width - 2, height: size.height - 3) {
            var hints = [KeyHint("Esc", back)]
            if panels.count > 1 { hints.append(KeyHint("Tab", m.text("kiosk.qr.next"))) }
            var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.title.qr"), status: counter, hints: hints), size: size)
            let width = QRPanel.width(lines)
            let top = body.y + max(0, (body.height - lines.count - 1) / 2)
            let caption = TextWrap.fit(p.caption, width: body.width)
            screen.write(caption, at: Point(x: body.x + (body.width - Screen.width(caption)) / 2, y: top), style: Style(.label, bold: true))
            QRPanel.draw(lines, into: &screen, at: Point(x: body.x + (body.width - width) / 2, y: top + 1))
            screen.cursor = nil
            return screen
        }
        var screen = Screen(size: size)
        guard let lines = p.fitting(width: size.width, height: size.height) else {
            let smallest = p.renderings[p.renderings.count - 1]
            let text = m.text("kiosk.qr.toosmall", ["width": String(QRPanel.width(smallest)), "height": String(smallest.count)])
            for (k, line) in TextWrap.lines(text, width: max(1, size.width - 2)).prefix(size.height).enumerated() {
                screen.write(line, at: Point(x: 1, y: k), style: Style(.warning, bold: true))
            }
            screen.cursor = nil
            return screen
        }
        let width = QRPanel.width(lines)
        QRPanel.draw(lines, into: &screen, at: Point(x: 0, y: 0))
        let side = Rect(x: width + 2, y: 1, width: size.width - width - 3, height: size.height - 2)
        var text: [(String, Style)] = TextWrap.lines(p.caption, width: max(1, side.width)).map { ($0, Style(.label, bold: true)) }
        text.append(("", .plain))
        text.append((counter, .role(.muted)))
        text.append(("Esc: " + back, .role(.hint)))
        if panels.count > 1 { text.append(("Tab: " + m.text("kiosk.qr.next"), .role(.hint))) }
        if !side.isEmpty {
            for (k, line) in text.prefix(side.height).enumerated() {
                screen.write(line.0, at: Point(x: side.x, y: side.y + k), style: line.1, clip: side)
            }
        }
        screen.cursor = nil
        return screen
    }
}
