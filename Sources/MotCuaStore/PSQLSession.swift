import Foundation
import MotCuaForms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One psql kept open for a process's reads: a lookup costs a pipe round
/// trip and the query, not a process start and a connection (~20 ms).
/// Each query's rows come back as one JSON object per line (`row_to_json`:
/// newlines inside values are escaped), followed by an `\echo`ed marker; psql's
/// stderr is merged into the same pipe, so an error arrives in line with the
/// rows of the query that caused it. A session that died or timed out is
/// dropped and started again by the next query.
public final class PSQLSession {
    public let url: String
    private var child: Spawned?
    private var pending: [UInt8] = []
    private var counter = 0
    /// Longest a query may take (seconds).
    public var timeout: Double = 30

    public init(url: String) throws {
        self.url = try ConnInfo.validate(url)
    }

    deinit { close() }

    public func close() {
        guard let c = child else { return }
        child = nil
        c.closeInput()
        kill(c.pid, SIGTERM)
        c.wait()
    }

    private func start() throws -> Spawned {
        if let c = child { return c }
        let exe = try PSQL.executable()
        var args = PSQL.arguments(url)
        args[args.firstIndex(of: "ON_ERROR_STOP=1")!] = "ON_ERROR_STOP=0"
        let c = try Spawned(exe, args, environment: PSQL.environment, mergeStderr: true)
        child = c
        pending = []
        try send(c, "SET client_min_messages = warning;\n")
        return c
    }

    private func send(_ c: Spawned, _ text: String) throws {
        var bytes = Array(text.utf8)[...]
        let deadline = ChildProcess.monotonicSeconds() + timeout
        while !bytes.isEmpty {
            let w = bytes.withUnsafeBytes { ChildProcess.write(c.stdin, $0.baseAddress!, $0.count) }
            if w > 0 { bytes = bytes.dropFirst(w); continue }
            if w < 0, errno == EAGAIN || errno == EINTR, ChildProcess.monotonicSeconds() < deadline {
                var p = pollfd(fd: c.stdin, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, 100)
                continue
            }
            throw fail("psql stopped reading")
        }
    }

    private func fail(_ why: String) -> DestinationError {
        let text = String(decoding: pending, as: UTF8.self)
        close()
        return .unavailable("\(why) (\(ConnInfo.redacted(url)))" + (text.isEmpty ? "" : ": " + PSQL.firstError(text, status: 0)), retryAfter: nil)
    }

    /// The rows of `sql` (a SELECT), each as a JSON object.
    public func rows(_ sql: String) throws -> [JSONObject] {
        do { return try attempt(sql) } catch DestinationError.unavailable where child == nil {
            // The session had died (server restarted, idle timeout): one fresh try.
            return try attempt(sql)
        }
    }

    private func attempt(_ sql: String) throws -> [JSONObject] {
        let c = try start()
        counter += 1
        let marker = "__motcua_end_\(counter)__"
        try send(c, "SELECT row_to_json(motcua_row)::text FROM (\(sql)) motcua_row;\n\\echo \(marker)\n")
        var rows: [JSONObject] = []
        var errors: [String] = []
        let deadline = ChildProcess.monotonicSeconds() + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            while let nl = pending.firstIndex(of: 10) {
                let line = Array(pending[..<nl])
                pending.removeSubrange(...nl)
                if line.first == UInt8(ascii: "{") {
                    guard let obj = (try? JSONParser.parse(Data(line)))?.objectValue else { throw fail("psql sent an unreadable row") }
                    rows.append(obj)
                } else if String(decoding: line, as: UTF8.self) == marker {
                    if let e = errors.first(where: { $0.contains("ERROR") || $0.contains("FATAL") }) {
                        throw DestinationError.unavailable("PostgreSQL: " + PSQL.firstError(e, status: 0), retryAfter: nil)
                    }
                    return rows
                } else if !line.isEmpty {
                    errors.append(String(decoding: line, as: UTF8.self))
                }
            }
            let left = deadline - ChildProcess.monotonicSeconds()
            guard left > 0 else { throw fail("the query took longer than \(Int(timeout)) s") }
            var p = pollfd(fd: c.stdout, events: Int16(POLLIN), revents: 0)
            let n = poll(&p, 1, Int32(min(left * 1000 + 1, 1000)))
            if n < 0, errno != EINTR { throw fail("cannot read from psql") }
            if n <= 0 { continue }
            let r = buffer.withUnsafeMutableBytes { Glibc.read(c.stdout, $0.baseAddress!, $0.count) }
            if r > 0 { pending += buffer[0..<r] } else if r == 0 || (errno != EAGAIN && errno != EINTR) {
                pending += Array(errors.joined(separator: "\n").utf8)
                throw fail("psql ended")
            }
        }
    }
}
