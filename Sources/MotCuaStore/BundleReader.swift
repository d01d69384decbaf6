import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a bundle file frame by frame with `pread`, never the whole file:
/// a bundle comes from a USB stick or another machine, so it is bounded
/// (size, entry size, entry counts) and every entry is judged on its own.
/// Entries are found once (`walk`), and their bytes read again when needed
/// (`payload(at:)`), each time checked against the frame's checksum, so a
/// file changed in between yields a rejected entry, never wrong data.
struct BundleReader {
    /// Bundles larger than this are refused before reading (a USB stick of junk).
    static let maxBytes: UInt64 = 1 << 31
    /// One entry (a form copy or a dossier) at most; the logs allow 64 MiB,
    /// a bundle's entries need far less.
    static let maxEntry = 16 << 20
    /// Entries of each kind one bundle may hold.
    static let maxDossiers = 200_000
    static let maxForms = 1_000
    /// Candidate frame positions examined while skipping damage: crafted
    /// junk full of the frame magic cannot make a scan re-hash the file
    /// over and over; past this the rest of the file is skipped as damaged.
    static let maxResyncProbes = 4_096
    /// And at most this many bytes read and hashed by those probes.
    static let maxResyncBytes: UInt64 = 256 << 20

    let fd: Int32
    let path: String
    let size: UInt64

    init(fd: Int32, path: String) throws {
        self.fd = fd
        self.path = path
        size = try FileIO.size(fd, path: path)
        guard size <= BundleReader.maxBytes else {
            throw StoreError.invalidArgument("\(path) is too large to be a bundle (\(size) bytes, at most \(BundleReader.maxBytes))")
        }
    }

    /// SHA-256 of the whole file, read in 1 MiB steps.
    func sha256() throws -> Digest {
        var sha = SHA256()
        var at: UInt64 = 0
        while at < size {
            let chunk = try FileIO.pread(fd, offset: at, count: Int(min(1 << 20, size - at)), path: path)
            if chunk.isEmpty { break }
            sha.update(chunk)
            at += UInt64(chunk.count)
        }
        return sha.finalize()
    }

    /// The payload of the good frame at `offset`, or nil when there is none
    /// there (wrong magic, a length past the limit or the file, a checksum
    /// that fails).
    func payload(at offset: UInt64) throws -> [UInt8]? {
        guard offset + UInt64(Frame.headerSize) <= size else { return nil }
        let head = try FileIO.pread(fd, offset: offset, count: Frame.headerSize, path: path)
        guard head.count == Frame.headerSize, Array(head[0..<4]) == Frame.magic else { return nil }
        let n = Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24
        guard n <= BundleReader.maxEntry, offset + UInt64(Frame.headerSize + n) <= size else { return nil }
        let payload = try FileIO.pread(fd, offset: offset + UInt64(Frame.headerSize), count: n, path: path)
        guard payload.count == n else { return nil }
        var sha = SHA256()
        sha.update(head[0..<8])
        sha.update(payload)
        guard sha.finalize().bytes == Array(head[8..<40]) else { return nil }
        return payload
    }

    /// Visits every good frame in order (its offset and payload) and
    /// returns the byte ranges that held none: damage, skipped.
    func walk(_ visit: (UInt64, [UInt8]) throws -> Void) throws -> [Range<UInt64>] {
        var damaged: [Range<UInt64>] = []
        var probes = 0
        var probed: UInt64 = 0
        var pos: UInt64 = 0
        while pos < size {
            if let p = try payload(at: pos) {
                try visit(pos, p)
                pos += UInt64(Frame.headerSize + p.count)
                continue
            }
            guard let next = try nextFrame(after: pos, probes: &probes, bytes: &probed) else {
                if try !allZero(from: pos) { damaged.append(pos..<size) }
                break
            }
            damaged.append(pos..<next)
            pos = next
        }
        return damaged
    }

    /// The next offset after `pos` holding a good frame.
    private func nextFrame(after pos: UInt64, probes: inout Int, bytes: inout UInt64) throws -> UInt64? {
        var base = pos + 1
        let step = 1 << 20
        while base < size, probes < BundleReader.maxResyncProbes, bytes < BundleReader.maxResyncBytes {
            // Overlap by three bytes so a magic split across two reads is seen.
            let chunk = try FileIO.pread(fd, offset: base, count: Int(min(UInt64(step + 3), size - base)), path: path)
            if chunk.count < 4 { return nil }
            for i in 0...(chunk.count - 4) where chunk[i] == Frame.magic[0] && chunk[i + 1] == Frame.magic[1]
                && chunk[i + 2] == Frame.magic[2] && chunk[i + 3] == Frame.magic[3] {
                probes += 1
                bytes += UInt64(Frame.headerSize) + UInt64(frameLength(chunk, at: i) ?? 0)
                if try payload(at: base + UInt64(i)) != nil { return base + UInt64(i) }
                if probes >= BundleReader.maxResyncProbes || bytes >= BundleReader.maxResyncBytes { return nil }
            }
            base += UInt64(step)
        }
        return nil
    }

    /// The payload length a frame header at `i` in `chunk` claims, when readable there.
    private func frameLength(_ chunk: [UInt8], at i: Int) -> Int? {
        guard i + 8 <= chunk.count else { return nil }
        let n = Int(chunk[i + 4]) | Int(chunk[i + 5]) << 8 | Int(chunk[i + 6]) << 16 | Int(chunk[i + 7]) << 24
        return n <= BundleReader.maxEntry ? n : 0
    }

    private func allZero(from pos: UInt64) throws -> Bool {
        var at = pos
        while at < size {
            let chunk = try FileIO.pread(fd, offset: at, count: Int(min(1 << 20, size - at)), path: path)
            if chunk.isEmpty { break }
            if chunk.contains(where: { $0 != 0 }) { return false }
            at += UInt64(chunk.count)
        }
        return true
    }
}
