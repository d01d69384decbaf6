import Foundation
import Synchronization
@testable import MotCuaStore

/// A disk that can lose power, after SQLite's crash-test file system: the
/// files really are written (so the code under test reads back what it
/// wrote, as from the kernel's cache), and the disk remembers what was last
/// made durable: each file's bytes at its last fsync/fdatasync, each
/// directory's entries at its last fsync. `cut()` stops every later change
/// (the machine is off: they fail with EIO); `crashImage` then rebuilds the
/// tree under `root` as the disk would hold it after the cut: every change
/// since the last flush is dropped, kept, or torn at a 512-byte boundary
/// (the sectors before it written, those after it not), and every entry
/// created, renamed or removed since its directory's last fsync is either
/// the new one or the old one. Flushes are counted per kind.
///
/// Nothing is flushed for real: a cut is simulated, so real fsyncs would only
/// slow the test down.
final class PowerCutDisk: FileLayer {
    struct Counts: Equatable, CustomStringConvertible {
        var fdatasync = 0
        var fsync = 0
        var directoryFsync = 0
        var total: Int { fdatasync + fsync + directoryFsync }
        var description: String { "\(total) (fdatasync \(fdatasync), file fsync \(fsync), directory fsync \(directoryFsync))" }
        static func - (a: Counts, b: Counts) -> Counts {
            Counts(fdatasync: a.fdatasync - b.fdatasync, fsync: a.fsync - b.fsync, directoryFsync: a.directoryFsync - b.directoryFsync)
        }
    }

    private struct State {
        var nextNode = 1
        /// Current tree: path → node.
        var nodeAt: [String: Int] = [:]
        var isDirectory: Set<Int> = []
        /// Bytes of each file as of its last flush (absent: never flushed, empty).
        var durable: [Int: [UInt8]] = [:]
        /// Entries of each directory (by path) as of its last fsync.
        var durableEntries: [String: [String: Int]] = [:]
        var open: [Int32: Int] = [:]
        /// Changing calls made so far; the one with this index (0-based) and all after it fail.
        var changes = 0
        var cutAt: Int?
        var counts = Counts()
    }

    let root: String
    private let state = Mutex(State())

    /// Starts tracking the tree under `root` (created if missing), all of it
    /// taken as durable.
    init(root: String, cutAt: Int? = nil) throws {
        self.root = PowerCutDisk.normal(root)
        try FileManager.default.createDirectory(atPath: self.root, withIntermediateDirectories: true)
        state.withLock { s in
            s.cutAt = cutAt
            PowerCutDisk.adopt(self.root, into: &s)
        }
    }

    var counts: Counts { state.withLock { $0.counts } }
    /// How many changing calls were made (the steps a cut can land on).
    var changes: Int { state.withLock { $0.changes } }
    var isCut: Bool { state.withLock { s in s.cutAt.map { s.changes >= $0 } ?? false } }
    /// Cuts the power now: every later change fails.
    func cut() { state.withLock { $0.cutAt = $0.changes } }

    private static func normal(_ path: String) -> String {
        var p = path
        while p.contains("//") { p = p.replacingOccurrences(of: "//", with: "/") }
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }

    private static func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    private static func adopt(_ path: String, into s: inout State) {
        let node = s.nextNode
        s.nextNode += 1
        s.nodeAt[path] = node
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue {
            s.isDirectory.insert(node)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { adopt(path + "/" + name, into: &s) }
            s.durableEntries[path] = entries(of: path, in: s)
        } else {
            s.durable[node] = (try? FileIO.readFile(path)).flatMap { $0 } ?? []
        }
    }

    private static func entries(of dir: String, in s: State) -> [String: Int] {
        var out: [String: Int] = [:]
        for (p, n) in s.nodeAt where parent(p) == dir { out[(p as NSString).lastPathComponent] = n }
        return out
    }

    private func tracked(_ path: String) -> Bool { path == root || path.hasPrefix(root + "/") }

    /// Counts a changing call; false when the power is off (the call must fail with EIO).
    private func step(_ s: inout State) -> Bool {
        defer { s.changes += 1 }
        if let cut = s.cutAt, s.changes >= cut { return false }
        return true
    }

    // MARK: FileLayer

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        let p = PowerCutDisk.normal(path)
        return state.withLock { s in
            let creates = flags & O_CREAT != 0 && s.nodeAt[p] == nil && tracked(p)
            if creates, !step(&s) { errno = EIO; return -1 }
            let fd = SystemFiles().open(path, flags, mode)
            guard fd >= 0 else { return fd }
            if creates {
                let node = s.nextNode
                s.nextNode += 1
                s.nodeAt[p] = node
            }
            if let node = s.nodeAt[p] { s.open[fd] = node }
            return fd
        }
    }

    func close(_ fd: Int32) {
        state.withLock { _ = $0.open.removeValue(forKey: fd) }
        SystemFiles().close(fd)
    }

    func pwrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: off_t) -> Int {
        let alive = state.withLock { s in s.open[fd] == nil || step(&s) }
        guard alive else { errno = EIO; return -1 }
        return SystemFiles().pwrite(fd, buffer, count, offset)
    }

    func fsync(_ fd: Int32) -> Int32 { flush(fd, data: false) }
    func fdatasync(_ fd: Int32) -> Int32 { flush(fd, data: true) }

    private func flush(_ fd: Int32, data: Bool) -> Int32 {
        state.withLock { s in
            guard let node = s.open[fd] else { return 0 }
            guard step(&s) else { errno = EIO; return -1 }
            if s.isDirectory.contains(node) {
                s.counts.directoryFsync += 1
                if let dir = s.nodeAt.first(where: { $0.value == node })?.key {
                    s.durableEntries[dir] = PowerCutDisk.entries(of: dir, in: s)
                }
            } else {
                if data { s.counts.fdatasync += 1 } else { s.counts.fsync += 1 }
                // Through /proc: the descriptor itself may be write-only.
                // (Not FileIO.readFile: its close comes back through this layer, under this lock.)
                s.durable[node] = [UInt8](FileManager.default.contents(atPath: "/proc/self/fd/\(fd)") ?? Data())
            }
            return 0
        }
    }

    func ftruncate(_ fd: Int32, _ length: off_t) -> Int32 {
        let alive = state.withLock { s in s.open[fd] == nil || step(&s) }
        guard alive else { errno = EIO; return -1 }
        return SystemFiles().ftruncate(fd, length)
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        let (a, b) = (PowerCutDisk.normal(from), PowerCutDisk.normal(to))
        return state.withLock { s in
            guard tracked(a) || tracked(b) else { return SystemFiles().rename(from, to) }
            guard step(&s) else { errno = EIO; return -1 }
            let r = SystemFiles().rename(from, to)
            if r == 0 {
                s.nodeAt[b] = s.nodeAt.removeValue(forKey: a)
            }
            return r
        }
    }

    func unlink(_ path: String) -> Int32 {
        let p = PowerCutDisk.normal(path)
        return state.withLock { s in
            guard tracked(p) else { return SystemFiles().unlink(path) }
            guard step(&s) else { errno = EIO; return -1 }
            let r = SystemFiles().unlink(path)
            if r == 0 { s.nodeAt[p] = nil }
            return r
        }
    }

    func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        let p = PowerCutDisk.normal(path)
        return state.withLock { s in
            guard tracked(p) else { return SystemFiles().mkdir(path, mode) }
            guard step(&s) else { errno = EIO; return -1 }
            let r = SystemFiles().mkdir(path, mode)
            if r == 0 {
                let node = s.nextNode
                s.nextNode += 1
                s.nodeAt[p] = node
                s.isDirectory.insert(node)
            }
            return r
        }
    }

    // MARK: after the cut

    /// What the disk holds after the power came back: the tree under `root`
    /// is replaced by it. Choices are drawn from `random`; the number of
    /// files torn (kept in part) is returned.
    @discardableResult
    func crash<R: RandomNumberGenerator>(using random: inout R) throws -> Int {
        let s = state.withLock { $0 }
        let out = root + ".after-power-cut"
        try? FileManager.default.removeItem(atPath: out)
        var torn = 0
        try materialize(root, into: out, s, &random, &torn)
        try FileManager.default.removeItem(atPath: root)
        try FileManager.default.moveItem(atPath: out, toPath: root)
        return torn
    }

    private func materialize<R: RandomNumberGenerator>(_ dir: String, into out: String, _ s: State, _ random: inout R, _ torn: inout Int) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let current = PowerCutDisk.entries(of: dir, in: s)
        let durable = s.durableEntries[dir] ?? [:]
        for name in Set(current.keys).union(durable.keys).sorted() {
            let now = current[name], then = durable[name]
            let chosen = now == then ? now : (Bool.random(using: &random) ? now : then)
            guard let node = chosen else { continue }
            let path = dir + "/" + name
            if s.isDirectory.contains(node) {
                // Directories are never renamed or removed here: a chosen one is the current one.
                if now == node { try materialize(path, into: out + "/" + name, s, &random, &torn) }
                continue
            }
            let old = s.durable[node] ?? []
            // A node still in the tree has its current bytes; one renamed over or removed only its durable ones.
            let new = now == node ? ((try FileIO.readFile(path)) ?? old) : old
            let (bytes, wasTorn) = PowerCutDisk.afterCut(old: old, new: new, &random)
            if wasTorn { torn += 1 }
            let target = out + "/" + name
            _ = FileManager.default.createFile(atPath: target, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        }
    }

    /// A file's bytes after a cut: the unflushed change dropped, kept, or kept
    /// up to a 512-byte boundary inside the changed range.
    static func afterCut<R: RandomNumberGenerator>(old: [UInt8], new: [UInt8], _ random: inout R) -> ([UInt8], Bool) {
        if old == new { return (new, false) }
        let common = min(old.count, new.count)
        var first = 0
        while first < common, old[first] == new[first] { first += 1 }
        // Past the last byte that differs (the file's end when the lengths differ).
        var last = max(old.count, new.count)
        if old.count == new.count { while last > first, old[last - 1] == new[last - 1] { last -= 1 } }
        switch UInt8.random(in: 0..<3, using: &random) {
        case 0: return (old, false)
        case 1: return (new, false)
        default:
            let lo = first / 512, hi = (last + 511) / 512
            let b = 512 * Int.random(in: lo...hi, using: &random)
            if b >= new.count && new.count >= old.count { return (new, false) }
            if b >= new.count { return (new, false) }
            var out = Array(new[0..<b])
            if b < old.count { out += old[b...] }
            return (out, out != old && out != new)
        }
    }
}
