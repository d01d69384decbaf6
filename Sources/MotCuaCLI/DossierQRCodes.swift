import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaQR
import MotCuaStore

/// `dossiers show ID --qr`: the receipt's two codes, each under a one-line
/// caption — the VietQR fee payment (only with a fee and a payee in the
/// settings) and the tracking code — drawn as half blocks, dark on light.
func printReceiptCodes(_ store: DossierStore, _ key: String, language: String) {
    guard let d = try? store.details(key) else { return }
    let x = d.dossier
    let m = Resources.messages(language)
    let settings = KioskSettings.load(store.directory)
    // Only the fee is wanted: no holiday file needs reading for it.
    let fee = Desk.storedReceipt(store, x, messages: m, holidays: HolidayCalendar(daysOff: [:]))?.fee
    var blocks: [(String, String)] = []
    if let fee, let pay = settings.paymentContent(fee: fee, receipt: x.receipt) {
        blocks.append((m.text("receipt.qr.fee", ["amount": formatVND(fee)]), pay))
    }
    if let track = settings.trackingContent(receipt: x.receipt) {
        blocks.append((m.text("receipt.qr.track"), track))
    }
    for (caption, content) in blocks {
        guard let code = try? QRCode.encode(content, ecc: .medium) else { continue }
        Console.out("")
        Console.out(Console.safe(caption))
        for l in QRTextRenderer.halfBlockLines(code, quietZone: 4) { Console.out(l) }
    }
}
