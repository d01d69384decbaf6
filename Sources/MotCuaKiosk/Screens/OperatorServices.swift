// Operators as the kiosk sees them: a list of names to choose from and a PIN check.
// The CLI gives the real ones (operators.json in the data directory); tests give
// in-memory ones. Nil services: no operator is configured and the kiosk works as
// before, saying so on its home screen. The operator and the reply are the desk's
// (MotCuaDesk/DeskSignIn.swift).
import MotCuaDesk

public struct OperatorServices {
    /// Operators who may sign in (disabled ones left out), in the order they were added.
    public var list: () -> [OperatorItem]
    /// Checks a PIN for an operator id (and records the attempt).
    public var signIn: (String, String) -> SignInReply
    /// The kiosk left the operator (idle timeout or "đổi người"): nobody is signed in.
    public var signOut: (String, _ reason: String) -> Void

    public init(list: @escaping () -> [OperatorItem], signIn: @escaping (String, String) -> SignInReply,
                signOut: @escaping (String, String) -> Void) {
        self.list = list; self.signIn = signIn; self.signOut = signOut
    }
}
