import Foundation
import MotCuaForms

/// Compact JSON straight to UTF-8 bytes, for every record the store writes.
/// Same output as `JSONValue.data()` (same key order, same escapes: the test
/// suite checks they agree), but built byte by byte instead of scalar by
/// scalar into a String: serialising was the largest cost of a submit.
enum JSONBytes {
    static func encode(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
        case .bool(let b): out += b ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65]
        case .int(let i): out += String(i).utf8
        case .double: out += value.serialized().utf8
        case .string(let s): string(s, into: &out)
        case .array(let items):
            out.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                write(item, into: &out)
            }
            out.append(0x5D)
        case .object(let o):
            out.append(0x7B)
            for (n, member) in o.pairs.enumerated() {
                if n > 0 { out.append(0x2C) }
                string(member.key, into: &out)
                out.append(0x3A)
                write(member.value, into: &out)
            }
            out.append(0x7D)
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: `\"`, `\\`, `\n`, `\r`, `\t`; other C0 controls, DEL,
    /// C1 controls and U+2028/2029 as `\u00XX`; everything else as UTF-8.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var copy = s
        copy.withUTF8 { u in
            var i = 0
            var run = 0  // start of the bytes not yet copied: plain runs are copied in bulk
            let n = u.count
            func flush(_ upTo: Int) {
                if upTo > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<upTo])) }
            }
            while i < n {
                let b = u[i]
                if b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F, b != 0xC2, b != 0xE2 {
                    i += 1
                    continue
                }
                flush(i)
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x00..<0x20, 0x7F:
                    escape(UInt32(b), into: &out)
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(u[i + 1]):
                    escape(UInt32(u[i + 1]), into: &out)
                    i += 1
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    escape(u[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    i += 2
                default:
                    out.append(b)
                }
                i += 1
                run = i
            }
            flush(n)
        }
        out.append(0x22)
    }

    private static func escape(_ v: UInt32, into out: inout [UInt8]) {
        out += [0x5C, 0x75, hex[Int(v >> 12 & 15)], hex[Int(v >> 8 & 15)], hex[Int(v >> 4 & 15)], hex[Int(v & 15)]]
    }
}
