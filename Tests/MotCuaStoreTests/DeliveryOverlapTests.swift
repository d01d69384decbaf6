import Foundation
import Synchronization
import Testing
@testable import MotCuaStore

/// Batches of an overlapping destination (PostgreSQL) are sent while the
/// queue prepares the next one; each batch's outcomes are still its own.
@Suite struct DeliveryOverlapTests {
    /// Answers by the applicant's name; while sending call k it watches the
    /// queue (through a store of its own) for the next batch being marked
    /// `delivering`, which only happens when batches overlap.
    final class WatchingDestination: OverlappingDeliveryDestination {
        let label = "watching test destination"
        let directory: String
        let total: Int
        let batch: Int
        let stopAt: Int?
        /// Per call: its dossiers' names, and whether the next batch was seen prepared meanwhile.
        let calls = Mutex<[(names: [String], overlapped: Bool)]>([])

        init(directory: String, total: Int, batch: Int, stopAt: Int? = nil) {
            self.directory = directory
            self.total = total
            self.batch = batch
            self.stopAt = stopAt
        }

        var preferredBatchSize: Int? { batch }

        func deliver(_ dossiers: [OutgoingDossier]) throws -> [DestinationOutcome] {
            let k = calls.withLock { $0.count }
            // With overlap, the queue holds only what neither this batch nor the next took.
            let stillQueued = max(0, total - (k + 2) * batch)
            var overlapped = false
            if let watcher = try? DossierStore.test(directory) {
                let deadline = Date().addingTimeInterval(10)
                while !overlapped, Date() < deadline {
                    overlapped = (try? watcher.queueSummary().counts[.queued, default: 0]) == stillQueued
                    if !overlapped { usleep(5_000) }
                }
            }
            let names = dossiers.map { $0.names.first ?? "" }
            calls.withLock { $0.append((names, overlapped)) }
            if k == stopAt { throw DestinationError.stop("authentication failed") }
            return names.map { name in
                if name.hasPrefix("Xung") { return .conflict("another dossier holds its receipt code") }
                if name.hasPrefix("Từ") { return .rejected("not ours") }
                if name.hasPrefix("Chờ") { return .unavailable("busy", retryAfter: 30) }
                return .stored
            }
        }
    }

    static let names = ["Nguyễn Văn An", "Xung Đột Một", "Trần Thị Bình", "Từ Chối Hai", "Lê Văn Cường",
                        "Chờ Đợi Ba", "Phạm Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"]

    @Test func eachBatchIsSentWhileTheNextIsPreparedAndKeepsItsOwnOutcomes() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let ids = try Self.names.map { try store.submitOK(["name": .string($0)]).id }
        let destination = WatchingDestination(directory: dir.path, total: ids.count, batch: 2)
        let report = try store.deliver(operatorID: "op", now: testMorning, to: destination)

        let calls = destination.calls.withLock { $0 }
        let expected = [[0, 1], [2, 3], [4, 5], [6, 7], [8]].map { $0.map { Self.names[$0] } }
        #expect(calls.map { $0.names } == expected, "in queue order, each once")
        let overlapped = calls.dropLast().map { $0.overlapped }
        #expect(overlapped == [true, true, true, true], "the next batch was marked delivering while each was sent")
        #expect(Set(report.delivered) == Set([0, 2, 4, 6, 7, 8].map { ids[$0] }))
        #expect(report.setAside.map(\.id) == [ids[1], ids[3]])
        #expect(report.setAside.map(\.reason) == ["conflict: another dossier holds its receipt code", "rejected: not ours"])
        #expect(report.failed.map(\.id) == [ids[5]])
        let items = try store.queueSummary().items
        let pending = items.filter { $0.state == .delivering || $0.state == .queued }
        #expect(pending.isEmpty)
        #expect(try store.details(ids[4])?.history.map(\.event) == ["submit", "delivering", "delivered"])
        #expect(try store.verify().problems == [])
    }

    /// "Stop" (authentication failed) after the first batch: the second,
    /// already marked `delivering` but never sent, fails with the same
    /// reason; nothing is left `delivering`, the rest stays queued.
    @Test func aStopAlsoFailsThePreparedBatchThatWasNeverSent() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let ids = try Self.names.prefix(5).map { try store.submitOK(["name": .string($0)]).id }
        let destination = WatchingDestination(directory: dir.path, total: ids.count, batch: 2, stopAt: 0)
        #expect(throws: DestinationError.self) { try store.deliver(operatorID: "op", now: testMorning, to: destination) }
        #expect(destination.calls.withLock { $0.count } == 1, "no batch is sent after a stop")
        let items = Dictionary(uniqueKeysWithValues: try store.queueSummary().items.map { ($0.id, $0) })
        let firstFour = ids.prefix(4).map { items[$0] }
        #expect(firstFour.map { $0?.state } == Array(repeating: .failed, count: 4))
        #expect(firstFour.filter { $0?.lastError?.contains("authentication failed") == true }.count == 4)
        #expect(items[ids[4]]?.state == .queued)
    }
}
