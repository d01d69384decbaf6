import Foundation
import Testing
@testable import MotCuaForms

/// Finding Forms/ and Locales/ walks up from the executable with plain string paths;
/// each step must be what NSString's `deletingLastPathComponent` gives (for the
/// standardised paths `URL.path` hands it: no "//" or "/./" in them).
@Suite struct ResourcesTests {
    @Test(arguments: ["/work/main/.build/release/motcua", "/a/b/", "/a", "/", "motcua", "/thư mục/Nguyễn/x"])
    func parentIsNSStringsParent(path: String) {
        #expect(Resources.parent(of: path) == (path as NSString).deletingLastPathComponent)
    }

    @Test func rootFromThisCheckoutHoldsTheLocales() {
        let root = Resources.root(environment: [:])
        #expect(root.map { FileManager.default.fileExists(atPath: $0 + "/Locales/vi.json") } == true, "\(root ?? "nil")")
        #expect(Resources.root(environment: ["MOTCUA_HOME": "/srv/motcua"]) == "/srv/motcua")
    }
}
