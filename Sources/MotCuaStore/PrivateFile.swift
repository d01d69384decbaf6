// Files a person asked for that hold personal data (a receipt PDF, a DVC export): written
// as the store writes its own files — owner-only (0600), complete or not at all, and on
// disk before the command says it is done — rather than by each command its own way.

public enum PrivateFile {
    /// Replaces `path` with `bytes`: a temporary file beside it, fsync, rename, fsync of
    /// the folder. A file that was there keeps nothing of its old content or mode.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try FileIO.writeAtomically(path, bytes: bytes)
    }
}
