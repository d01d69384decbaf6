// operators.json on any bytes: a clear error or a list of operators, never a trap;
// a list written back reads again to the same operators.
import FuzzSupport
import Foundation
@testable import MotCuaStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOperators(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    guard let ops = try? OperatorStore.parse(bytes, path: "operators.json") else { return 0 }
    let doc = "{\"format\":\"\(OperatorStore.format)\",\"operators\":[" + ops.map { $0.json.serialized() }.joined(separator: ",") + "]}"
    guard let again = try? OperatorStore.parse(Array(doc.utf8), path: "operators.json") else { Fuzz.fail("written operators do not read back") }
    if again != ops { Fuzz.fail("operators read back differ") }
    return 0
}

@_cdecl("fuzz_operators_main")
public func fuzz_operators_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzOperators)
}
