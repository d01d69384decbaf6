import Foundation
import Testing
import MotCuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Delivery into a real PostgreSQL started by the test (initdb + pg_ctl in a
/// temporary folder), through the real binary and its real psql children.
@Suite(.serialized) struct PostgresDeliveryTests {
    /// Submits `count` dossiers into a fresh data folder (one `motcua submit`
    /// of many answers files: real, and fast); returns the folder and the ids.
    static func kiosk(_ root: String, _ kiosk: String, count: Int) throws -> (data: String, ids: [String]) {
        let fixture = root + "/fixture-" + kiosk
        let (form, answers) = try StoreFixture.make(in: fixture, count: count)
        let data = root + "/data-" + kiosk
        let r = try Motcua.run(["submit", form] + answers + ["--data-dir", data, "--kiosk", kiosk, "--operator", "op-" + kiosk])
        #expect(r.status == 0, "\(r.stderr)")
        return (data, StoreFixture.submittedIDs(r.stdout))
    }

    static func states(_ data: String) throws -> [String: String] {
        let out = try Motcua.run(["queue", "status", "--all", "--data-dir", data]).stdout
        return Dictionary(StoreFixture.queueItems(out).map { ($0.id, $0.state) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func tenKiosksDeliverTenThousandDossiersAtOnce() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let init1 = try Motcua.run(["core", "init", "--to", pg.url])
        #expect(init1.status == 0, "\(init1.stderr)")
        #expect(init1.stdout.contains("schema version 3 (was 0)"))
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).stdout.contains("up to date"), "init is idempotent")

        var kiosks: [(data: String, ids: [String])] = []
        for k in 0..<10 { kiosks.append(try Self.kiosk(root, "K\(k)0", count: 1000)) }
        #expect(kiosks.allSatisfy { $0.ids.count == 1000 })

        let q = StoreFixture.shellQuote
        let runs = try kiosks.map { k in
            try StoreChild(script: "exec \(q(Motcua.path)) queue deliver --to \(q(pg.url)) --data-dir \(q(k.data))")
        }
        for (i, run) in runs.enumerated() {
            let status = run.wait()
            #expect(status == 0, "kiosk \(i): \(run.output())")
        }
        let counts = try pg.query("SELECT count(*), count(DISTINCT id), count(DISTINCT receipt_code) FROM motcua.dossiers")
        #expect(counts == [["10000", "10000", "10000"]])
        let all = Set(kiosks.flatMap(\.ids))
        let stored = Set(try pg.query("SELECT id FROM motcua.dossiers").map { $0[0] })
        #expect(stored == all, "each dossier exactly once")
        for k in kiosks { #expect(try Self.states(k.data).values.allSatisfy { $0 == "delivered" }) }
        let verify = try Motcua.run(["dossiers", "verify", "--core", pg.url])
        #expect(verify.status == 0 && verify.stdout.contains("ok: 10000 dossiers"), "\(verify.stdout)\(verify.stderr)")

        // Any desk finds them: by folded name, by ID number, by receipt code.
        let byName = try Motcua.run(["dossiers", "list", "--core", pg.url, "--search", "nguyen an"])
        #expect(byName.status == 0 && byName.stdout.split(separator: "\n").count == 1000, "\(byName.stderr)")
        let byID = try Motcua.run(["dossiers", "list", "--core", pg.url, "--search", "001200000007"])
        #expect(byID.stdout.split(separator: "\n").count == 10)
        let receipt = try pg.query("SELECT receipt_code FROM motcua.dossiers LIMIT 1")[0][0]
        let show = try Motcua.run(["dossiers", "show", receipt, "--core", pg.url])
        #expect(show.status == 0 && show.stdout.contains("Receipt     \(receipt)"), "\(show.stdout)\(show.stderr)")

        // A flipped stored byte is found by verify.
        _ = try pg.query("UPDATE motcua.dossiers SET content_bytes = content_bytes || ' '::bytea WHERE receipt_code = '\(receipt)'")
        let bad = try Motcua.run(["dossiers", "verify", "--core", pg.url])
        #expect(bad.status == 1 && bad.stdout.contains(receipt), "\(bad.stdout)")
    }

    @Test func killsAndAServerRestartLoseAndDuplicateNothing() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        let k = try Self.kiosk(root, "KL01", count: 3000)
        let q = StoreFixture.shellQuote
        // Small batches: many transactions, so kills land mid-batch and between batches.
        let script = "MOTCUA_RETRY_SECONDS=0.01 MOTCUA_PG_BATCH=100 exec \(q(Motcua.path)) queue deliver --to \(q(pg.url)) --data-dir \(q(k.data)) >/dev/null"
        var generator = SystemRandomNumberGenerator()
        var psqlKills = 0
        for round in 0..<20 {
            let child = try StoreChild(script: script)
            usleep(UInt32.random(in: 100_000...900_000, using: &generator))
            if round % 2 == 1, let psql = Self.childPID(of: child.pid, waitingUpTo: 3) {
                // Only its psql: motcua sees the batch fail and records it as failed.
                kill(psql, SIGKILL)
                psqlKills += 1
                usleep(50_000)
            }
            child.kill()
            child.wait()
            let rows = try pg.query("SELECT count(*), count(DISTINCT id) FROM motcua.dossiers")[0]
            #expect(rows[0] == rows[1], "round \(round): duplicated rows")
            let states = try Self.states(k.data)
            #expect(states.count == 3000, "round \(round): the queue lost dossiers")
            let stored = Set(try pg.query("SELECT id FROM motcua.dossiers").map { $0[0] })
            for (id, state) in states where state == "delivered" { #expect(stored.contains(id), "round \(round): \(id) delivered, not stored") }
        }
        #expect(psqlKills > 0)

        // The server goes away in the middle of a run, and comes back.
        let run = try StoreChild(script: script)
        usleep(150_000)
        try pg.stopServer(mode: "immediate")
        run.wait()
        // What the interrupted run left (it may have finished before the server stopped).
        let pending = try Self.states(k.data).values.contains { $0 != "delivered" }
        let during = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", k.data], environment: ["MOTCUA_RETRY_SECONDS": "0.01"])
        #expect(!pending || during.status == 1, "deliver with the server down fails the attempts: \(during.stdout)")
        try pg.start()
        // Dossiers interrupted too often were set aside: the officer's retry brings them back.
        var final = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", k.data], environment: ["MOTCUA_RETRY_SECONDS": "0.01"])
        for _ in 0..<8 where try final.status != 0 || !Self.states(k.data).values.allSatisfy({ $0 == "delivered" }) {
            for (id, state) in try Self.states(k.data) where state == "set-aside" {
                #expect(try Motcua.run(["queue", "retry", id, "--data-dir", k.data]).status == 0)
            }
            usleep(100_000)
            final = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", k.data], environment: ["MOTCUA_RETRY_SECONDS": "0.01"])
        }
        #expect(final.status == 0, "\(final.stdout)\(final.stderr)")
        #expect(try Self.states(k.data).values.allSatisfy { $0 == "delivered" })
        #expect(try pg.query("SELECT count(*), count(DISTINCT id) FROM motcua.dossiers") == [["3000", "3000"]])
        #expect(Set(try pg.query("SELECT id FROM motcua.dossiers").map { $0[0] }) == Set(k.ids))
        #expect(try Motcua.run(["dossiers", "verify", "--core", pg.url]).status == 0)
    }

    @Test func aReceiptCodeOrIdReusedWithOtherContentIsSetAsideAsAConflict() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).status == 0)
        let a = try Self.kiosk(root, "KC01", count: 2)
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", a.data]).status == 0)
        // The kiosk's own verify accepts dossiers that live in PostgreSQL, not in its store.log.
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", a.data])
        #expect(verify.status == 0 && verify.stdout.contains("2 delivered elsewhere"), "\(verify.stdout)")
        // Another laptop set up with the same kiosk id: same receipt codes, other dossiers.
        let fixture = root + "/other"
        let (form, answers) = try StoreFixture.make(in: fixture, count: 3, note: 1)
        let b = root + "/data-b"
        #expect(try Motcua.run(["submit", form, answers[0], "--data-dir", b, "--kiosk", "KC01"]).status == 0)
        #expect(try Motcua.run(["submit", form, answers[1], "--id", a.ids[1], "--data-dir", b, "--kiosk", "KB02"]).status == 0)
        let r = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", b])
        #expect(r.status == 1)
        let status = try Motcua.run(["queue", "status", "--data-dir", b]).stdout
        #expect(status.contains("conflict: receipt code KC01-"), "\(status)")
        #expect(status.contains("conflict: the shared core store already holds other content under this dossier id"), "\(status)")
        // Never retried by itself; the stored ones are untouched.
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", b]).stdout.contains("delivered 0, already stored 0, failed 0, set aside 0"))
        #expect(try pg.query("SELECT count(*) FROM motcua.dossiers") == [["2"]])
        #expect(try Motcua.run(["dossiers", "verify", "--core", pg.url]).status == 0)

        // ... and still finds real damage: a flipped byte in a delivered dossier's queue record.
        let log = a.data + "/queue.log"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: log)))
        // Inside the first dossier's body (the file's end may be preallocated zeros).
        let mark = Array(#""answers""#.utf8)
        guard let at = (0..<(bytes.count - mark.count)).first(where: { Array(bytes[$0..<($0 + mark.count)]) == mark }) else {
            Issue.record("no dossier body found in queue.log"); return
        }
        bytes[at + 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: log))
        let damaged = try Motcua.run(["dossiers", "verify", "--data-dir", a.data])
        #expect(damaged.status != 0 && damaged.stdout.contains("PROBLEM: queue.log"), "\(damaged.stdout)\(damaged.stderr)")
    }

    /// A child process of `pid` (the psql motcua started), from /proc.
    static func childPID(of pid: pid_t, waitingUpTo seconds: Double) -> pid_t? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            if let child = text.split(separator: " ").compactMap({ pid_t($0) }).first { return child }
            usleep(10_000)
        } while Date() < deadline
        return nil
    }
}
