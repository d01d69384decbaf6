import Foundation

/// PBKDF2-HMAC-SHA-256 (RFC 8018 §5.2), for operators' PINs.
///
/// The iteration loop is the cost an attacker pays per guess and the officer pays per
/// sign-in, so it is kept to exactly two SHA-256 compressions per iteration: the HMAC
/// key's padded states are computed once per call, each U_i (32 bytes) is one padded
/// block whose padding and length never change, and the words stay in registers and
/// one stack block: no allocation inside the loop.
public enum PBKDF2 {
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        precondition(iterations >= 1 && length >= 1, "PBKDF2 needs at least one iteration and one byte")
        let mac = HMACSHA256(key: password)
        var out: [UInt8] = []
        out.reserveCapacity(length + 32)
        var blockIndex: UInt32 = 1
        while out.count < length {
            var first = salt
            first += [UInt8(blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16),
                      UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex)]
            let u1 = mac.authenticate(first)
            let t = iterate(mac, from: u1, times: iterations - 1)
            out += t
            blockIndex &+= 1
        }
        return Array(out.prefix(length))
    }

    /// T = U_1 ⊕ U_2 ⊕ … ⊕ U_c, where U_{i+1} = HMAC(P, U_i).
    private static func iterate(_ mac: HMACSHA256, from u1: [UInt8], times: Int) -> [UInt8] {
        var u = load(u1)
        var t = u
        guard times > 0 else { return bytes(t) }
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { block in
            let p = block.baseAddress!
            // The fixed tail of a 32-byte message after a 64-byte key block:
            // 0x80, zeros, and the bit length (64 + 32) * 8 = 768.
            p.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
            p.storeBytes(of: 0x80, toByteOffset: 32, as: UInt8.self)
            p.storeBytes(of: UInt64(768).bigEndian, toByteOffset: 56, as: UInt64.self)
            let raw = UnsafeRawBufferPointer(block)
            for _ in 0..<times {
                store(u, p)
                var inner = mac.innerState
                SHA256.compress(&inner, blocks: raw)
                store(inner, p)
                u = mac.outerState
                SHA256.compress(&u, blocks: raw)
                t.0 ^= u.0; t.1 ^= u.1; t.2 ^= u.2; t.3 ^= u.3
                t.4 ^= u.4; t.5 ^= u.5; t.6 ^= u.6; t.7 ^= u.7
            }
        }
        return bytes(t)
    }

    @inline(__always) private static func store(_ s: SHA256.State, _ p: UnsafeMutableRawPointer) {
        p.storeBytes(of: s.0.bigEndian, toByteOffset: 0, as: UInt32.self)
        p.storeBytes(of: s.1.bigEndian, toByteOffset: 4, as: UInt32.self)
        p.storeBytes(of: s.2.bigEndian, toByteOffset: 8, as: UInt32.self)
        p.storeBytes(of: s.3.bigEndian, toByteOffset: 12, as: UInt32.self)
        p.storeBytes(of: s.4.bigEndian, toByteOffset: 16, as: UInt32.self)
        p.storeBytes(of: s.5.bigEndian, toByteOffset: 20, as: UInt32.self)
        p.storeBytes(of: s.6.bigEndian, toByteOffset: 24, as: UInt32.self)
        p.storeBytes(of: s.7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    private static func load(_ b: [UInt8]) -> SHA256.State {
        func w(_ i: Int) -> UInt32 {
            UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
        }
        return (w(0), w(4), w(8), w(12), w(16), w(20), w(24), w(28))
    }

    private static func bytes(_ s: SHA256.State) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBytes { store(s, $0.baseAddress!) }
        return out
    }
}

/// Bytes from the kernel's random source (/dev/urandom; Linux has no SecRandom).
public enum SecureRandom {
    public static func bytes(_ count: Int) throws -> [UInt8] {
        guard let fd = Optional(open("/dev/urandom", O_RDONLY | O_CLOEXEC)), fd >= 0 else {
            throw StoreError.io(action: "open", path: "/dev/urandom", errno: errno)
        }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw StoreError.io(action: "read", path: "/dev/urandom", errno: n < 0 ? errno : EIO) }
            done += n
        }
        return out
    }
}
