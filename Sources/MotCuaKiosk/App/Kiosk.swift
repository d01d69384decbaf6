// The entry point the CLI calls: open the terminal, run the program, give the terminal back.
import Foundation

public enum Kiosk {
    /// Runs `program` full screen until it quits. Throws `TerminalUnavailable`, with the
    /// terminal untouched, when the kiosk cannot run here (the caller falls back to plain
    /// mode and prints the reason). Returns the exit status (128 + signal when terminated).
    public static func run<P: KioskProgram>(_ program: inout P,
                                            environment: [String: String] = ProcessInfo.processInfo.environment,
                                            highContrast: Bool = false, voice: KioskVoice? = nil) throws(TerminalUnavailable) -> Int32 {
        let terminal = try NCursesTerminal(environment: environment, highContrast: highContrast)
        return KioskRunner.run(&program, on: terminal, voice: voice)
    }

    /// The terminal taken over before the program is made, for a caller with other work to
    /// wait for meanwhile (the home screen's catalog, read on another thread); then
    /// `run(_:on:voice:)`. Throws as `run` does; the terminal is restored when it goes away.
    public static func open(environment: [String: String] = ProcessInfo.processInfo.environment,
                            highContrast: Bool = false) throws(TerminalUnavailable) -> NCursesTerminal {
        try NCursesTerminal(environment: environment, highContrast: highContrast)
    }

    /// Runs `program` full screen on a terminal `open` gave, until it quits.
    public static func run<P: KioskProgram>(_ program: inout P, on terminal: NCursesTerminal, voice: KioskVoice? = nil) -> Int32 {
        KioskRunner.run(&program, on: terminal, voice: voice)
    }
}
