// The search's fast path (Search/FastPath/) against its rule (`SearchIndex.plainSearch`):
// the same hits, ranks and reasons, key by key, over random queries typed into the real
// lists, the real catalog and a large catalog of long summaries made from their words.
import Foundation
import MotCuaTestSupport
import MotCuaText
import Testing
@testable import MotCuaForms

@Suite struct SearchFastPathTests {
    /// The words of the real lists: what people type, with their diacritics.
    static let words: [String] = {
        var out = Set<String>()
        for name in ["communes", "provinces", "ethnic-groups", "nationalities"] {
            for o in (try? sharedLists.list(name).get()) ?? [] {
                for w in o.label.resolve("vi").split(separator: " ") { out.insert(String(w)) }
            }
        }
        return out.sorted()
    }()

    /// What a person types on the way to a query: each prefix, character by character.
    static func keystrokes(_ query: String) -> [String] {
        var s = "", out: [String] = []
        for c in query { s.append(c); out.append(s) }
        return out
    }

    /// A query as people type them: words or their starts, without marks, with a typo,
    /// run together, as initials, y for i, stray letters and signs.
    static func randomQuery(_ rng: inout SeededRandom) -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            var w = words.randomElement(using: &rng) ?? "xã"
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: w = VietText.fold(w)
            case 1: w = String(w.prefix(Int.random(in: 1...max(1, w.count), using: &rng)))
            case 2:  // one typo
                var c = Array(VietText.fold(w))
                let i = Int.random(in: 0..<c.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: c[i] = "aeiounhtgc".randomElement(using: &rng)!
                case 1: c.insert("aeiounhtgc".randomElement(using: &rng)!, at: i)
                case 2: if c.count > 1 { c.remove(at: i) }
                default: if i + 1 < c.count { c.swapAt(i, i + 1) }
                }
                w = String(c)
            case 3: w = VietText.fold(w) + VietText.fold(words.randomElement(using: &rng) ?? "")
            case 4: w = String((0..<3).compactMap { _ in VietText.fold(words.randomElement(using: &rng) ?? "").first })
            case 5: w = w.replacingOccurrences(of: "i", with: "y")
            case 6: w = String((0..<Int.random(in: 1...3, using: &rng)).map { _ in "abcdeghiklmnopqrstuvxy019'-.".randomElement(using: &rng)! })
            default: break
            }
            parts.append(w)
        }
        return parts.joined(separator: Int.random(in: 0..<6, using: &rng) == 0 ? "  " : " ")
    }

    static func expectSame(_ ix: SearchIndex, _ query: String, _ context: String) {
        let fast = ix.search(query), plain = ix.plainSearch(query)
        #expect(fast == plain, "\(context): \"\(query)\": \(fast.prefix(3)) vs \(plain.prefix(3))")
        let keep: (Int) -> Bool = { $0 % 3 != 1 }
        #expect(ix.search(query, limit: 7, allowed: keep) == ix.plainSearch(query, limit: 7, allowed: keep), "\(context): \"\(query)\" filtered")
    }

    @Test func listsGiveWhatTheRuleGives() {
        var rng = SeededRandom(seed: TestSeed.take("search fast path on the lists"))
        for name in ["communes", "provinces", "ethnic-groups", "nationalities"] {
            let ix = OptionIndex(options: (try? sharedLists.list(name).get()) ?? []).index
            for _ in 0..<(name == "communes" ? 60 : 40) {
                for q in Self.keystrokes(Self.randomQuery(&rng)) { Self.expectSame(ix, q, name) }
            }
        }
    }

    @Test func catalogGivesWhatTheRuleGives() {
        var rng = SeededRandom(seed: TestSeed.take("search fast path on the catalog"))
        let catalog = Catalog.load(formsDirectory: repoRoot + "/Forms").0
        let queries = SearchTable.cases.filter { $0.list == "catalog" }.map(\.query)
        for q in queries.flatMap(Self.keystrokes) { Self.expectSame(catalog.index, q, "catalog") }
        for _ in 0..<60 { for q in Self.keystrokes(Self.randomQuery(&rng)) { Self.expectSame(catalog.index, q, "catalog") } }
    }

    /// Long rows of every kind of name: the case the fast path exists for (2,000 summaries).
    @Test func longSummariesGiveWhatTheRuleGives() {
        var rng = SeededRandom(seed: TestSeed.take("search fast path on long summaries"))
        func sentence(_ n: Int) -> String {
            (0..<n).map { _ in Self.words.randomElement(using: &rng) ?? "xã" }.joined(separator: " ")
        }
        let kinds: [SearchNameKind] = [.otherLanguage, .alias, .keyword, .code, .former, .detail, .detail]
        var rows: [[SearchName]] = []
        for r in 0..<400 {
            var names = [SearchName((r % 4 == 0 ? "Xã " : r % 4 == 1 ? "Thành phố " : "") + sentence(Int.random(in: 1...8, using: &rng)), .label)]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let kind = kinds.randomElement(using: &rng)!
                names.append(SearchName(kind == .code ? "1.00\(r)" : sentence(kind == .detail ? Int.random(in: 10...40, using: &rng) : 3), kind))
            }
            rows.append(names)
        }
        let ix = SearchIndex(rows)
        for _ in 0..<50 { for q in Self.keystrokes(Self.randomQuery(&rng)) { Self.expectSame(ix, q, "long rows") } }
    }
}

/// The catalog folds its titles and summaries only when someone types.
@Suite struct CatalogLazyIndexTests {
    @Test func firstListingNeedsNoIndexAndTypingBuildsTheSameOne() throws {
        let catalog = Catalog.loadHeaders(formsDirectory: repoRoot + "/Forms")
        #expect(catalog.count > 10)
        let listed = catalog.hits("", limit: 200)
        #expect(listed.map(\.index) == Array(0..<catalog.count))
        #expect(catalog.hits("  ", limit: 3).map(\.index) == [0, 1, 2])
        #expect(catalog.matchCount("") == catalog.count)
        #expect(!catalog.indexIsBuilt, "the first screen's listing folded the catalog")
        let eager = SearchIndex(catalog.entries.map { Catalog.names($0.form) })
        for q in ["khai sinh", "lltp", "dang ki", "1.001193", "x"] {
            #expect(catalog.hits(q, limit: 20) == eager.search(q, limit: 20), "\(q)")
        }
        #expect(catalog.indexIsBuilt)
    }
}
