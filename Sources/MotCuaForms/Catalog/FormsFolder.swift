// The form files of a Forms/ folder as a start sees them before reading any: one readdir
// and one stat each. The catalog's header cache (CatalogHeaders.swift) is keyed by this, so
// a start that finds every stamp unchanged reads one small file instead of every form.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells a file's content changed without reading it: any write moves its mtime and
/// ctime (nanoseconds), a replaced file has another inode, a copy brought back with an old
/// mtime still gets a new ctime.
public struct FileStamp: Sendable, Equatable {
    public var device: Int
    public var inode: Int
    public var size: Int
    public var modified: Int
    public var changed: Int

    /// The file at `path`, following symbolic links as reading it would; nil when it cannot be stat'ed.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = Int(truncatingIfNeeded: st.st_dev)
        inode = Int(truncatingIfNeeded: st.st_ino)
        size = Int(st.st_size)
        #if canImport(Glibc)
        modified = Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec)
        changed = Int(st.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(st.st_ctim.tv_nsec)
        #else
        modified = Int(st.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtimespec.tv_nsec)
        changed = Int(st.st_ctimespec.tv_sec) &* 1_000_000_000 &+ Int(st.st_ctimespec.tv_nsec)
        #endif
    }

    init(device: Int, inode: Int, size: Int, modified: Int, changed: Int) {
        self.device = device; self.inode = inode; self.size = size; self.modified = modified; self.changed = changed
    }

    var json: JSONValue { .array([.int(device), .int(inode), .int(size), .int(modified), .int(changed)]) }

    init?(json: JSONValue) {
        guard let a = json.arrayValue, a.count == 5 else { return nil }
        var n: [Int] = []
        for v in a {
            guard case .int(let i) = v else { return nil }
            n.append(i)
        }
        self.init(device: n[0], inode: n[1], size: n[2], modified: n[3], changed: n[4])
    }
}

/// The `*.json` files directly in a forms folder (not hidden ones), sorted by name, each
/// with its stamp taken before it is read (a form changed after that is seen at the next
/// start); and the folder's own stamp (a form added or removed changes it).
public struct FormsFolder: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public let name: String
        /// Nil when the name is listed but cannot be stat'ed (a dangling link).
        public let stamp: FileStamp?
    }

    /// The folder's path ending in "/": a form's path is this and its name.
    public let path: String
    /// Nil when the folder cannot be stat'ed (missing): then it lists nothing.
    public let stamp: FileStamp?
    public let files: [File]

    /// Lists `formsDirectory` (plain POSIX calls: the kiosk does this before its first
    /// screen, and FileManager's listing cost two protocol-conformance scans there). A name
    /// that is not UTF-8 is left out: no path made of it would reach the file again.
    public init(_ formsDirectory: String) {
        path = formsDirectory.hasSuffix("/") ? formsDirectory : formsDirectory + "/"
        stamp = FileStamp(path: formsDirectory)
        var names: [String] = []
        if let dir = opendir(formsDirectory) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    raw.baseAddress.flatMap { String(validatingCString: $0.assumingMemoryBound(to: CChar.self)) }
                }
                if let name, name.hasSuffix(".json"), !name.hasPrefix(".") { names.append(name) }
            }
            closedir(dir)
        }
        let folder = path
        files = names.sorted().map { File(name: $0, stamp: FileStamp(path: folder + $0)) }
    }
}
