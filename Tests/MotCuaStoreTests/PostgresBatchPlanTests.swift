import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

/// How the server runs a delivery batch (issue 15's speed), asked of a real
/// PostgreSQL started here: the batch table's rows are not compressed, and a
/// batch is neither JIT-compiled nor sorted through a temporary file, on a
/// server set to do both whenever it may.
@Suite(.serialized) struct PostgresBatchPlanTests {
    /// ~2.9 KB of compressible JSON: past TOAST's ~2 KB threshold.
    static let body = "{\"note\":\"" + String(repeating: "Nguyễn Văn An ", count: 180) + "\"}"

    @Test func theBatchTableKeepsItsRowsUncompressedAndTheCoreStoresLZ4() throws {
        let pg = try PostgresServer()
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        let d = PostgresBatchTests.dossier(1, body: Self.body, names: ["Nguyễn Văn An"], form: Array("{}".utf8))
        var script = Array(PostgresDestination.head.utf8)
        PostgresDestination.copyRow(d, ordinal: 0, into: &script)
        script += Array("\\.\nSELECT coalesce(pg_column_compression(content), 'none'), octet_length(content) FROM pg_temp.motcua_in;\nROLLBACK;\n".utf8)
        let temp = String(decoding: try PSQL.run(pg.url, script: script), as: UTF8.self)
        #expect(temp == "none\t\(Self.body.utf8.count)\n")

        #expect(try PostgresDestination(url: pg.url).deliver([d]) == [.stored])
        let core = try pg.query("SELECT pg_column_compression(content), pg_column_compression(content_bytes) FROM motcua.dossiers")
        #expect(core == [["lz4", "lz4"]])
    }

    @Test func aBatchIsNotCompiledNorSortedOnDisk() throws {
        // auto_explain logs every plan as it ran; JIT for every query; a tiny work_mem.
        let pg = try PostgresServer(settings: ["shared_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 0",
                                               "auto_explain.log_analyze = on", "jit_above_cost = 0", "work_mem = '64kB'"])
        defer { pg.stop() }
        _ = try PostgresSchema.initialize(url: pg.url)
        let log = pg.folder + "/server.log"
        func logSince(_ offset: Int) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)).dropFirst(offset), as: UTF8.self)
        }
        let start = try Data(contentsOf: URL(fileURLWithPath: log)).count
        // 200 dossiers of ~2.9 KB: the INSERT's sort holds ~1 MB.
        let batch = (0..<200).map { PostgresBatchTests.dossier($0, body: Self.body, names: ["Trần Thị Thuỳ"], form: Array("{}".utf8)) }
        #expect(try PostgresDestination(url: pg.url).deliver(batch) == Array(repeating: .stored, count: batch.count))
        let batchLog = try logSince(start)
        #expect(batchLog.contains("Insert on dossiers"), "auto_explain logged the batch")
        #expect(batchLog.contains("Sort Method"), "the batch's sort was logged")
        #expect(!batchLog.contains("JIT:"), "a batch is not JIT-compiled")
        #expect(!batchLog.contains("external merge"), "a batch is sorted in memory")

        // The control: this server does compile other queries, and spills a large sort.
        let later = try Data(contentsOf: URL(fileURLWithPath: log)).count
        _ = try pg.query("SELECT count(*) FROM (SELECT g FROM generate_series(1, 100000) g ORDER BY md5(g::text)) s")
        let controlLog = try logSince(later)
        #expect(controlLog.contains("JIT:"))
        #expect(controlLog.contains("external merge"))
    }
}
