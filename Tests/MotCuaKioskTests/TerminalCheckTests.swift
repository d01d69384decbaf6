import Testing
@testable import MotCuaKiosk

/// The locale check before the kiosk takes the terminal: the spellings of UTF-8 that
/// C libraries report pass, other character sets send the person to plain mode.
@Suite struct TerminalCheckTests {
    @Test(arguments: ["UTF-8", "utf8", "utf-8", "UTF8", "Utf-8"])
    func utf8Spellings(codeset: String) {
        #expect(TerminalUnavailable.isUTF8(codeset))
    }

    @Test(arguments: ["ANSI_X3.4-1968", "ISO-8859-1", "UTF-16", "TCVN5712-1", "", "UTF-8X"])
    func otherCharacterSets(codeset: String) {
        #expect(!TerminalUnavailable.isUTF8(codeset))
    }
}
