import Foundation
import Testing
@testable import MotCuaKiosk

/// A terminal that replays a script: keys, pauses (advancing a fake clock) and resizes.
final class ScriptedTerminal: TerminalDevice {
    enum Step { case key(Key), wait(Double), resize(Size), signal(Int32) }
    var script: [Step]
    var size: Size
    var clock = 0.0
    var painted: [Screen] = []
    var restoreCount = 0
    var highContrast: [Bool] = []
    var pendingSignal: Int32?

    init(size: Size = .minimum, _ script: [Step]) { self.size = size; self.script = script }

    func paint(_ screen: Screen) { painted.append(screen) }
    func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !script.isEmpty else { pendingSignal = SIGTERM; return nil }  // end of script: stop the loop
        switch script.removeFirst() {
        case .key(let key): return key
        case .wait(let seconds): clock += seconds; return nil
        case .resize(let new): size = new; return .resize
        case .signal(let sig): pendingSignal = sig; return nil
        }
    }
    func setHighContrast(_ on: Bool) { highContrast.append(on) }
    func restore() { restoreCount += 1 }
    func now() -> Double { clock }
    func takeSignal() -> Int32? { defer { pendingSignal = nil }; return pendingSignal }
}

/// Records what the loop gives it.
struct RecordingProgram: KioskProgram {
    var events: [KioskEvent] = []
    var terminatedBy: Int32?
    var idleTimeout: Double?
    var quitOn: Key = .function(10)

    mutating func update(_ event: KioskEvent) -> KioskCommand {
        events.append(event)
        if event == .key(quitOn) { return .quit(7) }
        if event == .key(.function(4)) { return .highContrast(true) }
        return .none
    }
    func view(size: Size) -> Screen {
        var s = Screen(size: size)
        s.write("keys: \(events.count)", at: Point(x: 0, y: 0))
        return s
    }
    mutating func terminate(signal: Int32) { terminatedBy = signal }
}

@Suite struct RunnerTests {
    func run(_ program: inout RecordingProgram, _ terminal: ScriptedTerminal) -> Int32 {
        KioskRunner.run(&program, on: terminal, pendingSignal: terminal.takeSignal)
    }

    @Test func keysReachTheProgramAndQuitEndsTheLoopWithItsStatus() {
        var p = RecordingProgram()
        let t = ScriptedTerminal([.key(.character("a")), .key(.function(4)), .key(.function(10)), .key(.character("b"))])
        #expect(run(&p, t) == 7)
        #expect(p.events == [.key(.character("a")), .key(.function(4)), .key(.function(10))])
        #expect(t.highContrast == [true])
        #expect(t.restoreCount == 1)
        #expect(t.painted.last?.lines[0] == "keys: 2")
    }

    @Test func ctrlCAndSignalsLetTheProgramSaveThenRestoreTheTerminal() {
        var p = RecordingProgram()
        let t = ScriptedTerminal([.key(.character("a")), .key(.control("c"))])
        #expect(run(&p, t) == 128 + SIGINT)
        #expect(p.terminatedBy == SIGINT)
        #expect(t.restoreCount == 1)
        var q = RecordingProgram()
        let u = ScriptedTerminal([.key(.character("a")), .signal(SIGHUP)])
        #expect(run(&q, u) == 128 + SIGHUP)
        #expect(q.terminatedBy == SIGHUP)
        #expect(u.restoreCount == 1)
    }

    @Test func belowTheMinimumSizeTheEnlargeScreenShowsAndKeysAreHeldBack() {
        var p = RecordingProgram()
        let t = ScriptedTerminal([.key(.character("a")), .resize(Size(width: 60, height: 20)), .key(.character("b")),
                                  .key(.function(3)), .resize(Size(width: 120, height: 40)), .key(.function(10))])
        #expect(run(&p, t) == 7)
        #expect(p.events == [.key(.character("a")), .key(.resize), .key(.resize), .key(.function(10))])
        let small = t.painted.first { $0.size == Size(width: 60, height: 20) }
        #expect(small?.text.contains("Cửa sổ quá nhỏ") == true)
        #expect(t.painted.last?.size == Size(width: 120, height: 40))
    }

    @Test func idleIsSentOnceAfterTheTimeoutAndAgainOnlyAfterAKey() {
        var p = RecordingProgram(idleTimeout: 300)
        let t = ScriptedTerminal([.wait(200), .wait(120), .wait(500), .key(.character("x")), .wait(299), .wait(2),
                                  .key(.function(10))])
        #expect(run(&p, t) == 7)
        #expect(p.events == [.idle, .key(.character("x")), .idle, .key(.function(10))])
    }

    @Test func noIdleWithoutATimeout() {
        var p = RecordingProgram()
        let t = ScriptedTerminal([.wait(10_000), .key(.function(10))])
        #expect(run(&p, t) == 7)
        #expect(p.events == [.key(.function(10))])
    }

    /// Issue 14, defect 17: the "enlarge" screen says how to leave, and F10 there saves the
    /// draft and leaves (only Ctrl-C did).
    @Test func f10OnTheEnlargeScreenSavesAndLeaves() {
        var p = RecordingProgram(quitOn: .function(12))
        let t = ScriptedTerminal(size: Size(width: 60, height: 20), [.key(.character("b")), .key(.function(10)), .key(.character("c"))])
        #expect(run(&p, t) == 0)
        #expect(p.terminatedBy == 0)
        #expect(p.events.isEmpty)
        #expect(t.restoreCount == 1)
        #expect(t.painted.last?.text.contains("F10 (Ctrl-X)") == true)
    }
}
