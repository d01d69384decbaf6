// The JSON parser on any bytes: a syntax error or a value, never a trap; a
// value written back is JSON the parser reads again to the same text.
import FuzzSupport
import Foundation
import MotCuaForms

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    var parser = JSONParser(bytes.withUnsafeBufferPointer { Data($0) })
    guard let value = try? parser.parseDocument() else { return 0 }
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
