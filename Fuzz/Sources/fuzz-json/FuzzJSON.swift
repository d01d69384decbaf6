// The JSON parser on any bytes: a syntax error or a value, never a trap; a
// value written back is JSON the parser reads again to the same text. Its
// fast path (`JSONParser.members`, the report's reader of dossier bodies)
// on the same bytes: refused exactly when the full parse refuses, else the
// same members of "answers" (and of the document's first member).
import FuzzSupport
import Foundation
import MotCuaForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    var parser = JSONParser(bytes.withUnsafeBufferPointer { Data($0) })
    let parsed = try? parser.parseDocument()
    for container in ["answers", parsed?.objectValue?.pairs.first?.key ?? "a"] {
        let inner = parsed?[container]?.objectValue
        let keys = Set((inner?.pairs.map(\.key) ?? []).enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + ["a"])
        let fast = bytes.withUnsafeBytes { b -> JSONObject?? in  // nil: refused; .some(nil): no such object
            do { return .some(try JSONParser.members(keys, of: container, in: b)) } catch { return .none }
        }
        guard let fast else {
            if parsed != nil { Fuzz.fail("the fast path refused a document the parser reads") }
            continue
        }
        guard parsed != nil else { Fuzz.fail("the fast path read a document the parser refuses") }
        var expected: JSONObject?
        if let inner {
            var kept = JSONObject()
            for (k, v) in inner.pairs where keys.contains(k) { kept[k] = v }
            expected = kept
        }
        if fast != expected { Fuzz.fail("the fast path's members differ from the parser's under \(container)") }
    }
    guard let value = parsed else { return 0 }
    for pretty in [false, true] {
        let text = value.serialized(pretty: pretty)
        guard let again = try? JSONParser.parse(text) else { Fuzz.fail("written JSON does not parse: \(text.prefix(200))") }
        if again.serialized(pretty: pretty) != text { Fuzz.fail("JSON written twice differs: \(text.prefix(200))") }
    }
    return 0
}

@_cdecl("fuzz_json_main")
public func fuzz_json_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzJSON)
}
