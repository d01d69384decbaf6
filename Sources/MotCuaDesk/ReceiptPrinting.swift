// The receipt on paper: the font the PDF is set in and the print key's hand-over to the
// configured print command. Desk logic (the kiosk's print key and `dossiers receipt`
// share it); the CLI only parses arguments.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaPrint
import MotCuaStore
import MotCuaText

/// The font the PDF receipt is set in: DejaVu Sans from Debian's
/// fonts-dejavu-core (`MOTCUA_RECEIPT_FONT` names another TrueType file).
public enum ReceiptFont {
    public static let debianPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load() -> Result<TrueTypeFont, Missing> {
        let path = ProcessInfo.processInfo.environment["MOTCUA_RECEIPT_FONT"] ?? debianPath
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Missing(description: "no font at \(path): install fonts-dejavu-core (apt-get install fonts-dejavu-core) to make PDF receipts"))
        }
        do { return .success(try TrueTypeFont(bytes: [UInt8](data))) } catch {
            return .failure(Missing(description: "\(path): \(error)"))
        }
    }
}

/// The kiosk's print key: the receipt as a PDF in the data folder's private
/// `print/` folder, handed to the settings' `printCommand` (default `lp`) as
/// its last argument, with a deadline; the file is removed once the command
/// has taken it (lp copies it into the spool before it exits). The paper
/// slip is always in Vietnamese: it is the agency's official form.
public struct ReceiptPrinter {
    public let dataDir: String
    /// The officer's language, for what goes wrong (the slip itself is Vietnamese).
    public var messages: Messages = Resources.messages("vi")
    public static let timeout = 30.0

    public init(dataDir: String, messages: Messages = Resources.messages("vi")) {
        self.dataDir = dataDir
        self.messages = messages
    }

    public func print(_ receipt: Receipt) throws {
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
        try PrivateFile.write(receipt.pdf(Resources.messages("vi"), font: font), to: path)
        defer { _ = unlink(path) }
        let result = try ChildProcess.run(executable, Array(command.dropFirst()) + [path], timeout: ReceiptPrinter.timeout)
        if result.timedOut {
            throw StoreError.invalidArgument(messages.text("print.timeout", ["name": name, "seconds": String(Int(ReceiptPrinter.timeout))]))
        }
        guard result.status == 0 else {
            let why = result.errorText.split(separator: "\n").first.map(String.init) ?? ""
            throw StoreError.invalidArgument(messages.text("print.failed", ["name": name, "status": String(result.status)])
                                             + (why.isEmpty ? "" : ": " + VietText.neutralizeControls(why)))
        }
    }
}
