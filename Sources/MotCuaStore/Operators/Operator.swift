import Foundation
import MotCuaForms

/// One person allowed to use the kiosk: an officer (sees their own drafts) or an
/// administrator (sees everyone's, manages operators). Only a PBKDF2 hash of the
/// PIN is kept, with its own random salt.
public struct Operator: Sendable, Equatable {
    /// The id written in the audit log and on drafts: lower-case ASCII letters,
    /// digits, `.`, `-`, `_`; never personal data beyond what the desk chose.
    public let id: String
    /// The name shown on the sign-in list and printed on receipts.
    public var displayName: String
    public var isAdmin: Bool
    public var disabled: Bool
    var salt: [UInt8]
    var hash: [UInt8]
    var iterations: Int
    /// Wrong PINs since the last good one (or the last lock).
    var failures: Int
    /// Seconds since 1970 until which sign-in is refused; persisted so a restart does not unlock.
    var lockedUntil: Double?

    public var role: String { isAdmin ? "admin" : "officer" }

    /// Whether the operator is locked out at `now`, and until when.
    public func lockedUntil(at now: Date) -> Date? {
        guard let t = lockedUntil, t > now.timeIntervalSince1970 else { return nil }
        return Date(timeIntervalSince1970: t)
    }

    /// An id is short and plain so it can sit in logs, file names and receipts.
    public static func validID(_ s: String) -> Bool {
        guard (1...32).contains(s.utf8.count) else { return false }
        return s.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 46 || $0 == 45 || $0 == 95 }
            && s.first != "." && s.first != "-"
    }

    /// A PIN is 6 to 32 ASCII digits.
    public static func validPIN(_ s: String) -> Bool {
        (6...32).contains(s.utf8.count) && s.utf8.allSatisfy { (48...57).contains($0) }
    }

    var json: JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["name"] = .string(displayName)
        o["role"] = .string(role)
        o["disabled"] = .bool(disabled)
        o["kdf"] = .string("pbkdf2-hmac-sha256")
        o["iterations"] = .int(iterations)
        o["salt"] = .string(Hex.string(salt))
        o["hash"] = .string(Hex.string(hash))
        o["failures"] = .int(failures)
        o["lockedUntil"] = lockedUntil.map { .double($0) } ?? .null
        return .object(o)
    }

    init(id: String, displayName: String, isAdmin: Bool, disabled: Bool, salt: [UInt8], hash: [UInt8],
         iterations: Int, failures: Int, lockedUntil: Double?) {
        self.id = id; self.displayName = displayName; self.isAdmin = isAdmin; self.disabled = disabled
        self.salt = salt; self.hash = hash; self.iterations = iterations
        self.failures = failures; self.lockedUntil = lockedUntil
    }

    /// Reads one entry; nil (never a trap) for anything malformed.
    init?(json v: JSONValue) {
        guard let id = v["id"]?.stringValue, Operator.validID(id),
              let name = v["name"]?.stringValue, !name.isEmpty, name.utf8.count <= 200,
              let role = v["role"]?.stringValue, role == "admin" || role == "officer",
              v["kdf"]?.stringValue == "pbkdf2-hmac-sha256",
              let iterations = v["iterations"]?.intValue, (1...100_000_000).contains(iterations),
              let salt = v["salt"]?.stringValue.flatMap({ Hex.bytes($0, maxBytes: 128) }), salt.count >= 16,
              let hash = v["hash"]?.stringValue.flatMap({ Hex.bytes($0, maxBytes: 128) }), hash.count == 32 else { return nil }
        self.init(id: id, displayName: name, isAdmin: role == "admin", disabled: v["disabled"]?.boolValue ?? false,
                  salt: salt, hash: hash, iterations: iterations,
                  failures: max(0, min(v["failures"]?.intValue ?? 0, 1000)),
                  lockedUntil: v["lockedUntil"]?.doubleValue.flatMap { $0.isFinite ? $0 : nil })
    }
}
