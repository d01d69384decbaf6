import MotCuaForms
import MotCuaInterview
import MotCuaQR

extension Receipt {
    /// Plain mode's slip (`fill`, `dossiers receipt --text`): the text at
    /// `width` columns, then the fee and tracking QR codes in a text fallback
    /// a phone can still scan from a terminal.
    public func plainLines(_ m: Messages, width: Int = 80, qr: Bool = true) -> [String] {
        var out = [""] + textLines(m, width: width)
        guard qr else { return out }
        if let pay = paymentPayload, let fee, let code = try? QRCode.encode(pay, ecc: .medium) {
            out.append("")
            out.append(m.text("receipt.qr.fee", ["amount": formatVND(fee)]))
            out += QRTextRenderer.plainLines(code)
        }
        if let track = tracking, let code = try? QRCode.encode(track, ecc: .medium) {
            out.append("")
            out.append(m.text("receipt.qr.track"))
            out += QRTextRenderer.plainLines(code)
        }
        return out
    }
}
