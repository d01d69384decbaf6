import Foundation
import MotCuaForms

/// What one `PUT {base}/dossiers/{id}` came back with, as curl reported it.
/// `status` is nil when no HTTP reply arrived (refused, reset, timed out).
public struct HTTPReply: Sendable, Equatable {
    public var status: Int?
    /// curl's exit code for this transfer (0: a reply was read in full).
    public var curlExit: Int
    /// curl's own message when `curlExit` is not 0.
    public var curlError: String
    /// Header lines of the final reply, names lower-cased.
    public var headers: [(name: String, value: String)]
    /// The reply body (at most `HTTPReply.bodyLimit` bytes are read).
    public var body: [UInt8]

    public static let bodyLimit = 64 * 1024

    public init(status: Int?, curlExit: Int = 0, curlError: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.curlExit = curlExit
        self.curlError = curlError
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.last { $0.name == n }?.value
    }

    public static func == (a: HTTPReply, b: HTTPReply) -> Bool {
        a.status == b.status && a.curlExit == b.curlExit && a.curlError == b.curlError && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}

/// What a reply means for the dossier sent (docs/DELIVERY.md).
public enum HTTPVerdict: Sendable, Equatable {
    case stored
    case alreadyStored
    /// The receiver holds other content under this id or receipt code: set aside, never retried by itself.
    case conflict(String)
    /// The receiver refuses this dossier for good (400, 413, 415, 422): set aside with its message.
    case rejected(String)
    /// Try again later; `retryAfter` (seconds) when the receiver said when.
    case unavailable(String, retryAfter: Double?)
    /// 401/403: the token is wrong or missing; the run stops at once.
    case authenticationFailed(String)
    /// The receiver is not what the URL should point at (404, 405, a redirect):
    /// every dossier would get the same answer, so the run stops; nothing is set aside.
    case misconfigured(String)

    /// Stops the run: sending more would only hammer the receiver or repeat the same answer.
    public var stopsRun: Bool {
        switch self {
        case .authenticationFailed, .misconfigured: return true
        default: return false
        }
    }
}

/// The contract's reply mapping: a pure function of the reply, the dossier's
/// id and its content hash. Everything not explicitly a success is not one:
/// a 200 with an HTML page (captive portal, proxy login) is `unavailable`.
public enum HTTPReplyMapping {
    /// Longest server message kept in a reason (it is shown to the officer and journalled).
    static let messageLimit = 300
    /// Retry-After values are capped (a receiver cannot park a dossier for a week).
    static let retryAfterCap = 6.0 * 3600

    public static func verdict(_ r: HTTPReply, id: String, contentHash: Digest, now: Date = Date()) -> HTTPVerdict {
        guard let status = r.status, status > 0 else {
            return .unavailable(transportReason(r), retryAfter: nil)
        }
        let retryAfter = r.header("retry-after").flatMap { parseRetryAfter($0, now: now) }
        switch status {
        case 200, 201:
            guard r.curlExit == 0 else { return .unavailable(transportReason(r), retryAfter: nil) }
            guard let echo = ContractReply(r.body) else {
                return .unavailable("the receiver answered \(status) but not with the delivery contract's JSON (a captive portal or proxy page?); not counted as delivered", retryAfter: nil)
            }
            guard echo.id == nil || echo.id == id else {
                return .unavailable("the receiver's \(status) reply names another dossier (\(clip(echo.id ?? "", 64))); not counted as delivered", retryAfter: nil)
            }
            guard echo.sha256 == contentHash.hex else {
                return .conflict("the receiver holds other content under this dossier id (sha256 \(echo.sha256.prefix(12))…)")
            }
            return status == 201 ? .stored : .alreadyStored
        case 409:
            return .conflict("the receiver answered 409: " + serverMessage(r, fallback: "another dossier holds this id or receipt code"))
        case 400, 413, 415, 422:
            return .rejected("the receiver refused it (\(status)): " + serverMessage(r, fallback: "no reason given"))
        case 401, 403:
            return .authenticationFailed("authentication failed (\(status)): check the token file; " + serverMessage(r, fallback: "no reason given"))
        case 408, 425, 429:
            return .unavailable("the receiver is busy (\(status))" + after(retryAfter), retryAfter: retryAfter)
        case 500...599:
            return .unavailable("the receiver failed (\(status))" + after(retryAfter) + ": " + serverMessage(r, fallback: "no reason given"), retryAfter: retryAfter)
        case 300...399:
            let to = r.header("location").map { " to \(clip($0, 120))" } ?? ""
            return .misconfigured("the receiver redirected\(to) (\(status)): a captive portal, or a wrong delivery URL")
        default:
            return .misconfigured("the receiver answered \(status): " + serverMessage(r, fallback: "check the delivery URL"))
        }
    }

    /// Retry-After as seconds (`120`) or an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`,
    /// RFC 9110 §5.6.7); nil when unreadable. Parsed by hand: no locale or time-zone files.
    public static func parseRetryAfter(_ text: String, now: Date) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(t), n >= 0 { return min(Double(n), retryAfterCap) }
        let parts = t.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let d = Int(parts[1]), (1...31).contains(d),
              let m = months.firstIndex(of: String(parts[2])), let y = Int(parts[3]), (1970...9999).contains(y) else { return nil }
        let hms = parts[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, hms[0] < 24, hms[1] < 60, hms[2] < 61 else { return nil }
        let seconds = Double(Timestamp.daysFromCivil(y, m + 1, d) * 86400) + Double(hms[0] * 3600 + hms[1] * 60 + hms[2])
        return min(max(0, seconds - now.timeIntervalSince1970), retryAfterCap)
    }

    static func after(_ seconds: Double?) -> String {
        seconds.map { "; it asked to wait \(Int($0)) s" } ?? ""
    }

    /// Why no reply was read, in words (curl's exit codes: see curl(1), EXIT CODES).
    static func transportReason(_ r: HTTPReply) -> String {
        let what: String
        switch r.curlExit {
        case 5, 6: what = "the receiver's name could not be resolved"
        case 7: what = "the receiver refused the connection (not running?)"
        case 28: what = "no reply within the time limit"
        case 35: what = "the TLS handshake failed"
        case 51, 58, 59, 60, 77, 80, 83, 90, 91: what = "the receiver's TLS certificate was not accepted"
        case 52: what = "the receiver closed the connection without a reply"
        case 55, 56: what = "the connection was reset"
        case 63: what = "the receiver's reply was too large"
        case 0: what = "no HTTP status in the reply"
        default: what = "the transfer failed (curl exit \(r.curlExit))"
        }
        let detail = r.curlError.isEmpty ? "" : ": " + clip(r.curlError, messageLimit)
        return "receiver unavailable: " + what + detail
    }

    /// The receiver's reason: `error` or `message` of a JSON reply, else its text.
    static func serverMessage(_ r: HTTPReply, fallback: String) -> String {
        if let json = try? JSONParser.parse(Data(r.body)) {
            for key in ["error", "message", "detail", "reason"] {
                if let s = json[key]?.stringValue, !s.isEmpty { return clip(s, messageLimit) }
            }
        }
        let text = String(decoding: r.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.hasPrefix("<") { return fallback }
        return clip(text, messageLimit)
    }

    /// Cuts to `limit` characters, control characters as spaces (reasons are journalled and shown).
    static func clip(_ s: String, _ limit: Int) -> String {
        var out = ""
        for (i, c) in s.enumerated() {
            if i == limit { out += "…"; break }
            out.append(c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f && !(0x80..<0xa0).contains($0.value) } ? c : " ")
        }
        return out
    }
}

/// The contract's success reply: `{"id": ..., "sha256": ...}` (more members allowed).
struct ContractReply {
    var id: String?
    var sha256: String

    init?(_ body: [UInt8]) {
        guard body.count <= HTTPReply.bodyLimit, let json = try? JSONParser.parse(Data(body)), json.objectValue != nil,
              let hash = json["sha256"]?.stringValue, Digest(hex: hash) != nil else { return nil }
        sha256 = hash.lowercased()
        id = json["id"]?.stringValue
    }
}
