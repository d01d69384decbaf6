import Foundation
import Testing
@testable import MotCuaKiosk

/// A terminal whose keys all arrive at once (a paste without bracketed-paste markers).
final class BurstTerminal: TerminalDevice {
    var keys: [Key]
    var painted = 0
    let size = Size.minimum
    init(_ keys: [Key]) { self.keys = keys }
    func paint(_ screen: Screen) { painted += 1 }
    func readKey(timeoutMilliseconds: Int) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    func pollKey() -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    func setHighContrast(_ on: Bool) {}
    func restore() {}
    func now() -> Double { 0 }
}

/// Issue 12, F9: keys that arrive together are all handled, in order, with a frame
/// drawn every `maxKeysPerFrame` keys rather than after each one.
@Suite struct RunnerBurstTests {
    @Test func aBurstOfKeysIsHandledBeforeTheNextFrame() {
        var p = RecordingProgram()
        let typed = (0..<1_000).map { Key.character(Character(UnicodeScalar(UInt8(97 + $0 % 26)))) }
        let t = BurstTerminal(typed + [.function(10)])
        #expect(KioskRunner.run(&p, on: t, pendingSignal: { nil }) == 7)
        #expect(p.events == typed.map { .key($0) } + [.key(.function(10))])
        #expect(t.painted >= 1_000 / KioskRunner.maxKeysPerFrame && t.painted <= 1_000 / KioskRunner.maxKeysPerFrame + 2)
    }
}
