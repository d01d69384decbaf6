import Foundation
import MotCuaForms

/// What a citizen submitted: fixed at submit time and never changed after.
/// Its JSON (docs/DOSSIER-FORMAT.md) is written once; the SHA-256 of those
/// exact bytes is the dossier's content hash, which makes redelivery and
/// re-import idempotent and exposes any alteration. Status lives apart, in
/// the queue's records, because it changes.
public struct Dossier: Sendable, Equatable {
    public static let format = "motcua-dossier/1"

    public var id: String
    public var receipt: String
    public var formID: String
    public var formVersion: String
    /// SHA-256 of the exact form file the answers were checked against.
    public var formHash: Digest
    public var language: String
    public var kiosk: String
    public var operatorID: String
    public var submittedAt: Timestamp
    public var answers: JSONValue
    /// Set on a correction or supplement: the version it replaces (`DossierLink`).
    public var link: DossierLink?

    public init(id: String, receipt: String, formID: String, formVersion: String, formHash: Digest, language: String,
                kiosk: String, operatorID: String, submittedAt: Timestamp, answers: JSONValue, link: DossierLink? = nil) {
        self.id = id
        self.receipt = receipt
        self.formID = formID
        self.formVersion = formVersion
        self.formHash = formHash
        self.language = language
        self.kiosk = kiosk
        self.operatorID = operatorID
        self.submittedAt = submittedAt
        self.answers = answers
        self.link = link
    }

    /// The document, keys in a fixed order so the same dossier always gives the same bytes.
    /// A first version has no link members, so its bytes are what they were before corrections existed.
    public var json: JSONValue {
        let members: [(String, JSONValue)] = [
            ("format", .string(Dossier.format)),
            ("id", .string(id)),
            ("receipt", .string(receipt)),
            ("form", ["id": .string(formID), "version": .string(formVersion), "sha256": .string(formHash.hex)]),
            ("language", .string(language)),
            ("kiosk", .string(kiosk)),
            ("operator", .string(operatorID)),
            ("submittedAt", .string(submittedAt.iso8601)),
            ("answers", answers),
        ]
        return .object(JSONObject(members + (link?.members ?? [])))
    }

    /// Reads a dossier document, checking every member (bundles come from other machines).
    public init(json: JSONValue) throws {
        guard let o = json.objectValue else { throw StoreError.invalidArgument("a dossier must be a JSON object") }
        func text(_ key: String, in obj: JSONObject = o) throws -> String {
            guard let s = obj[key]?.stringValue else { throw StoreError.invalidArgument("the dossier has no \"\(key)\" text") }
            return s
        }
        guard try text("format") == Dossier.format else { throw StoreError.invalidArgument("unknown dossier format (expected \(Dossier.format))") }
        guard let form = o["form"]?.objectValue else { throw StoreError.invalidArgument("the dossier has no \"form\" object") }
        guard let hash = Digest(hex: try text("sha256", in: form)) else { throw StoreError.invalidArgument("the dossier's form.sha256 is not 64 hex digits") }
        guard let at = Timestamp(iso8601: try text("submittedAt")) else { throw StoreError.invalidArgument("the dossier's submittedAt is not a time") }
        guard let answers = o["answers"], answers.objectValue != nil else { throw StoreError.invalidArgument("the dossier has no \"answers\" object") }
        let id = try text("id")
        guard DossierID.isValid(id) else { throw StoreError.invalidArgument("the dossier id is malformed") }
        let kiosk = try text("kiosk")
        guard KioskID.isValid(kiosk) else { throw StoreError.invalidArgument("the dossier's kiosk id is malformed") }
        let receipt = try text("receipt")
        guard ReceiptCode.parse(receipt) != nil else { throw StoreError.invalidArgument("the dossier's receipt code is malformed") }
        // A language names a messages file further on: only a plain tag may pass (issue 12, F15).
        let language = try text("language")
        guard LanguageTag.isPlain(language) else { throw StoreError.invalidArgument("the dossier's language is not a language tag such as vi or en") }
        self.init(id: id, receipt: receipt, formID: try text("id", in: form), formVersion: try text("version", in: form),
                  formHash: hash, language: language, kiosk: kiosk, operatorID: try text("operator"),
                  submittedAt: at, answers: answers, link: try DossierLink.read(o))
    }

    public init(bytes: [UInt8]) throws {
        let value: JSONValue
        do { value = try JSONParser.parse(Data(bytes)) } catch { throw StoreError.invalidArgument("the dossier is not JSON: \(error)") }
        try self.init(json: value)
    }
}

/// Dossier ids: random, made when an interview starts, kept through drafts,
/// submission and delivery. Never used to build a path.
public enum DossierID {
    /// A new random id (a version 4 UUID, lower case).
    public static func make() -> String { UUID().uuidString.lowercased() }

    /// 8 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit.
    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard (8...64).contains(u.count), u[0] != 45 else { return false }
        return u.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}
