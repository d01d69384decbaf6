import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One interview's hold on its draft: an exclusive, non-blocking `flock` on
/// `drafts/<id>.lock`, kept for as long as this value lives. Two kiosks (two
/// processes, or two sessions in one process) on one data folder cannot both
/// open a draft, so neither silently overwrites the other's answers.
///
/// The kernel drops a flock when its holder dies, so a lock left by a killed
/// kiosk is simply free: the next desk takes it over with no pid or clock to
/// check. The descriptor is close-on-exec, so a child process (espeak-ng,
/// psql, curl) never keeps a draft locked after its kiosk is gone.
///
/// The lock file is removed only by its holder, with the draft (`discard`). A
/// desk that opened the old file just before is told by the inode check after
/// locking and tries again on the current file, so two desks can never hold
/// two different files for one draft.
public final class DraftLock: Sendable {
    public let draftID: String
    let path: String
    private let fd: Int32

    init(directory: String, id: String) throws {
        draftID = id
        path = (directory as NSString).appendingPathComponent(id + ".lock")
        // A few rounds are enough: each retry means the file was just removed by its holder.
        for _ in 0..<8 {
            let fd = try FileIO.open(path, flags: O_RDWR, create: true)
            var locked = flock(fd, LOCK_EX | LOCK_NB)
            while locked != 0 && errno == EINTR { locked = flock(fd, LOCK_EX | LOCK_NB) }
            if locked != 0 {
                let e = errno
                FileIO.close(fd)
                if e == EWOULDBLOCK || e == EAGAIN { throw DraftInUse(draftID: id) }
                throw StoreError.io(action: "lock", path: path, errno: e)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                self.fd = fd
                return
            }
            FileIO.close(fd)
        }
        throw DraftInUse(draftID: id)
    }

    deinit { FileIO.close(fd) }

    /// Removes the lock file while still holding it (the draft is gone).
    func remove() { _ = FileIO.unlink(path) }
}

/// The draft is open at another desk or kiosk (or another screen of this one).
public struct DraftInUse: Error, Sendable, Equatable, CustomStringConvertible {
    public let draftID: String
    public var description: String {
        "draft \(draftID) is open at another desk or kiosk; finish or leave it there first (a kiosk that was switched off frees it by itself)"
    }
}
