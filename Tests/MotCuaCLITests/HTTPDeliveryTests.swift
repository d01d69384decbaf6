import Foundation
import MotCuaTestSupport
import MotCuaForms
import Testing

/// `motcua queue deliver --to http://127.0.0.1:PORT` through the real binary
/// and curl, against a receiver scripted to answer as real servers do.
@Suite(.serialized) struct HTTPDeliveryTests {
    /// A data folder with one dossier per id (submitted with that id).
    func dataDir(_ dir: String, ids: [String], settings: String = #"{"deliverHTTP": {"timeoutSeconds": 2}}"#) throws -> String {
        let data = dir + "/data"
        let (form, answers) = try StoreFixture.make(in: dir + "/in", count: ids.count)
        for (i, id) in ids.enumerated() {
            let r = try Motcua.run(["submit", form, answers[i], "--id", id, "--data-dir", data, "--kiosk", "HD01"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        try settings.write(toFile: data + "/settings.json", atomically: true, encoding: .utf8)
        return data
    }

    /// `queue status --all` as id → the rest of its line (state, attempts, reason).
    func states(_ data: String) throws -> [String: String] {
        let r = try Motcua.run(["queue", "status", "--all", "--data-dir", data])
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count == 3 { out[String(parts[1])] = String(parts[2]) }
        }
        return out
    }

    static let behaviours = ["201", "200-same", "409", "422", "429", "503", "portal", "slow", "reset", "store"]
    static func id(_ b: String) -> String { "d0000000-0000-4000-8000-" + String(repeating: "0", count: 12 - b.count) + b.replacingOccurrences(of: "-", with: "") }

    @Test func everyAnswerLandsInItsQueueState() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ids = Self.behaviours.map(Self.id)
        let data = try dataDir(dir, ids: ids)
        let receiver = try ReceiverProcess(in: dir, script: Dictionary(uniqueKeysWithValues: zip(ids, Self.behaviours)))
        defer { receiver.stop() }

        let r = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", data])
        #expect(r.status == 1, "failures and set-asides make exit 1: \(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("delivered 2, already stored 1, failed 5, set aside 2"), "\(r.stdout)")
        let s = try states(data)
        // The local core store holds none of them: the summary says where they went.
        let summary = try Motcua.run(["queue", "status", "--data-dir", data]).stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(summary.contains("core store on this machine 0 dossiers; delivered elsewhere 3 to \(receiver.url)"), "\(summary)")
        func state(_ b: String) -> String { s[Self.id(b)] ?? "missing" }
        #expect(state("201").hasPrefix("delivered"))
        #expect(state("store").hasPrefix("delivered"))
        #expect(state("200-same").hasPrefix("delivered"))
        #expect(state("409").hasPrefix("set-aside") && state("409").contains("receipt code already used by another dossier"))
        #expect(state("422").hasPrefix("set-aside") && state("422").contains("(422): MaTTHC 1.001193 is not offered"))
        #expect(state("429").hasPrefix("failed") && state("429").contains("wait 120 s"))
        #expect(state("503").hasPrefix("failed") && state("503").contains("503"))
        #expect(state("portal").hasPrefix("failed") && state("portal").contains("captive portal"))
        #expect(state("slow").hasPrefix("failed") && state("slow").contains("time limit"))
        #expect(state("reset").hasPrefix("failed") && state("reset").contains("reset"))
        // Retry-After: 120 s puts the 429 one later than the usual first wait (60 s).
        let next429 = state("429").components(separatedBy: " next ").last?.prefix(19) ?? ""
        let next503 = state("503").components(separatedBy: " next ").last?.prefix(19) ?? ""
        #expect(next429 > next503, "\(next429) vs \(next503)")

        // What went over the wire: the contract's headers, the exact bytes.
        let requests = receiver.requests()
        #expect(requests.count == ids.count, "each dossier sent once")
        for req in requests {
            let h = req["headers"] as? [String: String] ?? [:]
            let path = req["path"] as? String ?? ""
            #expect(req["method"] as? String == "PUT" && path.hasPrefix("/dossiers/"))
            #expect(h["idempotency-key"] == String(path.dropFirst("/dossiers/".count)))
            #expect(h["content-sha256"] == req["sha256"] as? String, "the hash of the bytes sent")
            #expect(h["x-motcua-kiosk"] == "HD01" && h["x-motcua-receipt"]?.hasPrefix("HD01-") == true)
            #expect(h["authorization"] == nil, "no token configured, none sent")
        }

        // Nothing is due again at once: no request.
        let again = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", data])
        #expect(again.stdout.contains("delivered 0, already stored 0, failed 0, set aside 0, waiting 5"), "\(again.stdout)")
        #expect(receiver.requests().count == ids.count)

        // Delivered to the receiver, not to store.log: verify knows it from the journal.
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0 && verify.stdout.contains("3 delivered elsewhere"), "\(verify.stdout)")
    }

    @Test func wrongTokenStopsTheRunAfterOneRequest() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ids = (0..<6).map { "a0000000-0000-4000-8000-00000000000\($0)" }
        let tokenFile = dir + "/token"
        let data = try dataDir(dir, ids: ids, settings: #"{"deliverHTTP": {"tokenFile": "\#(tokenFile)", "timeoutSeconds": 5}}"#)
        let receiver = try ReceiverProcess(in: dir, extra: ["--token", "s3cret-token"])
        defer { receiver.stop() }

        try "wrong-token\n".write(toFile: tokenFile, atomically: false, encoding: .utf8)
        chmod(tokenFile, 0o600)
        let r = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", data])
        #expect(r.status == 2 && r.stderr.contains("authentication failed (401)") && r.stderr.contains("invalid token"), "\(r.stderr)")
        #expect(receiver.requests().count == 1, "no hammering: one request, then the run stops")
        let s = try states(data)
        #expect(s.values.allSatisfy { $0.hasPrefix("failed") || $0.hasPrefix("queued") }, "nothing set aside for a bad token: \(s)")
        #expect(!s.values.contains { $0.hasPrefix("set-aside") || $0.hasPrefix("delivered") })

        // Wider than 0600: refused before anything is sent or marked.
        try "s3cret-token\n".write(toFile: tokenFile, atomically: false, encoding: .utf8)
        chmod(tokenFile, 0o644)
        let open = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", data])
        #expect(open.status == 2 && open.stderr.contains("mode is 0644") && open.stderr.contains("chmod 600"), "\(open.stderr)")
        #expect(receiver.requests().count == 1)

        chmod(tokenFile, 0o600)
        _ = try Motcua.run(["queue", "retry", ids[0], "--data-dir", data])
        for id in ids.dropFirst() { _ = try Motcua.run(["queue", "retry", id, "--data-dir", data]) }
        let ok = try Motcua.run(["queue", "deliver", "--to", receiver.url, "--data-dir", data])
        #expect(ok.status == 0 && ok.stdout.contains("delivered 6"), "\(ok.stdout) \(ok.stderr)")
        let sent = receiver.requests().dropFirst()
        #expect(sent.count == 6 && sent.allSatisfy { ($0["headers"] as? [String: String])?["authorization"] == "Bearer s3cret-token" })
    }

    @Test func refusedSetupsSayWhy() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try dataDir(dir, ids: ["b0000000-0000-4000-8000-000000000001"])
        // Plain http:// leaves this machine only with an explicit setting.
        let plain = try Motcua.run(["queue", "deliver", "--to", "http://10.20.30.40/motcua", "--data-dir", data])
        #expect(plain.status == 2 && plain.stderr.contains("plain http:// is allowed only to this machine"), "\(plain.stderr)")
        // No curl: a clear message, nothing marked.
        let noCurl = try Motcua.run(["queue", "deliver", "--to", "https://tinh.example.vn", "--data-dir", data], environment: ["PATH": dir])
        #expect(noCurl.status == 2 && noCurl.stderr.contains("curl is not installed"), "\(noCurl.stderr)")
        let s = try states(data)
        #expect(s.values.allSatisfy { $0.hasPrefix("queued") }, "\(s)")
        // Nobody listening: unavailable, backed off.
        let receiver = try ReceiverProcess(in: dir)
        let url = receiver.url
        receiver.stop()
        let refused = try Motcua.run(["queue", "deliver", "--to", url, "--data-dir", data])
        #expect(refused.status == 1 && refused.stdout.contains("refused the connection"), "\(refused.stdout)")
    }

    /// TLS end to end: a receiver whose certificate only a private CA vouches for.
    @Test func httpsWithAProvincialCA() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try ExternalTool.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/key.pem",
                                                            "-out", dir + "/cert.pem", "-days", "1", "-subj", "/CN=127.0.0.1",
                                                            "-addext", "subjectAltName=IP:127.0.0.1"])
        #expect(made.status == 0)
        let receiver = try ReceiverProcess(in: dir, extra: ["--tls", dir + "/cert.pem", dir + "/key.pem"])
        defer { receiver.stop() }
        let url = "https://127.0.0.1:\(receiver.port)/"
        let trusted = try dataDir(dir + "/a", ids: ["c0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000002"],
                                  settings: #"{"deliverHTTP": {"caFile": "\#(dir)/cert.pem", "timeoutSeconds": 10}}"#)
        let ok = try Motcua.run(["queue", "deliver", "--to", url, "--data-dir", trusted])
        #expect(ok.status == 0 && ok.stdout.contains("delivered 2"), "\(ok.stdout) \(ok.stderr)")
        // Without the CA the certificate is not accepted: nothing sent, nothing lost.
        let untrusted = try dataDir(dir + "/b", ids: ["c0000000-0000-4000-8000-000000000003"])
        let no = try Motcua.run(["queue", "deliver", "--to", url, "--data-dir", untrusted])
        #expect(no.status == 1 && no.stdout.contains("certificate was not accepted"), "\(no.stdout)")
        #expect(receiver.requests().count == 2)
    }
}
