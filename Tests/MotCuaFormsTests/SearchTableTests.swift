// The search table against the one index: every list's OptionIndex and the catalog.
import MotCuaTestSupport
import Testing
@testable import MotCuaForms

@Suite struct SearchTableTests {
    static let indexes: [String: OptionIndex] = {
        var out: [String: OptionIndex] = [:]
        for name in ["provinces", "communes", "ethnic-groups", "nationalities"] {
            out[name] = OptionIndex(options: (try? sharedLists.list(name).get()) ?? [])
        }
        return out
    }()

    static let catalog = Catalog.load(formsDirectory: repoRoot + "/Forms").0

    @Test func tableHasEnoughRows() {
        #expect(SearchTable.cases.count >= 60)
    }

    @Test(arguments: SearchTable.cases.filter { $0.list != "catalog" })
    func listsFindTheRowFirst(_ c: SearchCase) throws {
        let index = try #require(Self.indexes[c.list])
        let hit = try #require(index.hits(c.query).first, "\(c): nothing found")
        #expect(index.options[hit.index].label.resolve("vi") == c.first, "\(c)")
        if let reason = c.reason { #expect(hit.reason?.text.contains(reason) == true, "\(c): reason \(String(describing: hit.reason))") }
    }

    @Test(arguments: SearchTable.cases.filter { $0.list == "catalog" })
    func catalogFindsTheProcedureFirst(_ c: SearchCase) throws {
        let hit = try #require(Self.catalog.hits(c.query, limit: 5).first, "\(c): nothing found")
        #expect(Self.catalog.entries[hit.index].id == c.first, "\(c)")
        if let reason = c.reason { #expect(hit.reason?.text.contains(reason) == true, "\(c): reason \(String(describing: hit.reason))") }
    }

    @Test func orderBetweenRows() throws {
        func position(_ list: String, _ q: String, _ label: String) -> Int? {
            let ix = Self.indexes[list]!
            return ix.search(q).firstIndex { ix.options[$0].label.resolve("vi") == label }
        }
        // A whole word before a word inside another ("uc" in Campuchia, Đức).
        let uc = try #require(position("nationalities", "uc", "Ô-xtrây-li-a"))
        #expect(uc < (try #require(position("nationalities", "uc", "Campuchia"))))
        #expect(uc < (try #require(position("nationalities", "uc", "Đức"))))
        // Type words skipped: Tân first in "Xã Tân Tiến", second in "Xã Minh Tân".
        #expect(try #require(position("communes", "tan", "Xã Tân Tiến")) < (try #require(position("communes", "tan", "Xã Minh Tân"))))
        // "thanh" is a name in Thanh Hóa and only the type word of the cities.
        let thanh = try #require(position("provinces", "thanh", "Tỉnh Thanh Hóa"))
        for city in ["Thành phố Hà Nội", "Thành phố Huế", "Thành phố Hồ Chí Minh"] {
            #expect(thanh < (try #require(position("provinces", "thanh", city))), "\(city)")
        }
        // Diacritics typed pick the row that has them.
        #expect(try #require(position("communes", "tân tiến", "Xã Tân Tiến")) == 0)
        let communes = try #require(Self.indexes["communes"])
        for q in ["tấn", "tân"] {
            let first = try #require(communes.search(q).first)
            #expect(SearchText.terms(communes.options[first].label.resolve("vi")).contains { $0.marked == q }, "\(q)")
        }
    }
}
