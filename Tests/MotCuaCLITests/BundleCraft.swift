import Foundation
import MotCuaForms
import MotCuaStore

/// Builds crafted bundles the way an attacker or a broken machine would:
/// from a real export, with entries edited and every checksum recomputed as
/// docs/STORE.md describes (frame checksum, entry `sha256`, the dossier's
/// `form.sha256`). The Swift port of the robustness reproducers' bundlegen.py.
enum BundleCraft {
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(payload.count)
        let head: [UInt8] = Array("MCR1".utf8) + [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)]
        var sha = SHA256()
        sha.update(head)
        sha.update(payload)
        return head + sha.finalize().bytes + payload
    }

    /// The payloads of a bundle's frames, in order (the file must be sound).
    static func payloads(of path: String) throws -> [[UInt8]] {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var out: [[UInt8]] = []
        var i = 0
        while i + 40 <= data.count, Array(data[i..<i + 4]) == Array("MCR1".utf8) {
            let n = Int(data[i + 4]) | Int(data[i + 5]) << 8 | Int(data[i + 6]) << 16 | Int(data[i + 7]) << 24
            out.append(Array(data[(i + 40)..<(i + 40 + n)]))
            i += 40 + n
        }
        return out
    }

    static func split(_ payload: [UInt8]) throws -> (header: JSONObject, body: [UInt8]?) {
        let nl = payload.firstIndex(of: 0x0A)
        let header = try JSONParser.parse(Data(payload[0..<(nl ?? payload.count)])).objectValue ?? JSONObject()
        return (header, nl.map { Array(payload[($0 + 1)...]) })
    }

    static func payload(_ header: JSONValue, body: [UInt8]? = nil) -> [UInt8] {
        var out = Array(header.serialized().utf8)
        if let body { out += [0x0A] + body }
        return out
    }

    static func formEntry(_ form: [UInt8]) -> [UInt8] {
        payload(["k": "form", "sha256": .string(SHA256.hash(form).hex)], body: form)
    }

    static func dossierEntry(_ dossier: JSONValue) -> [UInt8] {
        let body = Array(dossier.serialized().utf8)
        return payload(["k": "dossier", "id": dossier["id"] ?? .null, "receipt": dossier["receipt"] ?? .null,
                        "sha256": .string(SHA256.hash(body).hex)], body: body)
    }

    /// Entries of one kind ("form", "dossier") of an exported bundle.
    static func entries(_ payloads: [[UInt8]], _ kind: String) throws -> [[UInt8]] {
        try payloads.filter { try split($0).header["k"]?.stringValue == kind }
    }

    /// The dossier document inside a dossier entry.
    static func dossier(_ entry: [UInt8]) throws -> JSONObject {
        try JSONParser.parse(Data(try split(entry).body ?? [])).objectValue ?? JSONObject()
    }

    /// Writes a bundle: header, `middle`, end.
    static func write(_ path: String, middle: [[UInt8]]) throws {
        var bytes = frame(payload(["format": "motcua-bundle/1", "created": "2026-12-06T00:00:00.000Z", "kiosk": "ZZ01"]))
        for m in middle { bytes += frame(m) }
        bytes += frame(payload(["k": "end"]))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// `dossier` pointed at another form (new id; optionally a new receipt sequence).
    static func retarget(_ dossier: JSONObject, form: [UInt8], answers: JSONValue, sequence: Int? = nil) -> JSONValue {
        var d = dossier
        d["id"] = .string(UUID().uuidString.lowercased())
        if let sequence, let r = d["receipt"]?.stringValue, let dash = r.lastIndex(of: "-") {
            d["receipt"] = .string(String(r[..<dash]) + "-" + String(format: "%04d", sequence))
        }
        d["form"] = ["id": "t", "version": "1", "sha256": .string(SHA256.hash(form).hex)]
        d["answers"] = answers
        return .object(d)
    }

    /// A form that loads but fails lint: its calculation names a field that does not exist.
    static let unlintableForm = Array(#"{"format":"motcua-form/1","id":"t","version":"1","title":"T","pages":[{"id":"p","title":"P","fields":[{"id":"a","type":"integer","label":"A"},{"id":"c","type":"calculate","expression":"a + khong_co"}]}]}"#.utf8)
}
