// The catalog's header cache (`catalog-headers`) on any bytes: its checksum wrapper
// (`DerivedFile.body`) and its reader (`CatalogHeaders(cache:)`) refuse or accept, never
// trap. So that the fuzzer reaches the header decoding, the input's stamps are also
// replaced by the shipped Forms/ folder's as they are here (stamps are per machine) and
// read again: a cache accepted makes a catalog whose cache reads back to the same entries.
import FuzzSupport
import Foundation
import MotCuaForms
import MotCuaStore

let folder = FormsFolder(Fuzz.formsDirectory)
let program = "fuzz"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogCache(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    if let body = DerivedFile.body(of: bytes) { check(body) }
    check(bytes)
    // The same document with this machine's stamps, where it has places for them.
    guard var doc = (try? JSONParser.parse(Data(bytes)))?.objectValue, var forms = doc["forms"]?.arrayValue else { return 0 }
    doc["folder"] = folder.stamp.map(stampJSON) ?? .null
    for (i, file) in folder.files.enumerated() where i < forms.count {
        if case .array(var entry) = forms[i], entry.count == 3 {
            entry[0] = .string(file.name)
            entry[1] = file.stamp.map(stampJSON) ?? .null
            forms[i] = .array(entry)
        }
    }
    doc["forms"] = .array(forms)
    doc["program"] = .string(program)
    check(Array(JSONValue.object(doc).serialized().utf8))
    return 0
}

func stampJSON(_ s: FileStamp) -> JSONValue { [.int(s.device), .int(s.inode), .int(s.size), .int(s.modified), .int(s.changed)] }

func check(_ bytes: [UInt8]) {
    guard let headers = CatalogHeaders(cache: bytes, folder: folder, program: program) else { return }
    let catalog = headers.catalog
    if catalog.count > folder.files.count { Fuzz.fail("more entries than form files") }
    _ = catalog.search("khai sinh")
    guard let again = CatalogHeaders(cache: headers.cacheBytes(program: program), folder: folder, program: program) else {
        Fuzz.fail("a cache written from an accepted one is refused")
    }
    if again.catalog.entries.map(\.id) != catalog.entries.map(\.id) { Fuzz.fail("a rewritten cache gives other entries") }
}

@_cdecl("fuzz_catalogcache_main")
public func fuzz_catalogcache_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzCatalogCache)
}
