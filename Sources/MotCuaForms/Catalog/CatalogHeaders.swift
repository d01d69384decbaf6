// The catalog's headers as a start reads them (what `Catalog.loadHeaders` keeps of each
// form file) and their cache. The cache is written by the desk layer (MotCuaDesk's
// CatalogCache.swift) into the data folder; it is read back here through the one JSON
// parser and the same header decoding as a scan, and used only when the forms folder's
// every stamp and the program are the ones it was written for. Anything else in it, or
// any header that does not decode, makes the whole cache unused: the forms are scanned.
import Foundation

/// Of each form file of a folder, the header members the catalog reads, as JSON, and the
/// form they decode to.
public struct CatalogHeaders: Sendable {
    public struct Entry: Sendable {
        /// What `HeaderScan` kept of the file, parsed: what the cache stores.
        public let header: JSONValue
        public let form: Form
    }

    public let folder: FormsFolder
    /// One per `folder.files`, in that order: nil for a file the catalog does not list
    /// (unreadable, not JSON, no id or title; it is reported when opened).
    public let entries: [Entry?]

    /// What the cache file says it is; another value is another format (ignored).
    public static let cacheFormat = "motcua-catalog-headers/1"

    /// Reads the header of every file of `folder`.
    public init(scanning folder: FormsFolder) {
        self.folder = folder
        entries = folder.files.map { CatalogHeaders.scan(folder.path + $0.name) }
    }

    private static func scan(_ path: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let header = data.withUnsafeBytes { HeaderScan.keeping(Catalog.headerKeys, within: Catalog.headerWithin, of: $0.bindMemory(to: UInt8.self)) }
            .map { Data($0) } ?? data
        guard let json = try? JSONParser.parse(header), let form = Catalog.headerForm(json, path: path) else { return nil }
        return Entry(header: kept(json), form: form)
    }

    /// Of a parsed header, only the members `Catalog.headerForm` reads, as it reads them
    /// (HeaderScan leaves the others as null, and a file it cannot follow is parsed whole).
    static func kept(_ json: JSONValue) -> JSONValue {
        var out = JSONObject()
        for key in Catalog.headerKeys.sorted() {
            guard var value = json[key] else { continue }
            if let within = Catalog.headerWithin[key], value.objectValue != nil {
                var inner = JSONObject()
                for k in within.sorted() { if let v = value[k] { inner[k] = v } }
                value = .object(inner)
            }
            out[key] = value
        }
        return .object(out)
    }

    /// The browsing catalog they make (`Catalog.loadHeaders`). Its entries keep no file
    /// bytes: a form is read whole when a session opens it.
    public var catalog: Catalog {
        Catalog(forms: zip(folder.files, entries).compactMap { file, entry in
            entry.map { LoadedForm(form: $0.form, data: Data(), path: folder.path + file.name) }
        }, lists: nil)
    }

    /// The cache file's content: the stamps it is valid for and each file's header.
    /// `program`: what names the binary writing it (its header decoding is the one cached).
    public func cacheBytes(program: String) -> [UInt8] {
        let forms: [JSONValue] = zip(folder.files, entries).map { file, entry in
            .array([.string(file.name), file.stamp?.json ?? .null, entry?.header ?? .null])
        }
        let doc: JSONValue = ["cache": .string(Self.cacheFormat), "program": .string(program),
                              "folder": folder.stamp?.json ?? .null, "forms": .array(forms)]
        return Array(doc.serialized().utf8)
    }

    /// The headers a cache holds, when it was written by `program` for exactly this
    /// `folder` (the folder's stamp and each file's name and stamp, in order); nil for
    /// anything else: not JSON, another format or program, a stamp that moved, a file
    /// added or removed, a header that does not decode as a scan would decode it.
    public init?(cache bytes: [UInt8], folder: FormsFolder, program: String) {
        guard let folderStamp = folder.stamp, let json = try? JSONParser.parse(Data(bytes)),
              json["cache"]?.stringValue == Self.cacheFormat, json["program"]?.stringValue == program,
              let stamp = json["folder"].flatMap(FileStamp.init(json:)), stamp == folderStamp,
              let forms = json["forms"]?.arrayValue, forms.count == folder.files.count else { return nil }
        var entries: [Entry?] = []
        entries.reserveCapacity(forms.count)
        for (item, file) in zip(forms, folder.files) {
            guard let a = item.arrayValue, a.count == 3, a[0].stringValue == file.name else { return nil }
            let stamp = FileStamp(json: a[1])
            guard stamp == file.stamp, stamp != nil || a[1].isNull else { return nil }
            if a[2].isNull {
                entries.append(nil)
                continue
            }
            // A scan stores only headers that decode: one that does not is not a scan's.
            guard let form = Catalog.headerForm(a[2], path: folder.path + file.name) else { return nil }
            entries.append(Entry(header: a[2], form: form))
        }
        self.folder = folder
        self.entries = entries
    }
}
