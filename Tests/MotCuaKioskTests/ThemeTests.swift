import Testing
@testable import MotCuaKiosk

@Suite struct ThemeTests {
    @Test func noColorOrAColourlessTerminalGivesMonochrome() {
        #expect(Theme.choose(environment: ["NO_COLOR": "1"], terminalHasColours: true) == .monochrome)
        #expect(Theme.choose(environment: ["NO_COLOR": "1"], terminalHasColours: true, highContrast: true) == .monochrome)
        #expect(Theme.choose(environment: [:], terminalHasColours: false) == .monochrome)
        #expect(Theme.choose(environment: ["NO_COLOR": ""], terminalHasColours: true) == .colour)
        #expect(Theme.choose(environment: [:], terminalHasColours: true, highContrast: true) == .highContrast)
    }

    @Test func monochromeSetsNoColourAndStillMarksEveryImportantRole() {
        for role in ColorRole.allCases {
            let look = Theme.monochrome.resolve(Style(role))
            #expect(look.foreground == .terminalDefault && look.background == .terminalDefault)
        }
        // Without colour, errors, the selection, the focused input and the bars stay visible.
        #expect(Theme.monochrome.resolve(Style(.error)).bold)
        #expect(Theme.monochrome.resolve(Style(.selection)).reverse)
        #expect(Theme.monochrome.resolve(Style(.inputFocused)).reverse)
        #expect(Theme.monochrome.resolve(Style(.statusBar)).reverse)
    }

    @Test func highContrastNeverDimsAndUsesBlackAndWhite() {
        for role in ColorRole.allCases {
            let look = Theme.highContrast.resolve(Style(role, dim: true))
            #expect(!look.dim)
            #expect(Set([TermColor.black, .white, .yellow, .green]).isSuperset(of: [look.foreground, look.background]))
            #expect(look.foreground != look.background)
        }
    }

    @Test func colourThemeNeverPutsTextOnItsOwnColour() {
        for role in ColorRole.allCases {
            let look = Theme.colour.resolve(Style(role))
            #expect(look.foreground == .terminalDefault || look.foreground != look.background)
        }
    }

    @Test func styleAttributesAddToTheRoleLook() {
        let look = Theme.colour.resolve(Style(.normal, bold: true, underline: true))
        #expect(look.bold && look.underline && !look.reverse)
        #expect(!Theme.monochrome.resolve(Style(.selection, reverse: true)).reverse)  // reverse twice
    }
}
