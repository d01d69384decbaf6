import Testing
@testable import MotCuaForms

/// The browsing catalog the kiosk starts with: same entries and search as
/// the full catalog, without reading lists or pages.
@Suite struct CatalogHeadersTests {
    @Test func headersSearchLikeTheFullCatalog() {
        let full = Catalog.load(formsDirectory: repoRoot + "/Forms").0
        let headers = Catalog.loadHeaders(formsDirectory: repoRoot + "/Forms")
        #expect(headers.entries.map(\.id) == full.entries.map(\.id))
        for q in ["dang ky khai sinh", "Đăng ký", "lý lịch", "1.001193", "ket hon"] {
            #expect(headers.search(q).map(\.id) == full.search(q).map(\.id), "\(q)")
        }
        #expect(headers.entries.allSatisfy { $0.form.pages.isEmpty })
        #expect(headers.entry(id: "khai-sinh")?.title("en") == "Birth registration")
    }
}
