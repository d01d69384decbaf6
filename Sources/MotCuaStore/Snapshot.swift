import Foundation

/// Little-endian binary encoding for snapshot files: a snapshot of 100,000
/// index entries must load in a fraction of a second, which JSON cannot do.
public struct ByteWriter {
    public init() {}
    public var bytes: [UInt8] = []

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func u32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) } }
    public mutating func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) } }
    public mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    public mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    public mutating func digest(_ d: Digest) { bytes += d.bytes }
    public mutating func string(_ s: String) {
        let u = Array(s.utf8)
        u32(UInt32(u.count))
        bytes += u
    }
    public mutating func optionalString(_ s: String?) {
        u8(s == nil ? 0 : 1)
        if let s { string(s) }
    }
    public mutating func strings(_ list: [String]) {
        u32(UInt32(list.count))
        for s in list { string(s) }
    }
}

/// Reads what `ByteWriter` wrote; any overrun throws (the snapshot is then
/// ignored and rebuilt, never trusted half-way).
public struct ByteReader {
    public struct Overrun: Error { public init() {} }
    let bytes: [UInt8]
    var p: Int
    /// Reading stops here (the snapshot's trailing checksum is not content).
    let end: Int

    public init(_ bytes: [UInt8], from start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        p = start
        self.end = end ?? bytes.count
    }

    /// Reads `n` raw bytes.
    public mutating func raw(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, p + n <= end else { throw Overrun() }
        defer { p += n }
        return bytes[p..<p + n]
    }

    public mutating func u8() throws -> UInt8 {
        guard p < end else { throw Overrun() }
        defer { p += 1 }
        return bytes[p]
    }
    public mutating func u32() throws -> UInt32 {
        guard p + 4 <= end else { throw Overrun() }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[p + i]) << UInt32(8 * i) }
        p += 4
        return v
    }
    public mutating func u64() throws -> UInt64 {
        guard p + 8 <= end else { throw Overrun() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[p + i]) << UInt64(8 * i) }
        p += 8
        return v
    }
    public mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
    public mutating func int() throws -> Int { Int(try i64()) }
    public mutating func digest() throws -> Digest {
        guard p + 32 <= end, let d = Digest(bytes: Array(bytes[p..<p + 32])) else { throw Overrun() }
        p += 32
        return d
    }
    public mutating func string() throws -> String {
        let n = Int(try u32())
        guard p + n <= end else { throw Overrun() }
        defer { p += n }
        return String(decoding: bytes[p..<p + n], as: UTF8.self)
    }
    public mutating func optionalString() throws -> String? { try u8() == 0 ? nil : try string() }
    public mutating func strings() throws -> [String] {
        let n = Int(try u32())
        guard n <= end - p else { throw Overrun() }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}

/// A derived-data file (queue state, store index) that records which prefix
/// of its log it describes:
///
///     "MCSNAP2" kind(1 byte) | coveredEnd u64 | lastFrameOffset u64 |
///     lastChecksum 32 | body | FastChecksum of everything before (8)
///
/// It is trusted only if its own checksum holds and the log still has, at
/// lastFrameOffset, a frame with lastChecksum ending at coveredEnd; then only
/// the log's tail after coveredEnd is replayed. Anything else: rebuild from
/// the log. Losing a snapshot never loses data, so it is written with
/// rename but without fsync, and its checksum only has to catch accidents
/// (a short write, a flipped bit): a fast 64-bit one, not SHA-256, whose
/// cost over tens of megabytes was a third of opening a large store.
enum Snapshot {
    static let magic = Array("MCSNAP2".utf8)

    struct Anchor {
        var coveredEnd: UInt64
        var lastFrameOffset: UInt64
        var lastChecksum: Digest
    }

    static func write(path: String, kind: UInt8, anchor: Anchor, body: ByteWriter) throws {
        var w = ByteWriter()
        w.u8(kind)
        w.u64(anchor.coveredEnd)
        w.u64(anchor.lastFrameOffset)
        w.digest(anchor.lastChecksum)
        w.bytes += body.bytes
        try FileIO.writeAtomically(path, bytes: DerivedFile.sealed(magic, w.bytes), durable: false)
    }

    /// The anchor and a reader positioned at the body, or nil when the file
    /// is missing, of another kind or damaged.
    static func read(path: String, kind: UInt8) -> (Anchor, ByteReader)? {
        guard let bytes = try? FileIO.readFile(path), let sealed = DerivedFile.sealedBody(bytes, magic: magic),
              sealed.count >= 1 + 16 + 32, bytes[sealed.lowerBound] == kind else { return nil }
        var r = ByteReader(bytes, from: sealed.lowerBound + 1, end: sealed.upperBound)
        guard let end = try? r.u64(), let last = try? r.u64(), let sum = try? r.digest() else { return nil }
        return (Anchor(coveredEnd: end, lastFrameOffset: last, lastChecksum: sum), r)
    }

    /// Whether records not covered by a snapshot are enough to write a new
    /// one: at least 64, and at least 1/16 of the total, so the cost of
    /// rewriting snapshots stays a constant share per record however large
    /// the store grows, and an open replays at most ~6% of it.
    static func due(uncovered: Int, total: Int) -> Bool {
        uncovered >= max(64, total / 16)
    }

    /// Whether `log` still holds the prefix the anchor describes.
    static func matches(_ anchor: Anchor, _ log: RecordLog) -> Bool {
        guard let sum = try? log.checksum(ofFrameAt: anchor.lastFrameOffset, endingAt: anchor.coveredEnd) else { return false }
        return sum == anchor.lastChecksum
    }
}

/// A fast 64-bit checksum in the style of xxHash64 (four lanes of
/// multiply-rotate over 8-byte words), for snapshot files only.
enum FastChecksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) private static func lane(_ v: UInt64, _ w: UInt64) -> UInt64 { rotl(v &+ w &* p2, 31) &* p1 }

    static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        let n = b.count
        var i = 0
        var h: UInt64
        if n >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while i + 32 <= n {
                v1 = lane(v1, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                v2 = lane(v2, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
                v3 = lane(v3, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
                v4 = lane(v4, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            for v in [v1, v2, v3, v4] { h = (h ^ lane(0, v)) &* p1 &+ p4 }
        } else {
            h = p3
        }
        h = h &+ UInt64(n)
        while i + 8 <= n {
            h ^= lane(0, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        while i < n {
            h ^= UInt64(b[i]) &* p3
            h = rotl(h, 11) &* p1
            i += 1
        }
        h ^= h >> 33; h = h &* p2; h ^= h >> 29; h = h &* p3; h ^= h >> 32
        return h
    }
}
