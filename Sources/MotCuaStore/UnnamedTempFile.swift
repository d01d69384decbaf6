import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file that holds personal data somewhere outside the data
/// directory (a bundle on a USB stick) so that a kill at any instant leaves
/// no copy behind (issue 12, F12).
///
/// First choice: an unnamed file (`O_TMPFILE`) in the target's folder,
/// written, fsynced, then given its name with `linkat`: until then it has no
/// name, and a killed process's unnamed file is freed by the kernel. Where
/// the file system has no `O_TMPFILE` (vfat on many USB sticks) or /proc is
/// missing, a named temporary file as before; every such file of ours whose
/// process is gone is removed first, so a kill's leftover lives only until
/// the next export to that folder.
enum UnnamedTempFile {
    #if os(Linux)
    /// O_TMPFILE from <fcntl.h> (`__O_TMPFILE | O_DIRECTORY`), a macro Swift does not import.
    private static let oTmpfile: Int32 = 0o20_000_000 | O_DIRECTORY
    #endif

    static func write(_ path: String, bytes: [UInt8]) throws {
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        removeStaleTemporaries(of: path, in: dir)
        #if os(Linux)
        // The file layer knows no unnamed files or linkat: on any layer but the
        // system's own (a power-cut test disk), the named path below, which it models.
        let fd = FileIO.layer.hasUnnamedFiles ? open(dir, oTmpfile | O_WRONLY | O_CLOEXEC, FileIO.fileMode) : -1
        if fd >= 0 {
            var linked = false
            defer {
                close(fd)
            }
            do {
                if fchmod(fd, FileIO.fileMode) != 0 { throw StoreError.io(action: "set permissions on", path: path, errno: errno) }
                try bytes.withUnsafeBytes { try FileIO.pwriteAll(fd, $0, at: 0, path: path) }
                try FileIO.fsync(fd, path: path)
                linked = try link(fd, to: path, dir: dir)
            }
            if linked {
                try FileIO.fsyncDirectory(dir)
                return
            }
        }
        #endif
        try FileIO.writeAtomically(path, bytes: bytes)
    }

    #if os(Linux)
    /// Gives the unnamed file its name: straight to `path` when it is free,
    /// else under a temporary name renamed over it (named only for that
    /// instant). False when the kernel cannot link it (no /proc): the caller
    /// falls back.
    private static func link(_ fd: Int32, to path: String, dir: String) throws -> Bool {
        let source = "/proc/self/fd/\(fd)"
        if linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return true }
        let e = errno
        if e == ENOENT || e == EPERM || e == EOPNOTSUPP || e == EXDEV { return false }
        guard e == EEXIST else { throw StoreError.io(action: "create", path: path, errno: e) }
        let temp = temporaryName(for: path, in: dir)
        guard linkat(AT_FDCWD, source, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0 else {
            throw StoreError.io(action: "create", path: temp, errno: errno)
        }
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            throw StoreError.io(action: "rename into place", path: path, errno: e)
        }
        return true
    }
    #endif

    /// The temporary name `FileIO.writeAtomically` uses: `.NAME.tmp-PID-RANDOM`.
    static func temporaryName(for path: String, in dir: String) -> String {
        dir + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes `.NAME.tmp-PID-N` files beside `path` whose process is gone.
    /// Only names of exactly that form, for exactly this NAME: nothing else in
    /// a user's folder is touched.
    static func removeStaleTemporaries(of path: String, in dir: String) {
        let prefix = "." + (path as NSString).lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UInt32(parts[1]) != nil else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
            var st = stat()
            guard lstat(dir + "/" + name, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid() else { continue }
            unlink(dir + "/" + name)
        }
    }
}
