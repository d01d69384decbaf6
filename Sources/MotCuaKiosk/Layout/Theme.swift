// Themes turn the semantic roles of the screen model into colours and attributes.
// Three are built in: colour, monochrome (NO_COLOR, or a terminal without colours) and
// high contrast (white on black, no dim text, errors in bold yellow). Resolution is a
// pure function so tests can check every role is readable in every theme.

/// The eight ANSI colours plus the terminal's own default.
public enum TermColor: Int, Hashable, Sendable, CaseIterable {
    case terminalDefault = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// What the driver actually sets for a cell: colours and attributes.
public struct Look: Hashable, Sendable {
    public var foreground: TermColor
    public var background: TermColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ foreground: TermColor = .terminalDefault, on background: TermColor = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }
}

public struct Theme: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case colour, monochrome, highContrast }

    public let kind: Kind
    public init(_ kind: Kind) { self.kind = kind }

    public static let colour = Theme(.colour)
    public static let monochrome = Theme(.monochrome)
    public static let highContrast = Theme(.highContrast)

    /// True when the theme sets colours at all (the driver then starts colour support).
    public var usesColour: Bool { kind != .monochrome }

    /// Picks the theme for this run: NO_COLOR (set and not empty, see no-color.org) or a
    /// terminal without colours forces monochrome; otherwise high contrast when asked for.
    public static func choose(environment: [String: String], terminalHasColours: Bool,
                              highContrast: Bool = false) -> Theme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        if !terminalHasColours { return .monochrome }
        return highContrast ? .highContrast : .colour
    }

    /// The look of a cell with `style`: the role's look, plus the style's own attributes.
    public func resolve(_ style: Style) -> Look {
        var look = base(style.role)
        look.bold = look.bold || style.bold
        look.reverse = look.reverse != style.reverse  // reverse on reverse reads as normal again
        look.underline = look.underline || style.underline
        // High contrast never dims: dim text is the first thing ageing eyes lose.
        look.dim = kind == .highContrast ? false : (look.dim || style.dim)
        return look
    }

    private func base(_ role: ColorRole) -> Look {
        switch kind {
        case .colour: return Theme.colourLook(role)
        case .monochrome: return Theme.monochromeLook(role)
        case .highContrast: return Theme.highContrastLook(role)
        }
    }

    private static func colourLook(_ role: ColorRole) -> Look {
        switch role {
        case .normal, .border: return Look()
        case .title: return Look(.cyan, bold: true)
        case .label: return Look(bold: true)
        case .hint: return Look(.cyan)
        case .example: return Look(.green)
        case .input: return Look(underline: true)
        case .inputFocused: return Look(.black, on: .cyan)
        case .placeholder: return Look(dim: true)
        case .selection: return Look(.black, on: .cyan, bold: true)
        case .error: return Look(.red, bold: true)
        case .warning: return Look(.yellow, bold: true)
        case .success: return Look(.green, bold: true)
        case .statusBar: return Look(.black, on: .white)
        case .keyHint: return Look(.white, on: .blue, bold: true)
        case .progress: return Look(.green)
        case .progressEmpty, .muted: return Look(dim: true)
        }
    }

    private static func monochromeLook(_ role: ColorRole) -> Look {
        switch role {
        case .normal, .border, .hint, .example, .progress: return Look()
        case .title, .label, .warning, .success, .keyHint: return Look(bold: true)
        case .input: return Look(underline: true)
        case .inputFocused, .selection, .statusBar: return Look(reverse: true)
        case .placeholder, .progressEmpty, .muted: return Look(dim: true)
        case .error: return Look(bold: true, underline: true)
        }
    }

    private static func highContrastLook(_ role: ColorRole) -> Look {
        switch role {
        case .normal, .border, .hint, .example, .placeholder, .progressEmpty, .muted: return Look(.white, on: .black)
        case .title, .label, .progress: return Look(.white, on: .black, bold: true)
        case .input: return Look(.white, on: .black, bold: true, underline: true)
        case .inputFocused, .selection, .statusBar: return Look(.black, on: .white, bold: true)
        case .error: return Look(.yellow, on: .black, bold: true, underline: true)
        case .warning: return Look(.yellow, on: .black, bold: true)
        case .success: return Look(.green, on: .black, bold: true)
        case .keyHint: return Look(.black, on: .yellow, bold: true)
        }
    }
}
