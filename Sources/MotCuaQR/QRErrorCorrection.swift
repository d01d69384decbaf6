/// The four error-correction levels of ISO/IEC 18004. A higher level survives
/// more damage (a smudged receipt, a fold) at the cost of a larger symbol.
public enum QRErrorCorrection: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// Recovers about 7 % of the codewords.
    case low = 0
    /// Recovers about 15 % of the codewords; the usual choice.
    case medium = 1
    /// Recovers about 25 % of the codewords.
    case quartile = 2
    /// Recovers about 30 % of the codewords.
    case high = 3

    /// The two bits that stand for this level in the format information
    /// (the standard's order is M=00, L=01, H=10, Q=11, not the natural one).
    var formatBits: Int {
        switch self {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
    }

    /// The one-letter name used by the standard and by command lines.
    public var letter: String {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }

    public var description: String { letter }

    /// Parses `L`, `M`, `Q` or `H` (either case); nil for anything else.
    public init?(letter: String) {
        switch letter.uppercased() {
        case "L": self = .low
        case "M": self = .medium
        case "Q": self = .quartile
        case "H": self = .high
        default: return nil
        }
    }
}
