import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaQR

/// The receipt as an A5 page: the slip's lines (the same layout as the text
/// and the kiosk screen) from the top, the tracking and VietQR codes side by
/// side at the bottom, drawn as filled rectangles (vectors: sharp at any
/// printer resolution). A long slip shrinks its type until it fits one page.
extension Receipt {
    /// A5 in points (148 × 210 mm).
    public static let a5 = (width: 419.53, height: 595.28)

    public func pdf(_ m: Messages, font: TrueTypeFont) -> [UInt8] {
        let margin = 34.0
        var page = PDFPage(font: font, width: Receipt.a5.width, height: Receipt.a5.height)
        let inner = page.width - 2 * margin
        let codes = qrBlocks(m)
        // Codes side by side, modules up to 3 pt (8 px at 200 dpi), smaller when two do not fit.
        let gap = 24.0
        let modules = codes.reduce(0) { $0 + $1.code.size + 8 }
        let module = modules == 0 ? 0 : min(3.0, (inner - gap * Double(codes.count - 1)) / Double(modules))
        let captionSize = 8.0
        let captionLines = codes.map { ReceiptPDFWrap.lines($0.caption, width: Double($0.code.size + 8) * module) { font.measure($0, size: captionSize) } }
        let captionHeight = Double(captionLines.map(\.count).max() ?? 0) * captionSize * 1.3
        let qrHeight = codes.isEmpty ? 0 : Double(codes.map { $0.code.size + 8 }.max() ?? 0) * module + captionHeight + 8

        let lines = layout(m)
        var size = 10.0
        while size > 5.5, textHeight(lines, size: size, width: inner, font: font) > page.height - 2 * margin - qrHeight { size *= 0.93 }

        var y = page.height - margin
        for line in lines {
            let s = line.kind == .title ? size * 1.3 : size
            let leading = s * 1.35
            switch line.kind {
            case .blank: y -= leading / 2
            case .rule:
                y -= leading / 2
                page.rule(x: (page.width - 120) / 2, y: y + leading / 4, width: 120)
            case .heading, .title:
                for l in ReceiptPDFWrap.lines(line.text, width: inner, measure: { font.measure($0, size: s) }) {
                    y -= leading
                    page.text(l, x: (page.width - font.measure(l, size: s)) / 2, y: y, size: s)
                }
            case .fact, .item:
                let indent = line.kind == .item ? 12.0 : 0
                for (k, l) in ReceiptPDFWrap.lines(line.text, width: inner - indent - 10, measure: { font.measure($0, size: s) }).enumerated() {
                    y -= leading
                    page.text(l, x: margin + indent + (k == 0 ? 0 : 10), y: y, size: s)
                }
            }
        }

        var x = margin + (inner - (Double(modules) * module + gap * Double(max(0, codes.count - 1)))) / 2
        for (block, caption) in zip(codes, captionLines) {
            let side = Double(block.code.size + 8) * module
            var cy = margin + qrHeight - 4
            for l in caption {
                cy -= captionSize * 1.3
                page.text(l, x: x + (side - font.measure(l, size: captionSize)) / 2, y: cy, size: captionSize)
            }
            Receipt.draw(block.code, into: &page, x: x, top: cy - 4, module: module)
            x += side + gap
        }
        return page.document(title: m.text("receipt.title").trimmingCharacters(in: .init(charactersIn: "= ")) + " " + code)
    }

    /// The codes to print: tracking first, then the fee (only with a fee and a payee).
    func qrBlocks(_ m: Messages) -> [(caption: String, code: QRCode)] {
        var out: [(String, QRCode)] = []
        if let tracking, let c = try? QRCode.encode(tracking, ecc: .medium) { out.append((m.text("receipt.qr.track"), c)) }
        if let fee, fee > 0, let pay = paymentPayload, let c = try? QRCode.encode(pay, ecc: .medium) {
            out.append((m.text("receipt.qr.fee", ["amount": formatVND(fee)]), c))
        }
        return out
    }

    func textHeight(_ lines: [ReceiptLine], size: Double, width: Double, font: TrueTypeFont) -> Double {
        lines.reduce(0) { total, line in
            let s = line.kind == .title ? size * 1.3 : size
            switch line.kind {
            case .blank, .rule: return total + s * 1.35 / 2
            default:
                let w = line.kind == .heading || line.kind == .title ? width : width - 22
                return total + Double(ReceiptPDFWrap.lines(line.text, width: w) { font.measure($0, size: s) }.count) * s * 1.35
            }
        }
    }

    /// Dark modules as rectangles, one per horizontal run, with the 4-module quiet
    /// zone left white around them; `top` is the code's upper edge.
    static func draw(_ code: QRCode, into page: inout PDFPage, x: Double, top: Double, module: Double) {
        for row in 0..<code.size {
            var col = 0
            while col < code.size {
                guard code[col, row] else { col += 1; continue }
                var end = col
                while end < code.size, code[end, row] { end += 1 }
                page.rectangle(x: x + Double(4 + col) * module, y: top - Double(4 + row + 1) * module,
                               width: Double(end - col) * module, height: module)
                col = end
            }
        }
    }
}

/// Word wrapping by a measured width (points); a word wider than the line is cut.
enum ReceiptPDFWrap {
    static func lines(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        var out: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if measure(candidate) <= width { line = candidate; continue }
            if !line.isEmpty { out.append(line); line = "" }
            for c in word {
                if !line.isEmpty, measure(line + String(c)) > width { out.append(line); line = "" }
                line.append(c)
            }
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }
}
