import Foundation
import Testing
import MotCuaDesk
import MotCuaForms
import MotCuaStore

/// `catalog-headers`, the catalog's headers kept in the data folder between starts: a start
/// that uses it lists the same catalog as one that scans every form; any change to the
/// forms, and any damage to the file, makes the start scan (and write it again).
@Suite struct CatalogCacheTests {
    static let queries = ["", "giay khai sinh", "dang ki khai sinh", "lltp", "criminal record", "1.001193", "ket hon",
                          "ks", "uy ban", "tam tru", "chứng thực", "hộ tịch", "zzz"]

    /// A private installation with the shipped forms, and a data folder.
    func fixture() throws -> (forms: String, cache: String, data: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-catcache-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/home/Forms", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/data", withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: DeskSessionTests.repoRoot + "/Forms") where name.hasSuffix(".json") {
            try fm.copyItem(atPath: DeskSessionTests.repoRoot + "/Forms/" + name, toPath: base + "/home/Forms/" + name)
        }
        return (base + "/home/Forms", base + "/data/catalog-headers", base + "/data")
    }

    /// A start's catalog: a new installation (nothing kept in memory) using the cache file.
    func start(_ f: (forms: String, cache: String, data: String)) throws -> Catalog {
        let home = (f.forms as NSString).deletingLastPathComponent
        let installation = try Installation(environment: ["MOTCUA_HOME": home])
        installation.catalogCacheFile = f.cache
        return installation.catalog
    }

    /// Every field of every entry, and what each query finds.
    func facts(_ c: Catalog) -> [String] {
        var out: [String] = []
        for e in c.entries {
            var s = ""
            dump(e.loaded.form, to: &s)
            out.append("\(e.path) \(e.loaded.data.count) bytes\n" + s)
        }
        for q in Self.queries {
            out.append(q + " → " + c.hits(q).map { "\(c.entries[$0.index].id) \($0)" }.joined(separator: ", "))
        }
        out.append("count \(c.count) \(c.matchCount("xa"))")
        return out
    }

    /// The cache file's identity: a start that used it leaves it as it was; one that
    /// scanned replaced it (a new inode).
    func stamp(_ path: String) -> FileStamp? { FileStamp(path: path) }

    @Test func aCachedStartEqualsAScan() throws {
        let f = try fixture()
        let scan = Catalog.loadHeaders(formsDirectory: f.forms)
        #expect(scan.count == 15)
        let first = try start(f)
        let written = try #require(stamp(f.cache))
        let cached = try start(f)
        #expect(stamp(f.cache) == written, "the second start used the cache rather than scanning")
        #expect(facts(first) == facts(scan))
        #expect(facts(cached) == facts(scan))
        #expect(cached.search("giay khai sinh").first?.id == "khai-sinh")
        #expect(cached.entry(id: "khai-sinh")?.title("en") == "Birth registration")
        // Owner-only, and nothing in it but the forms' headers and stamps.
        let mode = try #require(FileManager.default.attributesOfItem(atPath: f.cache)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue == 0o600)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: f.cache)), as: UTF8.self)
        #expect(text.contains("Đăng ký khai sinh") && !text.contains("\"pages\"") && !text.contains("\"fields\""))
    }

    @Test func aDeskKeepsItInItsDataFolderAndVerifyAcceptsIt() throws {
        let f = try fixture()
        let home = (f.forms as NSString).deletingLastPathComponent
        let env = ["MOTCUA_HOME": home]
        let desk = try Desk(installation: try Installation(environment: env), dataDirFlag: f.data, kiosk: "TQ01", operatorID: "test",
                            today: nil, environment: env)
        #expect(desk.installation.catalog.count == 15)
        #expect(FileManager.default.fileExists(atPath: f.cache))
        #expect(try desk.store.verify().problems.isEmpty)
    }

    @Test func changingTheFormsRebuildsIt() throws {
        let f = try fixture()
        let fm = FileManager.default
        _ = try start(f)
        func expectRebuilt(_ what: String, _ change: () throws -> Void) throws {
            let before = try #require(stamp(f.cache))
            try change()
            let c = try start(f)
            #expect(stamp(f.cache) != before, "\(what): rebuilt")
            #expect(facts(c) == facts(Catalog.loadHeaders(formsDirectory: f.forms)), "\(what)")
            let again = try #require(stamp(f.cache))
            _ = try start(f)
            #expect(stamp(f.cache) == again, "\(what): the rebuilt cache is used")
        }
        let khaiSinh = f.forms + "/khai-sinh.json"
        try expectRebuilt("touched") {
            try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: khaiSinh)
        }
        try expectRebuilt("same size, other title, old mtime kept") {
            let old = try #require(fm.attributesOfItem(atPath: khaiSinh)[.modificationDate] as? Date)
            let text = try String(contentsOfFile: khaiSinh, encoding: .utf8)
            let changed = text.replacingOccurrences(of: "\"Birth registration\"", with: "\"Birth-registration\"")
            #expect(changed != text && changed.utf8.count == text.utf8.count)
            let h = try #require(FileHandle(forWritingAtPath: khaiSinh))
            h.write(Data(changed.utf8))
            try h.close()
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: khaiSinh)
        }
        #expect(try start(f).entry(id: "khai-sinh")?.title("en") == "Birth-registration")
        try expectRebuilt("added") {
            let text = try String(contentsOfFile: khaiSinh, encoding: .utf8)
            try text.replacingOccurrences(of: "\"id\": \"khai-sinh\"", with: "\"id\": \"khai-sinh-2\"")
                .write(toFile: f.forms + "/khai-sinh-2.json", atomically: false, encoding: .utf8)
        }
        #expect(try start(f).entry(id: "khai-sinh-2") != nil)
        try expectRebuilt("removed") { try fm.removeItem(atPath: f.forms + "/tam-vang.json") }
        #expect(try start(f).entry(id: "tam-vang") == nil && start(f).count == 15)
        try expectRebuilt("replaced by another file") {
            try fm.removeItem(atPath: f.forms + "/khai-sinh-2.json")
            try fm.copyItem(atPath: f.forms + "/khai-tu.json", toPath: f.forms + "/khai-sinh-2.json")
        }
    }

    @Test func aDamagedCacheFallsBackToTheScan() throws {
        let f = try fixture()
        let fm = FileManager.default
        _ = try start(f)
        let good = [UInt8](try #require(fm.contents(atPath: f.cache)))
        let body = String(decoding: try #require(DerivedFile.body(of: good)), as: UTF8.self)
        let scan = facts(Catalog.loadHeaders(formsDirectory: f.forms))
        func sealed(_ text: String) throws -> [UInt8] {
            let scratch = f.forms + "/../sealed"
            try DerivedFile.write(Array(text.utf8), to: scratch)
            defer { try? fm.removeItem(atPath: scratch) }
            return [UInt8](try #require(fm.contents(atPath: scratch)))
        }
        /// The body with its JSON changed, sealed with a good checksum: only the reader can refuse it.
        func edited(_ change: (inout JSONObject, inout [JSONValue]) -> Void) throws -> [UInt8] {
            var doc = try #require(try JSONParser.parse(body).objectValue)
            var forms = try #require(doc["forms"]?.arrayValue)
            change(&doc, &forms)
            doc["forms"] = .array(forms)
            return try sealed(JSONValue.object(doc).serialized())
        }
        let mutations: [(String, [UInt8])] = [
            ("empty", []),
            ("cut in half", Array(good.prefix(good.count / 2))),
            ("last byte lost", Array(good.dropLast())),
            ("a bit flipped", good.enumerated().map { $0.offset == good.count / 2 ? $0.element ^ 0x04 : $0.element }),
            ("garbage", (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }),
            ("not JSON", try sealed("{\"cache\": " + body)),
            ("not an object", try sealed("[" + body + "]")),
            ("nested too deep", try sealed(String(repeating: "[", count: 100_000))),
            ("another format", try edited { doc, _ in doc["cache"] = "motcua-catalog-headers/9" }),
            ("another binary", try edited { doc, _ in doc["program"] = .string("old " + (doc["program"]?.stringValue ?? "")) }),
            ("another folder", try edited { doc, _ in doc["folder"] = [1, 2, 3, 4, 5] }),
            ("a stamp that moved", try edited { _, forms in
                if case .array(var entry) = forms[0], case .array(var st) = entry[1], let size = st[2].intValue {
                    st[2] = .int(size + 1)
                    entry[1] = .array(st)
                    forms[0] = .array(entry)
                }
            }),
            ("a title that does not decode", try edited { _, forms in
                if case .array(var entry) = forms[0], case .object(var header) = entry[2] {
                    header["title"] = 5
                    entry[2] = .object(header)
                    forms[0] = .array(entry)
                }
            }),
            ("a form left out", try edited { _, forms in forms.removeLast() }),
            ("a form listed twice", try edited { _, forms in forms.insert(forms[0], at: 0) }),
        ]
        #expect(mutations.count >= 12)
        for (what, bytes) in mutations {
            try Data(bytes).write(to: URL(fileURLWithPath: f.cache))
            #expect(facts(try start(f)) == scan, "\(what)")
            #expect(try DerivedFile.body(of: [UInt8](#require(fm.contents(atPath: f.cache)))).map { String(decoding: $0, as: UTF8.self) } == body,
                    "\(what): written again")
        }
        // Not a plain file: a FIFO (never waited on), a link, a file too large to be one.
        try fm.removeItem(atPath: f.cache)
        #expect(mkfifo(f.cache, 0o600) == 0)
        #expect(facts(try start(f)) == scan)
        try fm.removeItem(atPath: f.cache)
        try fm.createSymbolicLink(atPath: f.cache, withDestinationPath: f.forms + "/khai-sinh.json")
        #expect(facts(try start(f)) == scan)
        #expect((try? fm.destinationOfSymbolicLink(atPath: f.cache)) == nil, "the link was replaced by the file")
        let h = try #require(FileHandle(forWritingAtPath: f.cache))
        try h.truncate(atOffset: 17 << 20)
        try h.close()
        #expect(facts(try start(f)) == scan)
        // A data folder that is not there (or cannot be written): no cache, the same catalog.
        #expect(facts(try start((f.forms, f.data + "/missing/catalog-headers", f.data))) == scan)
        #expect(!fm.fileExists(atPath: f.data + "/missing"))
    }
}
