// The real `motcua` binary in tmux, as a person at a terminal uses it: keys in, screen
// text out. A small copy of MotCuaKioskTests' TmuxSession (that target cannot be
// reached from here). Each session has a private tmux server socket; `close()` kills it,
// and every test calls it in a `defer`, so a failure never leaves anything running.
import Foundation
import Glibc

let kioskTmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
private let spawnLock = NSLock()

final class KioskTmux {
    let socket = "motcua-kiosk-cli-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "k"

    /// Starts `args` of the real binary in a `width`×`height` window; afterwards the shell
    /// prints the exit status and waits, so the final screen can still be read.
    init(_ args: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) {
        let command = ([Motcua.path] + args).map(KioskTmux.quote).joined(separator: " ")
        var tmuxArgs = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name]
        let env = environment.merging(["LANG": "C.UTF-8", "MOTCUA_HOME": Motcua.repoRoot, "TERM": "xterm-256color"]) { a, _ in a }
        for (key, value) in env { tmuxArgs += ["-e", "\(key)=\(value)"] }
        tmuxArgs.append("\(command); echo EXIT=$?; sleep 60")
        tmux(tmuxArgs)
    }

    func close() {
        tmux(["kill-server"])
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(socket)")
    }

    /// Runs tmux on this session's socket with an empty signal mask and default handlers
    /// (a `Process` child inherits a mask blocking nearly every signal, and programs in
    /// the panes would inherit it too).
    @discardableResult
    func tmux(_ args: [String]) -> String {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
        // Close-on-exec, and one spawn at a time: tests run in parallel, and a tmux server
        // forked by another test must not inherit this pipe (the read would never end).
        spawnLock.lock()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { spawnLock.unlock(); return "" }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        if args.first == "new-session" {  // the forked server would hold the pipe open forever
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        cArgs.forEach { free($0) }
        cEnv.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        Glibc.close(fds[1])
        spawnLock.unlock()
        var output = [UInt8]()
        if spawned == 0 {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        Glibc.close(fds[0])
        return String(decoding: output, as: UTF8.self)
    }

    /// Text typed literally, e.g. "Nguyeenx Thij Hoaf".
    func type(_ text: String) { tmux(["send-keys", "-t", name, "-l", text]) }
    /// Named keys: "Enter", "Escape", "BSpace", "F2", "C-c"…
    func press(_ keys: String...) { tmux(["send-keys", "-t", name] + keys) }
    func resize(_ width: Int, _ height: Int) { tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    /// The screen as `tmux capture-pane -p` gives it, in NFC, trailing spaces removed.
    var lines: [String] {
        tmux(["capture-pane", "-t", name, "-p"]).precomposedStringWithCanonicalMapping
            .split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var s = String(line)
                while s.last == " " { s.removeLast() }
                return s
            }
    }
    var text: String { lines.joined(separator: "\n") }

    /// The pid of the program (the child of the pane's shell).
    var programPID: Int32? {
        let shell = tmux(["display", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Waits (up to `seconds`) until `condition` holds; false if it never did.
    @discardableResult
    func wait(seconds: Double = 6, until condition: (KioskTmux) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            usleep(40_000)
        }
        return condition(self)
    }

    /// Waits until `needle` (in NFC) is on screen.
    @discardableResult
    func wait(for needle: String, seconds: Double = 6) -> Bool {
        let target = needle.precomposedStringWithCanonicalMapping
        return wait(seconds: seconds) { $0.text.contains(target) }
    }

    private static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
