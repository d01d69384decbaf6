import Foundation
import MotCuaForms
import MotCuaText

/// How a corrected or supplemented dossier (issue 16) names what it replaces:
/// a new dossier, with its own id, that supersedes its predecessor for a
/// reason. Both versions are kept everywhere (queue, core store, PostgreSQL,
/// a receiver); the chain keeps the first version's receipt code, so the
/// citizen keeps the same paper, and `version` tells the copies apart.
///
/// A queued (or failed, set-aside) predecessor is taken out of the queue by
/// the new version's own submit record (one record: a power cut cannot leave
/// a correction whose predecessor would still be delivered); a delivered one
/// stays delivered and the new version is delivered as a supplement.
public struct DossierLink: Sendable, Equatable {
    /// The id of the version this one replaces.
    public var supersedes: String
    /// The id of the chain's first version: every version of a chain holds
    /// its receipt code without a conflict.
    public var first: String
    /// 2 for the first correction or supplement, then 3, ...
    public var version: Int
    /// Why, as the officer typed it (through the text gate).
    public var reason: String

    public static let maxReasonCharacters = 500
    public static let maxVersion = 999

    public init(supersedes: String, first: String, version: Int, reason: String) {
        self.supersedes = supersedes
        self.first = first
        self.version = version
        self.reason = reason
    }

    /// The reason as it may be stored, or why it may not: one line, not
    /// empty, at most `maxReasonCharacters`, through the one text gate.
    public static func admitReason(_ text: String) throws -> String {
        let admitted: String
        switch TextGate.admit(text, multiline: false) {
        case .success(let s): admitted = s.trimmingCharacters(in: .whitespaces)
        case .failure(let refusal): throw StoreError.invalidArgument("the reason is refused: \(refusal)")
        }
        guard !admitted.isEmpty else { throw StoreError.invalidArgument("a correction needs a reason") }
        let count = TextGate.characterCount(admitted)
        guard count <= maxReasonCharacters else {
            throw StoreError.invalidArgument("the reason has \(count) characters; at most \(maxReasonCharacters)")
        }
        return admitted
    }

    /// The members a journal or store record header and the dossier's JSON carry.
    var members: [(String, JSONValue)] {
        [("supersedes", .string(supersedes)), ("first", .string(first)), ("version", .int(version)), ("reason", .string(reason))]
    }

    /// Reads the link from a header or a dossier document: nil when it has
    /// none; throws when it has one that is malformed (bundles come from
    /// other machines).
    static func read(_ o: JSONObject) throws -> DossierLink? {
        guard let value = o["supersedes"] else { return nil }
        guard let supersedes = value.stringValue, DossierID.isValid(supersedes),
              let first = o["first"]?.stringValue, DossierID.isValid(first) else {
            throw StoreError.invalidArgument("the dossier's \"supersedes\" or \"first\" is not a dossier id")
        }
        guard let version = o["version"]?.intValue, (2...maxVersion).contains(version) else {
            throw StoreError.invalidArgument("the dossier's \"version\" must be 2 to \(maxVersion)")
        }
        guard let reason = o["reason"]?.stringValue else { throw StoreError.invalidArgument("the dossier's \"reason\" is missing") }
        return DossierLink(supersedes: supersedes, first: first, version: version, reason: try admitReason(reason))
    }
}

/// A correction asked of the store: which dossier (id or receipt code) the new one replaces, and why.
public struct CorrectionRequest: Sendable, Equatable {
    public var of: String
    public var reason: String
    /// Set when `of` is a dossier of the shared core store that this desk's store does not
    /// hold (filed and delivered at another desk): what the new version takes from it.
    public var core: CorePredecessor?

    public init(of: String, reason: String, core: CorePredecessor? = nil) {
        self.of = of
        self.reason = reason
        self.core = core
    }
}

/// A predecessor read from the shared core store when its correction opened: its id, its
/// chain's first id, its version, receipt code and procedure. The new version's link is
/// made from these as from a predecessor of this store (`correctionLink`), so the core
/// takes it as the chain's next version under the same receipt code.
public struct CorePredecessor: Sendable, Equatable {
    public var id: String
    public var first: String
    public var version: Int
    public var receipt: String
    public var formID: String

    public init(id: String, first: String, version: Int, receipt: String, formID: String) {
        self.id = id; self.first = first; self.version = version; self.receipt = receipt; self.formID = formID
    }

    public init(_ d: Dossier) {
        self.init(id: d.id, first: d.chain, version: d.version, receipt: d.receipt, formID: d.formID)
    }

    var json: JSONValue {
        ["id": .string(id), "first": .string(first), "version": .int(version), "receipt": .string(receipt), "formID": .string(formID)]
    }

    /// Read back from a draft (a file on disk: checked like any outside input).
    init(json: JSONValue) throws {
        guard let id = json["id"]?.stringValue, DossierID.isValid(id), let first = json["first"]?.stringValue, DossierID.isValid(first),
              let version = json["version"]?.intValue, (1..<DossierLink.maxVersion).contains(version),
              let receipt = json["receipt"]?.stringValue, ReceiptCode.parse(receipt) != nil,
              let formID = json["formID"]?.stringValue, !formID.isEmpty, formID.utf8.count <= 200 else {
            throw StoreError.invalidArgument("the draft's correction names a shared core dossier that is malformed")
        }
        self.init(id: id, first: first, version: version, receipt: receipt, formID: formID)
    }
}

extension Dossier {
    /// The id naming this dossier's chain: its first version's.
    public var chain: String { link?.first ?? id }
    /// 1 for a dossier that replaces none.
    public var version: Int { link?.version ?? 1 }
}

extension DossierStore {
    /// The link and receipt code of a correction of `c.of` (under the lock,
    /// queue and core loaded). Refuses a dossier that is unknown, of another
    /// procedure, already replaced (correct the latest version instead), or
    /// being delivered this moment (its outcome is not known yet).
    func correctionLink(_ c: CorrectionRequest, formID: String) throws -> (DossierLink, String) {
        let reason = try DossierLink.admitReason(c.reason)
        guard let (item, entry) = try locate(c.of) else {
            if let p = c.core, p.id == c.of { return try coreCorrectionLink(p, reason: reason, formID: formID) }
            throw StoreError.notFound("no dossier \(c.of) to correct")
        }
        let id = item?.id ?? entry?.id ?? c.of
        guard let old = try dossierLocked(id: id) else { throw StoreError.notFound("no dossier \(c.of) to correct") }
        if let next = successor(of: id) {
            throw StoreError.conflict("dossier \(id) was already replaced by \(next); correct the latest version")
        }
        if item?.state == .delivering {
            throw StoreError.conflict("dossier \(id) is being delivered right now; try again in a moment")
        }
        guard old.formID == formID else {
            throw StoreError.invalidArgument("dossier \(id) is for \(old.formID), not \(formID): a correction keeps the procedure")
        }
        guard old.version < DossierLink.maxVersion else { throw StoreError.conflict("dossier \(id) has too many versions") }
        return (DossierLink(supersedes: id, first: old.chain, version: old.version + 1, reason: reason), old.receipt)
    }

    /// The same for a predecessor only in the shared core store: refused when this store
    /// already holds a version replacing it, or another chain holds its receipt code.
    private func coreCorrectionLink(_ p: CorePredecessor, reason: String, formID: String) throws -> (DossierLink, String) {
        // Read from another server: checked as the store's own link and codes are.
        guard DossierID.isValid(p.id), DossierID.isValid(p.first), (1...DossierLink.maxVersion).contains(p.version),
              ReceiptCode.parse(p.receipt) != nil else {
            throw StoreError.invalidArgument("the shared core's dossier \(p.id) has a malformed id, chain, version or receipt code")
        }
        if let next = successor(of: p.id) {
            throw StoreError.conflict("dossier \(p.id) was already replaced by \(next); correct the latest version")
        }
        guard p.formID == formID else {
            throw StoreError.invalidArgument("dossier \(p.id) is for \(p.formID), not \(formID): a correction keeps the procedure")
        }
        guard p.version < DossierLink.maxVersion else { throw StoreError.conflict("dossier \(p.id) has too many versions") }
        if let holder = receiptHolderLocked(p.receipt, other: p.id, chain: p.first) {
            throw StoreError.conflict(DossierStore.receiptConflictDetail(p.receipt, holder: holder))
        }
        return (DossierLink(supersedes: p.id, first: p.first, version: p.version + 1, reason: reason), p.receipt)
    }

    /// The id of the version that replaced `id`, in the queue or the core store.
    func successor(of id: String) -> String? {
        queue.item(id: id)?.supersededBy ?? core.index.successors[id] ?? queue.items.first { $0.supersedes == id }?.id
    }
}
