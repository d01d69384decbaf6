import Foundation
import MotCuaForms
import MotCuaStore
import MotCuaTestSupport
import MotCuaText

/// Issue #15's numbers against a real PostgreSQL started here (initdb + pg_ctl
/// in a temporary folder, Unix socket): delivery of 10,000 dossiers through
/// psql (COPY + INSERT … ON CONFLICT per batch) beside a naive peer (one
/// INSERT per dossier over one psql session); then a shared core of
/// `MOTCUA_BENCH_CORE_ROWS` (default 1,000,000) dossiers: lookup by receipt
/// code and folded-name search from the kiosk's side (one kept psql session,
/// the child round trip included).
func benchPostgres() throws {
    let pg = try PostgresServer()
    defer { pg.stop() }
    print("PostgreSQL in \(pg.folder) (Unix socket, default durability: fsync on, synchronous_commit on)")
    _ = try PostgresSchema.initialize(url: pg.url)
    let bench = try StoreBenchSetup(root: benchRoot())
    let work = FileManager.default.currentDirectoryPath + "/.build/bench-pg-\(getpid())"
    try? FileManager.default.removeItem(atPath: work)
    defer { try? FileManager.default.removeItem(atPath: work) }

    // Ours: the queue's real delivery path (journal fsyncs included) into PostgreSQL.
    let store = try DossierStore(directory: work + "/kiosk", kioskID: "BN01", checker: bench.passThrough)
    for _ in 0..<10 { _ = try store.submit(batch: Array(repeating: bench.request(), count: 1000)) }
    let destination = try PostgresDestination(url: pg.url)
    var report: DeliveryReport?
    let ours = try time { report = try store.deliver(operatorID: "bench", now: bench.day, to: destination) }
    guard report?.delivered.count == 10_000 else { throw BenchError("delivered \(report?.delivered.count ?? 0) of 10,000") }
    let rows = try pg.query("SELECT count(*) FROM motcua.dossiers")
    guard rows == [["10000"]] else { throw BenchError("PostgreSQL holds \(rows) rows") }

    // The naive peer: the same 10,000 dossiers, one INSERT (one commit) each, one psql session.
    _ = try pg.query("CREATE TABLE motcua.naive (LIKE motcua.dossiers INCLUDING ALL)")
    let bodies = try pg.query("SELECT id, receipt_code, encode(content_bytes, 'hex'), content_sha256, form_sha256 FROM motcua.dossiers")
    var script = "SET client_min_messages = warning;\n"
    for r in bodies {
        let fresh = UUID().uuidString.lowercased()
        script += """
            INSERT INTO motcua.naive (id, receipt_code, kiosk_id, form_id, form_version, form_sha256, received_at, operator,
                applicant_name, applicant_name_folded, names_folded, national_id, content, content_bytes, content_sha256, chain_first)
            VALUES ('\(fresh)', '\(r[1])-N', 'BN01', 'khai-sinh', 'bench', '\(r[4])', now(), 'bench', 'Nguyễn Văn An',
                'nguyen van an', ' nguyen van an', '001200000001', convert_from('\\x\(r[2])'::bytea, 'UTF8')::jsonb,
                '\\x\(r[2])'::bytea, '\(r[3])', '\(fresh)');

            """
    }
    let psql = try PSQL.executable()
    let naive = try time {
        let r = try ChildProcess.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", pg.url], input: Array(script.utf8), timeout: 3600)
        guard r.status == 0 else { throw BenchError("naive peer failed: \(r.errorText)") }
    }
    print(String(format: "deliver 10,000 dossiers into PostgreSQL (queue fsyncs + one psql per batch of 2,000: COPY, INSERT ON CONFLICT, outcomes): %@, %.0f dossiers/s  [target ≥ 2,000/s]",
                 human(ours), 10_000 / ours))
    print(String(format: "  naive peer (one INSERT per dossier, autocommit, one psql session): %@, %.0f dossiers/s", human(naive), 10_000 / naive))
    print(String(format: "  ratio ours / naive = %.1f×  [target ≥ 20×]", naive / ours))
    print("  load average (1, 5, 15 min): \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")")

    try benchSharedCore(pg, bench)
}

/// A shared core of many dossiers, built server-side from generated people
/// (names folded here with `VietText.fold`, as delivery folds them), then
/// read through `PostgresCore` as `dossiers … --core` and the kiosk do.
private func benchSharedCore(_ pg: PostgresServer, _ bench: StoreBenchSetup) throws {
    let n = ProcessInfo.processInfo.environment["MOTCUA_BENCH_CORE_ROWS"].flatMap(Int.init) ?? 1_000_000
    var maker = NameMaker()
    var probe: [String] = [], probeCodes: [String] = []
    let build = try time {
        var copy = "COPY pg_temp.people FROM STDIN;\n"
        copy.reserveCapacity(n * 80)
        for i in 0..<n {
            let name = maker.name(), id = maker.idNumber(), phone = "09" + String(format: "%08d", i)
            if i == n / 3 { probe.append(name); probeCodes = [String(id.prefix(6)), String(phone.prefix(7))] }
            copy += "\(i)\t\(name)\t\(VietText.fold(name))\t\(id)\t\(phone)\n"
        }
        copy += "\\.\n"
        let sql = """
            SET client_min_messages = warning;
            CREATE TEMP TABLE people (n int, name text, folded text, national_id text, phone text);
            \(copy)
            INSERT INTO motcua.dossiers (id, receipt_code, kiosk_id, form_id, form_version, form_sha256, received_at, operator,
                applicant_name, applicant_name_folded, names_folded, national_id, person_ids, phone, phones, content, content_bytes, content_sha256,
                name_prefixes, chain_first)
            SELECT md5(n::text)::uuid, 'BK' || lpad((n % 100)::text, 2, '0') || '-261127-' || lpad((n / 100 + 1)::text, 5, '0'),
                'BK01', 'khai-sinh', 'bench', (SELECT sha256 FROM motcua.forms LIMIT 1), now(), 'bench', name, folded, ' ' || folded,
                national_id, ARRAY[national_id], phone, ARRAY[phone], jsonb_build_object('name', name, 'n', n),
                convert_to(jsonb_build_object('name', name, 'n', n)::text, 'UTF8'),
                encode(sha256(convert_to(jsonb_build_object('name', name, 'n', n)::text, 'UTF8')), 'hex'),
                motcua.name_prefixes(' ' || folded), md5(n::text)::uuid
            FROM people;
            VACUUM ANALYZE motcua.dossiers;
            """
        let r = try ChildProcess.run(try PSQL.executable(), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", pg.url], input: Array(sql.utf8), timeout: 7200)
        guard r.status == 0 else { throw BenchError("building the shared core failed: \(r.errorText)") }
    }
    let total = try pg.query("SELECT count(*) FROM motcua.dossiers")[0][0]
    print(String(format: "shared core of %@ dossiers built in %@ (COPY of generated people, indexes maintained while inserting)", total, human(build)))

    let core = try PostgresCore(url: pg.url)
    defer { core.session.close() }
    core.limit = 50
    var sample: [String] = []
    for i in stride(from: 7, to: n, by: max(1, n / 500)) { sample.append("BK\(String(format: "%02d", i % 100))-261127-\(String(format: "%05d", i / 100 + 1))") }
    _ = try core.dossier(sample[0])
    var found = 0
    let lookups = try sample.map { r in try time { if try core.dossier(r) != nil { found += 1 } } }
    guard found == sample.count else { throw BenchError("lookup found \(found) of \(sample.count)") }
    print("  lookup by receipt code (kept psql session, round trip included): median \(human(percentile(lookups, 0.5))), p99 \(human(percentile(lookups, 0.99)))  [target < 5 ms]")
    // Issue 16: ID numbers, phones and receipt codes by their first characters (a desk typing).
    for q in [VietText.fold(probe[0]), "tran thi thuy", "nguyen van", "ngo"] + probeCodes + ["bk07-261127-001", "bk0"] {
        var count = 0
        let t = try (0..<20).map { _ in try time { count = try core.dossiers(search: q).count } }
        print("  search \"\(q)\" (newest \(core.limit)): median \(human(percentile(t, 0.5))), p99 \(human(percentile(t, 0.99))), \(count) shown  [target < 50 ms]")
    }
    let oneShot = try (0..<5).map { _ in
        try time {
            let c = try PostgresCore(url: pg.url)
            _ = try c.dossier(sample[3])
            c.session.close()
        }
    }
    print("  for comparison, a new psql per lookup (process start + connection): median \(human(percentile(oneShot, 0.5)))")

    // Delivery into this large core: the batch's probes (receipt codes, ids, outcomes)
    // and every index at this size, not only into the empty core timed first.
    let work = FileManager.default.currentDirectoryPath + "/.build/bench-pg-large-\(getpid())"
    try? FileManager.default.removeItem(atPath: work)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let store = try DossierStore(directory: work + "/kiosk", kioskID: "BN02", checker: bench.passThrough)
    for _ in 0..<4 { _ = try store.submit(batch: Array(repeating: bench.request(), count: 1000)) }
    var report: DeliveryReport?
    let more = try time { report = try store.deliver(operatorID: "bench", now: bench.day, to: try PostgresDestination(url: pg.url)) }
    guard report?.delivered.count == 4000 else { throw BenchError("delivered \(report?.delivered.count ?? 0) of 4,000 into the large core") }
    print(String(format: "  deliver 4,000 more dossiers into this core of %@: %@, %.0f dossiers/s", total, human(more), 4000 / more))
}
