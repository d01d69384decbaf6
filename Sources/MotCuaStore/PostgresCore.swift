import Foundation
import MotCuaForms
import MotCuaText

/// Reading the shared core store in PostgreSQL (`dossiers … --core URL`):
/// any desk finds a dossier filed at another by receipt code, dossier id,
/// national id, phone, or names typed without diacritics. One psql session
/// for the object's life.
public final class PostgresCore {
    public let session: PSQLSession
    /// Most rows a list or search returns.
    public var limit = 1000

    public init(url: String) throws {
        session = try PSQLSession(url: url)
    }

    public var label: String { ConnInfo.redacted(session.url) }

    static let summaryColumns = """
        id::text AS id, receipt_code, form_id, form_version, kiosk_id,
        (extract(epoch FROM delivered_at) * 1000)::bigint AS delivered_ms,
        coalesce(applicant_name, '') AS name, coalesce(national_id, '') AS national_id, coalesce(phone, '') AS phone,
        (extract(epoch FROM (content->>'submittedAt')::timestamptz) * 1000)::bigint AS submitted_ms,
        coalesce(supersedes::text, '') AS supersedes
        """

    /// A dossier by id or receipt code.
    public func dossier(_ idOrReceipt: String) throws -> StoredDossier? {
        try session.rows("SELECT \(PostgresCore.summaryColumns) FROM motcua.dossiers WHERE \(PostgresCore.keyCondition(idOrReceipt))")
            .first.map(PostgresCore.summary)
    }

    /// Newest first; with `search`, those where every word matches: a word
    /// with a digit is a receipt code, national id or phone number (exact; from
    /// three characters also the start of the receipt code or of the applicant's
    /// national id or phone), any other the start of a word of a person's name,
    /// diacritics ignored.
    public func dossiers(search: String? = nil) throws -> [StoredDossier] {
        var conditions: [String] = []
        var prefixes: [String] = []
        for word in PostgresCore.words(search ?? "") {
            if word.contains(where: \.isNumber) {
                conditions.append(PostgresCore.codeCondition(word))
            } else {
                // A folded word may hold a space (fold is per text): each part is a word start.
                for part in VietText.fold(word).split(separator: " ") {
                    let folded = String(part)
                    // The index keeps prefixes of up to 24 letters; a longer word is also checked whole.
                    prefixes.append(String(folded.prefix(24)))
                    if folded.count > 24 {
                        let pattern = folded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                            .replacingOccurrences(of: "_", with: "\\_")
                        conditions.append("names_folded LIKE \(PSQL.literal("% " + pattern + "%"))")
                    }
                }
            }
        }
        if !prefixes.isEmpty {
            conditions.append("name_prefixes @> ARRAY[\(prefixes.map(PSQL.literal).joined(separator: ", "))]::text[]")
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // A code's few matches are found through its indexes first (OFFSET 0 keeps the
        // planner from walking the delivery-time index backwards for the newest, which read
        // all 1,000,000 rows for an ID number's prefix held by 4: 1.8 s), then ordered.
        let hasCode = PostgresCore.words(search ?? "").contains { $0.contains(where: \.isNumber) }
        let table = hasCode ? "(SELECT * FROM motcua.dossiers\(whereClause) OFFSET 0) AS found" : "motcua.dossiers"
        let filter = table == "motcua.dossiers" ? whereClause : ""
        return try session.rows("SELECT \(PostgresCore.summaryColumns) FROM \(table)\(filter) ORDER BY delivered_at DESC LIMIT \(limit)")
            .map(PostgresCore.summary)
    }

    /// The dossier with its exact bytes (checked against their hash) and delivery time;
    /// by receipt code, the latest version of its chain; with the versions either side.
    public func details(_ idOrReceipt: String) throws -> DossierDetails? {
        guard let (dossier, delivered) = try stored(where: PostgresCore.keyCondition(idOrReceipt), name: idOrReceipt) else { return nil }
        let predecessor = try dossier.link.flatMap { try stored(where: PostgresCore.keyCondition($0.supersedes), name: $0.supersedes)?.0 }
        let successor = try stored(where: "supersedes = \(PSQL.literal(dossier.id))::uuid", name: "the version after \(dossier.id)")?.0
        return DossierDetails(dossier: dossier, state: .delivered, attempts: 0, lastError: nil, nextRetry: nil,
                              deliveredAt: delivered, history: [], predecessor: predecessor, successor: successor)
    }

    /// The highest version matching `condition`, its bytes checked against their hash.
    private func stored(where condition: String, name: String) throws -> (Dossier, Timestamp)? {
        guard let row = try session.rows("""
            SELECT encode(content_bytes, 'hex') AS hex, content_sha256, (extract(epoch FROM delivered_at) * 1000)::bigint AS delivered_ms
            FROM motcua.dossiers WHERE \(condition) ORDER BY version DESC LIMIT 1
            """).first else { return nil }
        guard let hex = row["hex"]?.stringValue, let bytes = Hex.bytes(hex),
              SHA256.hash(bytes).hex == row["content_sha256"]?.stringValue else {
            throw StoreError.badDataDirectory("the shared core store's copy of \(name) does not match its content hash")
        }
        return (try Dossier(bytes: bytes), Timestamp(milliseconds: Int64(row["delivered_ms"]?.intValue ?? 0)))
    }

    /// The exact bytes of the form copy with this SHA-256 (hex), checked against it; nil when absent.
    public func formCopy(_ sha256: String) throws -> [UInt8]? {
        let key = sha256.lowercased()
        guard key.count == 64, key.allSatisfy(\.isHexDigit) else { return nil }
        guard let row = try session.rows("SELECT encode(content_bytes, 'hex') AS hex FROM motcua.forms WHERE sha256 = \(PSQL.literal(key))").first else { return nil }
        guard let hex = row["hex"]?.stringValue, let bytes = Hex.bytes(hex), SHA256.hash(bytes).hex == key else {
            throw StoreError.badDataDirectory("the shared core store's form copy \(key) does not match its hash")
        }
        return bytes
    }

    public struct Verification: Sendable {
        public var dossiers = 0
        public var forms = 0
        public var schemaVersion = 0
        public var problems: [String] = []
        public var isOK: Bool { problems.isEmpty }
    }

    /// Recomputes every stored content hash (dossiers and forms) in the
    /// server, checks the jsonb copy equals the exact bytes, and the schema version.
    public func verify() throws -> Verification {
        var v = Verification()
        v.schemaVersion = try session.rows("SELECT coalesce(max(version), 0) AS v FROM motcua.schema_version").first?["v"]?.intValue ?? 0
        if v.schemaVersion != PostgresSchema.version {
            v.problems.append("schema version \(v.schemaVersion), this build expects \(PostgresSchema.version) (run motcua core init --to URL)")
        }
        v.dossiers = try session.rows("SELECT count(*) AS n FROM motcua.dossiers").first?["n"]?.intValue ?? 0
        v.forms = try session.rows("SELECT count(*) AS n FROM motcua.forms").first?["n"]?.intValue ?? 0
        let bad = try session.rows("""
            SELECT id::text AS id, receipt_code,
                encode(sha256(content_bytes), 'hex') <> content_sha256 AS hash_bad,
                content <> convert_from(content_bytes, 'UTF8')::jsonb AS json_bad
            FROM motcua.dossiers
            WHERE encode(sha256(content_bytes), 'hex') <> content_sha256 OR content <> convert_from(content_bytes, 'UTF8')::jsonb
            LIMIT 1000
            """)
        for r in bad {
            let what = r["hash_bad"]?.boolValue == true ? "does not match its content hash" : "its jsonb copy differs from its exact bytes"
            v.problems.append("dossier \(r["id"]?.stringValue ?? "?") (receipt \(r["receipt_code"]?.stringValue ?? "?")) \(what)")
        }
        for r in try session.rows("SELECT sha256 FROM motcua.forms WHERE encode(sha256(content_bytes), 'hex') <> sha256 LIMIT 1000") {
            v.problems.append("form copy \(r["sha256"]?.stringValue ?? "?") does not match its hash")
        }
        return v
    }

    static func keyCondition(_ key: String) -> String {
        let k = key.trimmingCharacters(in: .whitespaces)
        if PostgresDestination.isUUID(k.lowercased()) { return "id = \(PSQL.literal(k.lowercased()))::uuid" }
        return "receipt_code = \(PSQL.literal(k.uppercased()))"
    }

    /// Query words: controls dropped (one gate for typed text), at most 16 words of 64 characters.
    static func words(_ text: String) -> [String] {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f && $0.value != 0 }))
        return clean.split(whereSeparator: { $0.isWhitespace }).prefix(16).map { String($0.prefix(64)) }
    }

    static func summary(_ r: JSONObject) -> StoredDossier {
        func s(_ k: String) -> String { r[k]?.stringValue ?? "" }
        let delivered = Timestamp(milliseconds: Int64(r["delivered_ms"]?.intValue ?? 0))
        // The table has no submission time column: the dossier's own (its jsonb copy), else its delivery time.
        let submitted = r["submitted_ms"]?.intValue.map { Timestamp(milliseconds: Int64($0)) } ?? delivered
        return StoredDossier(id: s("id"), receipt: s("receipt_code"), formID: s("form_id"), formVersion: s("form_version"),
                             deliveredAt: delivered, names: s("name").isEmpty ? [] : [s("name")],
                             personalIDs: s("national_id").isEmpty ? [] : [s("national_id")],
                             phones: s("phone").isEmpty ? [] : [s("phone")], submittedAt: submitted,
                             supersedes: s("supersedes").isEmpty ? nil : s("supersedes"))
    }
}
