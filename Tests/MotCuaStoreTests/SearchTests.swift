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

    /// The candidates a ranked search gets (issue 16) are what a plain reading of their
    /// rule gives: each typed word graded whole word (0), word start (1), inside a word
    /// (2, two letters or more, only when the first two grades give fewer than the limit);
    /// best first by the weakest word, then most whole words, then newest.
    @Test func candidatesAgreeWithABruteForceGrading() {
        var rng = SeededRandom(seed: TestSeed.take("candidates agree with a brute-force grading"))
        var index = StoreIndex()
        var keys: [[String]] = []
        for i in 0..<400 {
            let names = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                "\(Self.family.randomElement(using: &rng)!) \(Self.middle.randomElement(using: &rng)!) \(Self.given.randomElement(using: &rng)!)"
            }
            let ids = ["0" + String(Int.random(in: 10_000_000_000..<99_999_999_999, using: &rng))]
            let phone = String(format: "09%08d", Int.random(in: 0..<99_999_999, using: &rng))
            let receipt = String(format: "HD01-261127-%04d", i + 1)
            index.add(.init(id: "id-\(i)", receipt: receipt, formID: "f", formVersion: "1", contentHash: .zero, offset: 0,
                            deliveredAt: 0, names: names, personalIDs: ids, phones: [phone]))
            keys.append((names.map(VietText.fold) + ids + [phone, receipt.lowercased()]).joined(separator: " ").split(separator: " ").map(String.init))
            if i == 200 { _ = index.candidates("an", limit: 5) }
        }
        // Code words that are the start of longer ones (an ID "0912", phones "0912…"): the
        // entry holding the typed code whole ranks above the many it only starts.
        for (k, id) in ["0912", "09123", "091"].enumerated() {
            let phone = "0912\(k)00000", receipt = String(format: "HD01-261127-%04d", 401 + k)
            index.add(.init(id: "extra-\(k)", receipt: receipt, formID: "f", formVersion: "1", contentHash: .zero, offset: 0,
                            deliveredAt: 0, names: ["Lê Văn An"], personalIDs: [id], phones: [phone]))
            keys.append(["le", "van", "an", id, phone, receipt.lowercased()])
        }
        func grade(_ token: String, _ words: [String], inside: Bool) -> Int {
            let digits = token.contains { $0.isNumber }
            return words.filter { $0.contains { $0.isNumber } == digits }.map { w in
                w == token ? 0 : w.hasPrefix(token) ? 1 : inside && token.count >= 2 && w.dropFirst().contains(token) ? 2 : 3
            }.min() ?? 3
        }
        func expected(_ q: String, limit: Int) -> [Int] {
            let tokens = VietText.fold(q).split(separator: " ").map(String.init)
            func pass(_ inside: Bool) -> [Int] {
                let graded = keys.indices.map { i in (i, tokens.map { grade($0, keys[i], inside: inside) }) }.filter { $0.1.allSatisfy { $0 < 3 } }
                return graded.sorted { a, b in
                    (a.1.max()!, -a.1.filter { $0 == 0 }.count, -a.0) < (b.1.max()!, -b.1.filter { $0 == 0 }.count, -b.0)
                }.prefix(limit).map(\.0)
            }
            let first = pass(false)
            return first.count >= limit || !tokens.contains { $0.count >= 2 } ? first : pass(true)
        }
        let queries = ["an", "anh", "nguyen an", "ng", "thu", "0", "hd01-261127-00", "an 0", "uye", "nh", "vă", "01-2611", "hd01-261127-0007",
                       "ga", "van thu", "09", "0912", "091", "09123", "an 0912", keys[7].first { $0.hasPrefix("09") }!, keys[9].first { $0.count == 12 }!, "z", "an zz"]
        for q in queries {
            for limit in [3, 40, 1000] {
                #expect(index.candidates(q, limit: limit) == expected(q, limit: limit), "\(q) \(limit)")
            }
        }
    }
}
