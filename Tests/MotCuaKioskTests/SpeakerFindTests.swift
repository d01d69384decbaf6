// Finding espeak-ng and a player along PATH (the kiosk does it at every start): only a
// file this process may run counts, not a plain file or a folder of the same name.
import Foundation
import Testing
@testable import MotCuaSpeech

@Suite struct SpeakerFindTests {
    @Test func onlyAnExecutableFileIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("speaker-find-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for dir in ["a", "b", "c", "d"] { try FileManager.default.createDirectory(atPath: "\(root)/\(dir)", withIntermediateDirectories: true) }
        try FileManager.default.createDirectory(atPath: "\(root)/a/espeak-ng", withIntermediateDirectories: true)  // a folder
        #expect(FileManager.default.createFile(atPath: "\(root)/b/espeak-ng", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(FileManager.default.createFile(atPath: "\(root)/c/espeak-ng", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        #expect(FileManager.default.createFile(atPath: "\(root)/d/espeak-ng", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        let path = ["", "\(root)/missing", "\(root)/a", "\(root)/b", "\(root)/c", "\(root)/d"].joined(separator: ":")
        #expect(Speaker.find("espeak-ng", in: path) == "\(root)/c/espeak-ng")
        #expect(Speaker.find("espeak-ng", in: "\(root)/a:\(root)/b") == nil)
        #expect(Speaker.find("\(root)/d/espeak-ng", in: "") == "\(root)/d/espeak-ng")
        #expect(Speaker.find("\(root)/a/espeak-ng", in: "") == nil)
        #expect(Speaker.find("\(root)/b/espeak-ng", in: "") == nil)
        #expect(Speaker(environment: ["PATH": "\(root)/a:\(root)/c"]).isAvailable)
        #expect(!Speaker(environment: ["PATH": "\(root)/a:\(root)/b"]).isAvailable)
    }
}
