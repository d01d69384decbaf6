/// An append-only sequence of bits, most significant bit first, as the QR
/// Code's data stream is defined.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    init() {}

    /// Appends the low `length` bits of `value`, highest first.
    mutating func append(_ value: Int, length: Int) {
        precondition(length >= 0 && length <= 31 && value >> length == 0, "value does not fit in \(length) bits")
        var i = length - 1
        while i >= 0 {
            bits.append((value >> i) & 1 == 1)
            i -= 1
        }
    }

    mutating func append(contentsOf other: QRBitBuffer) { bits.append(contentsOf: other.bits) }

    /// Packs the bits into bytes; the count must be a multiple of 8.
    func bytes() -> [UInt8] {
        precondition(bits.count % 8 == 0, "bit stream is not byte-aligned")
        var result = [UInt8](repeating: 0, count: bits.count / 8)
        for (i, bit) in bits.enumerated() where bit {
            result[i >> 3] |= 0x80 >> UInt8(i & 7)
        }
        return result
    }
}
