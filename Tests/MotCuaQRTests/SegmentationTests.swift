import MotCuaQR
import Testing

@Suite struct SegmentationTests {
    static func bits(_ segments: [QRSegment], version: Int) -> Int {
        segments.reduce(0) { $0 + $1.bitLength(version: version) }
    }

    @Test func singleModeTextsGetTheirNarrowestMode() throws {
        #expect(try QRCode.encode("0123456789").segments.map(\.mode) == [.numeric])
        #expect(try QRCode.encode("HS-2025/000123").segments.map(\.mode) == [.alphanumeric])
        #expect(try QRCode.encode("hồ sơ").segments.map(\.mode) == [.byte])
    }

    @Test func mixedTextsSplitWhereItSaves() throws {
        let code = try QRCode.encode("https://tracuu.gov.vn/hs/" + String(repeating: "7", count: 40))
        #expect(code.segments.map(\.mode) == [.byte, .numeric])
        #expect(code.segments.flatMap(\.bytes) == Array(("https://tracuu.gov.vn/hs/" + String(repeating: "7", count: 40)).utf8))
        // Alphanumeric to numeric: the switch an -O miscompile once lost.
        let switched = try QRCode.encode("ABCDEF0123456789012345678901234")
        #expect(switched.segments.map(\.mode) == [.alphanumeric, .numeric])
        #expect(switched.segments.map(\.characterCount) == [6, 25])
        // A VietQR payload: digit runs numeric, the rest alphanumeric (739 bits, not 855 alone).
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        let payload = try #require(try VietQR.feePayload(payee: payee, amountVND: 200_000, receiptCode: "HS-2025-000123",
                                                          purpose: "Lệ phí đăng ký khai sinh"))
        let fee = try QRCode.encode(payload)
        #expect(Self.bits(fee.segments, version: fee.version) == 739)
    }

    @Test(arguments: SampleTexts.vietnamese + SampleTexts.vietnameseNFD + SampleTexts.urls + SampleTexts.vietQR)
    func neverWorseThanTheBestSingleMode(text: String) throws {
        let code = try QRCode.encode(text, ecc: .low)
        let single: QRSegment
        if let numeric = try? QRSegment.numeric(text) { single = numeric }
        else if let alnum = try? QRSegment.alphanumeric(text) { single = alnum }
        else { single = .byte(text) }
        #expect(Self.bits(code.segments, version: code.version) <= single.bitLength(version: code.version))
        // The segments carry the exact bytes, NFC or NFD as given.
        #expect(code.segments.flatMap(\.bytes) == Array(text.utf8))
    }

    @Test func vietQRPayloadShrinksBySegmenting() throws {
        let payload = SampleTexts.vietQR[0]
        let code = try QRCode.encode(payload, ecc: .medium)
        let byteOnly = try QRCode.encode(segments: [.byte(payload)], ecc: .medium)
        #expect(code.segments.count > 1)
        #expect(Self.bits(code.segments, version: 10) < QRSegment.byte(payload).bitLength(version: 10))
        #expect(code.version <= byteOnly.version)
    }
}
