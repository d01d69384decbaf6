import Foundation
import MotCuaForms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The frame every log, bundle and record uses:
///
///     offset 0  4 bytes  magic "MCR1"
///            4  4 bytes  payload length, unsigned little-endian
///            8 32 bytes  SHA-256 of bytes 0..<8 followed by the payload
///           40  n bytes  payload
///
/// The checksum covers the length, so a torn or flipped length is caught too.
enum Frame {
    static let magic: [UInt8] = [0x4D, 0x43, 0x52, 0x31]
    static let headerSize = 40
    /// Larger lengths are treated as damage, never as a reason to read gigabytes.
    static let maxPayload = 64 << 20

    static func encode(_ payload: [UInt8], into out: inout [UInt8]) -> Digest {
        let n = UInt32(payload.count)
        let head: [UInt8] = magic + [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)]
        var sha = SHA256()
        sha.update(head)
        sha.update(payload)
        let digest = sha.finalize()
        out += head
        out += digest.bytes
        out += payload
        return digest
    }

    /// One good frame met during a scan; `payload` is valid only inside the visitor.
    struct Visit {
        let offset: UInt64
        let checksum: Digest
        let payload: UnsafeRawBufferPointer
        var end: UInt64 { offset + UInt64(Frame.headerSize + payload.count) }
    }

    /// What a scan found besides good frames.
    struct ScanOutcome {
        /// Offset just past the last good frame.
        var end: UInt64
        /// Bad regions followed by good frames: real damage, reported by verify.
        var damaged: [Range<UInt64>] = []
        /// Bad bytes after the last good frame (up to the last non-zero byte):
        /// an interrupted write. Zeros alone there are preallocated space.
        var tornTail: Range<UInt64>?
    }

    /// The frame at `p` if it is complete and its checksum matches.
    static func frame(in buf: UnsafeRawBufferPointer, at p: Int) -> (length: Int, checksum: Digest)? {
        guard p + headerSize <= buf.count,
              buf[p] == magic[0], buf[p + 1] == magic[1], buf[p + 2] == magic[2], buf[p + 3] == magic[3] else { return nil }
        let n = Int(buf[p + 4]) | Int(buf[p + 5]) << 8 | Int(buf[p + 6]) << 16 | Int(buf[p + 7]) << 24
        guard n <= maxPayload, p + headerSize + n <= buf.count else { return nil }
        var sha = SHA256()
        sha.update(UnsafeRawBufferPointer(rebasing: buf[p..<p + 8]))
        sha.update(UnsafeRawBufferPointer(rebasing: buf[p + headerSize..<p + headerSize + n]))
        let digest = sha.finalize()
        for i in 0..<32 where digest.bytes[i] != buf[p + 8 + i] { return nil }
        return (n, digest)
    }

    /// The end of the frame at `p` if it has the magic, fits in `buf` and its
    /// last byte is not zero: all its bytes were written (a record never ends
    /// with a zero byte; a torn write's missing bytes are zeros).
    static func completeButBad(_ buf: UnsafeRawBufferPointer, at p: Int) -> Int? {
        guard p + headerSize <= buf.count,
              buf[p] == magic[0], buf[p + 1] == magic[1], buf[p + 2] == magic[2], buf[p + 3] == magic[3] else { return nil }
        let n = Int(buf[p + 4]) | Int(buf[p + 5]) << 8 | Int(buf[p + 6]) << 16 | Int(buf[p + 7]) << 24
        guard n > 0, n <= maxPayload, p + headerSize + n <= buf.count, buf[p + headerSize + n - 1] != 0 else { return nil }
        return p + headerSize + n
    }

    /// Walks the frames of `buf` (which starts at file offset `base`), calling
    /// `visit` for each good one. A bad frame is skipped up to the next good
    /// frame (damage) or, when none follows, reported as a torn tail.
    static func scan(_ buf: UnsafeRawBufferPointer, base: UInt64, visit: (Visit) throws -> Void) rethrows -> ScanOutcome {
        var outcome = ScanOutcome(end: base)
        var p = 0
        while p < buf.count {
            if let (n, digest) = frame(in: buf, at: p) {
                try visit(Visit(offset: base + UInt64(p), checksum: digest,
                                payload: UnsafeRawBufferPointer(rebasing: buf[p + headerSize..<p + headerSize + n])))
                p += headerSize + n
                outcome.end = base + UInt64(p)
                continue
            }
            // Resynchronise: the next offset holding the magic and a good frame.
            var q = p + 1
            var found = false
            while q + headerSize <= buf.count {
                // memchr skips the reserve's megabytes of zeros at memory speed.
                guard let hit = memchr(buf.baseAddress! + q, Int32(magic[0]), buf.count - headerSize + 1 - q) else { break }
                q = buf.baseAddress!.distance(to: UnsafeRawPointer(hit))
                if buf[q + 1] == magic[1], buf[q + 2] == magic[2], buf[q + 3] == magic[3], frame(in: buf, at: q) != nil {
                    found = true
                    break
                }
                q += 1
            }
            if found {
                outcome.damaged.append(base + UInt64(p)..<base + UInt64(q))
                p = q
            } else if let whole = completeButBad(buf, at: p) {
                // Every byte of a frame is there but its checksum fails: not an
                // interrupted write (that leaves a prefix followed by zeros) but
                // damage to a record that may have been acknowledged. Kept,
                // reported, and stepped over; never zeroed.
                outcome.damaged.append(base + UInt64(p)..<base + UInt64(whole))
                p = whole
                outcome.end = base + UInt64(p)
            } else {
                // Zeros after the last frame are the log's preallocated space;
                // anything else there is the remains of an interrupted write.
                var last = buf.count - 1
                // Eight bytes at a time through the zeros of the reserve.
                while last - 7 >= p, buf.loadUnaligned(fromByteOffset: last - 7, as: UInt64.self) == 0 { last -= 8 }
                while last >= p, buf[last] == 0 { last -= 1 }
                if last >= p { outcome.tornTail = base + UInt64(p)..<base + UInt64(last + 1) }
                break
            }
        }
        return outcome
    }
}

/// An append-only file of checksummed frames. The first frame names the log's
/// kind. Callers hold the data directory lock around every method, so the
/// file only ever grows by whole frames written under that lock, at `end`.
///
/// The file is kept longer than its frames: the space after `end` is
/// zero-filled ahead of time (written zeros, fsynced once per extension), so
/// that an append overwrites blocks that already exist and the file's size
/// does not change. Its `fdatasync` then writes the data and nothing else,
/// where appending to the end of a file also writes the inode: on this
/// machine's ext4 one I/O instead of two, the way PostgreSQL zero-fills its
/// WAL segments. Readers stop at the first frame position holding zeros.
final class RecordLog {
    let path: String
    let kind: String
    private let fd: Int32
    /// Offset just past the last good frame this object has seen.
    private(set) var end: UInt64 = 0
    /// The file's size: bytes in `end..<allocated` are zero.
    private var allocated: UInt64 = 0
    /// Whether the whole space after `end` was checked for the remains of an
    /// interrupted write (once per object; afterwards a probe at `end` suffices,
    /// because every writer writes at `end` under the lock).
    private var tailChecked = false
    /// Where the last seen frame starts, and its checksum: snapshots record
    /// them to prove they describe a prefix of this very log.
    private(set) var lastFrameOffset: UInt64 = 0
    private(set) var lastChecksum = Digest.zero
    /// Damage met so far (for `verify`); torn tails are repaired, not kept here.
    private(set) var damaged: [Range<UInt64>] = []

    /// Opens the log, creating it with its header frame (atomically, with the
    /// one directory fsync a new file needs) when missing. Call under the lock.
    init(path: String, kind: String) throws {
        self.path = path
        self.kind = kind
        var st = stat()
        if stat(path, &st) != 0 || st.st_size == 0 {
            var bytes: [UInt8] = []
            let header: JSONValue = ["format": "motcua-log/1", "kind": .string(kind)]
            _ = Frame.encode(JSONBytes.encode(header), into: &bytes)
            try FileIO.writeAtomically(path, bytes: bytes)
        }
        fd = try FileIO.open(path, flags: O_RDWR)
        if fchmod(fd, FileIO.fileMode) != 0 { throw StoreError.io(action: "set permissions on", path: path, errno: errno) }
        allocated = try FileIO.size(fd, path: path)
        let head = try FileIO.pread(fd, offset: 0, count: min(4096, Int(allocated)), path: path)
        let ok: Bool = head.withUnsafeBytes { buf in
            guard let (n, digest) = Frame.frame(in: buf, at: 0) else { return false }
            let text = String(decoding: buf[Frame.headerSize..<Frame.headerSize + n], as: UTF8.self)
            guard text.contains("\"kind\":\"\(kind)\"") else { return false }
            end = UInt64(Frame.headerSize + n)
            lastChecksum = digest
            return true
        }
        if !ok {
            // No close(fd) here: every stored property is set by now, so a
            // throw runs `deinit`, which closes it. Closing it twice could
            // close a descriptor another thread has just been given.
            throw StoreError.badDataDirectory("\(path) is not a MotCua \(kind) log (its first record is missing or damaged)")
        }
    }

    deinit { FileIO.close(fd) }

    /// Starts reading after a snapshot instead of from the beginning.
    func resume(at offset: UInt64, lastFrameOffset: UInt64, lastChecksum: Digest) {
        end = offset
        self.lastFrameOffset = lastFrameOffset
        self.lastChecksum = lastChecksum
    }

    /// The checksum of the frame at `offset`, if a good frame ends exactly at `end`.
    func checksum(ofFrameAt offset: UInt64, endingAt expectedEnd: UInt64) throws -> Digest? {
        let head = try FileIO.pread(fd, offset: offset, count: Frame.headerSize, path: path)
        guard head.count == Frame.headerSize else { return nil }
        let n = Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24
        guard offset + UInt64(Frame.headerSize + n) == expectedEnd else { return nil }
        return Digest(bytes: Array(head[8..<40]))
    }

    /// Reads the frames appended since `end` (by this or another process),
    /// visiting each good one. The remains of an interrupted write after the
    /// last frame (never acknowledged: its writer died before fdatasync
    /// returned) are zeroed, so the next append does not bury them mid-file.
    /// Returns the number of such bytes removed, if any.
    @discardableResult
    func catchUp(visit: (Frame.Visit) throws -> Void) throws -> UInt64? {
        let size = try FileIO.size(fd, path: path)
        allocated = max(allocated, size)
        if size < end {
            throw StoreError.badDataDirectory("\(path) is shorter than before (\(size) < \(end) bytes): it was truncated or replaced by something other than MotCua")
        }
        if tailChecked {
            // Anything new starts at `end`: look there first (one small read).
            let probe = try FileIO.pread(fd, offset: end, count: min(Frame.headerSize, Int(size - end)), path: path)
            if probe.allSatisfy({ $0 == 0 }) { return nil }
        }
        tailChecked = true
        guard size > end else { return nil }
        let bytes = try FileIO.pread(fd, offset: end, count: Int(size - end), path: path)
        let outcome = try bytes.withUnsafeBytes { buf in
            try Frame.scan(buf, base: end) { v in
                try visit(v)
                lastFrameOffset = v.offset
                lastChecksum = v.checksum
            }
        }
        damaged += outcome.damaged
        end = outcome.end
        guard let torn = outcome.tornTail else { return nil }
        try zero(torn)
        try FileIO.fdatasync(fd, path: path)
        return UInt64(torn.count)
    }

    /// Overwrites `range` with zeros (it becomes free space again).
    private func zero(_ range: Range<UInt64>) throws {
        let zeros = [UInt8](repeating: 0, count: Int(range.count))
        try zeros.withUnsafeBytes { try FileIO.pwriteAll(fd, $0, at: range.lowerBound, path: path) }
    }

    /// Makes the file at least `needed` bytes long with written, fsynced zeros,
    /// growing by an eighth of its size (64 KiB to 8 MiB at a time). A full
    /// disk fails here, before any frame is written, and the file is cut back.
    private func reserve(_ needed: UInt64) throws {
        guard needed > allocated else { return }
        let step = min(max(allocated / 8, 64 << 10), 8 << 20)
        do {
            try extend(to: (needed + step + 4095) / 4096 * 4096)
        } catch let e as StoreError where e.isDiskFull {
            // A small disk: reserve only what this append needs.
            try extend(to: (needed + 4095) / 4096 * 4096)
        }
    }

    private func extend(to target: UInt64) throws {
        let chunk = [UInt8](repeating: 0, count: 256 << 10)
        var at = allocated
        do {
            while at < target {
                let n = Int(min(UInt64(chunk.count), target - at))
                try chunk.withUnsafeBytes { try FileIO.pwriteAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<n]), at: at, path: path) }
                at += UInt64(n)
            }
            try FileIO.fsync(fd, path: path)
        } catch {
            _ = FileIO.layer.ftruncate(fd, off_t(allocated))
            throw error
        }
        allocated = target
    }

    /// Makes sure `bytes` more can be appended without growing the file: a
    /// full disk fails here, before the operation that needs the space acts.
    func ensureSpace(for bytes: UInt64) throws { try reserve(end + bytes) }

    /// Appends whole frames in one write and (when `sync`) one fdatasync. On
    /// any failure the bytes are zeroed again, so a failed append leaves no
    /// partial frame behind. Returns each frame's offset and checksum.
    @discardableResult
    func append(_ payloads: [[UInt8]], sync: Bool = true) throws -> [(offset: UInt64, checksum: Digest)] {
        guard !payloads.isEmpty else { return [] }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(payloads.reduce(0) { $0 + $1.count + Frame.headerSize })
        var placed: [(offset: UInt64, checksum: Digest)] = []
        for p in payloads {
            guard p.count <= Frame.maxPayload else { throw StoreError.invalidArgument("a record of \(p.count) bytes is larger than the \(Frame.maxPayload)-byte limit") }
            let at = end + UInt64(buffer.count)
            placed.append((at, Frame.encode(p, into: &buffer)))
        }
        try reserve(end + UInt64(buffer.count))
        do {
            try buffer.withUnsafeBytes { try FileIO.pwriteAll(fd, $0, at: end, path: path) }
            if sync { try FileIO.fdatasync(fd, path: path) }
        } catch {
            // Best effort: if even this fails, the next reader finds and zeroes a torn tail.
            try? zero(end..<end + UInt64(buffer.count))
            throw error
        }
        end += UInt64(buffer.count)
        if let last = placed.last {
            lastFrameOffset = last.offset
            lastChecksum = last.checksum
        }
        return placed
    }

    func sync() throws { try FileIO.fdatasync(fd, path: path) }

    /// The payload of the frame at `offset`, checksum verified.
    func read(at offset: UInt64) throws -> [UInt8] {
        let head = try FileIO.pread(fd, offset: offset, count: Frame.headerSize, path: path)
        guard head.count == Frame.headerSize else { throw StoreError.badDataDirectory("\(path): no record at offset \(offset)") }
        let n = Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24
        guard n <= Frame.maxPayload else { throw StoreError.badDataDirectory("\(path): damaged record at offset \(offset)") }
        let whole = head + (try FileIO.pread(fd, offset: offset + UInt64(Frame.headerSize), count: n, path: path))
        let good = whole.withUnsafeBytes { Frame.frame(in: $0, at: 0) != nil }
        guard good else { throw StoreError.badDataDirectory("\(path): the record at offset \(offset) is damaged (checksum mismatch)") }
        return Array(whole[Frame.headerSize...])
    }

    /// Every frame from the start, for `verify` and index rebuilds; does not
    /// change this object's view.
    func scanAll(visit: (Frame.Visit) throws -> Void) throws -> Frame.ScanOutcome {
        try scan(from: 0, visit: visit)
    }

    /// Every frame from `offset` (the end of a frame, as a derived file
    /// records it) on; does not change this object's view.
    func scan(from offset: UInt64, visit: (Frame.Visit) throws -> Void) throws -> Frame.ScanOutcome {
        let size = try FileIO.size(fd, path: path)
        guard size > offset else { return Frame.ScanOutcome(end: offset) }
        let bytes = try FileIO.pread(fd, offset: offset, count: Int(size - offset), path: path)
        return try bytes.withUnsafeBytes { try Frame.scan($0, base: offset, visit: visit) }
    }
}
