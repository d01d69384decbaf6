import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on the data directory's lock file, taken around each
/// operation (never for a process's lifetime) so that the kiosk and a delivery
/// run can share one data directory. The kernel drops the lock when a process
/// dies, so a killed process never leaves the directory locked.
///
/// flock locks belong to the open file description: two `FileLock`s in one
/// process exclude each other just as two processes do.
final class FileLock {
    let path: String
    private let fd: Int32
    private var depth = 0

    init(path: String) throws {
        self.path = path
        fd = try FileIO.open(path, flags: O_RDWR, create: true)
    }

    deinit { FileIO.close(fd) }

    /// Runs `body` holding the lock. Re-entrant within one `FileLock`, so an
    /// operation may call another without deadlocking on itself.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        if depth == 0 {
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                throw StoreError.io(action: "lock", path: path, errno: errno)
            }
        }
        depth += 1
        defer {
            depth -= 1
            if depth == 0 { flock(fd, LOCK_UN) }
        }
        return try body()
    }
}
