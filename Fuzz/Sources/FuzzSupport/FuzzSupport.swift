// What every fuzz target shares: the checkout's folders, and a way to stop
// with a message libFuzzer records as a crash when an invariant breaks.
import Foundation

public enum Fuzz {
    /// The checkout (this file is Fuzz/Sources/FuzzSupport/FuzzSupport.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var formsDirectory: String { root + "/Forms" }

    /// The shipped forms, by file name, in a fixed order.
    public static let formFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: formsDirectory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The bytes as one buffer.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// An invariant broke: abort so libFuzzer saves the input.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("fuzz invariant broken: " + message + "\n").utf8))
        abort()
    }
}

/// libFuzzer's entry for programs that bring their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

extension Fuzz {
    /// SwiftPM links an executable target with `main` pointing at `<module>_main`
    /// (so tests can link it), which hides libFuzzer's own `main`; each target's
    /// `<module>_main` hands over to libFuzzer's driver with its test function.
    public static func runDriver(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ test: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector, test)
    }
}
