import Foundation

/// HMAC-SHA-256 (RFC 2104) over the project's SHA-256. The padded key blocks are
/// compressed once, at init: a MAC then costs the message's blocks plus one outer
/// block, which is what makes PBKDF2's hundred thousand MACs affordable.
public struct HMACSHA256: Sendable {
    /// SHA-256's state after (key ⊕ ipad) and after (key ⊕ opad).
    let innerState: SHA256.State
    let outerState: SHA256.State

    public init(key: [UInt8]) {
        // A key longer than a block is hashed first (RFC 2104 §2).
        let k = key.count > 64 ? SHA256.hash(key).bytes : key
        var ipad = [UInt8](repeating: 0x36, count: 64)
        var opad = [UInt8](repeating: 0x5c, count: 64)
        for (i, b) in k.enumerated() {
            ipad[i] ^= b
            opad[i] ^= b
        }
        var inner = SHA256.initialState
        var outer = SHA256.initialState
        ipad.withUnsafeBytes { SHA256.compress(&inner, blocks: $0) }
        opad.withUnsafeBytes { SHA256.compress(&outer, blocks: $0) }
        innerState = inner
        outerState = outer
    }

    /// The 32-byte MAC of `message`.
    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        var inner = SHA256(resuming: innerState, processed: 64)
        inner.update(message)
        var outer = SHA256(resuming: outerState, processed: 64)
        outer.update(inner.finalize().bytes)
        return outer.finalize().bytes
    }

    public static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        HMACSHA256(key: key).authenticate(message)
    }
}

/// Compares two byte strings in time that depends only on their lengths (which are
/// not secret: a stored hash is always 32 bytes), so a PIN check leaks nothing about
/// how many leading bytes matched.
public func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var diff: UInt8 = 0
    for i in 0..<a.count { diff |= a[i] ^ b[i] }
    return diff == 0
}
