import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

@Suite struct IntegrityTests {
    /// A store with two delivered dossiers and one queued.
    func populated(_ dir: TempDir) throws -> DossierStore {
        let store = try DossierStore.test(dir.path)
        _ = try store.submitOK(["name": "Nguyễn Văn An", "cccd": "001203004567"], at: testMorning)
        _ = try store.submitOK(["name": "Trần Thị Bình"], at: testMorning)
        _ = try store.deliver(operatorID: "op", now: testMorning)
        _ = try store.submitOK(["name": "Lê Văn Cường"], at: testMorning)
        return store
    }

    @Test func theAuditTrailHoldsEveryChangeAndNoPersonalData() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try populated(dir)
        let report = try store.verify()
        #expect(report.problems == [])
        #expect(report.auditEntries == report.journalRecords)
        #expect(report.auditEntries == 3 + 2 + 2)
        let text = String(decoding: try #require(try FileIO.readFile(dir.sub("audit.log"))), as: UTF8.self)
        for secret in ["Nguyễn", "Văn", "001203004567", "Bình", "Cường"] { #expect(!text.contains(secret), "\(secret) leaked into the audit log") }
        for event in ["\"event\":\"submit\"", "\"event\":\"delivering\"", "\"event\":\"delivered\"", "\"operator\":\"op1\"", "\"kiosk\":\"HD01\""] {
            #expect(text.contains(event))
        }
    }

    /// Changing one audit entry and recomputing its frame checksum (so the
    /// file still reads cleanly) breaks the chain at the next entry.
    @Test func tamperingWithTheAuditTrailShows() throws {
        let dir = TempDir()
        defer { dir.remove() }
        _ = try populated(dir)
        let path = dir.sub("audit.log")
        let bytes = try #require(try FileIO.readFile(path))
        var out: [UInt8] = []
        var done = false
        _ = bytes.withUnsafeBytes { buf in
            Frame.scan(buf, base: 0) { v in
                var p = String(decoding: v.payload, as: UTF8.self)
                if !done, p.contains("\"event\":\"delivered\"") {
                    p = p.replacingOccurrences(of: "\"operator\":\"op\"", with: "\"operator\":\"mallory\"")
                    done = true
                }
                _ = Frame.encode(Array(p.utf8), into: &out)
            }
        }
        let changed = out != bytes
        #expect(changed)
        try FileIO.writeAtomically(path, bytes: out)
        try? FileManager.default.removeItem(atPath: dir.sub("queue.snapshot"))
        let problems = try DossierStore.test(dir.path).verify().problems
        #expect(problems.contains { $0.contains("chain is broken") }, "\(problems)")
        #expect(problems.contains { $0.contains("does not match journal record") }, "\(problems)")
    }

    @Test func aFlippedByteAnywhereInTheStoreLogFailsVerify() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try populated(dir)
        let path = dir.sub("store.log")
        let original = try #require(try FileIO.readFile(path))
        let end = Int(try store.loadedCore().log.end)
        // In the middle of the records, and in the last byte of the last record.
        for at in [end / 2, end - 1] {
            var bytes = original
            bytes[at] ^= 0x04
            try FileIO.writeAtomically(path, bytes: bytes)
            try? FileManager.default.removeItem(atPath: dir.sub("store.index"))
            let problems = try DossierStore.test(dir.path).verify().problems
            #expect(problems.contains { $0.contains("store.log: damaged") }, "byte \(at): \(problems)")
        }
    }

    /// An interrupted append at the end of each log (the state a kill leaves)
    /// is cut off when the store opens; nothing acknowledged is lost, verify passes.
    @Test(arguments: ["queue.log", "store.log", "audit.log"])
    func tornTailsAreRepairedOnOpen(file: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try populated(dir)
        let before = try store.queueSummary().items.map(\.id)
        var partial: [UInt8] = []
        _ = Frame.encode(Array("{\"k\":\"submit\",\"seq\":99}\n{\"answers\":{}}".utf8), into: &partial)
        let handle = try #require(FileHandle(forWritingAtPath: dir.sub(file)))
        handle.seekToEndOfFile()
        handle.write(Data(partial.prefix(partial.count - 5)))
        handle.closeFile()
        let reopened = try DossierStore.test(dir.path)
        #expect(try reopened.queueSummary().items.map(\.id) == before)
        let report = try reopened.verify()
        #expect(report.problems == [])
        #expect(report.repairs.contains { $0.contains("interrupted write") }, "\(report.repairs)")
        #expect(try reopened.storedDossiers().count == 2)
    }

    /// Index and queue snapshots are derived data: damaged, stale or missing,
    /// they are rebuilt from the logs and answers stay the same.
    @Test func snapshotsAreRebuiltWhenDamagedOrMissing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try populated(dir)
        try store.writeSnapshot()
        try store.core.writeSnapshot()
        _ = try store.submitOK(["name": "Phan Thị Dung"], at: testMorning)
        _ = try store.deliver(operatorID: "op", now: testMorning)
        let expected = try store.storedDossiers(search: "dung").map(\.id)
        #expect(expected.count == 1)

        // Tail replay after an intact snapshot.
        #expect(try DossierStore.test(dir.path).storedDossiers(search: "dung").map(\.id) == expected)
        // Damaged snapshots.
        for name in ["store.index", "queue.snapshot"] {
            var bytes = try #require(try FileIO.readFile(dir.sub(name)))
            bytes[bytes.count / 2] ^= 0xFF
            try FileIO.writeAtomically(dir.sub(name), bytes: bytes)
        }
        let damaged = try DossierStore.test(dir.path)
        #expect(try damaged.storedDossiers(search: "dung").map(\.id) == expected)
        #expect(try damaged.queueSummary().items.count == 4)
        #expect(damaged.repairs.contains { $0.contains("store index") })
        #expect(damaged.repairs.contains { $0.contains("queue snapshot") })
        // Missing snapshots.
        try FileManager.default.removeItem(atPath: dir.sub("store.index"))
        try FileManager.default.removeItem(atPath: dir.sub("queue.snapshot"))
        let bare = try DossierStore.test(dir.path)
        #expect(try bare.storedDossiers(search: "dung").map(\.id) == expected)
        #expect(try bare.storedDossiers(personalID: "001203004567").count == 1)
        #expect(try bare.verify().problems == [])
    }

    @Test func permissionsAreOwnerOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let data = dir.sub("deep/data")
        let store = try DossierStore.test(data)
        _ = try store.submitOK(["name": "Tạ Văn Đức"])
        _ = try store.deliver(operatorID: "op")
        try store.writeSnapshot()
        try store.core.writeSnapshot()
        _ = try store.exportBundle(to: dir.sub("bundle"), operatorID: "op")
        var checked = 0
        for name in FileManager.default.enumerator(atPath: data)!.compactMap({ $0 as? String }) + [""] {
            let attrs = try FileManager.default.attributesOfItem(atPath: data + "/" + name)
            let mode = (attrs[.posixPermissions] as? NSNumber)?.intValue
            let isDir = attrs[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isDir ? 0o700 : 0o600), "\(name): \(String(mode ?? 0, radix: 8))")
            checked += 1
        }
        #expect(checked >= 9)
        let bundleMode = try FileManager.default.attributesOfItem(atPath: dir.sub("bundle"))[.posixPermissions] as? NSNumber
        #expect(bundleMode?.intValue == 0o600)
        // A data directory made by hand with 0755 is tightened on open.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: data)
        _ = try DossierStore.test(data)
        #expect((try FileManager.default.attributesOfItem(atPath: data)[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    /// Two store objects in two threads (each with its own lock description,
    /// as two processes would have) submitting and delivering at once.
    @Test func twoWritersAtOnceLoseAndDuplicateNothing() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.path
        _ = try DossierStore.test(path)
        let ids = try await withThrowingTaskGroup(of: [String].self) { group in
            for w in 0..<2 {
                group.addTask {
                    let store = try DossierStore.test(path)
                    var mine: [String] = []
                    for i in 0..<40 {
                        mine.append(try store.submitOK(["name": .string("Người \(w)-\(i)")]).id)
                        if i % 7 == 0 { _ = try store.deliver(operatorID: "w\(w)") }
                    }
                    return mine
                }
            }
            var all: [String] = []
            for try await part in group { all += part }
            return all
        }
        let store = try DossierStore.test(path)
        _ = try store.deliver(operatorID: "final")
        let items = try store.queueSummary().items
        #expect(items.count == 80)
        #expect(Set(items.map(\.id)) == Set(ids))
        #expect(Set(items.map(\.receipt)).count == 80, "receipt sequence taken under the lock")
        #expect(items.allSatisfy { $0.state == .delivered })
        #expect(try store.storedDossiers().count == 80)
        #expect(try store.verify().problems == [])
    }
}
