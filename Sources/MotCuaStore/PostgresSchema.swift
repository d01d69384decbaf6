import Foundation

/// The shared core store's schema in PostgreSQL (docs/STORE.md, "The shared
/// core store"). `motcua core init --to URL` applies every step not yet in
/// `motcua.schema_version`, in one transaction under an advisory lock, so
/// running it twice, or on two desks at once, changes nothing the second time.
public enum PostgresSchema {
    /// The newest schema version this build knows.
    public static let version = 3

    /// Step n brings the schema from version n−1 to n. Never edit a step
    /// that has shipped: add one.
    static let steps: [String] = [
        """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE TABLE motcua.forms (
            sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            content jsonb NOT NULL,
            content_bytes bytea NOT NULL
        );
        CREATE TABLE motcua.dossiers (
            id uuid PRIMARY KEY,
            receipt_code text NOT NULL UNIQUE,
            kiosk_id text NOT NULL,
            procedure_code text,
            form_id text NOT NULL,
            form_version text NOT NULL,
            form_sha256 text NOT NULL REFERENCES motcua.forms (sha256),
            received_at timestamptz NOT NULL,
            delivered_at timestamptz NOT NULL DEFAULT now(),
            operator text NOT NULL,
            applicant_name text,
            applicant_name_folded text,
            names_folded text NOT NULL DEFAULT '',
            national_id text,
            person_ids text[] NOT NULL DEFAULT '{}',
            phone text,
            phones text[] NOT NULL DEFAULT '{}',
            content jsonb NOT NULL,
            content_bytes bytea NOT NULL,
            content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$')
        );
        CREATE INDEX dossiers_national_id ON motcua.dossiers (national_id);
        CREATE INDEX dossiers_person_ids ON motcua.dossiers USING gin (person_ids);
        CREATE INDEX dossiers_phone ON motcua.dossiers (phone);
        CREATE INDEX dossiers_phones ON motcua.dossiers USING gin (phones);
        CREATE INDEX dossiers_names_folded ON motcua.dossiers USING gin (names_folded gin_trgm_ops);
        CREATE INDEX dossiers_delivered_at ON motcua.dossiers (delivered_at);
        """,
        // 2: name search by word prefixes. Every prefix (up to 24 letters) of
        // every folded name word, GIN-indexed: "tran thi thuy" is one
        // containment test (`@>`), ~7x faster on 1,000,000 rows than three
        // trigram LIKEs; the trigram index goes (it was also the costliest
        // index to keep up while delivering).
        """
        CREATE FUNCTION motcua.name_prefixes(folded text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            $f$SELECT coalesce(array_agg(DISTINCT left(w, k)), '{}') FROM unnest(string_to_array(folded, ' ')) w,
                generate_series(1, least(length(w), 24)) k WHERE w <> ''$f$;
        ALTER TABLE motcua.dossiers ADD COLUMN name_prefixes text[] NOT NULL DEFAULT '{}';
        UPDATE motcua.dossiers SET name_prefixes = motcua.name_prefixes(names_folded) WHERE names_folded <> '';
        CREATE INDEX dossiers_name_prefixes ON motcua.dossiers USING gin (name_prefixes);
        DROP INDEX motcua.dossiers_names_folded;
        """,
        // 3: corrections and supplements (issue 16). A new version is its own row
        // naming the row it supersedes, its chain's first id, its number and the
        // reason. `supersedes` has no foreign key: desks deliver independently, so a
        // supplement can arrive before (or without) its predecessor, whose row may
        // be delivered later, elsewhere, or never (a queued predecessor is replaced
        // before delivery); a key would keep such a supplement out forever. A chain
        // shares its receipt code: unique per (receipt_code, version); that a code
        // belongs to one chain is checked by the batch's INSERT (NOT EXISTS over the
        // same btree index), not by a GiST exclusion constraint, whose upkeep on
        // every insert would cost delivery speed (issue 15).
        """
        ALTER TABLE motcua.dossiers ADD COLUMN supersedes uuid, ADD COLUMN chain_first uuid,
            ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 999), ADD COLUMN reason text;
        UPDATE motcua.dossiers SET chain_first = id;
        ALTER TABLE motcua.dossiers ALTER COLUMN chain_first SET NOT NULL;
        ALTER TABLE motcua.dossiers DROP CONSTRAINT dossiers_receipt_code_key;
        ALTER TABLE motcua.dossiers ADD CONSTRAINT dossiers_receipt_code_version_key UNIQUE (receipt_code, version);
        CREATE INDEX dossiers_supersedes ON motcua.dossiers (supersedes);
        """,
    ]

    /// What `motcua.name_prefixes(folded)` (step 2) computes, computed here so
    /// a delivery batch sends the prefixes and the server does not run the SQL
    /// function per row (it was a third of the server's time per dossier).
    /// Same rules: words split at single spaces, empty ones skipped, every
    /// prefix of 1 to 24 code points (PostgreSQL `left` counts code points),
    /// each once. A test compares the two on awkward names in a real server.
    /// Bytes, not Characters: Swift would keep a space followed by a
    /// combining mark as one Character and call canonically equivalent
    /// prefixes equal, where PostgreSQL splits and compares code points.
    static func namePrefixes(_ folded: String) -> [String] {
        namePrefixText(folded).split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same prefixes as the batch sends them: UTF-8, separated by single
    /// spaces (a prefix never holds one). A prefix already given by an
    /// earlier word is the start of both, so it is skipped by comparing the
    /// words' common start, not by hashing every prefix (which cost more
    /// than the rest of a dossier's COPY line).
    static func namePrefixText(_ folded: String) -> [UInt8] {
        let words = Array(folded.utf8).split(separator: 0x20, omittingEmptySubsequences: true)
        var out: [UInt8] = []
        for (j, word) in words.enumerated() {
            var shared = 0  // bytes this word shares with the start of an earlier one
            for earlier in words[..<j] {
                var n = 0
                while n < word.count, n < earlier.count, word[word.startIndex + n] == earlier[earlier.startIndex + n] { n += 1 }
                shared = max(shared, n)
            }
            var points = 0
            var i = word.startIndex
            while i < word.endIndex, points < 24 {
                i += 1
                while i < word.endIndex, word[i] & 0xC0 == 0x80 { i += 1 }  // the rest of this code point
                points += 1
                if i - word.startIndex > shared {
                    if !out.isEmpty { out.append(0x20) }
                    out += word[word.startIndex..<i]
                }
            }
        }
        return out
    }

    /// The script `core init` runs: prints the version before and after.
    static var initScript: String {
        var s = """
        SET client_min_messages = warning;
        BEGIN;
        SELECT pg_advisory_xact_lock(7355608015);
        CREATE SCHEMA IF NOT EXISTS motcua;
        CREATE TABLE IF NOT EXISTS motcua.schema_version (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        SELECT 'before', coalesce(max(version), 0) FROM motcua.schema_version;

        """
        for (i, step) in steps.enumerated() {
            let n = i + 1
            s += "DO $motcua$ BEGIN\nIF NOT EXISTS (SELECT 1 FROM motcua.schema_version WHERE version = \(n)) THEN\n"
            s += step.replacingOccurrences(of: "$motcua$", with: "")
            s += "\nINSERT INTO motcua.schema_version (version) VALUES (\(n));\nEND IF;\nEND $motcua$;\n"
        }
        s += storageSettings
        s += codePrefixIndexes
        s += "SELECT 'after', max(version) FROM motcua.schema_version;\nCOMMIT;\n"
        return s
    }

    /// Settings, not schema (no version step, so steps other branches add
    /// stay in order): each `core init` applies them when missing. lz4 instead
    /// of pglz for the two copies of a dossier's content (a row of ~2.5 KB
    /// passes TOAST's threshold, so every insert compresses): pglz_compress was
    /// the server's top function while delivering; lz4 took ~17% off the
    /// server's CPU per dossier. Only new rows are affected. A server built
    /// without lz4 (or older than PostgreSQL 14) keeps pglz.
    static let storageSettings = """
        DO $motcua$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'motcua.dossiers'::regclass
                   AND attname IN ('content', 'content_bytes') AND attcompression IS DISTINCT FROM 'l') THEN
            EXECUTE 'ALTER TABLE motcua.dossiers ALTER COLUMN content SET COMPRESSION lz4, ALTER COLUMN content_bytes SET COMPRESSION lz4';
        END IF;
        EXCEPTION WHEN feature_not_supported OR undefined_column OR syntax_error THEN NULL;
        END $motcua$;

        """

    /// Creates or migrates the schema at `url`; the versions before and after.
    public static func initialize(url: String) throws -> (before: Int, after: Int) {
        let out = String(decoding: try PSQL.run(try ConnInfo.validate(url), script: Array(initScript.utf8)), as: UTF8.self)
        var before = 0, after = 0
        for line in out.split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard f.count == 2, let n = Int(f[1]) else { continue }
            if f[0] == "before" { before = n } else if f[0] == "after" { after = n }
        }
        guard after >= version else {
            throw StoreError.badDataDirectory("the shared core store reports schema version \(after), expected \(version)")
        }
        return (before, after)
    }
}
