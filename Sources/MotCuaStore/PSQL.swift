import Foundation

/// PostgreSQL connection URLs (`postgresql://user@host:port/db?sslmode=require`),
/// handed to psql as they are: psql and libpq read host, port, database,
/// user and every parameter (`sslmode`, `sslrootcert`, `service`, ...)
/// themselves, and the password from `~/.pgpass`, `PGPASSFILE` or a service
/// file, as PostgreSQL users expect. A URL holding a password is refused: it
/// would end up in settings.json, shell history and `ps`.
public enum ConnInfo {
    public static let maxLength = 2048

    /// Checks a URL from the command line, the environment or settings.json.
    public static func validate(_ url: String) throws -> String {
        let scheme = Destinations.scheme(of: url)
        guard scheme == "postgresql" || scheme == "postgres" else {
            throw StoreError.invalidArgument("\"\(redacted(url))\" is not a postgresql:// URL")
        }
        guard url.utf8.count <= maxLength, !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw StoreError.invalidArgument("the PostgreSQL URL is too long or holds control characters")
        }
        if password(in: url) {
            throw StoreError.invalidArgument("the PostgreSQL URL holds a password: remove it and put it in ~/.pgpass (or PGPASSFILE, or a service file), as psql expects")
        }
        return url
    }

    /// True when the URL's user part or its parameters carry a password.
    static func password(in url: String) -> Bool {
        let afterScheme = url.components(separatedBy: "://").dropFirst().joined(separator: "://")
        let authority = afterScheme.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
        let query = url.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        return query.split(separator: "&").contains { $0.lowercased().hasPrefix("password=") }
    }

    /// The URL without any password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let range = url.range(of: "://") else { return String(url.prefix(200)) }
        let rest = url[range.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            authority.replaceSubrange(colon..<at, with: ":***")
        }
        let tail = rest[authorityEnd...].replacingOccurrences(of: "password=", with: "password=***&x=")
        return String((url[..<range.upperBound] + authority + tail).prefix(200))
    }
}

/// Running psql (Debian `postgresql-client`) as a child process.
public enum PSQL {
    /// `MOTCUA_PSQL`, else `psql` on PATH or in /usr/lib/postgresql/*/bin.
    public static func executable() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["MOTCUA_PSQL"], !p.isEmpty { return p }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.sorted(by: >) ?? []
        if let p = ChildProcess.find("psql", extra: versions.map { "/usr/lib/postgresql/\($0)/bin" }) { return p }
        throw DestinationError.unavailable("psql was not found: install the PostgreSQL client (Debian: apt-get install postgresql-client)", retryAfter: nil)
    }

    /// psql never reads ~/.psqlrc (-X), never prompts for a password (-w),
    /// stops at the first error (ON_ERROR_STOP), and prints bare rows.
    static func arguments(_ url: String) -> [String] {
        ["-X", "-q", "-w", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "\t", "-d", url]
    }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PGAPPNAME"] = "motcua"
        if env["PGCONNECT_TIMEOUT"] == nil { env["PGCONNECT_TIMEOUT"] = "10" }
        // Messages in English and UTF-8 whatever the desk's locale: we parse them.
        env["LC_MESSAGES"] = "C"
        env["PGCLIENTENCODING"] = "UTF8"
        return env
    }

    /// Seconds a batch or a schema change may take (`MOTCUA_PSQL_TIMEOUT`, default 120).
    static var timeout: Double {
        ProcessInfo.processInfo.environment["MOTCUA_PSQL_TIMEOUT"].flatMap(Double.init).map { max(1, $0) } ?? 120
    }

    /// Runs one script in one psql; throws `DestinationError.unavailable`
    /// with psql's first error line when it fails.
    static func run(_ url: String, script: [UInt8], timeout: Double = PSQL.timeout) throws -> [UInt8] {
        let exe = try executable()
        let r: ChildProcess.Result
        do {
            r = try ChildProcess.run(exe, arguments(url), environment: environment, input: script, timeout: timeout)
        } catch {
            throw DestinationError.unavailable("\(error)", retryAfter: nil)
        }
        if r.timedOut { throw DestinationError.unavailable("psql did not finish within \(Int(timeout)) s (\(ConnInfo.redacted(url)))", retryAfter: nil) }
        guard r.status == 0 else {
            throw DestinationError.unavailable("psql failed (\(ConnInfo.redacted(url))): " + firstError(r.errorText, status: r.status), retryAfter: nil)
        }
        return r.stdout
    }

    static func firstError(_ text: String, status: Int32) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let line = lines.first { $0.contains("ERROR") || $0.contains("FATAL") || $0.contains("error") } ?? lines.first
        let shown = (line ?? (status > 128 ? "killed by signal \(status - 128)" : "exit status \(status)"))
        return String(shown.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.prefix(300).map(Character.init))
    }

    /// A SQL string literal (standard_conforming_strings: only quotes doubled).
    /// NUL cannot be sent and is refused by the callers' checks first.
    static func literal(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A field of COPY's text format.
    static func copyField(_ s: String?, into out: inout [UInt8]) {
        guard var s else { out += [92, 78]; return }  // \N
        s.withUTF8 { copyField(bytes: $0, into: &out) }
    }

    /// A field of COPY's text format from UTF-8 bytes: the runs between the
    /// bytes COPY escapes (backslash, tab, newline, CR) are appended whole.
    static func copyField(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count {
            let escape: UInt8
            switch bytes[i] {
            case 92: escape = 92
            case 9: escape = 116
            case 10: escape = 110
            case 13: escape = 114
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(92)
            out.append(escape)
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// A `text[]` field of COPY's text format: every element double-quoted,
    /// `"` and `\` escaped (so commas, braces, spaces and the word NULL stay
    /// text), then the literal escaped as any field. Bytes, not Foundation's
    /// `replacingOccurrences`, which cost more than the rest of the line.
    /// NUL is refused by the callers' checks first.
    static func copyArrayField(_ elements: [String], into out: inout [UInt8]) {
        var literal: [UInt8] = [123]  // {
        for (n, element) in elements.enumerated() {
            if n > 0 { literal.append(44) }
            literal.append(34)
            for b in element.utf8 {
                if b == 34 || b == 92 { literal.append(92) }
                literal.append(b)
            }
            literal.append(34)
        }
        literal.append(125)
        literal.withUnsafeBufferPointer { copyField(bytes: $0, into: &out) }
    }

    /// A bytea field of COPY's text format: `\\x` and hex.
    static func copyBytes(_ bytes: [UInt8], into out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.reserveCapacity(out.count + bytes.count * 2 + 3)
        out += [92, 92, 120]
        for b in bytes {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
    }
}
