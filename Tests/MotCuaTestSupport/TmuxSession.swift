// Drives a real binary inside tmux, as a person at a terminal would: keys in, screen text
// out (normalised to NFC), cursor position, resizes, signals. Each session runs on a
// private tmux server socket, so tests never touch anyone's own tmux. Shared by the
// kiosk's tests (its demo program) and the command line's (the real `motcua`).
import Foundation
import Glibc

public let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

public final class TmuxSession {
    static let spawnLock = NSLock()
    public let socket = "motcua-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    public let name = "k"
    private var closed = false

    /// Starts `command` in a `width`×`height` window through a shell that afterwards prints
    /// the exit status and whether the terminal modes are back as they were.
    public init(_ command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) {
        let quoted = command.map(TmuxSession.quote).joined(separator: " ")
        let script = "before=$(stty -g); \(quoted); echo EXIT=$?; "
            + "[ \"$before\" = \"$(stty -g)\" ] && echo TTY-RESTORED; sleep 120"
        var args = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name]
        for (key, value) in environment.merging(["LANG": "C.UTF-8"], uniquingKeysWith: { a, _ in a }) {
            args += ["-e", "\(key)=\(value)"]
        }
        args.append(script)
        tmux(args)
    }

    /// Stops the tmux server (and the program in it); also done when the session goes away.
    public func close() {
        guard !closed else { return }
        closed = true
        tmux(["kill-server"])
        // A killed server can leave its socket file behind.
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(socket)")
    }

    deinit { close() }

    /// Runs tmux on this session's socket and returns what it printed. Spawned with an
    /// empty signal mask and default handlers: a child of Foundation's `Process` inherits a
    /// mask blocking nearly every signal, and a tmux server started that way (and the
    /// programs in its panes) could never be stopped by SIGTERM or SIGHUP.
    @discardableResult
    public func tmux(_ args: [String]) -> String {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
        var pipe: [Int32] = [0, 0]
        // Tests run in parallel: a tmux server spawned by another test at the same moment
        // must not inherit this pipe (it would hold it open for minutes). Close-on-exec,
        // set under a lock that every spawn takes, closes that window.
        TmuxSession.spawnLock.lock()
        guard Glibc.pipe(&pipe) == 0 else { TmuxSession.spawnLock.unlock(); return "" }
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        // new-session forks the server, which would keep a pipe open forever: it gets /dev/null.
        if args.first == "new-session" {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        // `swift test` sets NO_COLOR=1 for the test process; the panes get only what the
        // test asks for, so the colour and NO_COLOR cases both mean what they say.
        let inherited = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }
        var cEnvironment = inherited.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnvironment)
        TmuxSession.spawnLock.unlock()
        cArgs.forEach { free($0) }
        cEnvironment.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        Glibc.close(pipe[1])
        var output = [UInt8]()
        if spawned == 0 {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(pipe[0], &buffer, buffer.count)
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        Glibc.close(pipe[0])
        return String(decoding: output, as: UTF8.self)
    }

    /// Text typed literally (no key names), e.g. "Nguyeenx".
    public func type(_ text: String) { tmux(["send-keys", "-t", name, "-l", text]) }
    /// Named keys: "Enter", "Escape", "BSpace", "Space", "Down", "F10", "C-c"…
    public func press(_ keys: String...) { tmux(["send-keys", "-t", name] + keys) }
    /// Pastes `text` the way a terminal does (bracketed when the program asked for it).
    public func paste(_ text: String) {
        tmux(["set-buffer", "-b", "t", text])
        tmux(["paste-buffer", "-p", "-b", "t", "-t", name])
    }
    public func resize(_ width: Int, _ height: Int) { tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    /// The screen as lines of NFC text (trailing spaces removed).
    public var lines: [String] {
        tmux(["capture-pane", "-t", name, "-p"]).precomposedStringWithCanonicalMapping
            .split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var s = String(line)
                while s.last == " " { s.removeLast() }
                return s
            }
    }
    public var text: String { lines.joined(separator: "\n") }
    /// The screen and up to 1,000 lines scrolled off the top of it.
    public var textWithHistory: String {
        tmux(["capture-pane", "-t", name, "-p", "-S", "-1000"]).precomposedStringWithCanonicalMapping
    }
    /// The screen with its SGR attribute sequences, to check colours and reverse video.
    public var styledText: String { tmux(["capture-pane", "-t", name, "-p", "-e"]) }

    public var cursor: (x: Int, y: Int) {
        let parts = tmux(["display", "-p", "-t", name, "#{cursor_x},#{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    /// The pid of the program (the child of the pane's shell).
    public var programPID: Int32? {
        let shell = tmux(["display", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Waits (up to `seconds`) until the screen satisfies `condition`; false if it never did.
    @discardableResult
    public func wait(seconds: Double = 10, until condition: (TmuxSession) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            usleep(50_000)
        }
        return condition(self)
    }

    /// Waits (up to `seconds`) for something off screen (a file the program
    /// writes, another command's output); false if it never came.
    @discardableResult
    public static func poll(seconds: Double = 10, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Waits until `needle` (compared in NFC) is on screen.
    @discardableResult
    public func wait(for needle: String, seconds: Double = 10) -> Bool {
        let target = needle.precomposedStringWithCanonicalMapping
        return wait(seconds: seconds) { $0.text.contains(target) }
    }

    private static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
