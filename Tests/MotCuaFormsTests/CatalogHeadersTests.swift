import Testing
@testable import MotCuaForms

/// The browsing catalog the kiosk starts with: same entries and search as
/// the full catalog, without reading lists or pages.
@Suite struct CatalogHeadersTests {
    @Test func headersSearchLikeTheFullCatalog() {
        let full = Catalog.load(formsDirectory: repoRoot + "/Forms").0
        let headers = Catalog.loadHeaders(formsDirectory: repoRoot + "/Forms")
        #expect(headers.entries.map(\.id) == full.entries.map(\.id))
        // What the search reads of each form is the same: keywords and the agency included.
        for (h, f) in zip(headers.entries, full.entries) {
            #expect(h.form.keywords == f.form.keywords, "\(h.id)")
            #expect(h.form.procedure?.agency == f.form.procedure?.agency, "\(h.id)")
            #expect(h.form.procedure?.code == f.form.procedure?.code && h.form.procedure?.processingDays == f.form.procedure?.processingDays, "\(h.id)")
            // And what the list shows: the header's fields are the full parse's.
            #expect(h.form.title == f.form.title && h.form.summary == f.form.summary, "\(h.id)")
            #expect(h.form.version == f.form.version && h.form.languages == f.form.languages, "\(h.id)")
            #expect(h.form.procedure?.domain == f.form.procedure?.domain, "\(h.id)")
            // The header catalog keeps no file bytes (its cache could not give them back).
            #expect(h.loaded.data.isEmpty && !f.loaded.data.isEmpty && h.path == f.path, "\(h.id)")
        }
        #expect(headers.entries.contains { !$0.form.keywords.isEmpty })
        #expect(headers.search("giay khai sinh").first?.id == "khai-sinh")
        #expect(headers.search("criminal record").first?.id == "ly-lich-tu-phap")
        for q in ["dang ky khai sinh", "Đăng ký", "lý lịch", "1.001193", "ket hon", "ks", "birth certificate", "uy ban"] {
            #expect(headers.search(q).map(\.id) == full.search(q).map(\.id), "\(q)")
        }
        #expect(headers.entries.allSatisfy { $0.form.pages.isEmpty })
        #expect(headers.entry(id: "khai-sinh")?.title("en") == "Birth registration")
    }
}
