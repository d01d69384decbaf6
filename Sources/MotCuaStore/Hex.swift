// Hexadecimal text ⇄ bytes, for the few places bytes travel as text: operators.json's
// salts and hashes, and the exact dossier bytes psql prints from a bytea column.
// (A `Digest` has its own fixed 64-digit form in SHA256.swift.)

enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex digits, two a byte.
    static func string(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for x in bytes { out.append(digits[Int(x >> 4)]); out.append(digits[Int(x & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of an even run of hex digits (either case); nil for anything else,
    /// or when it would be more than `maxBytes` bytes.
    static func bytes(_ text: String, maxBytes: Int = .max) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0, u.count / 2 <= maxBytes else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c { case 48...57: c - 48; case 97...102: c - 87; case 65...70: c - 55; default: nil }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
