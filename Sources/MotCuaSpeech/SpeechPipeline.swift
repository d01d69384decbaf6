// espeak-ng (and a player) as child processes: the one place MotCua starts a
// synthesiser. Spawned with posix_spawn, not Foundation's Process, because a
// Process child inherits a signal mask that blocks nearly every signal (it
// could not be stopped at the next key), and in a process group of their own
// so that one kill stops both. The text goes through a pipe: nothing said is
// ever on a command line (visible in `ps`) or in a file.
import Foundation
import Glibc

/// A running synthesis: espeak-ng reading the text on its standard input,
/// optionally piped into a player. Stopped by `stop()` or when it ends.
final class SpeechPipeline {
    private(set) var pids: [pid_t] = []
    private var group: pid_t = 0

    /// Starts `synthesiser` (whose standard output goes to `player`'s input when
    /// a player is given, else to /dev/null) and writes `text` to it.
    init(synthesiser: [String], player: [String]?, text: String) throws {
        var textPipe: [Int32] = [0, 0]
        guard pipe(&textPipe) == 0 else { throw SpeechError.cannotStart("pipe") }
        var audioPipe: [Int32] = [-1, -1]
        if player != nil { guard pipe(&audioPipe) == 0 else { close(textPipe[0]); close(textPipe[1]); throw SpeechError.cannotStart("pipe") } }
        for fd in textPipe + audioPipe where fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { for fd in [textPipe[0]] + audioPipe where fd >= 0 { close(fd) } }

        let synthOut: Redirect = player != nil ? .fd(audioPipe[1]) : .null
        let first = try Self.spawn(synthesiser, stdin: .fd(textPipe[0]), stdout: synthOut, group: 0)
        pids.append(first)
        group = first
        if let player {
            do { pids.append(try Self.spawn(player, stdin: .fd(audioPipe[0]), stdout: .null, group: first)) } catch {
                stop(); close(textPipe[1]); throw error
            }
        }
        // Questions are short; a text longer than the pipe's buffer is cut rather
        // than block the kiosk's loop.
        _ = fcntl(textPipe[1], F_SETFL, fcntl(textPipe[1], F_GETFL) | O_NONBLOCK)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(textPipe[1], $0.baseAddress, $0.count) }
        close(textPipe[1])
    }

    /// True while a child is still running (children that ended are reaped).
    var isRunning: Bool {
        pids.removeAll { pid in
            var status: Int32 = 0
            return waitpid(pid, &status, WNOHANG) != 0
        }
        return !pids.isEmpty
    }

    /// Waits for the pipeline to end, at most `seconds`; stops it after that.
    /// Returns false on a time-out or when the synthesiser failed.
    func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var ok = true
        while !pids.isEmpty {
            var status: Int32 = 0
            let pid = pids[0]
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || r < 0 {
                if r == pid, !(status & 0x7f == 0 && (status >> 8) & 0xff == 0) { ok = false }
                pids.removeFirst()
                continue
            }
            if Date() > deadline { stop(); return false }
            usleep(5_000)
        }
        return ok
    }

    /// Stops every child at once and reaps it.
    func stop() {
        guard !pids.isEmpty else { return }
        if group > 0 { kill(-group, SIGKILL) }
        for pid in pids { kill(pid, SIGKILL) }
        for pid in pids { var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
        pids.removeAll()
    }

    deinit { stop() }

    enum Redirect { case fd(Int32), null }

    /// posix_spawn with an empty signal mask, default handlers and a process group.
    static func spawn(_ argv: [String], stdin: Redirect, stdout: Redirect, group: pid_t) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        func redirect(_ r: Redirect, to target: Int32, flags: Int32) {
            switch r {
            case .fd(let fd): posix_spawn_file_actions_adddup2(&actions, fd, target)
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", flags, 0)
            }
        }
        redirect(stdin, to: 0, flags: O_RDONLY)
        redirect(stdout, to: 1, flags: O_WRONLY)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, group)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let r = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard r == 0 else { throw SpeechError.cannotStart(argv[0]) }
        return pid
    }
}

/// Why speech could not be given.
public enum SpeechError: Error, Equatable, CustomStringConvertible {
    case notInstalled
    case cannotStart(String)
    case failed

    public var description: String {
        switch self {
        case .notInstalled: "espeak-ng is not installed (apt-get install espeak-ng)"
        case .cannotStart(let what): "cannot start \(what)"
        case .failed: "espeak-ng failed or took too long"
        }
    }
}
