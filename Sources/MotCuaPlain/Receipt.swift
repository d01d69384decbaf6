import MotCuaForms
import MotCuaInterview
import MotCuaQR
import MotCuaText

/// The receipt-and-appointment slip as lines (plain mode, `dossiers show`),
/// with the tracking and fee QR codes in a text fallback.
public struct ReceiptText {
    public var receiptCode: String
    public var dossierID: String
    public var receivedAt: String
    public var facts: ReceiptFacts
    /// Content of the tracking code (the receipt code or a URL), and of the
    /// VietQR fee payment (nil when there is no fee or no payee).
    public var trackingContent: String?
    public var paymentContent: String?

    public init(receiptCode: String, dossierID: String, receivedAt: String, facts: ReceiptFacts, trackingContent: String?, paymentContent: String?) {
        self.receiptCode = receiptCode; self.dossierID = dossierID; self.receivedAt = receivedAt
        self.facts = facts; self.trackingContent = trackingContent; self.paymentContent = paymentContent
    }

    public func lines(_ m: Messages, qr: Bool = true) -> [String] {
        let s = { (x: String) in VietText.neutralizeControls(x) }
        var out = ["", m.text("receipt.title"),
                   m.text("receipt.id", ["code": s(receiptCode)]),
                   m.text("receipt.dossier", ["id": s(dossierID)]),
                   m.text("receipt.procedure", ["name": s(facts.procedure)])]
        if let c = facts.procedureCode { out.append(m.text("receipt.code", ["code": s(c)])) }
        out.append(m.text("receipt.received", ["time": s(receivedAt)]))
        out.append(m.text(facts.processingDays == 0 ? "receipt.appointment.sameday" : "receipt.appointment",
                          ["date": facts.appointment.display, "days": String(facts.processingDays)]))
        if let fee = facts.fee, fee > 0 {
            out.append(m.text("receipt.fee", ["amount": formatVND(fee)]))
        } else {
            out.append(m.text("receipt.fee.none"))
        }
        if let note = facts.feeNote { out.append("  " + s(note)) }
        if !facts.documents.isEmpty {
            out.append(m.text("receipt.documents"))
            for d in facts.documents { out.append("  - " + s(d)) }
        }
        guard qr else { return out }
        if let pay = paymentContent, let fee = facts.fee, let code = try? QRCode.encode(pay, ecc: .medium) {
            out.append("")
            out.append(m.text("receipt.qr.fee", ["amount": formatVND(fee)]))
            out += QRTextRenderer.plainLines(code)
        }
        if let track = trackingContent, let code = try? QRCode.encode(track, ecc: .medium) {
            out.append("")
            out.append(m.text("receipt.qr.track"))
            out += QRTextRenderer.plainLines(code)
        }
        return out
    }
}
