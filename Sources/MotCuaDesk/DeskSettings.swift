// `<data dir>/settings.json`, read in one place: the raw document (delivery, speech and
// core options read their own keys from it) and the kiosk's own settings parsed from it.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaQR
import MotCuaStore
import MotCuaText

/// `<data dir>/settings.json`, when there is one and it is JSON.
public func readSettings(_ dataDir: String) -> JSONValue? {
    FileManager.default.contents(atPath: dataDir + "/" + DataDirectory.settingsName).flatMap { try? JSONParser.parse($0) }
}

/// Kiosk settings in `<data dir>/settings.json`: the VietQR payee and the
/// tracking-page URL template (`{code}` is replaced by the receipt code).
public struct KioskSettings: Sendable {
    public var payee: VietQRPayee?
    public var trackingURL: String?
    /// `toneStyle`: where plain mode's Telex puts tones (the kiosk reads it in KioskCommand).
    public var toneStyle: TonePlacementStyle?
    /// `agencyName`: the receiving agency printed at the top of the receipt
    /// ("UBND xã Mỹ Lâm"); without it, the form's generic agency.
    public var agencyName: String?
    /// `printCommand`: the program the kiosk's print key hands the receipt's
    /// PDF to (its path is the last argument); `lp` when unset.
    public var printCommand: [String] = ["lp"]

    public init() {}

    /// The settings of a data folder's settings.json (none when there is none).
    public static func load(_ dataDir: String) -> KioskSettings { KioskSettings(json: readSettings(dataDir)) }

    /// The kiosk's keys of an already-read settings.json; an unusable value is left unset.
    public init(json: JSONValue?) {
        guard let json else { return }
        if let q = json["vietqr"], let bin = q["bin"]?.stringValue, let account = q["account"]?.stringValue {
            payee = try? VietQRPayee(bankBIN: bin, accountNumber: account)
        }
        trackingURL = json["trackingURL"]?.stringValue
        toneStyle = json["toneStyle"]?.stringValue.flatMap(TonePlacementStyle.init(rawValue:))
        if let name = json["agencyName"]?.stringValue, !name.isEmpty, name.count <= 200 { agencyName = name }
        if let words = json["printCommand"]?.stringValue?.split(separator: " ").map(String.init), !words.isEmpty, words.count <= 32 {
            printCommand = words
        }
    }

    /// The receipt of a dossier's answers: facts from the interview, the
    /// agency and codes from these settings.
    public func receipt(_ i: Interview, _ code: String, dossierID: String, at: Timestamp, holidays: HolidayCalendar,
                        officer: String? = nil, link: DossierLink? = nil) -> Receipt {
        let received = vietnamTime(at)
        var r = Receipt(interview: i, code: code, dossierID: dossierID, received: received.date, receivedAt: received.text,
                        holidays: holidays, officer: officer)
        if let agencyName { r.agency = agencyName }
        r.version = link?.version
        r.correctionReason = link?.reason
        r.tracking = trackingContent(receipt: code)
        r.paymentPayload = paymentContent(fee: r.fee, receipt: code)
        return r
    }

    /// What the tracking QR code holds: the receipt code, or the lookup URL made from it.
    public func trackingContent(receipt: String) -> String? {
        try? QRTrackingCode.content(receiptCode: receipt, urlTemplate: trackingURL)
    }

    /// The VietQR payload for the fee; nil with no fee or no payee configured.
    public func paymentContent(fee: Int?, receipt: String) -> String? {
        guard let payee, let fee, fee > 0 else { return nil }
        return try? VietQR.feePayload(payee: payee, amountVND: fee, receiptCode: receipt, purpose: "LE PHI " + receipt)
    }
}
