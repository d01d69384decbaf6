import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaPlain
import MotCuaPrint
import MotCuaStore

/// `motcua dossiers receipt ID-OR-RECEIPT [--pdf FILE | --text] [--width 48]`:
/// the receipt of a stored dossier again, as text (80 columns, or 48 for a
/// thermal printer) or as an A5 PDF page (`-` writes it to standard output).
func printStoredReceipt(_ store: DossierStore, _ line: StoreCommandLine) throws -> Int32 {
    let key = line.positional[0]
    let m = Resources.messages(line.values["--lang"] ?? "vi")
    guard let d = try store.details(key) else {
        Console.err(Console.safe("motcua dossiers receipt: no dossier \(key) (give a dossier id or a receipt code)"))
        return 1
    }
    guard let receipt = Desk.storedReceipt(store, d.dossier, messages: m, holidays: try Holidays.load()) else {
        Console.err("motcua dossiers receipt: the copy of the form this dossier was made with is missing or unreadable")
        return 1
    }
    if let path = line.values["--pdf"] {
        let bytes = ReceiptFont.load().map { receipt.pdf(m, font: $0) }
        guard case .success(let pdf) = bytes else {
            if case .failure(let why) = bytes { Console.err(Console.safe("motcua dossiers receipt: \(why)")) }
            return 1
        }
        if path == "-" {
            FileHandle.standardOutput.write(Data(pdf))
        } else {
            try PrivateFile.write(pdf, to: path)
        }
        // In the audit chain: who took the receipt out of the store, and when.
        try store.recordDeskEvent(.exported, operatorID: line.operatorName, dossierID: d.dossier.id)
        return 0
    }
    let width = line.values["--width"].flatMap(Int.init) ?? 80
    guard (32...200).contains(width) else {
        Console.err("motcua dossiers receipt: --width must be 32 to 200 columns (48 or 80 for a printer)")
        return 2
    }
    for l in receipt.plainLines(m, width: width, qr: false).dropFirst() { Console.out(Console.safe(l)) }
    try store.recordDeskEvent(.exported, operatorID: line.operatorName, dossierID: d.dossier.id)
    return 0
}
