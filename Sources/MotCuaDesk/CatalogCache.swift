// The catalog's headers kept between starts in the data folder (`catalog-headers`), so a
// start lists Forms/, stats each form and reads one small file instead of every form
// (CatalogHeaders.swift says when the file is used). Derived data holding no personal
// data: owner-only like every file there, rebuilt when missing, stale or damaged, never
// needed (a read-only data folder scans at every start).
import MotCuaForms
import MotCuaStore

enum CatalogCache {
    static let name = "catalog-headers"
    /// Far above any real catalog (2,000 procedures' headers are about 3 MB).
    static let limit = 16 << 20

    /// The catalog of `formsDirectory`: from `cacheFile` when it was written for this
    /// folder as it is now and by this binary, else scanned (and the file rewritten).
    static func catalog(formsDirectory: String, cacheFile: String) -> Catalog {
        let folder = FormsFolder(formsDirectory)
        if let bytes = DerivedFile.read(cacheFile, limit: limit),
           let cached = CatalogHeaders(cache: bytes, folder: folder, program: program) {
            return cached.catalog
        }
        let scanned = CatalogHeaders(scanning: folder)
        if folder.stamp != nil { try? DerivedFile.write(scanned.cacheBytes(program: program), to: cacheFile) }
        return scanned.catalog
    }

    /// This binary: the header decoding the cache holds the result of is its own, so
    /// another build (a new version, or the same one rebuilt) writes the cache again.
    static let program: String = {
        let exe = FileStamp(path: "/proc/self/exe")  // stat follows the link to the binary
        let stamp = exe.map { "\($0.device):\($0.inode):\($0.size):\($0.modified):\($0.changed)" } ?? "unknown"
        return "\(Form.format) binary \(stamp)"
    }()
}
