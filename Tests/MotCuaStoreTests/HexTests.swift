import Testing
@testable import MotCuaStore

struct HexTests {
    @Test func bytesRoundTripThroughHex() {
        let all = (0...255).map { UInt8($0) }
        let text = Hex.string(all)
        #expect(text.hasPrefix("000102") && text.hasSuffix("fdfeff") && text.count == 512)
        #expect(Hex.bytes(text) == all)
        #expect(Hex.bytes(text.uppercased()) == all)
    }

    @Test func malformedOrOversizedHexIsRefused() {
        for bad in ["0", "abc", "0g", "zz", " 0a", "0a\n", "éé"] { #expect(Hex.bytes(bad) == nil, "\(bad)") }
        #expect(Hex.bytes("") == [])
        #expect(Hex.bytes("00112233", maxBytes: 4) == [0, 0x11, 0x22, 0x33])
        #expect(Hex.bytes("0011223344", maxBytes: 4) == nil)
    }
}
