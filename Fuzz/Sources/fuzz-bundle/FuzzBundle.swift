// Bundle import (`queue import FILE`) on any bytes, into one real store in a
// temporary folder, with the real form checker: a thrown error or a report
// with reasons, never a trap; the store still verifies afterwards.
import Foundation
import FuzzSupport
import MotCuaStore
@testable import MotCuaCLI

private let folder: String = {
    var template = Array((NSTemporaryDirectory() + "/motcua-fuzz-bundle-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { Fuzz.fail("no temporary folder") }
    return String(cString: made)
}()
// nonisolated(unsafe) is safe here: libFuzzer calls the target from one thread only,
// and nothing else in this process touches the store or the counter.
nonisolated(unsafe) private let store: DossierStore = {
    do { return try DossierStore(directory: folder + "/data", kioskID: "FZ01", checker: StoreForms.checker) } catch {
        Fuzz.fail("cannot open the store: \(error)")
    }
}()
private let bundle = folder + "/in.motcua"
nonisolated(unsafe) private var runs = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard FileManager.default.createFile(atPath: bundle, contents: Data(bytes: start, count: count)) else {
        Fuzz.fail("cannot write \(bundle)")
    }
    _ = try? store.importBundle(from: bundle, operatorID: "fuzz")
    runs += 1
    if runs % 5000 == 0, let problems = try? store.verify().problems, !problems.isEmpty {
        Fuzz.fail("the store does not verify after imports: \(problems.prefix(3))")
    }
    return 0
}

@_cdecl("fuzz_bundle_main")
public func fuzz_bundle_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = store.directory  // open before fuzzing: a slow start is not a hang
    return Fuzz.runDriver(argc, argv, fuzzBundle)
}
