// What the run loop needs from a terminal. The ncurses driver is the real one; tests use
// a scripted one, so the loop's behaviour (resize, idle, signals, "enlarge" screen) is
// tested without a terminal.

public protocol TerminalDevice: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `screen` (cells that did not change need not be sent) and puts the cursor last.
    func paint(_ screen: Screen)
    /// Waits up to `timeoutMilliseconds` for a key; `nil` when none came (or a signal
    /// interrupted the wait).
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Switches between the normal and the high-contrast theme (monochrome stays monochrome).
    func setHighContrast(_ on: Bool)
    /// Gives the terminal back as it was found. Safe to call more than once.
    func restore()
    /// Monotonic seconds, for the idle timer.
    func now() -> Double
    /// A key that is already waiting, without waiting (see the extension's default).
    func pollKey() -> Key?
}

extension TerminalDevice {
    /// A key that is already waiting, taken without waiting; nil when none is (or the
    /// device cannot tell). The run loop handles keys that arrived together (text typed
    /// by a paste without bracketed-paste markers) before drawing again.
    public func pollKey() -> Key? { nil }
}
