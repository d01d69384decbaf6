import Foundation
import Testing
@testable import MotCuaForms

/// `JSONValue.data` (every draft save and settings.json write) is the UTF-8 of
/// `serialized`, byte for byte, whatever the text holds.
@Suite struct JSONDataTests {
    @Test func dataIsTheSerializedTextsUTF8() throws {
        let nfd = "Nguyễn Thị Hòa".decomposedStringWithCanonicalMapping
        let value: JSONValue = .object(JSONObject([
            ("ho_ten", .string("Nguyễn Thị Hòa")), ("nfd", .string(nfd)), ("emoji", .string("👨‍👩‍👧 ✓")),
            ("so", .int(-12)), ("ds", .array([.bool(true), .null, .string("\u{1}\"\\")])), ("rong", .string("")),
        ]))
        for pretty in [false, true] {
            let bytes = [UInt8](value.data(pretty: pretty))
            #expect(bytes == Array(value.serialized(pretty: pretty).utf8))
            #expect(try JSONParser.parse(value.data(pretty: pretty)) == value)
        }
        // The NFD text stays NFD: bytes, not a normalised String, are written.
        #expect([UInt8](JSONValue.string(nfd).data()).count == Array(nfd.utf8).count + 2)
        #expect([UInt8](JSONValue.object(JSONObject()).data()) == Array("{}".utf8))
    }
}
