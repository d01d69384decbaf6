import Foundation

/// A minimal PNG writer: one IHDR, one IDAT holding a zlib stream of
/// uncompressed ("stored") deflate blocks, one IEND. No compression is
/// needed for a two-tone image of a few kilobytes, and it keeps the encoder
/// free of packages. Checksums: CRC-32 per chunk, Adler-32 for zlib.
enum QRPNG {
    /// Encodes 1-bit greyscale rows (already packed, high bit first).
    static func encodeGreyscale1Bit(width: Int, height: Int, rows: [[UInt8]]) -> Data {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header: [UInt8] = []
        header += bigEndian32(UInt32(width))
        header += bigEndian32(UInt32(height))
        header += [1, 0, 0, 0, 0] // bit depth 1, greyscale, deflate, filter 0, no interlace
        png.append(chunk("IHDR", header))

        // Every scanline starts with filter type 0 (none).
        var raw: [UInt8] = []
        raw.reserveCapacity(rows.reduce(0) { $0 + $1.count + 1 })
        for row in rows {
            raw.append(0)
            raw += row
        }
        png.append(chunk("IDAT", zlibStored(raw)))
        png.append(chunk("IEND", []))
        return png
    }

    /// A zlib stream of stored deflate blocks (at most 65 535 bytes each).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01] // deflate, 32 KiB window, no dictionary, check bits valid
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out.append(final) // BFINAL, BTYPE = 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        out += bigEndian32(adler32(data))
        return out
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> Data {
        let typeBytes = Array(type.utf8)
        var data = Data(bigEndian32(UInt32(body.count)))
        data.append(contentsOf: typeBytes)
        data.append(contentsOf: body)
        data.append(contentsOf: bigEndian32(crc32(typeBytes + body)))
        return data
    }

    /// CRC-32 (ISO-HDLC: reflected polynomial 0xEDB88320, init and xorout all ones).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adler-32 as zlib defines it.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
