// The JSON parser on any bytes: a syntax error or a value, never a trap; a
// value written back is JSON the parser reads again to the same text. Its two
// fast paths on the same bytes: the report's reader of dossier bodies
// (`JSONParser.members`) is refused exactly when the full parse refuses, else
// gives the same members of "answers" (and of the document's first member);
// the locale files' `parseStringTable` gives the tree's string members, or the
// same refusal.
import FuzzSupport
import Foundation
import MotCuaForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    let data = bytes.withUnsafeBufferPointer { Data($0) }
    var parser = JSONParser(data)
    let parsed = try? parser.parseDocument()
    checkStringTable(data, parsed)
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

/// `parseStringTable` against the tree: the object's string members (last of a key
/// given twice counts), nil for another value, and a refusal exactly when the tree refuses.
private func checkStringTable(_ data: Data, _ parsed: JSONValue?) {
    let table = Result { () throws(JSONSyntaxError) -> [String: String]? in try JSONParser.parseStringTable(data) }
    guard let parsed else {
        if case .success = table { Fuzz.fail("the string table accepts what the parser refuses") }
        return
    }
    var members: [String: String]?
    if case .object(let o) = parsed {
        var t: [String: String] = [:]
        for (k, v) in o.pairs { if case .string(let s) = v { t[k] = s } else { t[k] = nil } }
        members = t
    }
    guard case .success(let got) = table, got == members else {
        Fuzz.fail("the string table differs from the tree's string members")
    }
}
