// Operators as the kiosk sees them: a list of names to choose from and a PIN check.
// The CLI gives the real ones (operators.json in the data directory); tests give
// in-memory ones. Nil services: no operator is configured and the kiosk works as
// before, saying so on its home screen.

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
