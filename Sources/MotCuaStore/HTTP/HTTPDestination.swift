import Foundation

/// How to reach a receiver beyond its URL (settings.json `deliverHTTP`, docs/DELIVERY.md).
public struct HTTPDeliveryOptions: Sendable {
    /// A file holding the bearer token; it must be the user's own and mode 0600 (or 0400).
    public var tokenFile: String?
    /// Allows plain `http://` to hosts other than loopback (a closed network the province vouches for).
    public var allowPlainHTTP = false
    /// PEM file of the certificate authority the receiver's certificate is checked against (default: the system's).
    public var caFile: String?
    public var connectTimeout = 10.0
    /// Seconds for one dossier's request and reply.
    public var requestTimeout = 30.0
    /// Requests in flight at once.
    public var parallel = 8

    public init() {}
}

/// Delivers dossiers to `PUT {base}/dossiers/{id}` through curl (docs/DELIVERY.md).
/// One object per delivery run: an answer that stops the run (401/403, a
/// wrong URL) throws `DestinationError.stop`; after one saying the receiver is
/// in trouble (429, 5xx, no reply) it sends nothing more in this run: later
/// batches back off at once (`DestinationError.unavailable`), unsent.
public final class HTTPSDestination: DeliveryDestination {
    public let base: String
    public var label: String { base }
    let options: HTTPDeliveryOptions
    let curl: String
    private let token: String?
    /// Set once the receiver must not be contacted again in this run (it is down or asked to wait).
    private var hold: (reason: String, retryAfter: Double?)?
    /// Whether a request of this run was answered without 401/403.
    private var confirmed = false

    public init(url: String, options: HTTPDeliveryOptions) throws {
        base = try HTTPSDestination.checkURL(url, allowPlainHTTP: options.allowPlainHTTP)
        self.options = options
        token = try options.tokenFile.map(HTTPSDestination.readToken)
        guard let curl = Curl.locate() else { throw StoreError.invalidArgument(Curl.missing) }
        self.curl = curl
    }

    /// The base URL without a trailing slash; refuses what could leak or mislead.
    public static func checkURL(_ url: String, allowPlainHTTP: Bool) throws -> String {
        func refuse(_ why: String) -> StoreError { .invalidArgument("delivery URL \(HTTPReplyMapping.clip(url, 200)): \(why)") }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "\"" && $0 != "\\" }) else {
            throw refuse("spaces, quotes, control or non-ASCII characters (percent-encode them)")
        }
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), let host = c.host, !host.isEmpty else {
            throw refuse("not a URL like https://host/path")
        }
        guard c.user == nil, c.password == nil else { throw refuse("no user or password in the URL; put a bearer token in a 0600 file (deliverHTTP.tokenFile)") }
        guard c.query == nil, c.fragment == nil else { throw refuse("no ?query or #fragment; dossiers go to BASE/dossiers/ID") }
        switch scheme {
        case "https": break
        case "http":
            guard isLoopback(host) || allowPlainHTTP else {
                throw refuse("plain http:// is allowed only to this machine (127.0.0.1, ::1, localhost); use https://, or set deliverHTTP.allowPlainHTTP on a closed network")
            }
        default: throw refuse("the scheme must be https:// (or http:// to this machine)")
        }
        var s = url
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { p in Int(p).map { (0...255).contains($0) } ?? false }
    }

    /// Reads the bearer token; the file must be a regular file of this user with no group or other access.
    public static func readToken(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let e = errno
            throw StoreError.invalidArgument("cannot open the token file \(path): \(String(cString: strerror(e)))" + (e == ELOOP ? " (a symbolic link is not accepted)" : ""))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw StoreError.invalidArgument("the token file \(path) is not a regular file") }
        guard st.st_uid == geteuid() else { throw StoreError.invalidArgument("the token file \(path) belongs to another user; it must be yours, mode 0600") }
        let mode = st.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreError.invalidArgument("refusing the token file \(path): its mode is 0\(String(mode, radix: 8)), so other users can read the token; run chmod 600 \(path)")
        }
        guard st.st_size <= 8192 else { throw StoreError.invalidArgument("the token file \(path) is larger than 8 KiB; it should hold one token") }
        let bytes = try FileIO.pread(fd, offset: 0, count: Int(st.st_size), path: path)
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
            throw StoreError.invalidArgument("the token file \(path) must hold one token of visible ASCII characters")
        }
        return token
    }

    /// Sends a batch; one outcome per dossier, in order.
    public func deliver(_ batch: [OutgoingDossier]) throws -> [DestinationOutcome] {
        try send(batch).map { verdict in
            switch verdict {
            case .stored: return .stored
            case .alreadyStored: return .alreadyStored
            case .conflict(let why): return .conflict(why)
            case .rejected(let why): return .rejected(why)
            case .unavailable(let why, let after): return .unavailable(why, retryAfter: after)
            case .authenticationFailed(let why), .misconfigured(let why): return .unavailable(why, retryAfter: nil)
            }
        }
    }

    /// The verdicts for a batch; throws `stop` on 401/403 or a wrong URL, and
    /// `unavailable` (nothing sent) once the receiver said it is in trouble.
    func send(_ items: [OutgoingDossier]) throws -> [HTTPVerdict] {
        guard !items.isEmpty else { return [] }
        if let hold { throw DestinationError.unavailable("not sent: " + hold.reason, retryAfter: hold.retryAfter) }
        if !confirmed, items.count > 1 {
            // The first request of a run goes alone: a wrong token costs one request, not a batch.
            let first = try send([items[0]])
            if hold != nil { return first + items.dropFirst().map { _ in .unavailable("not sent: " + (hold?.reason ?? ""), retryAfter: hold?.retryAfter) } }
            return first + (try send(Array(items.dropFirst())))
        }
        let verdicts = try transfer(items)
        confirmed = true
        if let stop = verdicts.first(where: \.stopsRun), case .authenticationFailed(let why) = stop { throw DestinationError.stop(why) }
        if let stop = verdicts.first(where: \.stopsRun), case .misconfigured(let why) = stop { throw DestinationError.stop(why) }
        for v in verdicts {
            if case .unavailable(let why, let after) = v { hold = (why, after); break }
        }
        return verdicts
    }

    private func transfer(_ items: [OutgoingDossier]) throws -> [HTTPVerdict] {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var transfers: [Curl.Transfer] = []
        for (i, item) in items.enumerated() {
            let bodyPath = scratch.path + "/\(i).json"
            try scratch.write(bodyPath, item.body)
            var headers = ["Content-Type: application/json", "Idempotency-Key: \(item.id)", "Content-SHA256: \(item.contentHash.hex)",
                           "X-MotCua-Receipt: " + Curl.headerValue(item.receipt), "X-MotCua-Kiosk: " + Curl.headerValue(item.kioskID)]
            // A correction or supplement names the version it replaces (also in the body).
            if let link = item.link {
                headers += ["X-MotCua-Supersedes: " + Curl.headerValue(link.supersedes), "X-MotCua-Version: \(link.version)"]
            }
            if let token { headers.append("Authorization: Bearer \(token)") }
            transfers.append(.init(url: base + "/dossiers/" + item.id, bodyPath: bodyPath, headers: headers,
                                   replyPath: scratch.path + "/\(i).reply", headerPath: scratch.path + "/\(i).head"))
        }
        let limits = Curl.Limits(connect: options.connectTimeout, transfer: options.requestTimeout, parallel: options.parallel)
        let config = Curl.config(transfers, limits: limits, caFile: options.caFile)
        // Every transfer has its own limit; the whole run gets room for all of them in turn, plus start-up.
        let waves = (items.count + max(1, options.parallel) - 1) / max(1, options.parallel)
        let results = try Curl.run(curl, config: config, count: items.count, timeout: Double(waves) * options.requestTimeout + 10)
        let now = Date()
        return items.enumerated().map { i, item in
            let t = transfers[i], r = results[i]
            let reply = HTTPReply(status: r.status, curlExit: r.exit, curlError: r.error,
                                  headers: Curl.headers((try? FileIO.readFile(t.headerPath)) ?? []),
                                  body: Array(((try? FileIO.readFile(t.replyPath)) ?? []).prefix(HTTPReply.bodyLimit)))
            return HTTPReplyMapping.verdict(reply, id: item.id, contentHash: item.contentHash, now: now)
        }
    }
}

/// A private (0700) temporary directory for one batch's request bodies and
/// replies; they hold personal data, so files are 0600 and all are removed after.
struct ScratchDirectory {
    let path: String

    static var root: String { ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp" }

    init() throws {
        let root = ScratchDirectory.root
        ScratchDirectory.removeStale(in: root)
        var template = Array((root + "/motcua-deliver-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw StoreError.io(action: "create a temporary directory in", path: root, errno: errno) }
        path = String(cString: made)
    }

    func write(_ file: String, _ bytes: [UInt8]) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(action: "create", path: file, errno: errno) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { try FileIO.pwriteAll(fd, $0, at: 0, path: file) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A process killed mid-batch leaves its directory behind: ours older than a
    /// day (no batch runs that long) are removed, so no dossier lingers in /tmp.
    static func removeStale(in root: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        let dayAgo = time(nil) - 86400
        for name in names where name.hasPrefix("motcua-deliver-") {
            var st = stat()
            let path = root + "/" + name
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == geteuid(), st.st_mtim.tv_sec < dayAgo else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
