import Testing
@testable import MotCuaForms

/// `SearchIndex.init(_:cache:)`: an index whose names were split by earlier indexes (the
/// returning-citizen search at each keystroke) finds exactly what a fresh index finds.
@Suite struct SearchTermCacheTests {
    private static let given = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Ngô"]
    private static let middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thu", ""]
    private static let last = ["An", "Lan", "Anh", "Hùng", "Hòa", "Hoà", "Thủy", "Thuỷ", "Yến", "Kỳ", "Kì", "Tuấn"]

    /// Rows like a desk's dossiers: names (some in NFD), ID numbers, a phone, a receipt code.
    private func rows(_ seed: UInt64, count: Int) -> [[SearchName]] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { k in
            var names: [SearchName] = []
            for _ in 0..<3 {
                let m = SearchTermCacheTests.middle[next(SearchTermCacheTests.middle.count)]
                var name = SearchTermCacheTests.given[next(10)] + " " + (m.isEmpty ? "" : m + " ") + SearchTermCacheTests.last[next(12)]
                if next(4) == 0 { name = String(name.decomposedStringWithCanonicalMapping) }
                names.append(SearchName(name, .label))
            }
            names.append(SearchName("0\(next(90) + 10)0\(100_000 + next(900_000))", .code))
            names.append(SearchName("09\(10_000_000 + next(89_999_999))", .code))
            names.append(SearchName("TQ01-261127-\(1000 + k)", .code))
            return names
        }
    }

    @Test func aWarmCacheFindsWhatAFreshIndexFinds() {
        let queries = ["n", "ng", "nguyen", "nguyen van", "tran thi lan", "hoa", "hòa", "thuy", "ky", "ki", "lan",
                       "an", "0", "09", "0912", "tq01", "tq01-261127-10", "yen", "duc minh", "nguyenvan", "ntl"]
        var cache = SearchTermCache()
        for seed in UInt64(1)...UInt64(12) {
            // Each keystroke's candidates overlap the last ones: half the rows carried over.
            let batch = rows(seed / 2 + 1, count: 60) + rows(seed, count: 60)
            let warm = SearchIndex(batch, cache: &cache)
            let fresh = SearchIndex(batch)
            for q in queries {
                #expect(warm.search(q, limit: 50) == fresh.search(q, limit: 50), "seed \(seed), \(q)")
            }
        }
        #expect(cache.names.count > 0)
    }

    @Test func theCacheIsBounded() {
        var cache = SearchTermCache()
        for i in 0...SearchTermCache.maxNames { cache.names["name \(i)"] = [] }
        _ = SearchIndex([[SearchName("Nguyễn Văn An", .label)]], cache: &cache)
        #expect(cache.names.count == 1)
        #expect(SearchIndex([[SearchName("Nguyễn Văn An", .label)]], cache: &cache).search("an").count == 1)
    }
}
