import Foundation
import Testing
@testable import MotCuaForms

@Suite struct CatalogTests {
    static let loaded = Catalog.load(formsDirectory: repoRoot + "/Forms")
    static var catalog: Catalog { loaded.0 }

    static func ids(_ query: String, limit: Int = 20) -> [String] {
        catalog.search(query, limit: limit).map(\.id)
    }

    @Test func loadsEveryShippedForm() throws {
        #expect(Self.loaded.1.isEmpty, "\(Self.loaded.1)")
        let files = try FileManager.default.contentsOfDirectory(atPath: repoRoot + "/Forms").filter { $0.hasSuffix(".json") }
        #expect(Self.catalog.count == files.count)
        for id in ["khai-sinh", "khai-tu", "ket-hon", "ly-lich-tu-phap", "thuong-tru"] {
            let e = try #require(Self.catalog.entry(id: id))
            #expect(e.path.hasSuffix("/\(id).json"))
            #expect(!e.loaded.data.isEmpty)
        }
        let ks = try #require(Self.catalog.entry(id: "khai-sinh"))
        #expect(ks.title("vi") == "Đăng ký khai sinh" && ks.title("en") == "Birth registration")
        #expect(ks.title("fr") == "Đăng ký khai sinh", "an unknown language falls back to the form's default")
        #expect(ks.code == "1.001193" && ks.summary("vi")?.isEmpty == false)
    }

    @Test func findsByTitleWithOrWithoutDiacritics() {
        #expect(Self.ids("dang ky khai sinh").first == "khai-sinh")
        #expect(Self.ids("Đăng ký khai sinh").first == "khai-sinh")
        #expect(Self.ids("ĐĂNG KÝ KHAI TỬ").first == "khai-tu")
        #expect(Self.ids("ket hon").first == "ket-hon")
        #expect(Self.ids("thường trú").first == "thuong-tru")
        #expect(Self.ids("lý lịch").first == "ly-lich-tu-phap")
        #expect(Self.ids("ly lich tu phap").first == "ly-lich-tu-phap")
        // Word starts as they are typed, one key at a time.
        #expect(Self.ids("ly li").first == "ly-lich-tu-phap")
        #expect(Self.ids("dang ky k").prefix(3).contains("khai-sinh"))
    }

    @Test func dangKyFindsTheFourRegistrations() {
        let found = Set(Self.ids("Đăng ký"))
        #expect(found.isSuperset(of: ["khai-sinh", "khai-tu", "ket-hon", "thuong-tru"]))
        #expect(!found.contains("ly-lich-tu-phap"))
        #expect(Set(Self.ids("dang ky")) == found)
    }

    @Test func nfdQueryFindsTheSame() {
        for q in ["Đăng ký kết hôn", "lý lịch", "thường trú"] {
            let nfd = q.decomposedStringWithCanonicalMapping
            #expect(nfd.unicodeScalars.count != q.unicodeScalars.count)
            #expect(Self.ids(nfd) == Self.ids(q))
        }
    }

    @Test func findsByCode() {
        #expect(Self.ids("1.001193").first == "khai-sinh")
        #expect(Self.ids("1001193").first == "khai-sinh")
        #expect(Self.ids("1.000656").first == "khai-tu")
        #expect(Self.ids("1.004222").first == "thuong-tru")
        // A code prefix puts every code it starts first.
        let prefix = Self.ids("1.000")
        #expect(Set(prefix.prefix(2)) == ["khai-tu", "ket-hon"])
    }

    @Test func findsBySummaryDomainAndEnglish() {
        #expect(Self.ids("birth").first == "khai-sinh")
        #expect(Self.ids("marriage").first == "ket-hon")
        #expect(Self.ids("criminal record").first == "ly-lich-tu-phap")
        #expect(Set(Self.ids("hộ tịch")).isSuperset(of: ["khai-sinh", "khai-tu", "ket-hon"]))
        #expect(Self.ids("công an").contains("thuong-tru"))
    }

    @Test func everyWordMustMatch() {
        #expect(Self.ids("khai sinh xyz").isEmpty)
        #expect(Self.ids("zzz").isEmpty)
        #expect(Self.ids("kết hôn tạm vắng").isEmpty)
    }

    @Test func emptyQueryListsTheCatalogAndLimitHolds() {
        let all = Self.catalog.search("", limit: 100)
        #expect(all.count == Self.catalog.count)
        #expect(Self.catalog.search("   ", limit: 2).count == 2)
        #expect(Self.catalog.search("dang ky", limit: 1).count == 1)
        #expect(Self.catalog.search("dang ky", limit: 0).isEmpty)
        // Browsing order is by title, folded: Cấp bản sao…, Cấp Giấy…, Cấp Phiếu…, Chứng thực…, Đăng ký giám hộ, … kết hôn.
        #expect(all.map(\.id).prefix(7) == ["trich-luc-ho-tich", "xac-nhan-tinh-trang-hon-nhan", "ly-lich-tu-phap", "chung-thuc-ban-sao", "chung-thuc-chu-ky", "giam-ho", "ket-hon"])
    }

    static func form(_ id: String, _ title: String, summary: String = "", code: String? = nil) -> LoadedForm {
        let proc = code.map { #", "procedure": {"code": "\#($0)"}"# } ?? ""
        let json = #"{"format": "motcua-form/1", "id": "\#(id)", "version": "1", "title": "\#(title)", "summary": "\#(summary)"\#(proc), "pages": [{"id": "p", "title": "P", "fields": [{"id": "a", "type": "text", "label": "A"}]}]}"#
        switch FormEngine.load(data: Data(json.utf8), name: id, lists: sharedLists) {
        case .success(let l): return l
        case .failure(let e): fatalError("\(e.issues)")
        }
    }

    @Test func titleMatchesRankFirst() {
        let c = Catalog(forms: [
            Self.form("a", "Cấp giấy phép", summary: "Kèm đăng ký khai sinh"),
            Self.form("b", "Đăng ký khai sinh lưu động"),
            Self.form("c", "Đăng ký khai sinh"),
            Self.form("d", "Trích lục khai sinh đăng ký lại"),
        ])
        // c and b hold the phrase at the start (c is shorter); d holds the words but not as a phrase; a only in its summary.
        #expect(c.search("đăng ký khai sinh").map(\.id) == ["c", "b", "d", "a"])
        // The phrase further in (d) still comes before a summary-only match (a).
        #expect(c.search("khai sinh").map(\.id) == ["c", "b", "d", "a"])
        // Whole words before word starts.
        let w = Catalog(forms: [Self.form("x", "Khai thác khoáng sản"), Self.form("y", "Khai báo tạm vắng")])
        #expect(w.search("khai bao").map(\.id) == ["y"])
        #expect(w.search("kha").map(\.id) == ["y", "x"], "same rank and length: browsing order")
    }

    @Test func codeMatchOutranksTitles() {
        let c = Catalog(forms: [Self.form("t", "Thủ tục 2.000815 (nhắc trong tên)"), Self.form("k", "Chứng thực bản sao", code: "2.000815")])
        #expect(c.search("2.000815").map(\.id) == ["k", "t"])
    }

    @Test func duplicateIDsAndBrokenFormsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.form("trung", "Thủ tục một").data.write(to: dir.appendingPathComponent("a.json"))
        try Self.form("trung", "Thủ tục hai").data.write(to: dir.appendingPathComponent("b.json"))
        try Data(#"{"format": "motcua-form/1", "id": "hong"}"#.utf8).write(to: dir.appendingPathComponent("c.json"))
        try Data("not a form".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let (c, errors) = Catalog.load(formsDirectory: dir.path)
        #expect(c.entries.map(\.id) == ["trung"])
        #expect(c.entry(id: "trung")?.title("vi") == "Thủ tục một")
        #expect(errors.count == 2)
        #expect(errors.contains { $0.file.hasSuffix("b.json") && $0.description.contains("already used by") })
        #expect(errors.contains { $0.file.hasSuffix("c.json") })
        let (empty, missing) = Catalog.load(formsDirectory: dir.path + "/nowhere")
        #expect(empty.count == 0 && missing.count == 1)
    }

    // MARK: OptionIndex

    static let communes = OptionIndex(options: try! sharedLists.list("communes").get())

    @Test func communesNarrowAsTyped() {
        let c = Self.communes
        #expect(c.count == 3321)
        for q in ["hung duc", "Hùng Đức", "HUNG DUC", "xa hung du", "Hùng Đức".decomposedStringWithCanonicalMapping] {
            #expect(c.matches(q).first?.value == "02425", "\(q)")
        }
        // One key earlier, Hưng Đạo and Hưng Điền match too (diacritics optional): the names
        // starting so come first in list order, then the ones holding the words elsewhere.
        #expect(c.matches("xa hung d").map(\.value).prefix(4) == ["09931", "01351", "02425", "27727"])
        #expect(c.matches("duc hung").first?.value == "02425", "words in any order")
        #expect(c.search("qqq").isEmpty)
        #expect(c.search("").count == 3321)
    }

    @Test func communeRankingPutsNameStartsFirst() throws {
        let hits = Self.communes.matches("duc")
        let hungDuc = try #require(hits.firstIndex { $0.value == "02425" })
        let ducLong = try #require(hits.firstIndex { $0.value == "01822" })  // Xã Đức Long
        #expect(ducLong < hungDuc)
        // The first hits are the names starting with Đức, in list order.
        let firstFive = hits.prefix(5)
        #expect(firstFive.allSatisfy { SearchText.terms($0.label.resolve("vi"))[1].folded == Array("duc".utf8) })
        let order = firstFive.compactMap { o in Self.communes.options.firstIndex { $0.value == o.value } }
        #expect(order == order.sorted())
    }

    @Test func communesFilteredByProvince() {
        let inTuyenQuang: (Option) -> Bool = { $0.attributes["province"] == "08" }
        #expect(Self.communes.search("", allowed: inTuyenQuang).count == 124)
        let xuan = Self.communes.matches("xuan", allowed: inTuyenQuang)
        #expect(xuan.contains { $0.value == "02215" })
        #expect(xuan.allSatisfy { $0.attributes["province"] == "08" })
        #expect(Self.communes.search("xuan").count > xuan.count)
        #expect(Self.communes.search("hung duc", allowed: { $0.attributes["province"] == "01" }).isEmpty)
    }

    @Test func allowedIsOnlyAskedAboutTextMatches() {
        var asked = 0
        _ = Self.communes.search("hung duc") { _ in asked += 1; return true }
        #expect(asked == 1)
    }

    @Test func otherNamesAndLanguages() throws {
        let ethnic = OptionIndex(options: try sharedLists.list("ethnic-groups").get())
        #expect(ethnic.matches("hmong").first?.label.resolve("vi") == "Mông")
        #expect(ethnic.matches("mèo").first?.label.resolve("vi") == "Mông")
        #expect(ethnic.matches("kinh").first?.value == "01")
        #expect(ethnic.matches("viet").first?.value == "01")
        let nations = try sharedLists.list("nationalities").get()
        let vi = OptionIndex(options: nations), en = OptionIndex(options: nations, language: "en")
        #expect(vi.matches("úc").first?.value == "au")
        #expect(vi.matches("australia").first?.value == "au")
        #expect(en.matches("australia").first?.value == "au")
        #expect(vi.matches("usa").first?.value == "us")
        #expect(vi.matches("mỹ").contains { $0.value == "us" }, "alias Mỹ")
        // The shown label ranks before other names: "viet" is Việt Nam's own label.
        #expect(vi.matches("viet").first?.value == "vn")
    }
}
