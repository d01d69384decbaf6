/// An append-only sequence of bits, most significant bit first, as the QR
/// Code's data stream is defined. Packed into bytes as it grows.
struct QRBitBuffer {
    private(set) var storage: [UInt8] = []
    private(set) var count = 0

    init() {}

    init(reservingBits bits: Int) { storage.reserveCapacity((bits + 7) / 8) }

    /// Appends the low `length` bits of `value`, highest first.
    mutating func append(_ value: Int, length: Int) {
        precondition(length >= 0 && length <= 31 && value >> length == 0, "value does not fit in \(length) bits")
        var remaining = length
        while remaining > 0 {
            let used = count & 7
            if used == 0 { storage.append(0) }
            // Take as many bits as fit in the current byte.
            let take = min(8 - used, remaining)
            let chunk = (value >> (remaining - take)) & ((1 << take) - 1)
            storage[storage.count - 1] |= UInt8(chunk << (8 - used - take))
            remaining -= take
            count += take
        }
    }

    /// The packed bytes; the count must be a multiple of 8.
    func bytes() -> [UInt8] {
        precondition(count % 8 == 0, "bit stream is not byte-aligned")
        return storage
    }
}
