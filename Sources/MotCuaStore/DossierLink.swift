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

    public init(of: String, reason: String) {
        self.of = of
        self.reason = reason
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
        guard let (item, entry) = try locate(c.of) else { throw StoreError.notFound("no dossier \(c.of) to correct") }
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

    /// The id of the version that replaced `id`, in the queue or the core store.
    func successor(of id: String) -> String? {
        queue.item(id: id)?.supersededBy ?? core.index.successors[id] ?? queue.items.first { $0.supersedes == id }?.id
    }
}
