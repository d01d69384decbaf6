import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A derived file of the data folder outside the journal's snapshots (the catalog's header
/// cache): rebuilt from what it derives from whenever it is missing, so written as
/// `queue.snapshot` is (atomically, owner-only, without fsync), and checked on read with
/// the snapshots' fast checksum, so an accident (a short write, a flipped bit) reads as
/// missing, never as other content:
///
///     "MCDERIV1" | body | FastChecksum of everything before (8, little-endian)
public enum DerivedFile {
    static let magic = Array("MCDERIV1".utf8)

    /// Replaces `path` with `body` and its checksum.
    public static func write(_ body: [UInt8], to path: String) throws {
        try FileIO.writeAtomically(path, bytes: sealed(magic, body), durable: false)
    }

    /// `magic`, `body`, then the FastChecksum of both (8 bytes, little-endian): the one
    /// seal of the data folder's rebuildable files, this one and the journal's snapshots.
    static func sealed(_ magic: [UInt8], _ body: [UInt8]) -> [UInt8] {
        var bytes = magic
        bytes += body
        var sum = bytes.withUnsafeBytes { FastChecksum.hash($0) }.littleEndian
        withUnsafeBytes(of: &sum) { bytes += $0 }
        return bytes
    }

    /// Where the body of `sealed` bytes lies, when their magic and checksum hold.
    static func sealedBody(_ bytes: [UInt8], magic: [UInt8]) -> Range<Int>? {
        guard bytes.count >= magic.count + 8, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        let end = bytes.count - 8
        let computed = bytes.withUnsafeBytes { FastChecksum.hash(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        var stored: UInt64 = 0
        for (k, b) in bytes[end...].enumerated() { stored |= UInt64(b) << (8 * UInt64(k)) }
        return stored == computed ? magic.count..<end : nil
    }

    /// The body of `path`; nil when it is missing, not a regular file (a link, a FIFO,
    /// a folder), larger than `limit` bytes of body, or damaged.
    public static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size <= off_t(limit + magic.count + 8),
              let bytes = try? FileIO.pread(fd, offset: 0, count: Int(st.st_size), path: path) else { return nil }
        return body(of: bytes)
    }

    /// The body of a derived file's bytes when their magic and checksum hold.
    public static func body(of bytes: [UInt8]) -> [UInt8]? {
        sealedBody(bytes, magic: magic).map { Array(bytes[$0]) }
    }
}
