import Foundation

/// Renders a code as image files a printer or a phone can use: SVG, PBM and
/// PNG. Pure: returns the bytes, the caller writes them. Every image carries
/// the quiet zone; `scale` is pixels (or SVG units) per module, clamped to
/// 1...64, and `quietZone` is clamped to 0...16.
public enum QRImageRenderer {
    /// An SVG document: a white background and one black path, one
    /// rectangle per horizontal run of dark modules.
    public static func svg(_ code: QRCode, scale: Int = 8, quietZone: Int = QRTextRenderer.standardQuietZone) -> String {
        let scale = QRTextRenderer.clamp(scale, 1...64)
        let border = QRTextRenderer.clamp(quietZone, 0...16)
        let total = code.size + 2 * border
        var path = ""
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code[x, y] else { x += 1; continue }
                var run = 1
                while x + run < code.size && code[x + run, y] { run += 1 }
                path += "M\(x + border) \(y + border)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(total) \(total)" \
            width="\(total * scale)" height="\(total * scale)" shape-rendering="crispEdges">
            <rect width="\(total)" height="\(total)" fill="#ffffff"/>
            <path fill="#000000" d="\(path)"/>
            </svg>

            """
    }

    /// A Netpbm bitmap: binary P4 (compact) or ASCII P1. In PBM 1 is black.
    public static func pbm(_ code: QRCode, scale: Int = 4, quietZone: Int = QRTextRenderer.standardQuietZone,
                           binary: Bool = true) -> Data {
        let image = Bitmap(code, scale: scale, quietZone: quietZone)
        var data = Data("\(binary ? "P4" : "P1")\n\(image.side) \(image.side)\n".utf8)
        if binary {
            for y in 0..<image.side { data.append(contentsOf: image.packedRow(y, darkBit: 1)) }
        } else {
            // P1 lines should stay under 70 characters; one digit a pixel, wrapped.
            for y in 0..<image.side {
                var digits: [UInt8] = []
                for x in 0..<image.side {
                    digits.append(image.isDark(x, y) ? 0x31 : 0x30)
                    if digits.count % 64 == 63 || x == image.side - 1 { digits.append(0x0A) }
                }
                data.append(contentsOf: digits)
            }
        }
        return data
    }

    /// A 1-bit greyscale PNG (see `QRPNG`).
    public static func png(_ code: QRCode, scale: Int = 8, quietZone: Int = QRTextRenderer.standardQuietZone) -> Data {
        let image = Bitmap(code, scale: scale, quietZone: quietZone)
        // PNG greyscale: 0 is black, so dark modules are 0 bits.
        let rows = (0..<image.side).map { image.packedRow($0, darkBit: 0) }
        return QRPNG.encodeGreyscale1Bit(width: image.side, height: image.side, rows: rows)
    }

    /// The code scaled to pixels, quiet zone included.
    struct Bitmap {
        let code: QRCode
        let scale: Int
        let border: Int
        let side: Int

        init(_ code: QRCode, scale: Int, quietZone: Int) {
            self.code = code
            self.scale = QRTextRenderer.clamp(scale, 1...64)
            border = QRTextRenderer.clamp(quietZone, 0...16)
            side = (code.size + 2 * border) * self.scale
        }

        func isDark(_ x: Int, _ y: Int) -> Bool {
            code[x / scale - border, y / scale - border]
        }

        /// One pixel row packed 8 pixels a byte, first pixel in the high bit,
        /// dark pixels as `darkBit`; the final byte's spare bits are light.
        func packedRow(_ y: Int, darkBit: UInt8) -> [UInt8] {
            var row = [UInt8](repeating: darkBit == 1 ? 0x00 : 0xFF, count: (side + 7) / 8)
            for x in 0..<side where isDark(x, y) {
                let bit: UInt8 = 0x80 >> UInt8(x & 7)
                if darkBit == 1 { row[x >> 3] |= bit } else { row[x >> 3] &= ~bit }
            }
            return row
        }
    }
}
