import Foundation

/// Copies of every form file a dossier was made with, named by their SHA-256
/// (`forms/<64 hex>.json`), so delivery re-validates against the exact form
/// version even after the kiosk's Forms/ folder moved on. File names are made
/// only from digests computed here, never from text read from a bundle.
final class FormCopies {
    let directory: String
    /// Copies already checked in this process (their bytes hash to their name).
    private var known = Set<Digest>()

    init(directory: String) throws {
        self.directory = directory
        try FileIO.ensureDirectory(directory)
    }

    func path(_ hash: Digest) -> String { directory + "/" + hash.hex + ".json" }

    /// Makes sure a good copy of `data` exists; returns its hash. Writing a
    /// new copy is atomic and durable (file and directory fsync): it happens
    /// once per form version, before any dossier refers to it. A damaged copy
    /// is replaced by the good bytes.
    @discardableResult
    func store(_ data: Data) throws -> Digest { try store(FormFile(data)) }

    @discardableResult
    func store(_ form: FormFile) throws -> Digest {
        let hash = form.sha256
        let data = form.data
        if known.contains(hash) { return hash }
        if let existing = try? FileIO.readFile(path(hash)), SHA256.hash(existing) == hash {
            known.insert(hash)
            return hash
        }
        try FileIO.writeAtomically(path(hash), bytes: [UInt8](data))
        known.insert(hash)
        return hash
    }

    func has(_ hash: Digest) -> Bool {
        known.contains(hash) || ((try? FileIO.readFile(path(hash))).flatMap { $0 }.map { SHA256.hash($0) == hash } ?? false)
    }

    /// The form's bytes, checked against the name.
    func load(_ hash: Digest) throws -> Data {
        guard let bytes = try FileIO.readFile(path(hash)) else {
            throw StoreError.notFound("the form file \(hash.hex.prefix(12))… this dossier was made with is missing from \(directory)")
        }
        guard SHA256.hash(bytes) == hash else {
            throw StoreError.badDataDirectory("the stored form file \(hash.hex.prefix(12))… is damaged (its content does not match its checksum)")
        }
        known.insert(hash)
        return Data(bytes)
    }

    /// Every copy's name and whether its content matches (for verify).
    func audit() throws -> [(name: String, good: Bool)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            guard name.hasSuffix(".json"), let hash = Digest(hex: String(name.dropLast(5))) else { return (name, false) }
            guard let bytes = try FileIO.readFile(directory + "/" + name) else { return (name, false) }
            return (name, SHA256.hash(bytes) == hash)
        }
    }
}
