import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A well-kept system program (`psql`, `curl`) run as a child process, with
/// a deadline. posix_spawn and one poll loop (no threads): the input is
/// written while the output is read, so neither pipe can fill up and stall
/// the other. Every descriptor we open is close-on-exec, so a child never
/// holds the data directory's lock; the child gets SIGPIPE back at its default.
public enum ChildProcess {
    public struct Result: Sendable {
        /// Exit status, or 128 + signal number when the child was killed.
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        public var timedOut: Bool
        public var errorText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case spawn(String, Int32)
        public var description: String {
            switch self {
            case .notFound(let s): return s
            case .spawn(let p, let e): return "cannot start \(p): \(String(cString: strerror(e)))"
            }
        }
    }

    /// The first executable `name` on PATH (or in `extra` folders), else nil.
    public static func find(_ name: String, extra: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + extra where !dir.isEmpty {
            let candidate = dir + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` to its end, feeding `input`, killing it (SIGKILL)
    /// once `timeout` seconds have passed.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: [UInt8] = [], timeout: Double) throws -> Result {
        let child = try Spawned(executable, arguments, environment: environment, mergeStderr: false)
        defer { child.closeAll() }
        let deadline = monotonicSeconds() + timeout
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        if input.isEmpty { child.closeInput() }
        while child.stdout >= 0 || child.stderr >= 0 {
            let left = deadline - monotonicSeconds()
            if left <= 0 { timedOut = true; break }
            var fds: [pollfd] = []
            if child.stdin >= 0 { fds.append(pollfd(fd: child.stdin, events: Int16(POLLOUT), revents: 0)) }
            if child.stdout >= 0 { fds.append(pollfd(fd: child.stdout, events: Int16(POLLIN), revents: 0)) }
            if child.stderr >= 0 { fds.append(pollfd(fd: child.stderr, events: Int16(POLLIN), revents: 0)) }
            let n = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000 + 1, 1000)))
            if n < 0 { if errno == EINTR { continue }; break }
            for p in fds where p.revents != 0 {
                if p.fd == child.stdin {
                    let w = input.withUnsafeBytes { raw in
                        ChildProcess.write(p.fd, raw.baseAddress! + written, min(raw.count - written, 65536))
                    }
                    if w > 0 { written += w } else if w < 0, errno != EAGAIN, errno != EINTR { child.closeInput() }
                    if written >= input.count { child.closeInput() }
                } else {
                    let r = buffer.withUnsafeMutableBytes { Glibc.read(p.fd, $0.baseAddress!, $0.count) }
                    if r > 0 {
                        if p.fd == child.stdout { out += buffer[0..<r] } else { err += buffer[0..<r] }
                    } else if r == 0 || (errno != EAGAIN && errno != EINTR) {
                        if p.fd == child.stdout { child.closeOutput() } else { child.closeError() }
                    }
                }
            }
        }
        if timedOut { kill(child.pid, SIGKILL) }
        let status = child.wait()
        return Result(status: status, stdout: out, stderr: err, timedOut: timedOut)
    }

    /// write(2) to a child's pipe: a child that died gives EPIPE, not a
    /// SIGPIPE that would kill us. SIGPIPE is blocked in this thread for the
    /// call and a pending one taken back, so the rest of the program keeps
    /// the default (a closed stdout still ends `motcua … | head` quietly).
    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        var pipeSet = sigset_t(), old = sigset_t()
        sigemptyset(&pipeSet)
        sigaddset(&pipeSet, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSet, &old)
        let n = Glibc.write(fd, buffer, count)
        let e = errno
        if n < 0, e == EPIPE {
            var zero = timespec()
            _ = sigtimedwait(&pipeSet, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &old, nil)
        errno = e
        return n
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// A spawned child and our ends of its pipes (-1 once closed).
final class Spawned {
    let pid: pid_t
    private(set) var stdin: Int32
    private(set) var stdout: Int32
    private(set) var stderr: Int32

    /// With `mergeStderr`, the child's stderr goes to the stdout pipe (for a
    /// session whose error text is read in line with its results).
    init(_ executable: String, _ arguments: [String], environment: [String: String]?, mergeStderr: Bool) throws {
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // Close-on-exec, so another child started meanwhile never inherits our ends.
        func cloexecPipe(_ p: inout [Int32]) -> Bool {
            guard pipe(&p) == 0 else { return false }
            for fd in p { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard cloexecPipe(&inPipe), cloexecPipe(&outPipe), cloexecPipe(&errPipe) else {
            throw ChildProcess.Failure.spawn(executable, errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeStderr ? outPipe[1] : errPipe[1], 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) }; for p in cEnv { free(p) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attr, &cArgs, &cEnv)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw ChildProcess.Failure.spawn(executable, rc)
        }
        pid = child
        stdin = inPipe[1]
        stdout = outPipe[0]
        if mergeStderr { close(errPipe[0]); stderr = -1 } else { stderr = errPipe[0] }
        for fd in [stdin, stdout, stderr] where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    func closeInput() { if stdin >= 0 { close(stdin); stdin = -1 } }
    func closeOutput() { if stdout >= 0 { close(stdout); stdout = -1 } }
    func closeError() { if stderr >= 0 { close(stderr); stderr = -1 } }
    func closeAll() { closeInput(); closeOutput(); closeError() }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    deinit { closeAll() }
}
