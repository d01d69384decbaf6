import Foundation
import MotCuaForms
import MotCuaText

/// One line of the slip as every renderer needs it: centred headings, facts
/// ("Địa chỉ: …", wrapped under themselves), list items, blank lines, rules.
/// Plain text, the kiosk screen and the PDF page lay out the same list, so
/// the three cannot drift apart.
public struct ReceiptLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case heading, title, fact, item, blank, rule }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String = "") { self.kind = kind; self.text = text }
}

extension Receipt {
    /// The slip's lines in the order of Mẫu số 01, in `m`'s language. Every
    /// answer passes the control-character gate before it is laid out.
    public func layout(_ m: Messages) -> [ReceiptLine] {
        let s = { (x: String) in VietText.nfc(VietText.neutralizeControls(x)) }
        let none = "—"
        var out: [ReceiptLine] = []
        if let agency, !agency.isEmpty { out.append(.init(.heading, s(agency).uppercased())) }
        out.append(.init(.heading, m.text("receipt.nation")))
        out.append(.init(.heading, m.text("receipt.motto")))
        out.append(.init(.rule))
        out.append(.init(.title, m.text("receipt.title").trimmingCharacters(in: .init(charactersIn: "= "))))
        if let version, version > 1 {
            out.append(.init(.heading, m.text("receipt.id.version", ["code": s(code), "n": "\(version - 1)"])))
        } else {
            out.append(.init(.heading, m.text("receipt.id", ["code": s(code)])))
        }
        if let correctionReason { out.append(.init(.fact, m.text("receipt.correction", ["reason": s(correctionReason)]))) }
        out.append(.init(.blank))
        out.append(.init(.fact, m.text("receipt.citizen", ["name": s(citizenName ?? none)])))
        out.append(.init(.fact, m.text("receipt.address", ["address": s(citizenAddress ?? none)])))
        out.append(.init(.fact, m.text("receipt.phone", ["phone": s(citizenPhone ?? none)])))
        out.append(.init(.fact, m.text("receipt.procedure", ["name": s(procedure)])))
        if let c = procedureCode { out.append(.init(.fact, m.text("receipt.code", ["code": s(c)]))) }
        if !papers.isEmpty {
            out.append(.init(.fact, m.text("receipt.documents")))
            for (k, p) in papers.enumerated() {
                let kind = switch p.kind {
                case .original: m.text("receipt.kind.original")
                case .copy: m.text("receipt.kind.copy")
                case .certifiedCopy: m.text("receipt.kind.certified-copy")
                }
                out.append(.init(.item, "\(k + 1). " + m.text("receipt.paper", ["label": s(p.label), "kind": kind, "count": String(p.count)])))
            }
        }
        out.append(.init(.fact, m.text("receipt.sets")))
        out.append(.init(.fact, m.text("receipt.received", ["time": s(receivedAt)])))
        out.append(.init(.fact, m.text(processingDays == 0 ? "receipt.appointment.sameday" : "receipt.appointment",
                                       ["date": appointment.display, "days": String(processingDays)])))
        if let fee, fee > 0 {
            out.append(.init(.fact, m.text("receipt.fee", ["amount": formatVND(fee)])))
            out.append(.init(.fact, m.text(payment == .vietQR ? "receipt.payment.vietqr" : "receipt.payment.cash")))
        } else {
            out.append(.init(.fact, m.text("receipt.fee.none")))
        }
        if let note = feeNote { out.append(.init(.item, s(note))) }
        out.append(.init(.fact, m.text("receipt.officer", ["name": s(officer ?? none)])))
        out.append(.init(.fact, m.text("receipt.dossier", ["id": s(dossierID)])))
        return out
    }

    /// The slip as plain text `width` display columns wide (80 for a page,
    /// 48 for a thermal printer): headings centred, long facts wrapped with
    /// their continuation indented. No line is wider than `width`.
    public func textLines(_ m: Messages, width: Int = 80) -> [String] {
        let width = max(16, width)
        var out: [String] = []
        for line in layout(m) {
            switch line.kind {
            case .blank: out.append("")
            case .rule: out.append(String(repeating: "-", count: min(width, 40)).centred(in: width))
            case .heading, .title:
                out += ReceiptWrap.lines(line.text, width: width).map { $0.centred(in: width) }
            case .fact:
                out += ReceiptWrap.lines(line.text, width: width, indent: 2)
            case .item:
                out += ReceiptWrap.lines(line.text, width: width - 2, indent: 3).map { "  " + $0 }
            }
        }
        return out
    }
}

/// Word wrapping by display width (wide and combining characters counted as
/// a terminal or printer draws them); a word longer than the line is cut.
public enum ReceiptWrap {
    public static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        var line = "", lineWidth = 0
        func flush() { out.append(line); line = String(repeating: " ", count: indent); lineWidth = indent }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = VietText.displayWidth(String(word))
            let room = lineWidth == 0 || line.allSatisfy({ $0 == " " }) ? width - lineWidth : width - lineWidth - 1
            if w <= room {
                if lineWidth > 0, !line.allSatisfy({ $0 == " " }) { line += " "; lineWidth += 1 }
                line += word; lineWidth += w
                continue
            }
            if !line.allSatisfy({ $0 == " " }) { flush() }
            // Too long for an empty line: cut it, character by character.
            for c in word {
                let cw = VietText.displayWidth(c)
                if lineWidth + cw > width, !line.allSatisfy({ $0 == " " }) { flush() }
                line.append(c); lineWidth += cw
            }
        }
        if !line.allSatisfy({ $0 == " " }) || out.isEmpty { out.append(line) }
        return out
    }
}

extension String {
    /// The string with spaces before it so it sits in the middle of `width` columns.
    func centred(in width: Int) -> String {
        let w = VietText.displayWidth(self)
        return w >= width ? self : String(repeating: " ", count: (width - w) / 2) + self
    }
}
