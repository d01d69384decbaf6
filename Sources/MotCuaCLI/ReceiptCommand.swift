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
    guard let receipt = storedReceipt(store, d.dossier, messages: m, holidays: try Holidays.load()) else {
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
            try ReceiptFont.writePrivate(pdf, to: path)
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

/// The font the PDF receipt is set in: DejaVu Sans from Debian's
/// fonts-dejavu-core (`MOTCUA_RECEIPT_FONT` names another TrueType file).
enum ReceiptFont {
    static let debianPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func load() -> Result<TrueTypeFont, Missing> {
        let path = ProcessInfo.processInfo.environment["MOTCUA_RECEIPT_FONT"] ?? debianPath
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Missing(description: "no font at \(path): install fonts-dejavu-core (apt-get install fonts-dejavu-core) to make PDF receipts"))
        }
        do { return .success(try TrueTypeFont(bytes: [UInt8](data))) } catch {
            return .failure(Missing(description: "\(path): \(error)"))
        }
    }

    /// Writes owner-only (the receipt names the citizen), replacing what was there.
    static func writePrivate(_ bytes: [UInt8], to path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let h = FileHandle(forWritingAtPath: path) else { throw StoreError.invalidArgument("cannot write \(path)") }
        defer { try? h.close() }
        try h.truncate(atOffset: 0)
        try h.write(contentsOf: Data(bytes))
        _ = chmod(path, 0o600)
    }
}

/// The kiosk's print key: the receipt as a PDF in the data folder's private
/// `print/` folder, handed to the settings' `printCommand` (default `lp`) as
/// its last argument, with a deadline; the file is removed once the command
/// has taken it (lp copies it into the spool before it exits). The paper
/// slip is always in Vietnamese: it is the agency's official form.
struct ReceiptPrinter {
    let dataDir: String
    /// The officer's language, for what goes wrong (the slip itself is Vietnamese).
    var messages: Messages = Resources.messages("vi")
    static let timeout = 30.0

    func print(_ receipt: Receipt) throws {
        let command = KioskSettings.load(dataDir).printCommand
        let name = command[0]
        guard let executable = name.hasPrefix("/") ? (access(name, X_OK) == 0 ? name : nil) : ChildProcess.find(name) else {
            throw StoreError.invalidArgument(name == "lp" ? messages.text("print.lp_missing")
                                                          : messages.text("print.command_missing", ["name": name]))
        }
        let font: TrueTypeFont
        switch ReceiptFont.load() {
        case .success(let f): font = f
        case .failure(let why): throw StoreError.invalidArgument(messages.text("print.font", ["reason": why.description]))
        }
        let folder = dataDir + "/print"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = folder + "/receipt-\(UInt32.random(in: 0...UInt32.max)).pdf"
        try ReceiptFont.writePrivate(receipt.pdf(Resources.messages("vi"), font: font), to: path)
        defer { _ = unlink(path) }
        let result = try ChildProcess.run(executable, Array(command.dropFirst()) + [path], timeout: ReceiptPrinter.timeout)
        if result.timedOut {
            throw StoreError.invalidArgument(messages.text("print.timeout", ["name": name, "seconds": String(Int(ReceiptPrinter.timeout))]))
        }
        guard result.status == 0 else {
            let why = result.errorText.split(separator: "\n").first.map(String.init) ?? ""
            throw StoreError.invalidArgument(messages.text("print.failed", ["name": name, "status": String(result.status)])
                                             + (why.isEmpty ? "" : ": " + Console.safe(why)))
        }
    }
}
