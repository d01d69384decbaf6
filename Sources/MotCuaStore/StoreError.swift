import Foundation

/// Everything the store can refuse or fail at, each with a one-line reason a
/// desk officer can act on. Paths are the store's own; no personal data.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: `action` says what we were doing ("write", "fsync").
    case io(action: String, path: String, errno: Int32)
    /// The data directory or one of its files is not what the store expects.
    case badDataDirectory(String)
    /// The form file itself cannot be used (the checker's one-line reason).
    case unusableForm(String)
    /// A caller gave something malformed: a bad dossier id, kiosk id, options.
    case invalidArgument(String)
    /// No dossier with that id or receipt code.
    case notFound(String)
    /// The request conflicts with what is stored (same id, other content; wrong state).
    case conflict(String)

    public var description: String {
        switch self {
        case .io(let action, let path, let code):
            let reason = String(cString: strerror(code))
            if code == ENOSPC || code == EDQUOT {
                return "cannot \(action) \(path): the disk is full (\(reason)); the failed write was undone, nothing stored before is affected; free some space and try again"
            }
            if code == EACCES || code == EPERM {
                return "cannot \(action) \(path): permission denied (\(reason))"
            }
            return "cannot \(action) \(path): \(reason)"
        case .badDataDirectory(let s), .unusableForm(let s), .invalidArgument(let s), .notFound(let s), .conflict(let s):
            return s
        }
    }

    /// True when the failure is a full disk or quota: the caller may say so plainly.
    public var isDiskFull: Bool {
        if case .io(_, _, let code) = self { return code == ENOSPC || code == EDQUOT }
        return false
    }
}
