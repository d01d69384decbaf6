// The run loop: draw, wait for a key (in short slices so signals and the idle timer are
// noticed quickly), hand it to the program, repeat. Below the minimum size the program
// is not drawn and gets no keys (typing into an invisible form would be worse than
// nothing); the "please enlarge" screen shows instead until the window grows.
import Foundation

public enum KioskRunner {
    /// Longest single wait for a key, so a signal is acted on within this time even if the
    /// read is restarted rather than interrupted.
    static let sliceMilliseconds = 200
    /// Keys handled at most between two frames when they arrive faster than drawing.
    static let maxKeysPerFrame = 64

    /// Runs `program` on `device` until it quits or is terminated; returns the exit status.
    /// The device is restored before returning, on every path.
    public static func run<P: KioskProgram>(_ program: inout P, on device: some TerminalDevice,
                                            pendingSignal: () -> Int32? = SignalTrap.takePending) -> Int32 {
        defer { device.restore() }
        var lastActivity = device.now()
        var idleSent = false
        var dirty = true
        // Keys that were already waiting are handled before the next frame, up to a bound
        // so the screen still follows: 4,000 characters typed at once by a paste without
        // bracketed-paste markers cost 4,000 updates and a few frames, not 4,000 frames.
        var pending: Key?
        var unpainted = 0
        while true {
            if let sig = pendingSignal() {
                program.terminate(signal: sig)
                return 128 + sig
            }
            let size = device.size
            let fits = size.covers(program.minimumSize)
            if dirty, unpainted < maxKeysPerFrame, let waiting = device.pollKey() {
                pending = waiting
                unpainted += 1
            } else if dirty {
                device.paint(fits ? program.view(size: size)
                                  : EnlargeView.render(size: size, minimum: program.minimumSize, strings: program.strings))
                dirty = false
                unpainted = 0
            }
            var wait = sliceMilliseconds
            if let idle = program.idleTimeout, !idleSent {
                let left = idle - (device.now() - lastActivity)
                wait = max(0, min(wait, Int((left * 1000).rounded(.up))))
            }
            guard let key = pending.take() ?? device.readKey(timeoutMilliseconds: wait) else {
                if let idle = program.idleTimeout, !idleSent, device.now() - lastActivity >= idle {
                    idleSent = true
                    dirty = true
                    if let code = apply(program.update(.idle), device) { return code }
                }
                continue
            }
            lastActivity = device.now()
            idleSent = false
            dirty = true
            if key == .control("c") {
                program.terminate(signal: SIGINT)
                return 128 + SIGINT
            }
            if key != .resize && !fits { continue }
            if let code = apply(program.update(.key(key)), device) { return code }
        }
    }

    private static func apply(_ command: KioskCommand, _ device: some TerminalDevice) -> Int32? {
        switch command {
        case .none: return nil
        case .quit(let code): return code
        case .highContrast(let on): device.setHighContrast(on); return nil
        }
    }
}
