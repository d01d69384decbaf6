import Foundation
import Testing
@testable import MotCuaStore

@Suite struct RecordLogTests {
    func payloads(_ log: RecordLog) throws -> [String] {
        var out: [String] = []
        var first = true
        _ = try log.scanAll { v in
            if first { first = false; return }
            out.append(String(decoding: v.payload, as: UTF8.self))
        }
        return out
    }

    @Test func appendsAndReadsBack() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.sub("t.log")
        let log = try RecordLog(path: path, kind: "test")
        let placed = try log.append([Array("một".utf8), Array("hai".utf8)])
        try log.append([Array("ba".utf8)])
        #expect(try log.read(at: placed[1].offset) == Array("hai".utf8))
        let again = try RecordLog(path: path, kind: "test")
        var seen: [String] = []
        try again.catchUp { seen.append(String(decoding: $0.payload, as: UTF8.self)) }
        #expect(seen == ["một", "hai", "ba"])
        #expect(again.end == log.end)
    }

    @Test func refusesAnotherKindOfLog() throws {
        let dir = TempDir()
        defer { dir.remove() }
        _ = try RecordLog(path: dir.sub("q.log"), kind: "queue")
        #expect(throws: StoreError.self) { try RecordLog(path: dir.sub("q.log"), kind: "store") }
    }

    /// Cuts the file after every byte of the last record, as a write killed
    /// at any point would leave it: the earlier records stay, the cut one is
    /// never shown, and its bytes are zeroed so the next append lands cleanly.
    @Test func tornTailAtEveryByteIsRemoved() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.sub("t.log")
        let log = try RecordLog(path: path, kind: "test")
        try log.append([Array("first".utf8), Array("second".utf8)])
        let goodEnd = log.end
        try log.append([Array("the third record, which will be torn".utf8)])
        let full = try #require(try FileIO.readFile(path))
        for cut in Int(goodEnd) + 1..<Int(log.end) {
            try FileIO.writeAtomically(path, bytes: Array(full[0..<cut]))
            let reopened = try RecordLog(path: path, kind: "test")
            var seen: [String] = []
            let removed = try reopened.catchUp { seen.append(String(decoding: $0.payload, as: UTF8.self)) }
            #expect(seen == ["first", "second"], "cut at \(cut)")
            #expect(removed != nil && removed! <= UInt64(cut) - goodEnd && removed! >= 1, "cut at \(cut)")
            let after = try #require(try FileIO.readFile(path))
            #expect(after.count == cut && after[Int(goodEnd)...].allSatisfy { $0 == 0 }, "cut at \(cut)")
            try reopened.append([Array("after".utf8)])
            #expect(try payloads(reopened) == ["first", "second", "after"])
        }
    }

    /// A flipped byte inside a record that others follow is damage, not a
    /// torn tail: it is skipped and reported, and nothing after it is lost.
    @Test func damageInTheMiddleIsSkippedAndReported() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.sub("t.log")
        let log = try RecordLog(path: path, kind: "test")
        let placed = try log.append([Array("one".utf8), Array("two".utf8), Array("three".utf8)])
        var bytes = try #require(try FileIO.readFile(path))
        bytes[Int(placed[1].offset) + Frame.headerSize] ^= 0x20
        try FileIO.writeAtomically(path, bytes: bytes)
        let reopened = try RecordLog(path: path, kind: "test")
        var seen: [String] = []
        try reopened.catchUp { seen.append(String(decoding: $0.payload, as: UTF8.self)) }
        #expect(seen == ["one", "three"])
        #expect(reopened.damaged.count == 1)
        #expect(try FileIO.readFile(path)!.count == bytes.count, "damage is never truncated away")
        #expect(throws: StoreError.self) { try reopened.read(at: placed[1].offset) }
    }

    @Test func aDamagedLengthIsCaughtByTheChecksum() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.sub("t.log")
        let log = try RecordLog(path: path, kind: "test")
        let placed = try log.append([Array("aaaa".utf8), Array("bbbb".utf8)])
        var bytes = try #require(try FileIO.readFile(path))
        bytes[Int(placed[0].offset) + 4] = 3  // length 4 → 3: still inside the file
        try FileIO.writeAtomically(path, bytes: bytes)
        let reopened = try RecordLog(path: path, kind: "test")
        var seen: [String] = []
        try reopened.catchUp { seen.append(String(decoding: $0.payload, as: UTF8.self)) }
        #expect(seen == ["bbbb"])
        #expect(reopened.damaged.count == 1)
    }

    /// Appends land in zero-filled space reserved ahead of them: the file
    /// does not grow on every append, readers stop at the zeros, and a
    /// second object (another process) sees exactly the frames written.
    @Test func appendsOverwritePreallocatedZeros() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.sub("t.log")
        let log = try RecordLog(path: path, kind: "test")
        try log.append([Array("a".utf8)])
        let size = try #require(try FileIO.readFile(path)).count
        #expect(size >= 64 << 10 && UInt64(size) > log.end)
        for i in 0..<50 { try log.append([Array("record \(i)".utf8)]) }
        #expect(try FileIO.readFile(path)!.count == size, "no growth while the reserve lasts")
        let other = try RecordLog(path: path, kind: "test")
        var n = 0
        try other.catchUp { _ in n += 1 }
        #expect(n == 51 && other.end == log.end)
        try log.append([Array("late".utf8)])
        var late: [String] = []
        try other.catchUp { late.append(String(decoding: $0.payload, as: UTF8.self)) }
        #expect(late == ["late"])
    }

    @Test func filesAreOwnerOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        _ = try RecordLog(path: dir.sub("t.log"), kind: "test")
        let attrs = try FileManager.default.attributesOfItem(atPath: dir.sub("t.log"))
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
