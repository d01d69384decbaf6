// The desk's operators (MotCuaDesk/DeskSignIn.swift) handed to the kiosk, and the
// officer's name as `dossiers show` prints it.
import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaKiosk
import MotCuaStore

extension DeskSignIn {
    /// The kiosk's view of the desk's operators.
    func services(_ messages: @escaping (String, [String: String]) -> String) -> OperatorServices {
        OperatorServices(list: { [self] in list() },
                         signIn: { [self] id, pin in signIn(id, pin: pin, messages: messages) },
                         signOut: { [self] id, reason in signOut(id, reason: reason) })
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
