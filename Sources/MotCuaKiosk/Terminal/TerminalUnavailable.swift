// Why the full-screen kiosk cannot run here; the caller then starts plain line mode and
// tells the person why (issue #6: "on a non-UTF-8 or dumb terminal it says why").
import CNCursesW
import Foundation
import MotCuaForms

public struct TerminalUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Standard input or output is not a terminal (a pipe, a file, a script).
        case notATerminal
        /// TERM is unset or "dumb": no cursor movement.
        case dumbTerminal
        /// The locale's character set is not UTF-8, so Vietnamese cannot be shown.
        case notUTF8(codeset: String)
        /// ncurses does not know this TERM.
        case unknownTerminal(String)
    }

    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .notATerminal: "standard input and output are not a terminal"
        case .dumbTerminal: "the terminal cannot move the cursor (TERM is unset or dumb)"
        case .notUTF8(let codeset): "the terminal's locale uses \(codeset), not UTF-8 (set LANG, e.g. LANG=C.UTF-8)"
        case .unknownTerminal(let term): "the terminal type \"\(term)\" is unknown"
        }
    }

    /// The reason as the person at the desk reads it (Locales `kiosk.terminal.*`);
    /// `description` stays the English text for logs and test failures.
    public func text(_ m: Messages) -> String {
        switch reason {
        case .notATerminal: m.text("kiosk.terminal.notATerminal")
        case .dumbTerminal: m.text("kiosk.terminal.dumb")
        case .notUTF8(let codeset): m.text("kiosk.terminal.notUTF8", ["codeset": codeset])
        case .unknownTerminal(let term): m.text("kiosk.terminal.unknown", ["term": term])
        }
    }

    /// Sets the process's character-type locale from the environment and checks
    /// everything that can be checked before touching the terminal. Only LC_CTYPE: it is
    /// what the character set and ncurses' wide characters depend on; loading the other
    /// ten categories (LC_ALL) cost the first screen about half a millisecond.
    public static func check(environment: [String: String]) -> TerminalUnavailable? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return TerminalUnavailable(.notATerminal) }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return TerminalUnavailable(.dumbTerminal) }
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: motcua_codeset())
        if !isUTF8(codeset) { return TerminalUnavailable(.notUTF8(codeset: codeset)) }
        return nil
    }

    /// "UTF-8", "utf8", "Utf-8"…: compared byte by byte (this runs before the first
    /// screen, where Foundation's case mapping would be a measurable cost).
    static func isUTF8(_ codeset: String) -> Bool {
        let letters = codeset.utf8.filter { $0 != UInt8(ascii: "-") }.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        return letters.elementsEqual("UTF8".utf8)
    }
}
