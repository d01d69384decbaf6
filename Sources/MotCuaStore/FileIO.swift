import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the store needs, throwing `StoreError.io`
/// with the path. Modes are set explicitly (fchmod/chmod) rather than trusting
/// the process umask: personal data must be owner-only whatever the caller's
/// umask is.
enum FileIO {
    static let fileMode: mode_t = 0o600
    static let directoryMode: mode_t = 0o700

    /// The layer every call that changes the disk goes through: the system's
    /// calls, or in tests a simulated disk that can lose power (see FileLayer).
    /// A task-local, so one test's simulated disk never sees another's files.
    @TaskLocal static var layer: any FileLayer = SystemFiles()

    /// Opens (creating if asked) a file, owner-only.
    static func open(_ path: String, flags: Int32, create: Bool = false) throws -> Int32 {
        let fd = create ? layer.open(path, flags | O_CREAT | O_CLOEXEC, fileMode) : layer.open(path, flags | O_CLOEXEC, 0)
        if fd < 0 { throw StoreError.io(action: "open", path: path, errno: errno) }
        if create, fchmod(fd, fileMode) != 0 {
            let e = errno
            layer.close(fd)
            throw StoreError.io(action: "set permissions on", path: path, errno: e)
        }
        return fd
    }

    /// Writes all of `bytes` at `offset` (retrying short writes and EINTR).
    /// The test-only write budget (see `WriteBudget`) can make it fail as a
    /// full disk would, after writing part of the bytes.
    static func pwriteAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: UInt64, path: String) throws {
        var done = 0
        while done < bytes.count {
            var want = bytes.count - done
            if let allowed = WriteBudget.shared.take(want) {
                if allowed == 0 { throw StoreError.io(action: "write", path: path, errno: ENOSPC) }
                want = allowed
            }
            let n = layer.pwrite(fd, bytes.baseAddress! + done, want, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(action: "write", path: path, errno: errno)
            }
            if n == 0 { throw StoreError.io(action: "write", path: path, errno: EIO) }
            done += n
        }
    }

    static func fsync(_ fd: Int32, path: String) throws {
        while layer.fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(action: "flush to disk", path: path, errno: errno)
        }
    }

    /// Flushes the file's data (and only the metadata needed to read it back).
    static func fdatasync(_ fd: Int32, path: String) throws {
        while layer.fdatasync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(action: "flush to disk", path: path, errno: errno)
        }
    }

    static func size(_ fd: Int32, path: String) throws -> UInt64 {
        var st = stat()
        if fstat(fd, &st) != 0 { throw StoreError.io(action: "inspect", path: path, errno: errno) }
        return UInt64(st.st_size)
    }

    static func truncate(_ fd: Int32, to length: UInt64, path: String) throws {
        if layer.ftruncate(fd, off_t(length)) != 0 { throw StoreError.io(action: "truncate", path: path, errno: errno) }
    }

    /// Reads `count` bytes at `offset`; fewer only at end of file.
    static func pread(_ fd: Int32, offset: UInt64, count: Int, path: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        try out.withUnsafeMutableBytes { buf in
            while done < count {
                let n = Glibc_pread(fd, buf.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(action: "read", path: path, errno: errno)
                }
                if n == 0 { break }
                done += n
            }
        }
        if done < count { out.removeLast(count - done) }
        return out
    }

    /// The whole file, or nil when it does not exist. Refuses a file larger
    /// than `limit` bytes rather than reading it.
    static func readFile(_ path: String, limit: UInt64 = UInt64(Int32.max)) throws -> [UInt8]? {
        let fd = Glibc_open(path, O_RDONLY | O_CLOEXEC, 0)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError.io(action: "open", path: path, errno: errno)
        }
        defer { close(fd) }
        let n = try size(fd, path: path)
        guard n <= limit else { throw StoreError.badDataDirectory("\(path) is too large (\(n) bytes, at most \(limit))") }
        return try pread(fd, offset: 0, count: Int(n), path: path)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Creates `path` and missing parents as 0700 directories; an existing
    /// directory of ours is tightened to 0700 (the data directory holds
    /// personal data even if someone created it by hand with 0755).
    static func ensureDirectory(_ path: String, tighten: Bool = true) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw StoreError.badDataDirectory("\(path) exists and is not a directory") }
            if tighten, (st.st_mode & 0o777) != directoryMode, st.st_uid == geteuid() {
                if chmod(path, directoryMode) != 0 { throw StoreError.io(action: "set permissions on", path: path, errno: errno) }
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try ensureDirectory(parent, tighten: false) }
        if layer.mkdir(path, directoryMode) != 0 {
            if errno != EEXIST { throw StoreError.io(action: "create the directory", path: path, errno: errno) }
        } else {
            // A new directory is an entry in its parent: durable only once the parent is flushed
            // (without this, a power cut after the first submit could lose the whole data directory).
            try fsyncDirectory(parent.isEmpty ? "." : parent)
        }
        if tighten, chmod(path, directoryMode) != 0 { throw StoreError.io(action: "set permissions on", path: path, errno: errno) }
    }

    /// Makes a new directory entry durable (a created or renamed file).
    static func fsyncDirectory(_ path: String) throws {
        let fd = layer.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if fd < 0 { throw StoreError.io(action: "open", path: path, errno: errno) }
        defer { layer.close(fd) }
        try fsync(fd, path: path)
    }

    /// Writes a whole file so that it either appears complete or not at all:
    /// temporary file in the same directory, fsync, rename, and (when
    /// `durable`) fsync of the directory. Used for new log files, form copies,
    /// bundles and snapshots, never on the per-dossier path. Snapshots pass
    /// `durable: false` (no fsync at all): they are checksummed and rebuilt
    /// from the logs if a crash leaves them short.
    static func writeAtomically(_ path: String, bytes: [UInt8], durable: Bool = true) throws {
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent  // a bare file name: the current folder
        let temp = dir + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = try open(temp, flags: O_WRONLY | O_EXCL, create: true)
        do {
            try bytes.withUnsafeBytes { try pwriteAll(fd, $0, at: 0, path: temp) }
            if durable { try fsync(fd, path: temp) }
            layer.close(fd)
        } catch {
            layer.close(fd)
            _ = layer.unlink(temp)
            throw error
        }
        if layer.rename(temp, path) != 0 {
            let e = errno
            _ = layer.unlink(temp)
            throw StoreError.io(action: "rename into place", path: path, errno: e)
        }
        if durable { try fsyncDirectory(dir) }
    }

    /// Closes a descriptor opened through `open`.
    static func close(_ fd: Int32) { layer.close(fd) }

    /// Removes a file (a temporary file, a discarded draft).
    @discardableResult
    static func unlink(_ path: String) -> Int32 { layer.unlink(path) }
}

// Module-qualified aliases: inside `FileIO` the names `open` and `pread` are
// our own methods, so the C functions are reached through these.
@inline(__always) private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
@inline(__always) private func Glibc_pread(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ n: Int, _ off: off_t) -> Int { pread(fd, buf, n, off) }

/// The write-failure switch for tests on machines where a small tmpfs cannot be
/// mounted (not root): `MOTCUA_TEST_FAIL_WRITES_AFTER=N` lets this process
/// write N more bytes through the store and then fails every write with
/// ENOSPC, as a full disk would (including a short write at the boundary).
/// Unset (always, outside tests) it costs one branch per write.
final class WriteBudget: @unchecked Sendable {
    // @unchecked: the only mutable state, `remaining`, is read and written
    // exclusively inside `lock`; `enabled` is immutable after init.
    // getenv, not ProcessInfo's dictionary of the whole environment: this runs on the
    // first write of every process, the kiosk's start among them.
    static let shared = WriteBudget(getenv("MOTCUA_TEST_FAIL_WRITES_AFTER").map { String(cString: $0) })

    private let lock = NSLock()
    private let enabled: Bool
    private var remaining: Int

    init(_ setting: String?) {
        if let setting, let n = Int(setting), n >= 0 {
            enabled = true
            remaining = n
        } else {
            enabled = false
            remaining = 0
        }
    }

    /// nil when the switch is off; otherwise how many of `want` bytes may be written.
    func take(_ want: Int) -> Int? {
        guard enabled else { return nil }
        lock.lock()
        defer { lock.unlock() }
        let n = min(want, remaining)
        remaining -= n
        return n
    }
}
