import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

/// Issue 16: a desk searching the shared core keystroke by keystroke finds a citizen from
/// the first three characters of an ID number, a phone or a receipt code, through
/// indexes `core init` makes (against a real PostgreSQL started here).
@Suite(.serialized) struct PostgresCodePrefixTests {
    static func dossier(_ n: Int, id: String, phone: String, form: [UInt8]) -> OutgoingDossier {
        let bytes = Array("{\"n\": \(n)}".utf8)
        return OutgoingDossier(id: String(format: "00000000-0000-4000-8000-%012d", n), receipt: "PC01-261127-\(1000 + n)", formID: "f",
                               formVersion: "1", formHash: SHA256.hash(form), contentHash: SHA256.hash(bytes), body: bytes,
                               names: ["Nguyễn Văn An"], personalIDs: [id, "0799\(n)"], phones: [phone], kioskID: "PC01",
                               operatorID: "op", submittedAt: Timestamp(milliseconds: 1_795_748_400_000), procedureCode: nil, form: form)
    }

    @Test func idsPhonesAndReceiptCodesMatchFromThreeCharacters() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        _ = try PostgresSchema.initialize(url: pg.url)  // idempotent: nothing to do the second time
        let form = Array("{\"id\": \"f\", \"version\": \"1\"}".utf8)
        let batch = [Self.dossier(1, id: "001200000001", phone: "0912345678", form: form),
                     Self.dossier(2, id: "001299999992", phone: "0987654321", form: form),
                     Self.dossier(3, id: "079100000003", phone: "0912000000", form: form)]
        #expect(try PostgresDestination(url: pg.url).deliver(batch) == Array(repeating: .stored, count: 3))
        let core = try PostgresCore(url: pg.url)
        defer { core.session.close() }
        func found(_ q: String) throws -> [String] { try core.dossiers(search: q).map(\.receipt).sorted() }
        #expect(try found("0012") == ["PC01-261127-1001", "PC01-261127-1002"])
        #expect(try found("001") == ["PC01-261127-1001", "PC01-261127-1002"])
        #expect(try found("00") == [])  // two characters: whole codes only
        #expect(try found("001200000001") == ["PC01-261127-1001"])
        #expect(try found("0912") == ["PC01-261127-1001", "PC01-261127-1003"])
        #expect(try found("091234") == ["PC01-261127-1001"])
        #expect(try found("pc01-261127-100") == ["PC01-261127-1001", "PC01-261127-1002", "PC01-261127-1003"])
        #expect(try found("pc01-261127-1003") == ["PC01-261127-1003"])
        #expect(try found("pc01") == [] && found("pc01-26") == [])  // a desk's prefix: from its date on
        #expect(try found("pc01-261") == ["PC01-261127-1001", "PC01-261127-1002", "PC01-261127-1003"])
        #expect(try found("an 0791") == ["PC01-261127-1003"])
        // The others' ID numbers (an array) match whole only; LIKE's wildcards typed are plain characters.
        #expect(try found("07993") == ["PC01-261127-1003"])
        #expect(try found("0799") == [])
        #expect(try found("00_2") == [] && found("0%2") == [] && found("0\\12") == [])

        // The prefix and the whole-code lookups are ranges of the pattern indexes (the
        // default btree indexes they replace are gone).
        let indexes = try pg.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'motcua' AND indexname LIKE 'dossiers\\_%' ORDER BY 1").map { $0[0] }
        #expect(indexes.contains("dossiers_national_id_prefix") && indexes.contains("dossiers_phone_prefix") && indexes.contains("dossiers_receipt_code_prefix"))
        #expect(!indexes.contains("dossiers_national_id") && !indexes.contains("dossiers_phone"))
        func plan(_ condition: String) throws -> String {
            try pg.query("SET enable_seqscan = off; EXPLAIN SELECT id FROM motcua.dossiers WHERE \(condition)").map { $0.joined() }.joined(separator: "\n")
        }
        #expect(try plan("national_id LIKE '0012%'").contains("dossiers_national_id_prefix"))
        #expect(try plan("national_id = '001200000001'").contains("dossiers_national_id_prefix"))
        #expect(try plan("phone LIKE '0912%'").contains("dossiers_phone_prefix"))
        #expect(try plan("receipt_code LIKE 'PC01-2611%'").contains("dossiers_receipt_code_prefix"))
    }
}
