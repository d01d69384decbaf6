// `runKioskDemo(arguments:)`: the demo's command line, for the CLI to expose and the tmux
// tests and the benchmark to start.
//   --communes FILE  options for the commune question, one "code<TAB>name..." per line
//   --idle SECONDS   go back to the start after this long without a key
//   --draft FILE     write the answers there on F10, Ctrl-C, SIGTERM/SIGHUP and idle
//   --high-contrast  start in the high-contrast theme
//   --probe          print "kiosk-demo" and exit 0 (tests check the command is wired)
//   --allow-crash    F12 traps (tests check the terminal is restored after a crash)
import Foundation

/// Runs the terminal-layer demo full screen; returns the exit status (2 with a message
/// when the terminal cannot show it).
public func runKioskDemo(arguments: [String]) -> Int32 {
    var communes: [ChoiceOption] = []
    var idle: Double? = nil
    var draft: String? = nil
    var highContrast = false
    var allowCrash = false
    var i = 0
    func value() -> String? { i + 1 < arguments.count ? arguments[i + 1] : nil }
    while i < arguments.count {
        switch arguments[i] {
        case "--communes":
            guard let path = value(), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                return fail("--communes needs a readable UTF-8 file")
            }
            communes = text.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: "\t")
                guard parts.count >= 2, !line.hasPrefix("#") else { return nil }
                return ChoiceOption(value: String(parts[0]), label: String(parts[1]))
            }
            i += 2
        case "--idle":
            guard let text = value(), let seconds = Double(text), seconds > 0 else { return fail("--idle needs seconds") }
            idle = seconds; i += 2
        case "--draft":
            guard let path = value() else { return fail("--draft needs a file") }
            draft = path; i += 2
        case "--high-contrast":
            highContrast = true; i += 1
        case "--allow-crash":
            allowCrash = true; i += 1
        case "--probe":
            print("kiosk-demo")
            return 0
        default:
            return fail("unknown option \(arguments[i])")
        }
    }
    var program = DemoProgram(questions: DemoQuestions.make(communes: communes), idleTimeout: idle, draftPath: draft)
    program.highContrast = highContrast
    program.allowCrash = allowCrash
    do {
        return try Kiosk.run(&program, highContrast: highContrast)
    } catch {
        return fail("cannot open the full-screen kiosk: \(error.description)")
    }
}

private func fail(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("motcua kiosk-demo: \(message)\n".utf8))
    return 2
}
