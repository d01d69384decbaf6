// ncurses colours come in numbered foreground/background pairs that must be declared
// before use; this hands them out on first use, so a theme needs no table of numbers.
import CNCursesW

struct ColourPairs {
    /// Whether the terminal accepted `use_default_colors` (-1 = the terminal's own colour).
    let defaultsAllowed: Bool
    /// Pair numbers by `key` (0: not declared yet). An array, not a dictionary keyed by Int:
    /// the kiosk's first Int-keyed dictionary cost its first frame a conformance lookup (~0.1 ms).
    private var pairs = [Int16](repeating: 0, count: ColourPairs.colours * ColourPairs.colours)
    /// How many colours there are, counted once (`allCases` builds an array at each use).
    private static let colours = TermColor.allCases.count
    private var declared = 0

    init(defaultsAllowed: Bool) { self.defaultsAllowed = defaultsAllowed }

    /// The pair number for this foreground/background, declaring it the first time.
    /// Pair 0 (the terminal's defaults) is used when the terminal runs out of pairs.
    mutating func pair(_ foreground: TermColor, _ background: TermColor) -> Int16 {
        if foreground == .terminalDefault && background == .terminalDefault && defaultsAllowed { return 0 }
        let key = (foreground.rawValue + 1) * ColourPairs.colours + background.rawValue + 1
        if pairs[key] != 0 { return pairs[key] }
        let number = declared + 1
        guard number < Int(motcua_color_pairs()), number < Int(Int16.max) else { return 0 }
        func code(_ c: TermColor, fallback: Int16) -> Int16 {
            c == .terminalDefault ? (defaultsAllowed ? -1 : fallback) : Int16(c.rawValue)
        }
        init_pair(Int16(number), code(foreground, fallback: Int16(COLOR_WHITE)), code(background, fallback: Int16(COLOR_BLACK)))
        pairs[key] = Int16(number)
        declared = number
        return Int16(number)
    }
}
