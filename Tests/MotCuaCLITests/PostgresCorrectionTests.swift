// Corrections in the shared core store (issue 16), with a real PostgreSQL started by the
// test: a schema-2 database migrated to 3 by `core init` (twice: idempotent), then a
// delivered dossier and its supplement delivered as two rows of one chain under one
// receipt code, and a different dossier under that code still refused.
import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

@Suite(.serialized) struct PostgresCorrectionTests {
    /// SHA-256 of "{}", the hand-made rows' content (verify recomputes every hash).
    static let emptyHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"

    @Test func schemaTwoMigratesAndAChainIsDeliveredAsTwoRows() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        // The schema as builds of session 5 left it (steps 1 and 2), with one dossier.
        _ = try pg.query("""
            CREATE SCHEMA motcua;
            CREATE TABLE motcua.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            \(PostgresSchema.steps[0]) \(PostgresSchema.steps[1])
            INSERT INTO motcua.schema_version (version) VALUES (1), (2);
            INSERT INTO motcua.forms VALUES ('\(Self.emptyHash)', '{}', '\\x7b7d');
            INSERT INTO motcua.dossiers (id, receipt_code, kiosk_id, form_id, form_version, form_sha256, received_at, operator,
                content, content_bytes, content_sha256)
                VALUES ('11111111-2222-4333-8444-555555555555', 'OLD1-261127-0001', 'OLD1', 'f', '1', '\(Self.emptyHash)', now(), 'op',
                '{}', '\\x7b7d', '\(Self.emptyHash)');
            """)
        let migrate = try Motcua.run(["core", "init", "--to", pg.url])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("schema version 3 (was 2)"), "\(migrate.stdout)")
        #expect(try Motcua.run(["core", "init", "--to", pg.url]).stdout.contains("up to date"))
        #expect(try pg.query("SELECT chain_first = id, version, supersedes IS NULL FROM motcua.dossiers") == [["t", "1", "t"]])

        let (dir, code) = try ReceiptCommandTests.submitted()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", dir]).status == 0)
        let first = try #require(try pg.query("SELECT id FROM motcua.dossiers WHERE receipt_code = '\(code)'").first?.first)
        let r = try Motcua.run(["dossiers", "correct", code, "--reason", "bổ sung số GCN kết hôn", "--data-dir", dir, "--today", "2026-11-28"],
                               stdin: "27\n13/2020\ncó\n")
        #expect(r.status == 0, "\(r.stderr)")
        let delivered = try Motcua.run(["queue", "deliver", "--to", pg.url, "--data-dir", dir])
        #expect(delivered.status == 0 && delivered.stdout.contains("delivered 1"), "\(delivered.stdout)\(delivered.stderr)")
        let rows = try pg.query("""
            SELECT version, coalesce(supersedes::text, ''), chain_first::text, coalesce(reason, ''), content->>'supersedes' IS NOT NULL
            FROM motcua.dossiers WHERE receipt_code = '\(code)' ORDER BY version
            """)
        #expect(rows.count == 2)
        #expect(rows.first == ["1", "", first, "", "f"])
        #expect(rows.last == ["2", first, first, "bổ sung số GCN kết hôn", "t"])
        let show = try Motcua.run(["dossiers", "show", code, "--core", pg.url, "--lang", "vi"])
        #expect(show.status == 0 && show.stdout.contains("Phiên bản   2 (bổ sung lần 1)"), "the code finds the latest version: \(show.stdout)")
        let old = try Motcua.run(["dossiers", "show", first, "--core", pg.url, "--lang", "en"]).stdout
        #expect(old.contains("replaced by ") && old.contains("(version 2) – reason: bổ sung số GCN kết hôn"), "\(old)")

        // A second version 2 under the same code is refused by the schema itself...
        #expect(throws: (any Error).self) {
            _ = try pg.query("""
                INSERT INTO motcua.dossiers (id, receipt_code, kiosk_id, form_id, form_version, form_sha256, received_at, operator,
                    content, content_bytes, content_sha256, chain_first, version)
                    VALUES (gen_random_uuid(), '\(code)', 'X', 'f', '1', '\(Self.emptyHash)', now(), 'op', '{}', '\\x7b7d', repeat('c', 64),
                    gen_random_uuid(), 2)
                """)
        }
        // ... and a delivery of another chain under it is a conflict, while the next version of this one is stored.
        let empty = Array("{}".utf8)
        func outgoing(_ id: String, _ link: DossierLink) -> OutgoingDossier {
            OutgoingDossier(id: id, receipt: code, formID: "f", formVersion: "1", formHash: SHA256.hash(empty), contentHash: SHA256.hash(Array(id.utf8)),
                            body: Array("{\"x\":\"\(id)\"}".utf8), names: [], personalIDs: [], kioskID: "X", operatorID: "op", form: empty, link: link)
        }
        var stranger = outgoing("aaaaaaaa-0000-4000-8000-000000000001",
                                DossierLink(supersedes: "aaaaaaaa-0000-4000-8000-000000000000", first: "aaaaaaaa-0000-4000-8000-000000000000", version: 3, reason: "x"))
        var next = outgoing("aaaaaaaa-0000-4000-8000-000000000002", DossierLink(supersedes: first, first: first, version: 3, reason: "y"))
        stranger.contentHash = SHA256.hash(stranger.body)
        next.contentHash = SHA256.hash(next.body)
        let outcomes = try PostgresDestination(url: pg.url).deliver([stranger, next])
        #expect(outcomes.first.map { if case .conflict(let why) = $0 { why.contains("receipt code \(code)") } else { false } } == true, "\(outcomes)")
        #expect(outcomes.last == .stored)
        #expect(try Motcua.run(["dossiers", "verify", "--core", pg.url]).status == 0)
    }
}
