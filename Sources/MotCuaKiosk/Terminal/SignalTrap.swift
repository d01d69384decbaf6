// Signals, handled so that a kiosk is never left with a dead terminal:
// - SIGINT, SIGTERM, SIGHUP are only recorded here; the run loop sees them within one read
//   slice, lets the program save its draft, restores the terminal and exits.
// - Crash signals (a Swift trap is SIGILL or SIGTRAP) restore the terminal on the way down
//   and then hand over to whatever handled them before (the Swift runtime's backtracer, or
//   the default action), so the shell is usable and the backtrace or core is still made.
import CNCursesW
import Foundation
import Synchronization

/// The last termination signal received, 0 for none. `Atomic` is lock-free, so storing
/// into it is safe inside a signal handler.
private let pendingSignal = Atomic<Int32>(0)
/// Whether ncurses currently owns the terminal (the crash path restores only then).
private let terminalActive = Atomic<Bool>(false)
/// The crash handlers that were installed before ours, indexed by signal number.
/// Safe without synchronisation: `install()` fills an entry in the same `sigaction` call
/// that installs our handler, and afterwards the entry is only read, by that handler.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

public enum SignalTrap {
    static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Installs the handlers (before ncurses starts, so it does not install its own).
    /// A parent may start us with these signals blocked (found in practice: a Foundation
    /// `Process` child inherits a mask blocking nearly everything); a blocked SIGTERM or
    /// SIGHUP would never let the draft be saved, so they are unblocked here.
    static func install() {
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in termination + crashes { sigaddset(&mask, sig) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for sig in termination {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in pendingSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: interrupt the blocking read at once
            sigaction(sig, &action, nil)
        }
        for sig in crashes {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { sig, info, _ in
                if terminalActive.exchange(false, ordering: .relaxed) {
                    // endwin is not async-signal-safe, but the process is already dying and a
                    // terminal left in raw mode without echo is worse than the small risk.
                    endwin()
                    let reset = "\u{1B}[?2004l"
                    _ = reset.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
                }
                sigaction(sig, previousActions.advanced(by: Int(sig)), nil)
                // Sent by kill or raise (si_code <= 0): deliver it again, to the old handler.
                // A real fault: returning runs the faulting instruction again under it.
                if let info, info.pointee.si_code <= 0 { raise(sig) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | Int32(SA_NODEFER)
            sigaction(sig, &action, previousActions.advanced(by: Int(sig)))
        }
    }

    /// Puts every handler back to the default.
    static func uninstall() {
        for sig in termination + crashes { signal(sig, SIG_DFL) }
    }

    /// The termination signal received since the last call, if any (and forgets it).
    public static func takePending() -> Int32? {
        let sig = pendingSignal.exchange(0, ordering: .relaxed)
        return sig == 0 ? nil : sig
    }

    static func setTerminalActive(_ active: Bool) { terminalActive.store(active, ordering: .relaxed) }
}
