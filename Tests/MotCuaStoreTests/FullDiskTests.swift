import Foundation
import Synchronization
import Testing
@testable import MotCuaStore

/// A disk that fills up under one directory: writes there fail with ENOSPC
/// (after writing nothing) while `full` is set; everything else goes to the
/// system. The twin, for any user, of the test that mounts a small tmpfs
/// (DeliveryTests.failuresBackOffThenSetAside, root only).
final class FullDisk: FileLayer {
    let under: String
    private let state = Mutex((full: false, open: [Int32: Bool]()))

    init(under: String) { self.under = under }

    func fill() { state.withLock { $0.full = true } }
    func free() { state.withLock { $0.full = false } }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        let fd = SystemFiles().open(path, flags, mode)
        if fd >= 0 { state.withLock { $0.open[fd] = path.hasPrefix(under + "/") } }
        return fd
    }
    func close(_ fd: Int32) {
        state.withLock { _ = $0.open.removeValue(forKey: fd) }
        SystemFiles().close(fd)
    }
    func pwrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: off_t) -> Int {
        if state.withLock({ $0.full && $0.open[fd] == true }) { errno = ENOSPC; return -1 }
        return SystemFiles().pwrite(fd, buffer, count, offset)
    }
    func fsync(_ fd: Int32) -> Int32 { SystemFiles().fsync(fd) }
    func fdatasync(_ fd: Int32) -> Int32 { SystemFiles().fdatasync(fd) }
    func ftruncate(_ fd: Int32, _ length: off_t) -> Int32 { SystemFiles().ftruncate(fd, length) }
    func rename(_ from: String, _ to: String) -> Int32 { SystemFiles().rename(from, to) }
    func unlink(_ path: String) -> Int32 { SystemFiles().unlink(path) }
    func mkdir(_ path: String, _ mode: mode_t) -> Int32 { SystemFiles().mkdir(path, mode) }
}

@Suite struct FullDiskTests {
    /// The core store's disk full: the attempts fail with the reason (never
    /// "delivered"), back off, are set aside after maxAttempts; with room
    /// again a retry stores the dossier once.
    @Test func aCoreStoreThatCannotWriteNeverMarksADossierDelivered() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let disk = FullDisk(under: dir.sub("core"))
        try FileIO.$layer.withValue(disk) {
            var options = StoreOptions()
            options.coreStoreDirectory = dir.sub("core")
            options.maxAttempts = 3
            options.backoffBase = 10
            let store = try DossierStore.test(dir.sub("data"), options: options)
            // Longer than the room reserved when store.log was made: the append must write.
            let r = try store.submitOK(["name": "Trịnh Văn Nam", "note": .string(String(repeating: "ghi chú dài ", count: 8000))])
            disk.fill()

            let t0 = testMorning
            let first = try store.deliver(operatorID: "op", now: t0)
            #expect(first.delivered.isEmpty && first.alreadyStored.isEmpty)
            #expect(first.failed.map(\.id) == [r.id])
            #expect(first.failed.first?.reason.contains("the disk is full") == true, "\(first.failed)")
            #expect(first.failed.first?.nextRetry == t0.adding(seconds: 10))
            #expect(try store.queueSummary().items.first?.state == .failed)
            #expect(try store.storedDossiers().isEmpty)
            #expect(try store.deliver(operatorID: "op", now: t0.adding(seconds: 9)).waiting == 1, "not due yet")
            let second = try store.deliver(operatorID: "op", now: t0.adding(seconds: 10))
            #expect(second.failed.first?.nextRetry == t0.adding(seconds: 30), "20 s after the second attempt")
            let third = try store.deliver(operatorID: "op", now: t0.adding(seconds: 30))
            #expect(third.setAside.map(\.id) == [r.id])
            #expect(third.setAside.first?.reason.hasPrefix("gave up after 3 attempts") == true)

            disk.free()
            try store.retry(r.id, operatorID: "op", now: t0.adding(seconds: 31))
            #expect(try store.deliver(operatorID: "op", now: t0.adding(seconds: 31)).delivered == [r.id])
            #expect(try store.storedDossiers().map(\.id) == [r.id])
            #expect(try store.verify().problems == [])
        }
    }
}
