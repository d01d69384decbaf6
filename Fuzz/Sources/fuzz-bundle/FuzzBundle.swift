// Bundle import (`queue import FILE`) into one real store in a temporary
// folder, with the real form checker: a thrown error or a report with
// reasons, never a trap; the store still verifies afterwards.
//
// First byte even: the rest is the bundle file as is (framing, damage, torn
// tails). Odd: the rest is payloads separated by 0x1E, each framed here with a
// correct checksum, the "sha256" of its header set to its body's, and a
// dossier's form digest set to the bundle's first form: so mutations reach
// the form loader, the dossier reader and the checks behind the checksums.
import Foundation
import FuzzSupport
import MotCuaDesk
import MotCuaForms
@testable import MotCuaStore
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
/// FUZZ_BUNDLE_REPORT=1: print each import's report (to check what seeds reach).
private let showReports = ProcessInfo.processInfo.environment["FUZZ_BUNDLE_REPORT"] != nil
nonisolated(unsafe) private var runs = 0

/// Payloads split at 0x1E, made into a well-formed bundle (see the top).
func framed(_ input: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var formDigest: String?
    for part in input.split(separator: 0x1E, omittingEmptySubsequences: false) {
        var payload = Array(part)
        if let nl = payload.firstIndex(of: 0x0A) {
            var header = Array(payload[..<nl])
            var body = Array(payload[(nl + 1)...])
            if let form = formDigest, let at = find(Array(#""form":{"#.utf8), in: body) {
                replaceDigest(in: &body, after: at, with: form)
            }
            let digest = SHA256.hash(body).hex
            replaceDigest(in: &header, after: 0, with: digest)
            if formDigest == nil, find(Array(#""k":"form""#.utf8), in: header) != nil { formDigest = digest }
            payload = header + [0x0A] + body
        }
        _ = Frame.encode(payload, into: &out)
    }
    return out
}

/// Where `needle` first occurs in `hay`.
func find(_ needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
    guard needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
    for i in from...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
    return nil
}

/// Puts `hex` in place of the 64 characters after the first `"sha256":"` at or after `from`.
func replaceDigest(in bytes: inout [UInt8], after from: Int, with hex: String) {
    let key = Array(#""sha256":""#.utf8)
    guard let at = find(key, in: bytes, from: from), at + key.count + 64 <= bytes.count else { return }
    bytes.replaceSubrange((at + key.count)..<(at + key.count + 64), with: Array(hex.utf8))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    guard let mode = raw.first else { return 0 }
    let bytes = mode & 1 == 0 ? Array(raw.dropFirst()) : framed(Array(raw.dropFirst()))
    guard FileManager.default.createFile(atPath: bundle, contents: Data(bytes)) else {
        Fuzz.fail("cannot write \(bundle)")
    }
    let report = Result { try store.importBundle(from: bundle, operatorID: "fuzz") }
    if showReports { print("import:", report.map { "imported \($0.imported), present \($0.alreadyPresent), rejected \($0.rejected)" }) }
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
