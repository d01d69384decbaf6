/// A returning citizen's ID number, phone or receipt code found in the shared core from
/// its first characters (issue 16: the desk searches keystroke by keystroke), as this
/// desk's own store finds them.
extension PostgresSchema {
    /// Fewest characters of a code (a word holding a digit) matched as a prefix; shorter
    /// ones match only whole (a prefix of one or two digits names most of the table).
    static let codePrefixMinimum = 3

    /// Indexes, not schema (no version step, so steps other branches add stay in order),
    /// created by each `core init` when missing: the applicant's ID number, phone and the
    /// receipt code in `text_pattern_ops`, which answers `LIKE 'prefix%'` as a range of the
    /// index whatever the database's collation. The first two replace the default btree
    /// indexes of schema 1, which answered only `=` (a pattern index answers `=` too), so
    /// a delivered row keeps up one index more than before (the receipt code's), not three.
    static let codePrefixIndexes = """
        CREATE INDEX IF NOT EXISTS dossiers_national_id_prefix ON motcua.dossiers (national_id text_pattern_ops);
        CREATE INDEX IF NOT EXISTS dossiers_phone_prefix ON motcua.dossiers (phone text_pattern_ops);
        CREATE INDEX IF NOT EXISTS dossiers_receipt_code_prefix ON motcua.dossiers (receipt_code text_pattern_ops);
        DROP INDEX IF EXISTS motcua.dossiers_national_id;
        DROP INDEX IF EXISTS motcua.dossiers_phone;

        """
}

extension PostgresCore {
    /// The condition for a typed word holding a digit: the receipt code, an ID number or a
    /// phone, whole; the receipt code, the applicant's ID number and phone also by their
    /// start from `codePrefixMinimum` characters (the other people's ID numbers and phones,
    /// kept in arrays, only whole).
    static func codeCondition(_ word: String) -> String {
        let w = PSQL.literal(word), up = PSQL.literal(word.uppercased())
        guard word.count >= PostgresSchema.codePrefixMinimum else {
            return "(receipt_code = \(up) OR national_id = \(w) OR person_ids @> ARRAY[\(w)] OR phone = \(w) OR phones @> ARRAY[\(w)])"
        }
        func start(_ s: String) -> String {
            PSQL.literal(s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%")
        }
        // A receipt code's start names its desk ("HD01-", every dossier of it) until its date
        // is typed: matched as a prefix from 8 characters (100,000 rows for "bk0": 0.5 s).
        let receipt = word.count >= 8 ? "receipt_code LIKE \(start(word.uppercased()))" : "receipt_code = \(up)"
        return "(\(receipt) OR national_id LIKE \(start(word)) OR person_ids @> ARRAY[\(w)]"
            + " OR phone LIKE \(start(word)) OR phones @> ARRAY[\(w)])"
    }
}
