import Foundation

/// Runs Debian's `curl` as a child process. Its whole configuration (URLs,
/// headers, the bearer token) goes through standard input (`curl -q -K -`), so
/// nothing secret is on a command line `ps` can show; `-q` keeps a user's
/// ~/.curlrc out of it. curl is killed when it outlives its time limit.
enum Curl {
    /// One PUT of a file, its reply body and headers written to files.
    struct Transfer {
        var url: String
        var bodyPath: String
        var headers: [String]
        var replyPath: String
        var headerPath: String
    }

    struct Limits {
        /// Seconds to set up a connection (TCP and TLS).
        var connect: Double
        /// Seconds for one whole transfer.
        var transfer: Double
        /// Transfers in flight at once (`--parallel-max`).
        var parallel: Int
    }

    /// What curl printed for one transfer (`--write-out`), by transfer index.
    struct Result {
        var status: Int?
        var exit: Int
        var error: String
    }

    /// `curl` on PATH, or nil.
    static func locate() -> String? { ChildProcess.find("curl") }

    static let missing = "curl is not installed or not on PATH; delivery over HTTP(S) runs curl (Debian: apt-get install curl)"

    /// A value for curl's configuration file syntax: double-quoted, with `\` and `"` escaped.
    /// Callers pass no control characters (URLs, tokens and headers are checked before).
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// A header value: visible ASCII and spaces kept, anything else percent-encoded
    /// (receipt and kiosk codes are ASCII; this is the guard should that change).
    static func headerValue(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if b >= 0x20, b < 0x7f, b != 0x25 { out.unicodeScalars.append(Unicode.Scalar(b)) } else { out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
        }
        return out
    }

    /// The configuration for a batch: all transfers, `next` between them (each
    /// group has its own options), run concurrently up to `limits.parallel`.
    static func config(_ transfers: [Transfer], limits: Limits, caFile: String?) -> String {
        // parallel-immediate: without it curl holds transfers back hoping to share a
        // connection, and a slow reply makes the ones waiting behind it time out unsent.
        var lines = ["parallel", "parallel-immediate", "parallel-max = \(max(1, min(limits.parallel, 300)))",
                     "silent", "show-error", "no-progress-meter"]
        for (i, t) in transfers.enumerated() {
            if i > 0 { lines.append("next") }
            lines.append("url = " + quote(t.url))
            lines.append("request = \"PUT\"")
            lines.append("data-binary = " + quote("@" + t.bodyPath))
            lines.append("proto = \"=http,https\"")
            lines.append("connect-timeout = \(limits.connect)")
            lines.append("max-time = \(limits.transfer)")
            lines.append("max-filesize = \(HTTPReply.bodyLimit)")
            if let caFile { lines.append("cacert = " + quote(caFile)) }
            // No "Expect: 100-continue" round trip for large bodies.
            lines.append("header = \"Expect:\"")
            for h in t.headers { lines.append("header = " + quote(h)) }
            lines.append("output = " + quote(t.replyPath))
            lines.append("dump-header = " + quote(t.headerPath))
            lines.append("write-out = \"%{urlnum}\\t%{http_code}\\t%{exitcode}\\t%{errormsg}\\n\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs curl on `config` (through `ChildProcess`, killed at `timeout`);
    /// returns one result per transfer (one curl never reported, because it
    /// was killed, reads as timed out).
    static func run(_ executable: String, config: String, count: Int, timeout: Double) throws -> [Result] {
        let r: ChildProcess.Result
        do {
            r = try ChildProcess.run(executable, ["-q", "-K", "-"], input: Array(config.utf8), timeout: timeout)
        } catch {
            throw StoreError.invalidArgument("cannot run curl: \(error)")
        }
        var results = [Result](repeating: Result(status: nil, exit: 28, error: "curl was stopped after \(Int(timeout)) s"), count: count)
        var reported = 0
        for line in r.stdout.split(separator: 10) {
            let f = String(decoding: line, as: UTF8.self).split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard f.count >= 3, let i = Int(f[0]), i >= 0, i < count, let exit = Int(f[2]) else { continue }
            let code = Int(f[1]) ?? 0
            results[i] = Result(status: code > 0 ? code : nil, exit: exit, error: f.count > 3 ? String(f[3]) : "")
            reported += 1
        }
        if reported == 0, count > 0, !r.timedOut, r.status != 0 {
            // curl refused its configuration (too old a curl, a bad option): say so rather than "timed out".
            let err = r.errorText.trimmingCharacters(in: .whitespacesAndNewlines)
            throw StoreError.invalidArgument("curl failed (exit \(r.status)): \(HTTPReplyMapping.clip(err.isEmpty ? "no message" : err, 300)); curl 7.75 or later is needed")
        }
        return results
    }

    /// The last header block of a `--dump-header` file (after any `100 Continue`).
    static func headers(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var block: [(name: String, value: String)] = []
        // Split on bytes: "\r\n" is one Character to String, so it would not split on "\n".
        for raw in bytes.prefix(HTTPReply.bodyLimit).split(separator: 10) {
            let line = String(decoding: raw.last == 13 ? raw.dropLast() : raw, as: UTF8.self)
            if line.hasPrefix("HTTP/") { block = []; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            block.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return block
    }
}
