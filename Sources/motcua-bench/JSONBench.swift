import Foundation
import MotCuaForms

/// Where `JSONObject` should start keeping a hashed index: a lookup of every
/// key of an object by scanning its members (what small objects do) against a
/// `[String: Int]` lookup (what large ones do), with keys like a form's field
/// ids, for objects of growing size. Also the cost of building each.
func benchJSON() throws {
    print("threshold in use: \(JSONObject.indexThreshold) members")
    for size in [8, 16, 32, 48, 64, 96, 128] {
        // Ids as forms write them: ASCII snake case, mostly small strings.
        let keys = (0..<size).map { i in ["ho_ten", "ngay_sinh", "dia_chi_thuong_tru", "so_dinh_danh", "dien_thoai"][i % 5] + "_\(i)" }
        // Probe keys equal in content but separate objects, as parsed answers are.
        let probes = keys.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        let pairs = keys.map { (key: $0, value: JSONValue.int(1)) }
        var index: [String: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        var sink = 0
        let scan = Timing.measure(iterations: 2000) {
            for p in probes { sink &+= pairs.firstIndex { $0.key == p } ?? 0 }
        }
        let hashed = Timing.measure(iterations: 2000) {
            for p in probes { sink &+= index[p] ?? 0 }
        }
        let build = Timing.measure(iterations: 2000) {
            var m = [String: Int](minimumCapacity: keys.count)
            for (i, k) in keys.enumerated() { m[k] = i }
            sink &+= m.count
        }
        let perLookup = { (t: Timing) in human(t.median / Double(size)) }
        print("\(size) members: lookup by scan \(perLookup(scan)), hashed \(perLookup(hashed)); building the index \(human(build.median))  [\(sink % 2)]")
    }
}
