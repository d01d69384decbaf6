// Styles are semantic: a cell says what it is (a label, an error, the focused input),
// and the theme chosen at run time (colour, monochrome, high contrast) decides how that
// looks. View functions therefore never mention a colour, and tests can assert "this
// is marked as an error" without caring about the palette.

/// What a piece of the screen is, for the theme to colour.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case normal, title, label, hint, example, input, inputFocused, placeholder
    case selection, error, warning, success, border, statusBar, keyHint, progress, progressEmpty, muted
}

/// The look of one cell: attributes plus a colour role.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.role = role; self.bold = bold; self.reverse = reverse
        self.underline = underline; self.dim = dim
    }

    public static let plain = Style()
    public static func role(_ role: ColorRole) -> Style { Style(role) }

    /// A copy with bold switched on.
    public var bolded: Style { var s = self; s.bold = true; return s }
    /// A copy with reverse video switched on.
    public var reversed: Style { var s = self; s.reverse = true; return s }
    /// A copy with underline switched on.
    public var underlined: Style { var s = self; s.underline = true; return s }
}
