import Foundation
import MotCuaQR

/// `motcua qr TEXT [--ecc L|M|Q|H] [--svg FILE|--pbm FILE|--png FILE] [--ascii]`
/// (`args` are the words after `qr`). Without a file option the code goes to
/// stdout as half blocks, painted black on white when stdout is a terminal
/// (NO_COLOR or TERM=dumb leave the colours out); `--ascii` prints the plain
/// `##` fallback instead. `--` ends the options, for a TEXT that starts with '-'.
/// Exit statuses as elsewhere: 0 done, 1 the text does not fit a QR Code,
/// 2 bad usage or a file that cannot be written.
public func runQRCommand(_ args: [String]) -> Int32 {
    let options: QRCommandOptions
    switch QRCommandOptions.parse(args) {
    case let .success(parsed): options = parsed
    case let .failure(problem):
        if case .help = problem {
            qrWrite(FileHandle.standardOutput, QRCommandOptions.usage)
            return 0
        }
        qrWrite(FileHandle.standardError, "motcua qr: \(problem.message)\n\(QRCommandOptions.usage)")
        return 2
    }

    let code: QRCode
    do {
        code = try QRCode.encode(options.text, ecc: options.level)
    } catch {
        qrWrite(FileHandle.standardError, "motcua qr: cannot make a QR Code: \(error)")
        return 1
    }

    guard let output = options.output else {
        let lines = options.ascii ? QRTextRenderer.plainLines(code) : QRTextRenderer.halfBlockLines(code)
        let paint = !options.ascii && qrStdoutWantsColour()
        // Dark on light whatever the theme: black ink on a bright white cell.
        let text = lines.map { paint ? "\u{1B}[30;107m" + $0 + "\u{1B}[0m" : $0 }.joined(separator: "\n")
        qrWrite(FileHandle.standardOutput, text)
        return 0
    }
    let data: Data
    switch output.format {
    case .svg: data = Data(QRImageRenderer.svg(code).utf8)
    case .pbm: data = QRImageRenderer.pbm(code)
    case .png: data = QRImageRenderer.png(code)
    }
    do {
        try data.write(to: URL(fileURLWithPath: output.path), options: .atomic)
    } catch {
        qrWrite(FileHandle.standardError, "motcua qr: cannot write \(qrQuoted(output.path)): \(error.localizedDescription)")
        return 2
    }
    return 0
}

/// The parsed command line of `motcua qr`.
struct QRCommandOptions {
    enum Format: String { case svg, pbm, png }

    enum Problem: Error {
        case help
        case usage(String)
        var message: String {
            switch self {
            case .help: ""
            case let .usage(text): text
            }
        }
    }

    static let usage = "usage: motcua qr TEXT [--ecc L|M|Q|H] [--svg FILE|--pbm FILE|--png FILE] [--ascii]"

    var text = ""
    var level = QRErrorCorrection.medium
    var output: (format: Format, path: String)?
    var ascii = false

    static func parse(_ args: [String]) -> Result<QRCommandOptions, Problem> {
        var options = QRCommandOptions()
        var texts: [String] = []
        var levelSeen = false
        var optionsEnded = false
        var i = 0
        while i < args.count {
            let word = args[i]
            i += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                texts.append(word)
                continue
            }
            // Accept both "--ecc Q" and "--ecc=Q".
            var name = word, inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            func value() -> String? {
                if let inlineValue { return inlineValue }
                guard i < args.count else { return nil }
                i += 1
                return args[i - 1]
            }
            switch name {
            case "--":
                optionsEnded = true
            case "-h", "--help":
                return .failure(.help)
            case "--ascii":
                options.ascii = true
            case "--ecc":
                guard !levelSeen else { return .failure(.usage("--ecc given twice")) }
                guard let letter = value(), let level = QRErrorCorrection(letter: letter) else {
                    return .failure(.usage("--ecc takes L, M, Q or H"))
                }
                options.level = level
                levelSeen = true
            case "--svg", "--pbm", "--png":
                guard let format = Format(rawValue: String(name.dropFirst(2))) else { return .failure(.usage("unknown option \(name)")) }
                guard options.output == nil else {
                    return .failure(.usage("give only one of --svg, --pbm and --png"))
                }
                guard let path = value(), !path.isEmpty else { return .failure(.usage("\(name) needs a file name")) }
                options.output = (format, path)
            default:
                return .failure(.usage("unknown option \(qrQuoted(word))"))
            }
        }
        guard texts.count == 1 else {
            return .failure(.usage(texts.isEmpty ? "give the TEXT to encode" : "give one TEXT (quote it if it has spaces)"))
        }
        guard !texts[0].isEmpty else { return .failure(.usage("the TEXT is empty")) }
        if options.ascii && options.output != nil {
            return .failure(.usage("--ascii prints to the terminal; it does not go with a file option"))
        }
        options.text = texts[0]
        return .success(options)
    }
}

private func qrWrite(_ handle: FileHandle, _ text: String) {
    handle.write(Data((text + "\n").utf8))
}

/// Quotes a word from the command line with its control characters made
/// visible, so that an option typed by mistake cannot drive the terminal.
private func qrQuoted(_ text: String) -> String {
    var result = "'"
    for scalar in text.unicodeScalars {
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
            result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result + "'"
}

private func qrStdoutWantsColour() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    guard isatty(STDOUT_FILENO) == 1, environment["NO_COLOR"] == nil else { return false }
    return environment["TERM"].map { $0 != "dumb" } ?? false
}
