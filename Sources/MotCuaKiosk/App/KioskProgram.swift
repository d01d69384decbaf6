// The Elm-style contract between the kiosk's screens and the run loop: the program is a
// value that takes events and says what to do next, and a pure `view` that draws it.

/// Something that happened, for the program to react to.
public enum KioskEvent: Hashable, Sendable {
    case key(Key)
    /// No key for the program's `idleTimeout`: save the draft and go home (privacy at a
    /// public desk). Sent once per idle period.
    case idle
}

/// What the program asks the run loop to do after an event.
public enum KioskCommand: Hashable, Sendable {
    case none
    /// Leave the loop; the kiosk exits with this status.
    case quit(Int32)
    /// Switch the high-contrast theme on or off.
    case highContrast(Bool)
    /// Read `text` aloud (already written for a listener) in `language`; the run
    /// loop silences the voice at the next key.
    case speak(String, language: String)
}

public protocol KioskProgram {
    /// Reacts to one event.
    mutating func update(_ event: KioskEvent) -> KioskCommand
    /// The whole screen for `size` (at least `minimumSize`; smaller sizes get the
    /// "please enlarge the window" screen instead).
    func view(size: Size) -> Screen
    /// Ctrl-C, SIGINT, SIGTERM or SIGHUP: save the draft now; the terminal is restored
    /// and the process exits with 128 + `signal` right after. Signal 0: F10 on the
    /// "enlarge the window" screen (the process exits with 0).
    mutating func terminate(signal: Int32)
    /// Seconds without a key before `.idle` is sent; `nil` for never.
    var idleTimeout: Double? { get }
    /// The smallest size `view` lays out for.
    var minimumSize: Size { get }
    /// Wording for the run loop's own screens (the "enlarge the window" screen).
    var strings: KioskStrings { get }
}

extension KioskProgram {
    public var idleTimeout: Double? { nil }
    public var minimumSize: Size { .minimum }
    public var strings: KioskStrings { .vi }
}
