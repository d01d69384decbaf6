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

    public init(id: String, receipt: String, formID: String, formVersion: String, formHash: Digest, language: String,
                kiosk: String, operatorID: String, submittedAt: Timestamp, answers: JSONValue) {
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
    }

    /// The document, keys in a fixed order so the same dossier always gives the same bytes.
    public var json: JSONValue {
        [
            "format": .string(Dossier.format),
            "id": .string(id),
            "receipt": .string(receipt),
            "form": ["id": .string(formID), "version": .string(formVersion), "sha256": .string(formHash.hex)],
            "language": .string(language),
            "kiosk": .string(kiosk),
            "operator": .string(operatorID),
            "submittedAt": .string(submittedAt.iso8601),
            "answers": answers,
        ]
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
        self.init(id: id, receipt: receipt, formID: try text("id", in: form), formVersion: try text("version", in: form),
                  formHash: hash, language: try text("language"), kiosk: kiosk, operatorID: try text("operator"),
                  submittedAt: at, answers: answers)
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

/// Kiosk ids: 2 to 8 capital letters or digits ("HD01"); the first part of receipt codes.
public enum KioskID {
    public static let defaultID = "MC01"

    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return (2...8).contains(u.count) && u.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    /// Upper-cases and checks a kiosk id typed by a person.
    public static func normalize(_ s: String) throws -> String {
        let up = s.trimmingCharacters(in: .whitespaces).uppercased()
        guard isValid(up) else { throw StoreError.invalidArgument("kiosk id \"\(s)\" must be 2 to 8 letters A-Z or digits, e.g. HD01") }
        return up
    }
}

/// Receipt codes a person can read over the phone: `KIOSK-YYMMDD-NNNN`, the
/// date in Viet Nam, NNNN the kiosk's sequence for that day (from 0001; a
/// fifth digit appears only past 9999 dossiers in one day).
public enum ReceiptCode {
    public static func make(kiosk: String, day: (year: Int, month: Int, day: Int), sequence: Int) -> String {
        dayKey(kiosk: kiosk, day: day) + "-" + zeroPadded(sequence, 4)
    }

    /// The "KIOSK-YYMMDD" part a day's sequence counts within, and the sequence.
    public static func parse(_ code: String) -> (dayKey: String, sequence: Int)? {
        let u = Array(code.utf8)
        guard let dash = u.firstIndex(of: 45), dash + 12 <= u.count, u[dash + 7] == 45,
              KioskID.isValid(String(decoding: u[0..<dash], as: UTF8.self)),
              u[(dash + 1)..<(dash + 7)].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let seq = u[(dash + 8)...]
        guard seq.count >= 4, seq.count <= 9, seq.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let n = seq.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard n > 0 else { return nil }
        return (String(decoding: u[0..<(dash + 7)], as: UTF8.self), n)
    }

    static func dayKey(kiosk: String, day: (year: Int, month: Int, day: Int)) -> String {
        kiosk + "-" + zeroPadded(day.year % 100, 2) + zeroPadded(day.month, 2) + zeroPadded(day.day, 2)
    }
}
