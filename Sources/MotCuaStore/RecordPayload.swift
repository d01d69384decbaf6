import Foundation
import MotCuaForms

/// A record's payload: one line of JSON (the header: kind, ids, times; never
/// wrapping) and, for records that carry a dossier or a form, a newline and
/// the body's exact bytes. Keeping the body as raw bytes means its SHA-256 is
/// taken over exactly what was written, and an index rebuild parses only the
/// small header.
enum RecordPayload {
    static func make(_ header: JSONValue, body: [UInt8]? = nil) -> [UInt8] {
        var out = JSONBytes.encode(header)
        if let body {
            out.append(0x0A)
            out += body
        }
        return out
    }

    /// Splits and parses the header; `body` is nil when there is none.
    static func split(_ payload: UnsafeRawBufferPointer) throws -> (header: JSONObject, body: UnsafeRawBufferPointer?) {
        let newline = payload.firstIndex(of: 0x0A)
        let headerBytes = UnsafeRawBufferPointer(rebasing: payload[0..<(newline ?? payload.count)])
        let value: JSONValue
        do { value = try JSONParser.parse(Data(headerBytes)) } catch {
            throw StoreError.badDataDirectory("record header is not JSON: \(error)")
        }
        guard let object = value.objectValue else { throw StoreError.badDataDirectory("record header is not a JSON object") }
        guard let newline else { return (object, nil) }
        return (object, UnsafeRawBufferPointer(rebasing: payload[(newline + 1)...]))
    }

    static func split(_ payload: [UInt8]) throws -> (header: JSONObject, body: [UInt8]?) {
        try payload.withUnsafeBytes { buf in
            let (h, b) = try split(buf)
            return (h, b.map { Array($0) })
        }
    }
}

extension JSONObject {
    /// Typed member access for record headers, throwing a clear error when a
    /// required member is missing (a record written by something else).
    func string(_ key: String) throws -> String {
        guard let s = self[key]?.stringValue else { throw StoreError.badDataDirectory("record is missing \"\(key)\"") }
        return s
    }

    func int(_ key: String) throws -> Int {
        guard let i = self[key]?.intValue else { throw StoreError.badDataDirectory("record is missing \"\(key)\"") }
        return i
    }

    func digest(_ key: String) throws -> Digest {
        guard let d = Digest(hex: try string(key)) else { throw StoreError.badDataDirectory("record has a malformed \"\(key)\"") }
        return d
    }

    func strings(_ key: String) -> [String] {
        (self[key]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
