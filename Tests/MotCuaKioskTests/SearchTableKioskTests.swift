// The search table through the kiosk: each query typed key by key into a chooser over
// the list (with the desk's Telex on, as a person types at the desk) or into the home
// screen's procedure search; the highlighted row must be the table's first row, and a
// row found by another name must say so on screen.
import MotCuaForms
import MotCuaTestSupport
import MotCuaText
import Testing
@testable import MotCuaKiosk

@Suite struct SearchTableKioskTests {
    static let lists = ListDirectory(path: screensRoot + "/Forms/lists")
    static let choosers: [String: ChoiceList] = {
        var out: [String: ChoiceList] = [:]
        for name in ["provinces", "communes", "ethnic-groups", "nationalities"] {
            var list = ChoiceList(index: OptionIndex(options: (try? lists.list(name).get()) ?? []), messages: screensVi)
            list.typing = VietTypingEngine(method: .telex)
            out[name] = list
        }
        return out
    }()

    @Test(arguments: SearchTable.cases.filter { $0.list != "catalog" })
    func chooserHighlightsTheRow(_ c: SearchCase) throws {
        var list = try #require(Self.choosers[c.list])
        send(Key.typing(c.query), to: &list)
        #expect(list.highlightedOption?.label == VietText.normalizeTonePlacement(c.first, style: .traditional), "\(c)")
        let screen = draw(list, size: Size(width: 80, height: 6))
        if let reason = c.reason {
            #expect(screen.lines[1].contains(reason) && screen.lines[1].contains("("), "\(c): \(screen.lines[1])")
        }
    }

    @Test(arguments: SearchTable.cases.filter { $0.list == "catalog" })
    func homeHighlightsTheProcedure(_ c: SearchCase) throws {
        let desk = FakeDesk()
        var home = HomeScreen(messages: screensVi, services: desk.services)
        for key in Key.typing(c.query) { _ = home.update(key, services: desk.services) }
        #expect(home.matches.first?.id == c.first, "\(c)")
        if let reason = c.reason {
            let screen = home.view(size: Size(width: 100, height: 24), strings: .vi)
            #expect(screen.lines.contains { $0.contains("▸") && $0.contains("tìm theo: " + reason) }, "\(c)")
        }
    }

    @Test func formerNamesSayWhy() throws {
        var list = try #require(Self.choosers["provinces"])
        send(Key.typing("ha giang"), to: &list)
        let screen = draw(list, size: Size(width: 80, height: 6))
        #expect(screen.lines[1].hasPrefix("▸ Tỉnh Tuyên Quang (trước đây: Hà Giang)"))
    }

    @Test func telexInTheSearchLine() throws {
        var list = try #require(Self.choosers["communes"])
        send(Key.typing("taan tieesn"), to: &list)
        #expect(list.query.text == "tân tiến")
        #expect(list.highlightedOption?.label == "Xã Tân Tiến")
    }
}
