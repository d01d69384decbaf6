// The kiosk's operators: who is signed in, the sign-in list and PIN check over
// operators.json, and the events recorded as desk records of the journal (so in
// audit.log's chain; operators.log only when the journal cannot take them). Kept apart from
// KioskBackend so the backend only asks "who is here?" (nil: nobody configured).
import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaKiosk
import MotCuaStore

final class KioskSignIn {
    let store: OperatorStore
    let dataDir: String
    let kioskID: String
    /// The journal the desk events go to (set by the backend once its store is open).
    var journal: DossierStore?
    /// The operator signed in now; nil between sign-ins.
    private(set) var current: OperatorItem?

    /// Nil when the data directory has no operators file: the kiosk then works as before.
    /// A file that exists but cannot be read keeps the sign-in screen (with nobody to
    /// choose): a damaged file must never open the kiosk to anyone.
    init?(dataDir: String, kioskID: String) {
        guard FileManager.default.fileExists(atPath: dataDir + "/" + OperatorStore.fileName),
              let store = try? OperatorStore(dataDirectory: dataDir) else { return nil }
        self.store = store
        self.dataDir = dataDir
        self.kioskID = kioskID
    }

    /// Whether a draft's owner is shown to the one signed in: administrators see all.
    func mayOpen(draftOwner: String?) -> Bool {
        guard let current else { return false }
        return current.isAdmin || draftOwner == current.id
    }

    func record(_ event: DeskEvent, operatorID: String, draft: String? = nil) {
        // Into the journal, hence audit.log's chain. Should it refuse (a full disk), the event goes to
        // operators.log instead: a sign-in is never stopped by the disk, and the event is not lost.
        do {
            guard let journal else { throw StoreError.notFound("no journal") }
            try journal.recordDeskEvent(event, operatorID: operatorID, draftID: draft)
        } catch {
            try? OperatorLog.record(event.rawValue, operatorID: operatorID, kiosk: kioskID, draft: draft, dataDirectory: dataDir)
        }
    }

    func services(_ messages: @escaping (String, [String: String]) -> String) -> OperatorServices {
        OperatorServices(
            list: { [store] in
                ((try? store.list()) ?? []).filter { !$0.disabled }.map { OperatorItem(id: $0.id, name: $0.displayName, isAdmin: $0.isAdmin) }
            },
            signIn: { [self] id, pin in
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
            },
            signOut: { [self] id, reason in
                record(reason == "idle" ? .signedOutIdle : .signedOut, operatorID: id)
                current = nil
            })
    }
}

extension KioskBackend {
    /// The signed-in operator's display name, for the receipt's "officer" line (nil: nobody / not configured).
    var signedInName: String? { signIn?.current?.name }
    /// The id that goes in the audit log: the signed-in operator, else `--operator` / the login name.
    var operatorName: String { signIn?.current?.id ?? line.operatorName }
}

/// "Nguyễn Thị Lan (lan)" when the id is one of the data directory's operators,
/// "không rõ" for nobody recorded, else the id as recorded (a CLI login name, or an
/// operator since removed).
func officerName(_ id: String, _ store: DossierStore?, _ m: Messages? = nil) -> String {
    if id == "unknown", let m { return m.text("cli.show.operator.unknown") }
    guard let dir = store?.directory, FileManager.default.fileExists(atPath: dir + "/" + OperatorStore.fileName),
          let ops = try? OperatorStore(dataDirectory: dir).list(),
          let o = ops.first(where: { $0.id == id }), o.displayName != id else { return id }
    return "\(o.displayName) (\(id))"
}
