import Foundation
import MotCuaForms
import MotCuaKiosk
import MotCuaText

/// Entry point of the `motcua` command: picks the sub-command and hands off.
/// Exit statuses: 0 success, 1 the input was checked and found wanting
/// (lint problems, invalid answers), 2 the command could not do its work.
public enum MotCuaCLI {
    /// The program's version (also the Debian package's, see tools/make-deb).
    public static let version = "0.2.0"

    public static func run(_ arguments: [String]) -> Int32 {
        let args = commandFirst(arguments)
        // No command (or only options such as --data-dir): the kiosk's home screen.
        let needsData: Set<String> = ["forms", "validate", "fill", "submit", "drafts", "dossiers"]
        let command = args.first.flatMap { !$0.hasPrefix("--") || ["--help", "--version"].contains($0) ? $0 : nil }
        if command.map(needsData.contains) ?? true, !args.contains("--help"), !args.contains("-h"),
           let problem = Resources.problem() {
            Console.err(problem)
            return 2
        }
        guard let command else { return runHome(args) }
        let rest = Array(args.dropFirst())
        if rest.contains("--help") || rest.contains("-h"), let help = commandHelp(command) {
            Console.out(help)
            return 0
        }
        switch command {
        case "forms": return runFormsCommand(rest)
        case "validate": return runValidateCommand(rest)
        case "qr": return runQRCommand(rest)
        case "fill": return runFillCommand(rest)
        case "drafts": return runDraftsCommand(rest)
        // The toolkit's demo, used by the kiosk layer's tmux tests.
        case "kiosk-demo": return runKioskDemo(arguments: rest)
        case "help", "--help", "-h": Console.out(usage); return 0
        case "--version", "version": Console.out("motcua \(version) (form format \(Form.format))"); return 0
        default:
            if let extra = extensionCommands[command] { return extra(rest) }
            Console.err("motcua: unknown command '\(command)'. Run 'motcua help' for the list.")
            return 2
        }
    }

    /// The common options written before the command (`motcua --data-dir D operators add lan`)
    /// go after it, where every command reads them; otherwise the kiosk took the command
    /// for its own arguments and refused them.
    static func commandFirst(_ args: [String]) -> [String] {
        let common: Set<String> = ["--data-dir", "--kiosk", "--operator", "--today", "--lang"]
        var i = 0
        while i + 1 < args.count, common.contains(args[i]) { i += 2 }
        guard i > 0, i < args.count else { return args }
        let word = args[i]
        let commands: Set<String> = ["forms", "validate", "qr", "fill", "drafts", "help", "version", "--help", "-h", "--version"]
        guard commands.contains(word) || (!word.isEmpty && extensionCommands[word] != nil) else { return args }
        return [word] + args[(i + 1)...] + args[..<i]
    }

    static func runHome(_ args: [String]) -> Int32 {
        if let home = extensionCommands[""] { return home(args) }
        return runKioskHome(args)
    }

    static let usage = """
    MotCua: guided submission of administrative dossiers.

    Usage:
      motcua forms check [PATH ...]       lint forms (no path: every form under Forms/)
      motcua validate FORM ANSWERS [--json] [--lang vi|en] [--today YYYY-MM-DD]
                                          check a dossier's answers: exit 0 valid, 1 invalid, 2 unusable input
      motcua fill FORM [--draft ID] [--plain] [--lang vi|en]
                                          run an interview (plain line mode: see 'motcua fill --help')
      motcua drafts list|show ID|discard ID
      motcua submit FORM ANSWERS          queue a finished dossier (prints its id and receipt code)
      motcua queue status|deliver [--to URL]|retry ID|export FILE|import FILE
      motcua dossiers list [--search TEXT]|show ID|verify  [--core postgresql://...]
      motcua operators add NAME [--admin]|list|disable NAME|enable NAME|reset-pin NAME|sign-in NAME
                                          who may use the kiosk (PINs; see 'motcua operators --help')
      motcua core init --to postgresql://...
                                          create or migrate the shared core store (PostgreSQL)
      motcua report [--from DATE] [--to DATE] [--by day|procedure|operator|channel] [--csv FILE|-]
                                          the desk's numbers, as a table, bar charts and CSV
      motcua speak TEXT [--text] [--wav FILE] [--rate N] [--voice V]
                                          read a text aloud (espeak-ng), as the kiosk's read key does
      motcua qr TEXT [--ecc L|M|Q|H] [--svg FILE|--pbm FILE|--png FILE]
      motcua [--lang vi|en] [--idle SECONDS] [--high-contrast]
                                          the full-screen kiosk (on a UTF-8 terminal)
      motcua help                         this text
    """
}

/// Output that never lets stored text drive the terminal: control characters
/// in messages (which may quote an answer) are neutralised.
enum Console {
    static func out(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
    static func err(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    static func safe(_ s: String) -> String { VietText.neutralizeControls(s) }
}
