// Who works at the desk: the sign-in list and PIN check over operators.json, who is
// signed in now, whose drafts they may open (an officer their own, an administrator all),
// and the events recorded as desk records of the journal (so in audit.log's chain;
// operators.log only when the journal cannot take them). The kiosk reaches it through
// `OperatorServices`; nil when the data folder has no operators (the desk is open).
import Foundation
import MotCuaStore

/// One operator on the sign-in list.
public struct OperatorItem: Hashable, Sendable {
    /// The id written in the audit log.
    public var id: String
    /// The name shown on the list and printed on receipts.
    public var name: String
    public var isAdmin: Bool

    public init(id: String, name: String, isAdmin: Bool) {
        self.id = id; self.name = name; self.isAdmin = isAdmin
    }
}

/// The answer to a PIN.
public enum SignInReply: Equatable, Sendable {
    case signedIn(OperatorItem)
    /// Wrong; `left` more tries before the lock.
    case wrongPIN(left: Int)
    /// Locked until this time (formatted "HH:mm dd/MM/yyyy").
    case locked(until: String)
    /// Disabled, unknown or the file unreadable: the reason, already in words.
    case refused(String)
}

public final class DeskSignIn {
    let store: OperatorStore
    public let dataDir: String
    public let kioskID: String
    /// The journal the desk events go to (set by the backend once its store is open).
    public var journal: DossierStore?
    /// The operator signed in now; nil between sign-ins.
    public private(set) var current: OperatorItem?

    /// Nil when the data directory has no operators file: the kiosk then works as before.
    /// A file that exists but cannot be read keeps the sign-in screen (with nobody to
    /// choose): a damaged file must never open the kiosk to anyone.
    public init?(dataDir: String, kioskID: String) {
        guard FileManager.default.fileExists(atPath: dataDir + "/" + OperatorStore.fileName),
              let store = try? OperatorStore(dataDirectory: dataDir) else { return nil }
        self.store = store
        self.dataDir = dataDir
        self.kioskID = kioskID
    }

    /// Whether a draft's owner is shown to the one signed in: administrators see all.
    public func mayOpen(draftOwner: String?) -> Bool {
        guard let current else { return false }
        return current.isAdmin || draftOwner == current.id
    }

    public func record(_ event: DeskEvent, operatorID: String, draft: String? = nil) {
        // Into the journal, hence audit.log's chain. Should it refuse (a full disk), the event goes to
        // operators.log instead: a sign-in is never stopped by the disk, and the event is not lost.
        do {
            guard let journal else { throw StoreError.notFound("no journal") }
            try journal.recordDeskEvent(event, operatorID: operatorID, draftID: draft)
        } catch {
            try? OperatorLog.record(event.rawValue, operatorID: operatorID, kiosk: kioskID, draft: draft, dataDirectory: dataDir)
        }
    }

    /// Operators who may sign in (disabled ones left out), in the order they were added.
    public func list() -> [OperatorItem] {
        ((try? store.list()) ?? []).filter { !$0.disabled }.map { OperatorItem(id: $0.id, name: $0.displayName, isAdmin: $0.isAdmin) }
    }

    /// Whether `pin` has a PIN's shape (6 to 32 digits): one that has not cannot be anyone's,
    /// so the kiosk says so rather than spending one of the five tries on it.
    public static func mayBePIN(_ pin: String) -> Bool { Operator.validPIN(pin) }

    /// Checks a PIN (PBKDF2, constant-time; five wrong ones lock for five minutes) and
    /// records what happened; `messages` words a refusal.
    public func signIn(_ id: String, pin: String, messages: (String, [String: String]) -> String) -> SignInReply {
        let outcome: SignInOutcome
        do { outcome = try store.signIn(id, pin: pin) } catch { return .refused(messages("kiosk.signin.failed", ["reason": "\(error)"])) }
        switch outcome {
        case .signedIn(let o):
            let item = OperatorItem(id: o.id, name: o.displayName, isAdmin: o.isAdmin)
            current = item
            record(.signedIn, operatorID: o.id)
            return .signedIn(item)
        case .wrongPIN(let left):
            record(.wrongPIN, operatorID: id)
            return .wrongPIN(left: left)
        case .lockedOut(let until, let justNow):
            if justNow { record(.lockedOut, operatorID: id) }
            return .locked(until: vietnamTime(Timestamp(until)).text)
        case .disabled, .unknown:
            return .refused(messages("kiosk.signin.disabled", [:]))
        }
    }

    /// The desk left the operator ("idle" timeout or "đổi người"): nobody is signed in.
    public func signOut(_ id: String, reason: String) {
        record(reason == "idle" ? .signedOutIdle : .signedOut, operatorID: id)
        current = nil
    }
}
