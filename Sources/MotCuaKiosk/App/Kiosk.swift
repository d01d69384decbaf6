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
}
