import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

/// The delivery contract's reply mapping (docs/DELIVERY.md), as a pure function.
@Suite struct HTTPReplyMappingTests {
    let id = "2b50ab15-5e4c-4c55-9a57-0b1f1c2d3e4f"
    let hash = SHA256.hash(Array("{\"x\":1}".utf8))

    func echo(_ h: String, id: String? = nil) -> [UInt8] { Array("{\"id\":\"\(id ?? self.id)\",\"sha256\":\"\(h)\"}".utf8) }
    func verdict(_ r: HTTPReply) -> HTTPVerdict { HTTPReplyMapping.verdict(r, id: id, contentHash: hash, now: Date(timeIntervalSince1970: 1_445_412_480)) }

    @Test func successesNeedTheContractsEcho() {
        #expect(verdict(HTTPReply(status: 201, body: echo(hash.hex))) == .stored)
        #expect(verdict(HTTPReply(status: 200, body: echo(hash.hex))) == .alreadyStored)
        #expect(verdict(HTTPReply(status: 200, body: echo(hash.hex.uppercased()))) == .alreadyStored, "hex in either case")
        // A captive portal's page, an empty body, JSON without the hash: not delivered.
        for body in ["<html><body>Wi-Fi login</body></html>", "", "{\"ok\":true}", "[1,2]", "{\"sha256\":\"zz\"}"] {
            guard case .unavailable(let why, nil) = verdict(HTTPReply(status: 200, body: Array(body.utf8))) else {
                Issue.record("200 with \(body) must not count as delivered"); continue
            }
            #expect(why.contains("captive portal"))
        }
        guard case .unavailable = verdict(HTTPReply(status: 201, body: Array("<html></html>".utf8))) else { Issue.record("201 without echo"); return }
        guard case .unavailable = verdict(HTTPReply(status: 201, body: echo(hash.hex, id: "other-id-1234"))) else { Issue.record("echo of another id"); return }
        // A 2xx naming other content: the receiver holds something else under this id.
        let other = SHA256.hash(Array("other".utf8)).hex
        guard case .conflict = verdict(HTTPReply(status: 200, body: echo(other))) else { Issue.record("200 with another hash"); return }
        // A body cut short by a timeout is not a success either.
        guard case .unavailable = verdict(HTTPReply(status: 201, curlExit: 28, body: echo(hash.hex))) else { Issue.record("cut short"); return }
    }

    @Test func permanentAnswersCarryTheServersMessage() {
        #expect(verdict(HTTPReply(status: 409, body: Array("{\"error\":\"receipt code used\"}".utf8))) == .conflict("the receiver answered 409: receipt code used"))
        #expect(verdict(HTTPReply(status: 422, body: Array("{\"message\":\"bad MaTTHC\"}".utf8))) == .rejected("the receiver refused it (422): bad MaTTHC"))
        #expect(verdict(HTTPReply(status: 400, body: Array("plain words\u{1b}[2J".utf8))) == .rejected("the receiver refused it (400): plain words [2J"),
                "control characters never reach a reason")
        #expect(verdict(HTTPReply(status: 413, body: [])) == .rejected("the receiver refused it (413): no reason given"))
        let long = String(repeating: "x", count: 1000)
        guard case .rejected(let why) = verdict(HTTPReply(status: 422, body: Array(long.utf8))) else { Issue.record("422"); return }
        #expect(why.count < 400)
    }

    @Test func authenticationAndWrongURLsStopTheRun() {
        for status in [401, 403] {
            let v = verdict(HTTPReply(status: status, body: Array("{\"error\":\"token expired\"}".utf8)))
            guard case .authenticationFailed(let why) = v else { Issue.record("\(status)"); continue }
            #expect(why.hasPrefix("authentication failed") && why.contains("token expired"))
            #expect(v.stopsRun)
        }
        for status in [302, 404, 405] {
            let v = verdict(HTTPReply(status: status, headers: [("location", "http://portal.example/login")]))
            guard case .misconfigured = v else { Issue.record("\(status)"); continue }
            #expect(v.stopsRun)
        }
        #expect(!verdict(HTTPReply(status: 503)).stopsRun)
    }

    @Test func busyAndBrokenAreUnavailableAndHonourRetryAfter() {
        #expect(verdict(HTTPReply(status: 429, headers: [("retry-after", "120")])) == .unavailable("the receiver is busy (429); it asked to wait 120 s", retryAfter: 120))
        guard case .unavailable(_, let after) = verdict(HTTPReply(status: 503, headers: [("retry-after", "Wed, 21 Oct 2015 07:30:00 GMT")])) else {
            Issue.record("503"); return
        }
        #expect(after == 120, "an HTTP date 120 s after now")
        guard case .unavailable(_, let capped) = verdict(HTTPReply(status: 503, headers: [("retry-after", "99999999")])) else { Issue.record("cap"); return }
        #expect(capped == 21600.0)
        guard case .unavailable(_, nil) = verdict(HTTPReply(status: 500, headers: [("retry-after", "soon")])) else { Issue.record("unreadable"); return }
        for (exit, words) in [(7, "refused"), (28, "time limit"), (56, "reset"), (52, "closed"), (60, "certificate"), (6, "resolved")] {
            guard case .unavailable(let why, nil) = verdict(HTTPReply(status: nil, curlExit: exit, curlError: "curl says")) else {
                Issue.record("curl exit \(exit)"); continue
            }
            #expect(why.contains(words) && why.hasSuffix("curl says"), "\(why)")
        }
    }

    @Test func retryAfterForms() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(HTTPReplyMapping.parseRetryAfter("0", now: now) == 0)
        #expect(HTTPReplyMapping.parseRetryAfter(" 30 ", now: now) == 30)
        #expect(HTTPReplyMapping.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 0)
        #expect(HTTPReplyMapping.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0, "a past date: now")
        #expect(HTTPReplyMapping.parseRetryAfter("Thu, 22 Oct 2015 07:28:00 GMT", now: now) == 21600.0, "capped")
        for bad in ["-5", "", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Foo 2015 07:28:00 GMT", "tomorrow"] {
            #expect(HTTPReplyMapping.parseRetryAfter(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test func headerBlocksAndURLs() throws {
        let dump = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many\r\nRetry-After: 7\r\nX-A: b: c\r\n\r\n"
        let h = Curl.headers(Array(dump.utf8))
        #expect(h.map(\.name) == ["retry-after", "x-a"] && h[1].value == "b: c")
        #expect(try HTTPSDestination.checkURL("https://tinh.gov.vn/motcua/", allowPlainHTTP: false) == "https://tinh.gov.vn/motcua")
        #expect(try HTTPSDestination.checkURL("http://127.0.0.1:8080", allowPlainHTTP: false) == "http://127.0.0.1:8080")
        #expect(try HTTPSDestination.checkURL("http://[::1]:8080/x", allowPlainHTTP: false) == "http://[::1]:8080/x")
        #expect(try HTTPSDestination.checkURL("http://localhost/x", allowPlainHTTP: false) == "http://localhost/x")
        #expect(try HTTPSDestination.checkURL("http://10.0.0.5/x", allowPlainHTTP: true) == "http://10.0.0.5/x")
        for bad in ["http://10.0.0.5/x", "http://127.0.0.1.evil.vn/x", "ftp://127.0.0.1/", "https://user:pw@tinh.gov.vn/",
                    "https://tinh.gov.vn/?a=1", "https://tinh.gov.vn/a b", "https://tinh.gov.vn/\"", "tinh.gov.vn", "https://"] {
            #expect(throws: StoreError.self, "\(bad)") { try HTTPSDestination.checkURL(bad, allowPlainHTTP: false) }
        }
        #expect(Curl.quote("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }

    @Test func settingsAreCheckedNotIgnored() throws {
        let o = try HTTPDeliveryOptions(settings: ["tokenFile": "/a/token", "caFile": "/a/ca.pem", "timeoutSeconds": 5, "parallel": 16,
                                                   "allowPlainHTTP": true], environment: [:])
        #expect(o.tokenFile == "/a/token" && o.caFile == "/a/ca.pem" && o.requestTimeout == 5 && o.parallel == 16 && o.allowPlainHTTP)
        #expect(try HTTPDeliveryOptions(settings: ["tokenFile": "/a/token"], environment: ["MOTCUA_DELIVER_TOKEN_FILE": "/b/token"]).tokenFile == "/b/token")
        let defaults = try HTTPDeliveryOptions(settings: nil, environment: [:])
        #expect(defaults.tokenFile == nil && !defaults.allowPlainHTTP && defaults.parallel == 8)
        for bad: JSONValue in [["parallel": 0], ["parallel": 2.5], ["timeoutSeconds": "30"], ["allowPlainHTTP": "yes"], ["tokenFile": 1], "x"] {
            #expect(throws: StoreError.self, "\(bad)") { try HTTPDeliveryOptions(settings: bad, environment: [:]) }
        }
    }

    @Test func tokenFilesMustBeOwnerOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-token-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/token"
        try "  abc.DEF-123\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        #expect(try HTTPSDestination.readToken(path) == "abc.DEF-123")
        chmod(path, 0o400)
        #expect(try HTTPSDestination.readToken(path) == "abc.DEF-123")
        for mode: mode_t in [0o640, 0o604, 0o644] {
            chmod(path, mode)
            #expect(throws: StoreError.invalidArgument("refusing the token file \(path): its mode is 0\(String(mode, radix: 8)), so other users can read the token; run chmod 600 \(path)")) {
                try HTTPSDestination.readToken(path)
            }
        }
        chmod(path, 0o600)
        symlink(path, dir + "/link")
        #expect(throws: StoreError.self) { try HTTPSDestination.readToken(dir + "/link") }
        try "two words\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: StoreError.self) { try HTTPSDestination.readToken(path) }
    }
}
