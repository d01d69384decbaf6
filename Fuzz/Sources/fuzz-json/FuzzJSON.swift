// The JSON parser on any bytes: a syntax error or a value, never a trap; a
// value written back is JSON the parser reads again to the same text. The locale
// files' fast path (`parseStringTable`) gives the tree's string members, or the
// same error.
import FuzzSupport
import Foundation
import MotCuaForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    let data = bytes.withUnsafeBufferPointer { Data($0) }
    var parser = JSONParser(data)
    let tableResult = Result { () throws(JSONSyntaxError) -> [String: String]? in try JSONParser.parseStringTable(data) }
    guard let value = try? parser.parseDocument() else {
        if case .success = tableResult { Fuzz.fail("the string table accepts what the parser refuses") }
        return 0
    }
    var members: [String: String]?
    if case .object(let o) = value {
        var t: [String: String] = [:]
        for (k, v) in o.pairs { if case .string(let s) = v { t[k] = s } else { t[k] = nil } }
        members = t
    }
    guard case .success(let table) = tableResult, table == members else {
        Fuzz.fail("the string table differs from the tree's string members")
    }
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
