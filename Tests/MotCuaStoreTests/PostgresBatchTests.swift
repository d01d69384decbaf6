import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

/// A delivery batch's wire format against a real PostgreSQL (started here):
/// the content travels as COPY text and the name prefixes are computed on
/// this side, so both must arrive exactly as the server would have made them.
@Suite(.serialized) struct PostgresBatchTests {
    /// Names that make the two sides disagree if either cuts differently:
    /// repeated and leading spaces, a word past 24 letters, code points of 2,
    /// 3 and 4 bytes, a combining mark right after a space, quotes, backslashes.
    static let awkward = [
        "", " ", " nguyen van an", "  tran   thi  thuy ", "a", "aa aa a",
        " abcdefghijklmnopqrstuvwxyz0123 ngo", " e\u{301}e\u{301}\u{301}x \u{301}y", " ß ǆ 𝕏yz 𝕏y",
        " o'neil \"q\" back\\slash {a,b} null", String(repeating: "đ", count: 30),
        // Words sharing their start, down to a code point's lead byte (đ, ě: C4 91, C4 9B).
        " ab abc abd a ab", " đa đb đ ěa", " " + String(repeating: "x", count: 30) + " " + String(repeating: "x", count: 26) + "y",
    ]

    @Test func namePrefixesAreWhatTheSQLFunctionMakes() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        // The storage setting `core init` applies (Debian's server has lz4).
        let compression = try pg.query("SELECT attname, attcompression FROM pg_attribute WHERE attrelid = 'motcua.dossiers'::regclass AND attname IN ('content', 'content_bytes') ORDER BY 1")
        #expect(compression == [["content", "l"], ["content_bytes", "l"]])
        for folded in Self.awkward {
            // Hex: the prefixes may hold anything psql's plain output would mangle.
            let rows = try pg.query("SELECT encode(convert_to(p, 'UTF8'), 'hex') FROM unnest(motcua.name_prefixes(\(PSQL.literal(folded)))) p")
            let server = rows.map { String(decoding: Hex.bytes($0[0]) ?? [], as: UTF8.self) }
            let ours = PostgresSchema.namePrefixes(folded)
            #expect(ours.count == Set(ours.map { Array($0.utf8) }).count, "each prefix once: \(folded)")
            #expect(Set(ours.map { Array($0.utf8) }) == Set(server.map { Array($0.utf8) }), "\(folded): ours \(ours), server \(server)")
        }
    }

    static func dossier(_ n: Int, body: String, names: [String], form: [UInt8]) -> OutgoingDossier {
        let bytes = Array(body.utf8)
        return OutgoingDossier(id: String(format: "00000000-0000-4000-8000-%012d", n), receipt: "PB01-261127-\(n)", formID: "f",
                               formVersion: "1", formHash: SHA256.hash(form), contentHash: SHA256.hash(bytes), body: bytes,
                               names: names, personalIDs: ["0012\(n)"], phones: [], kioskID: "PB01", operatorID: "op",
                               submittedAt: Timestamp(milliseconds: 1_795_748_400_000), procedureCode: nil, form: form)
    }

    @Test func exactBytesAndPrefixesArriveAsTheServerWouldMakeThem() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        let form = Array("{\"id\": \"f\",\n\t\"version\": \"1\"}".utf8)
        // JSON white space COPY must escape (tab, newline, CR), escapes that
        // hold backslashes, NFD and 4-byte characters: every byte must survive.
        let bodies = [
            "{\"name\":\"Nguyễn Văn \\\"An\\\"\",\r\n\t\"note\":\"a\\tb\\\\c\\u00e9\\n\"}",
            "{ \"x\" : \"Tra\u{300}n 𝕏 \\\\N\" ,\n\"y\":[1,2.50,\"\\\\.\"]}\n",
            "{\"z\":\"\\\\\\\\x41\"}",
        ]
        let batch = bodies.enumerated().map { Self.dossier($0.offset, body: $0.element, names: ["Nguyễn Thị  Thuỳ", "Trần \\ Ô'Neil"], form: form) }
        let outcomes = try PostgresDestination(url: pg.url).deliver(batch)
        #expect(outcomes == Array(repeating: .stored, count: batch.count))
        let rows = try pg.query("""
            SELECT receipt_code, encode(sha256(content_bytes), 'hex') = content_sha256, content = convert_from(content_bytes, 'UTF8')::jsonb,
                ARRAY(SELECT unnest(name_prefixes) ORDER BY 1) = motcua.name_prefixes(names_folded), cardinality(name_prefixes) > 10
            FROM motcua.dossiers ORDER BY receipt_code
            """)
        #expect(rows == batch.map { [$0.receipt, "t", "t", "t", "t"] }, "\(rows)")
        let stored = try pg.query("SELECT content_sha256 FROM motcua.dossiers ORDER BY receipt_code").map { $0[0] }
        #expect(stored == batch.map(\.contentHash.hex))
        // Again: already stored, same content.
        #expect(try PostgresDestination(url: pg.url).deliver(batch) == Array(repeating: .alreadyStored, count: batch.count))
    }

    /// ID numbers and phones travel as `text[]` literals inside COPY text:
    /// quotes, backslashes, commas, braces, spaces, the word NULL, a COPY
    /// escape and control characters must all arrive as they were.
    @Test func idsAndPhonesArriveAsTheyWere() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        let ids = ["a\"b", "c\\d", "{x,y}", " sp ", "NULL", "tab\there\nline", "Đ 𝕏", "", "\\N", "\\\""]
        let phones = ["09 12,34", "NULL"]
        var d = Self.dossier(1, body: "{}", names: [], form: Array("{}".utf8))
        d.personalIDs = ids
        d.phones = phones
        var plain = Self.dossier(2, body: "{}", names: [], form: Array("{}".utf8))
        plain.personalIDs = []
        #expect(try PostgresDestination(url: pg.url).deliver([d, plain]) == [.stored, .stored])
        func elements(_ column: String, _ n: Int) throws -> [[String]] {
            try pg.query("""
                SELECT e IS NULL, encode(convert_to(e, 'UTF8'), 'hex') FROM motcua.dossiers, unnest(\(column)) WITH ORDINALITY u(e, k)
                WHERE receipt_code = 'PB01-261127-\(n)' ORDER BY k
                """)
        }
        let hex = { (s: String) in s.utf8.map { String(format: "%02x", $0) }.joined() }
        #expect(try elements("person_ids", 1) == ids.map { ["f", hex($0)] })
        #expect(try elements("phones", 1) == phones.map { ["f", hex($0)] })
        #expect(try pg.query("SELECT national_id IS NULL, cardinality(person_ids), cardinality(phones) FROM motcua.dossiers WHERE receipt_code = 'PB01-261127-2'") == [["t", "0", "0"]])
    }

    @Test func contentThatIsNotUTF8IsRefusedBeforeSending() {
        var d = Self.dossier(1, body: "{}", names: [], form: Array("{}".utf8))
        #expect(PostgresDestination.refusal(d) == nil)
        d.body = [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]
        #expect(PostgresDestination.refusal(d)?.contains("not valid UTF-8") == true)
    }
}
