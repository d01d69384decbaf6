import Foundation
import Testing
@testable import MotCuaStore

/// `FileIO.names(in:)`, the store's readdir (the kiosk's start lists the data folder, its
/// drafts and the forms' copies with it): the same names FileManager lists, nothing more.
@Suite struct DirectoryNamesTests {
    @Test func theSameNamesAsFileManagerListsAndNilForNoFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(FileIO.names(in: dir) == [])
        // Dotfiles, a temporary file's name, a subfolder, Vietnamese in NFC and NFD, a long name.
        let names = [".hidden", ".Draft.json.tmp-12-34", "a.json", "Nguyễn Thị Hòa.json",
                     "Nguyễn".decomposedStringWithCanonicalMapping + ".json", String(repeating: "x", count: 250)]
        for n in names { #expect(FileManager.default.createFile(atPath: dir + "/" + n, contents: Data("{}".utf8))) }
        try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: false)
        let listed = try #require(FileIO.names(in: dir))
        #expect(listed.sorted() == (names + ["drafts"]).sorted())
        #expect(listed.sorted() == (try FileManager.default.contentsOfDirectory(atPath: dir)).sorted())
        #expect(FileIO.names(in: dir + "/missing") == nil)
        #expect(FileIO.names(in: dir + "/a.json") == nil)
    }
}
