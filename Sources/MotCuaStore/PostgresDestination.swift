import Foundation
import MotCuaForms
import MotCuaText

/// A shared core store in PostgreSQL, reached through psql. One psql per
/// batch, one transaction: COPY the batch (and its form copies) into
/// temporary tables, `INSERT … ON CONFLICT DO NOTHING`, then read one outcome
/// per dossier by comparing content hashes. If psql or this process dies
/// mid-batch the transaction is rolled back and the batch is retried; if it
/// dies after COMMIT, the retry finds the same hashes: `alreadyStored`.
public final class PostgresDestination: DeliveryDestination {
    public let url: String

    public init(url: String) throws {
        self.url = try ConnInfo.validate(url)
    }

    public var label: String { ConnInfo.redacted(url) }

    /// Each batch costs a psql start, a connection and a commit (~20 ms), so
    /// 256 per batch spent most of a run there; 2,000 (a few MB of COPY)
    /// keeps a batch well inside psql's timeout. `MOTCUA_PG_BATCH` (1–10,000)
    /// changes it: the kill tests use small batches so kills land mid-batch.
    public var preferredBatchSize: Int? {
        ProcessInfo.processInfo.environment["MOTCUA_PG_BATCH"].flatMap(Int.init).map { min(10_000, max(1, $0)) } ?? 2000
    }

    public func deliver(_ batch: [OutgoingDossier]) throws -> [DestinationOutcome] {
        var outcomes = [DestinationOutcome?](repeating: nil, count: batch.count)
        var rows: [UInt8] = []
        rows.reserveCapacity(batch.reduce(0) { $0 + $1.body.count + 1024 })
        var forms: [Digest: [UInt8]] = [:]
        var sent = 0
        var formMatches: [Digest: Bool] = [:]
        for (i, d) in batch.enumerated() {
            if let reason = PostgresDestination.refusal(d) { outcomes[i] = .rejected(reason); continue }
            if formMatches[d.formHash] == nil { formMatches[d.formHash] = SHA256.hash(d.form) == d.formHash }
            guard formMatches[d.formHash] == true else { outcomes[i] = .rejected("its form copy does not match its form hash"); continue }
            PostgresDestination.copyRow(d, ordinal: i, into: &rows)
            forms[d.formHash] = d.form
            sent += 1
        }
        guard sent > 0 else { return outcomes.map { $0! } }
        var formRows: [UInt8] = []
        for (hash, bytes) in forms {
            PSQL.copyField(hash.hex, into: &formRows); formRows.append(9)
            PSQL.copyBytes(bytes, into: &formRows); formRows.append(10)
        }
        var script = Array(PostgresDestination.head.utf8)
        script += rows
        script += Array("\\.\nCOPY pg_temp.motcua_forms_in FROM STDIN;\n".utf8)
        script += formRows
        script += Array(("\\.\n" + PostgresDestination.tail).utf8)

        let out = try PSQL.run(url, script: script)
        for line in out.split(separator: 10) {
            let f = line.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == 3, let i = Int(f[0]), batch.indices.contains(i), outcomes[i] == nil else { continue }
            switch f[1] {
            case "S": outcomes[i] = .stored
            case "A": outcomes[i] = .alreadyStored
            case "I": outcomes[i] = .conflict("the shared core store already holds other content under this dossier id (sha256 \(f[2].prefix(12))…); this one is kept aside")
            case "R": outcomes[i] = .conflict("receipt code \(batch[i].receipt) is already used in the shared core store by dossier \(f[2]) with other content")
            default: outcomes[i] = .unavailable("not stored (another desk was storing the same dossier); will retry", retryAfter: nil)
            }
        }
        return outcomes.map { $0 ?? .unavailable("psql gave no outcome for it", retryAfter: nil) }
    }

    /// What PostgreSQL could never store, decided before sending (so one bad
    /// dossier cannot fail its whole batch forever).
    static func refusal(_ d: OutgoingDossier) -> String? {
        guard isUUID(d.id) else { return "the dossier id \(d.id) is not a UUID, which the shared core store requires" }
        let texts = [d.receipt, d.kioskID, d.formID, d.formVersion, d.operatorID, d.procedureCode ?? ""] + d.names + d.personalIDs + d.phones
        if texts.contains(where: { $0.utf8.contains(0) }) { return "it holds a NUL character, which PostgreSQL text cannot hold" }
        // jsonb refuses the \u0000 escape; the exact bytes hold it, but the
        // queryable copy could not.
        // The bytes travel as COPY text, which must be UTF-8 to arrive unchanged.
        if String(validating: d.body, as: UTF8.self) == nil { return "its content is not valid UTF-8, which PostgreSQL text cannot hold exactly" }
        if contains(d.body, Array("\\u0000".utf8)) { return "it holds a \\u0000 character, which PostgreSQL jsonb cannot hold" }
        return nil
    }

    static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != 45 { return false } } else if !((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) { return false }
        }
        return true
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        return hay.withUnsafeBufferPointer { h in
            var i = 0
            while i <= h.count - needle.count {
                if h[i] == needle[0], Array(h[i..<(i + needle.count)]) == needle { return true }
                i += 1
            }
            return false
        }
    }

    /// One line of the COPY, in `motcua_in`'s column order. Bytes are
    /// appended in runs (`PSQL.copyField`), not one by one: building the COPY
    /// text was a quarter of this process's time per dossier.
    static func copyRow(_ d: OutgoingDossier, ordinal: Int, into out: inout [UInt8]) {
        func field(_ s: String?) { PSQL.copyField(s, into: &out); out.append(9) }
        func list(_ a: [String]) { PSQL.copyArrayField(a, into: &out); out.append(9) }
        field(String(ordinal)); field(d.id); field(d.receipt); field(d.kioskID); field(d.procedureCode)
        field(d.formID); field(d.formVersion); field(d.formHash.hex); field(d.submittedAt.iso8601); field(d.operatorID)
        let folded = d.names.map(VietText.fold)
        field(d.names.first); field(folded.first)
        let namesFolded = folded.isEmpty ? "" : " " + folded.joined(separator: " ")
        field(namesFolded)
        field(d.personalIDs.first); list(d.personalIDs); field(d.phones.first); list(d.phones)
        field(d.contentHash.hex)
        PostgresSchema.namePrefixText(namesFolded).withUnsafeBufferPointer { PSQL.copyField(bytes: $0, into: &out) }
        out.append(9)
        // The exact bytes as COPY text (checked UTF-8 by `refusal`; the server
        // stores `convert_to(content, 'UTF8')`, the same bytes in a UTF8
        // database): about half the size of hex, and parsed once for jsonb.
        d.body.withUnsafeBufferPointer { PSQL.copyField(bytes: $0, into: &out) }
        out.append(9)
        field(d.link?.supersedes); field(d.link?.first ?? d.id); field(String(d.link?.version ?? 1))
        PSQL.copyField(d.link?.reason, into: &out)
        out.append(10)
    }

    /// Settings for this transaction only (`SET LOCAL`), nothing on the
    /// server: JIT off, because the planner cannot know the temporary
    /// table's size and prices a 2,000-row batch high enough to compile it:
    /// the outcome query spent ~1 s of a ~1.7 s batch in LLVM on a core of
    /// 8,000 dossiers, to run 45 ms. work_mem so the INSERT's ORDER BY sorts
    /// its few MB in memory, not in a temporary file. The batch table keeps
    /// its rows uncompressed (toast_tuple_target: a ~2.5 KB dossier is past
    /// TOAST's ~2 KB threshold, so every body was pglz-compressed on COPY and
    /// decompressed again by the INSERT; the core table's lz4 is untouched).
    static let head = """
        SET client_min_messages = warning;
        SET statement_timeout = '100s';
        BEGIN;
        SET LOCAL jit = off;
        SET LOCAL work_mem = '64MB';
        DO $$ BEGIN IF getdatabaseencoding() <> 'UTF8' THEN
            RAISE EXCEPTION 'the shared core database must use the UTF8 encoding (it uses %)', getdatabaseencoding();
        END IF; END $$;
        CREATE TEMP TABLE motcua_in (ord int, id uuid, receipt_code text, kiosk_id text, procedure_code text,
            form_id text, form_version text, form_sha256 text, received_at timestamptz, operator text,
            applicant_name text, applicant_name_folded text, names_folded text, national_id text, person_ids text[],
            phone text, phones text[], content_sha256 text, name_prefixes text, content text,
            supersedes uuid, chain_first uuid, version int, reason text) WITH (toast_tuple_target = 8160) ON COMMIT DROP;
        CREATE TEMP TABLE motcua_forms_in (sha256 text, content_bytes bytea) ON COMMIT DROP;
        COPY pg_temp.motcua_in FROM STDIN;

        """

    /// Forms first (dossiers reference them); then the dossiers; then, in a
    /// new statement (so rows other desks committed meanwhile are seen), one
    /// outcome per dossier: S stored (the row under its id is this
    /// transaction's own: its xmin is our xid), A already stored, I other
    /// content under the id, R receipt code taken by another chain (or this
    /// version of the chain by another dossier), U none of these (a
    /// concurrent transaction held the key and rolled back: retry). The
    /// receipt code is looked up only for a dossier whose id holds no row.
    static let tail = """
        INSERT INTO motcua.forms (sha256, content, content_bytes)
            SELECT sha256, convert_from(content_bytes, 'UTF8')::jsonb, content_bytes FROM pg_temp.motcua_forms_in
            ON CONFLICT DO NOTHING;
        INSERT INTO motcua.dossiers (id, receipt_code, kiosk_id, procedure_code, form_id, form_version, form_sha256,
                received_at, operator, applicant_name, applicant_name_folded, names_folded, national_id, person_ids,
                phone, phones, content, content_bytes, content_sha256, name_prefixes, supersedes, chain_first, version, reason)
            SELECT id, receipt_code, kiosk_id, procedure_code, form_id, form_version, form_sha256, received_at, operator,
                applicant_name, applicant_name_folded, names_folded, national_id,
                person_ids, phone, phones,
                content::jsonb, convert_to(content, 'UTF8'), content_sha256, string_to_array(name_prefixes, ' '),
                supersedes, chain_first, version, reason
            FROM pg_temp.motcua_in i
            -- A receipt code names one chain: a dossier of another chain under it is not stored (R below).
            WHERE NOT EXISTS (SELECT 1 FROM motcua.dossiers r WHERE r.receipt_code = i.receipt_code AND r.chain_first <> i.chain_first)
            ORDER BY ord
            ON CONFLICT DO NOTHING;
        SELECT ord,
            CASE WHEN mine THEN 'S'
                 WHEN held IS NOT NULL AND held = content_sha256 THEN 'A'
                 WHEN held IS NOT NULL THEN 'I'
                 WHEN taken IS NOT NULL THEN 'R'
                 ELSE 'U' END,
            coalesce(CASE WHEN NOT mine THEN held END, taken::text, '')
        FROM (SELECT i.ord, i.content_sha256, d.content_sha256 AS held, d.xmin = pg_current_xact_id()::xid AS mine,
                CASE WHEN d.id IS NULL THEN (SELECT r.id FROM motcua.dossiers r WHERE r.receipt_code = i.receipt_code
                    AND r.id <> i.id AND (r.chain_first <> i.chain_first OR r.version = i.version) LIMIT 1) END AS taken
            FROM pg_temp.motcua_in i LEFT JOIN motcua.dossiers d ON d.id = i.id) o
        ORDER BY ord;
        COMMIT;

        """
}
