import Foundation
import MotCuaText
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

@Suite struct SearchTests {
    static let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Ngô", "Nghiêm", "Đặng", "Đàm"]
    static let middle = ["Văn", "Thị", "Vân", "Hữu"]
    static let given = ["An", "Anh", "Ánh", "Thủy", "Thuý", "Thu", "Đức", "Dung", "Nga", "Ngân"]

    /// The word index and the scan must give exactly what a plain reading of
    /// the rule gives: every query word begins some word of the dossier's
    /// folded names, ID numbers or receipt code.
    @Test func agreesWithABruteForceReading() {
        var rng = SeededRandom(seed: TestSeed.take("search agrees with a brute-force reading"))
        var index = StoreIndex()
        var keys: [[String]] = []
        for i in 0..<600 {
            let names = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                "\(Self.family.randomElement(using: &rng)!) \(Self.middle.randomElement(using: &rng)!) \(Self.given.randomElement(using: &rng)!)"
            }
            let ids = [String(format: "0%011d", Int.random(in: 0..<99_999_999_999, using: &rng))]
            let receipt = String(format: "HD01-261127-%04d", i + 1)
            index.add(.init(id: "id-\(i)", receipt: receipt, formID: "f", formVersion: "1", contentHash: .zero, offset: 0,
                            deliveredAt: 0, names: names, personalIDs: ids))
            keys.append((names.map(VietText.fold) + ids + [receipt.lowercased()]).joined(separator: " ").split(separator: " ").map(String.init))
            // Searching between additions exercises the index growing after it was built.
            if i == 300 { _ = index.search("an") }
        }
        let queries = ["nguyen", "ng", "nguyen an", "ANH", "ánh", "thuy", "Thuý", "thu", "đ", "d", "dang duc", "van", "van anh",
                       "hd01-261127-00", "0", "nga ngan", "tran thi", "z", "nguyen 0", "le hu an", "  Trần   VĂN  "]
        for q in queries {
            let tokens = VietText.fold(q).split(separator: " ").map(String.init)
            let expected = keys.indices.filter { i in tokens.allSatisfy { t in keys[i].contains { $0.hasPrefix(t) } } }
            #expect(index.search(q) == expected, "\(q)")
        }
    }
}
