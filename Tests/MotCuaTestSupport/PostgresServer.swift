// A real PostgreSQL (Debian `postgresql`), started by a test or the benchmark in a
// temporary folder: initdb, then pg_ctl on a Unix socket in that folder (no TCP port,
// so parallel tests never collide). As root, the server runs as the `postgres` user
// (runuser), which owns the folder; `stop()` (or deinit) ends it and removes the folder.
import Foundation
import Glibc
import MotCuaStore

public final class PostgresServer {
    public let folder: String
    public var dataDir: String { folder + "/data" }
    /// `postgresql://postgres@/postgres?host=FOLDER`: the socket is in the folder.
    public var url: String { "postgresql://postgres@/postgres?host=\(folder)" }
    private let bin: String
    private var removed = false

    /// The folder holding initdb and pg_ctl (PATH is not enough: Debian keeps them in /usr/lib/postgresql/N/bin).
    public static func binFolder() -> String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.sorted(by: >) ?? []
        for v in versions where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/pg_ctl") {
            return "/usr/lib/postgresql/\(v)/bin"
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// initdb and start; `settings` are extra `-c name=value` server settings.
    public init(settings: [String] = []) throws {
        guard let bin = PostgresServer.binFolder() else {
            throw Failure(description: "PostgreSQL server programs not found: apt-get install postgresql postgresql-contrib (.ci/run does)")
        }
        self.bin = bin
        // Short: a Unix socket path must fit in 107 bytes.
        folder = "/tmp/motcua-pg-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if getuid() == 0 { try run("/bin/chown", ["postgres:postgres", folder], asServer: false) }
        try run(bin + "/initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        var conf = "listen_addresses = ''\nunix_socket_directories = '\(folder)'\nmax_connections = 60\n"
        for s in settings { conf += s + "\n" }
        let confPath = dataDir + "/postgresql.conf"
        try run("/bin/sh", ["-c", "cat >> '\(confPath)' <<'EOF'\n\(conf)EOF"])
        try start()
    }

    public func start() throws {
        try run(bin + "/pg_ctl", ["-D", dataDir, "-l", folder + "/server.log", "-w", "-t", "60", "start"])
    }

    /// `mode`: fast (clean) or immediate (like a crash: recovery at the next start).
    public func stopServer(mode: String = "fast") throws {
        try run(bin + "/pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"])
    }

    /// Stops the server and removes the folder.
    public func stop() {
        guard !removed else { return }
        removed = true
        try? stopServer(mode: "immediate")
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { stop() }

    /// psql as the tests' own client: the rows of `sql` (tab-separated, no headers).
    public func query(_ sql: String) throws -> [[String]] {
        let psql = bin + "/psql"
        let out = try run(psql, ["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], asServer: false)
        return out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs a program to its end (as `postgres` when root and `asServer`); its stdout, or throws with its stderr.
    /// posix_spawn + waitpid (ChildProcess): Foundation's Process never saw runuser end after pg_ctl start here.
    @discardableResult
    func run(_ exe: String, _ args: [String], asServer: Bool = true) throws -> String {
        let (path, argv) = asServer && getuid() == 0 ? ("/usr/sbin/runuser", ["-u", "postgres", "--", exe] + args) : (exe, args)
        let r = try ChildProcess.run(path, argv, timeout: 300)
        guard r.status == 0, !r.timedOut else {
            throw Failure(description: "\(exe) \(args.joined(separator: " ")) failed (\(r.status)): \(r.errorText)\(String(decoding: r.stdout, as: UTF8.self))")
        }
        return String(decoding: r.stdout, as: UTF8.self)
    }
}
