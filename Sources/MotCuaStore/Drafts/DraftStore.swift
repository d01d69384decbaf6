import Foundation
import MotCuaForms

/// An interview in progress: what the person has confirmed so far. Its id is
/// the dossier id, made when the interview starts and kept through delivery.
public struct Draft: Sendable, Equatable {
    public var id: String
    public var formID: String
    public var formVersion: String
    /// The form file the interview runs on, to resume it.
    public var formPath: String
    public var language: String
    public var answers: JSONObject
    public var finishedRepeats: [String]
    /// The applicant's name where known, for `drafts list`.
    public var applicantName: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// The operator who started it: an officer sees only their own drafts in the
    /// kiosk, an administrator sees all (nil: started before operators existed).
    public var owner: String?
    /// Set when the interview corrects or supplements a submitted dossier (issue 16):
    /// kept with the draft so a resumed correction is still one.
    public var correction: CorrectionRequest?

    public init(id: String, formID: String, formVersion: String, formPath: String, language: String,
                answers: JSONObject = JSONObject(), finishedRepeats: [String] = [], applicantName: String? = nil,
                createdAt: Timestamp = .now, updatedAt: Timestamp = .now) {
        self.id = id; self.formID = formID; self.formVersion = formVersion; self.formPath = formPath
        self.language = language; self.answers = answers; self.finishedRepeats = finishedRepeats
        self.applicantName = applicantName; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["format"] = "motcua-draft/1"
        o["id"] = .string(id)
        o["form"] = ["id": .string(formID), "version": .string(formVersion), "path": .string(formPath)]
        o["language"] = .string(language)
        o["applicantName"] = applicantName.map(JSONValue.string) ?? .null
        o["createdAt"] = .string(createdAt.iso8601)
        o["updatedAt"] = .string(updatedAt.iso8601)
        o["finishedRepeats"] = .array(finishedRepeats.map(JSONValue.string))
        o["answers"] = .object(answers)
        if let owner { o["operator"] = .string(owner) }
        if let correction {
            var c = JSONObject()
            c["of"] = .string(correction.of)
            c["reason"] = .string(correction.reason)
            if let core = correction.core { c["core"] = core.json }
            o["correction"] = .object(c)
        }
        return .object(o)
    }

    public init(json: JSONValue) throws {
        guard json["format"] == "motcua-draft/1", let id = json["id"]?.stringValue, let form = json["form"],
              let formID = form["id"]?.stringValue, let version = form["version"]?.stringValue, let path = form["path"]?.stringValue,
              let answers = json["answers"]?.objectValue else {
            throw StoreError.invalidArgument("not a motcua-draft/1 document")
        }
        self.init(id: id, formID: formID, formVersion: version, formPath: path, language: json["language"]?.stringValue ?? "vi",
                  answers: answers, finishedRepeats: (json["finishedRepeats"]?.arrayValue ?? []).compactMap(\.stringValue),
                  applicantName: json["applicantName"]?.stringValue,
                  createdAt: json["createdAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)) ?? .now,
                  updatedAt: json["updatedAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)) ?? .now)
        owner = json["operator"]?.stringValue
        if let c = json["correction"] {
            guard let of = c["of"]?.stringValue, let reason = c["reason"]?.stringValue else {
                throw StoreError.invalidArgument("the draft's correction names no dossier or no reason")
            }
            correction = CorrectionRequest(of: of, reason: reason, core: try c["core"].map(CorePredecessor.init(json:)))
        }
    }
}

/// Where drafts live. One real implementation, on disk; tests use it in a temporary folder.
public protocol DraftStoring: Sendable {
    func save(_ draft: Draft) throws
    func load(_ id: String) throws -> Draft?
    func list() throws -> [Draft]
    func discard(_ id: String) throws
}

/// Drafts as one file each, `drafts/<id>.json` (0600), replaced atomically
/// on every confirmed answer: write a temporary file, fsync, rename, fsync
/// the folder. A kill at any instant leaves the previous or the new draft.
public struct FileDraftStore: DraftStoring {
    public let directory: String

    public init(dataDirectory: String) throws {
        directory = (dataDirectory as NSString).appendingPathComponent("drafts")
        try FileIO.ensureDirectory(dataDirectory)
        try FileIO.ensureDirectory(directory)
        // Drafts copied in or restored with a wider mode are tightened (F14).
        _ = DataDirectory.tightenModes(dataDirectory)
    }

    private func path(_ id: String) throws -> String {
        guard DossierID.isValid(id) else { throw StoreError.invalidArgument("\"\(id)\" is not a draft id") }
        return (directory as NSString).appendingPathComponent(id + ".json")
    }

    public func save(_ draft: Draft) throws {
        try FileIO.writeAtomically(try path(draft.id), bytes: Array(draft.json.data(pretty: true)))
    }

    public func load(_ id: String) throws -> Draft? {
        // Bounded: a draft is a few kilobytes of answers; a huge file is not one.
        guard let bytes = try FileIO.readFile(try path(id), limit: 16 << 20) else { return nil }
        return try Draft(json: try JSONParser.parse(Data(bytes)))
    }

    /// Every readable draft, most recent first; unreadable files are skipped
    /// (a temporary file left by a kill is not a draft).
    public func list() throws -> [Draft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            try? load(String(name.dropLast(5)))
        }.sorted { $0.updatedAt > $1.updatedAt }
    }

    /// Removes a draft nobody has open; throws `DraftInUse` when a desk has it open.
    public func discard(_ id: String) throws {
        _ = try path(id)
        try discard(id, holding: try lock(id))
    }

    /// Holds the draft for one interview (see `DraftLock`); throws `DraftInUse`
    /// when another desk or kiosk has it open.
    public func lock(_ id: String) throws -> DraftLock {
        _ = try path(id)
        return try DraftLock(directory: directory, id: id)
    }

    /// Removes a draft this caller holds open (the dossier was queued, or the
    /// officer discarded it), its lock file with it.
    public func discard(_ id: String, holding lock: DraftLock) throws {
        let p = try path(id)
        guard lock.draftID == id else { throw StoreError.invalidArgument("the lock held is not draft \(id)'s") }
        guard FileIO.exists(p) else {
            lock.remove()
            throw StoreError.notFound("no draft \(id)")
        }
        if FileIO.unlink(p) != 0 { throw StoreError.io(action: "remove", path: p, errno: errno) }
        lock.remove()
        try FileIO.fsyncDirectory(directory)
    }
}
