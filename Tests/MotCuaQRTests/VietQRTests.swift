import Foundation
import MotCuaQR
import Testing

@Suite struct VietQRTests {
    struct Example: Decodable {
        let payload: String
        let crc_checked: String
        let decoded: Decoded
    }

    /// The fields of a worked example (nested maps flattened to what we need).
    struct Decoded: Decodable {
        let initiation: String
        let napas: [String: NestedValue]
        let amount: String?
        let additional: [String: String]?
        enum CodingKeys: String, CodingKey {
            case initiation = "01", napas = "38", amount = "54", additional = "62"
        }
    }

    enum NestedValue: Decodable {
        case text(String)
        case map([String: String])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) } else {
                self = .map(try container.decode([String: String].self))
            }
        }
    }

    /// A copy of shared/data/vietqr.json kept with the tests (Fixtures/), so a
    /// checkout without shared/ still runs them.
    static func examples() throws -> [Example] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let candidates = [url.appendingPathComponent("Fixtures/vietqr.json")]
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ExternalTools.Failure.missing("vietqr.json not found in \(candidates.map(\.path))")
        }
        struct Root: Decodable { let examples: [Example] }
        return try JSONDecoder().decode(Root.self, from: Data(contentsOf: file)).examples
    }

    @Test func reproducesAllFiveWorkedPayloadsByteForByte() throws {
        let examples = try Self.examples()
        #expect(examples.count == 5)
        for example in examples {
            let d = example.decoded
            guard case let .map(beneficiary)? = d.napas["01"], case let .text(service)? = d.napas["02"],
                  let bin = beneficiary["00"], let account = beneficiary["01"] else {
                Issue.record("example lacks field 38"); continue
            }
            let payee = try VietQRPayee(bankBIN: bin, accountNumber: account,
                                        service: try #require(VietQRPayee.Service(rawValue: service)))
            let payload = try VietQR.payload(payee: payee, amount: d.amount.map { Int($0)! },
                                             billNumber: d.additional?["01"], purpose: d.additional?["08"])
            #expect(payload == example.payload)
            #expect(payload.hasSuffix(example.crc_checked))
            #expect(d.initiation == (d.amount == nil ? "11" : "12"))
            #expect(VietQR.hasValidCRC(payload))
        }
    }

    @Test func crcCheckValueAndTamperDetection() {
        #expect(VietQR.crc16(Array("123456789".utf8)) == 0x29B1)
        #expect(VietQR.crc16([]) == 0xFFFF)
        let good = SampleTexts.vietQR[3]
        #expect(VietQR.hasValidCRC(good))
        #expect(!VietQR.hasValidCRC(good.replacingOccurrences(of: "1943000", with: "1943001")))
        #expect(!VietQR.hasValidCRC("6304"))
    }

    @Test func feePayloadForAReceipt() throws {
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        let payload = try #require(try VietQR.feePayload(payee: payee, amountVND: 200_000, receiptCode: "HS-2025-000123",
                                                          purpose: "Lệ phí hộ tịch – Đăng ký khai sinh"))
        #expect(payload.hasPrefix("000201010212"))
        #expect(payload.contains("5406200000"))
        #expect(payload.contains("0114HS-2025-000123"))
        // Folded, upper-case, cut to 25 characters.
        #expect(payload.contains("0825LE PHI HO TICH - DANG KY"))
        #expect(VietQR.hasValidCRC(payload))
        #expect(payload.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func noCodeWithoutFeeOrPayee() throws {
        let payee = try VietQRPayee(bankBIN: "970436", accountNumber: "1023456789")
        #expect(try VietQR.feePayload(payee: payee, amountVND: 0, receiptCode: "A1", purpose: "x") == nil)
        #expect(try VietQR.feePayload(payee: nil, amountVND: 50_000, receiptCode: "A1", purpose: "x") == nil)
    }

    @Test func badFieldsAreRefusedClearly() throws {
        #expect(throws: VietQRError.invalidBankBIN("97041")) { try VietQRPayee(bankBIN: "97041", accountNumber: "1") }
        #expect(throws: VietQRError.invalidBankBIN("97041a")) { try VietQRPayee(bankBIN: "97041a", accountNumber: "1") }
        #expect(throws: VietQRError.invalidAccountNumber("")) { try VietQRPayee(bankBIN: "970415", accountNumber: "") }
        #expect(throws: VietQRError.invalidAccountNumber("12 34")) { try VietQRPayee(bankBIN: "970415", accountNumber: "12 34") }
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "0011001932418")
        #expect(throws: VietQRError.invalidAmount(-5)) { try VietQR.payload(payee: payee, amount: -5) }
        #expect(throws: VietQRError.invalidAmount(12_345_678_901_234)) { try VietQR.payload(payee: payee, amount: 12_345_678_901_234) }
        #expect(throws: VietQRError.invalidCharacters(field: "bill number")) {
            try VietQR.feePayload(payee: payee, amountVND: 1000, receiptCode: "HỒ-SƠ-1", purpose: "x")
        }
        #expect(throws: VietQRError.fieldTooLong(field: "purpose", length: 26, maximum: 25)) {
            try VietQR.payload(payee: payee, amount: 1, purpose: String(repeating: "A", count: 26))
        }
        let error = VietQRError.fieldTooLong(field: "purpose", length: 26, maximum: 25)
        #expect(error.description == "purpose is 26 characters, at most 25 allowed")
    }

    @Test func diacriticsFoldOnNFCAndNFD() {
        let nfc = "Nguyễn Thị Ánh Đào, Ứng Hòa, Hà Nội"
        #expect(VietnameseASCII.fold(nfc) == "Nguyen Thi Anh Dao, Ung Hoa, Ha Noi")
        #expect(VietnameseASCII.fold(nfc.decomposedStringWithCanonicalMapping) == "Nguyen Thi Anh Dao, Ung Hoa, Ha Noi")
        #expect(VietnameseASCII.fold("đĐ ơƠ ưƯ ỹỸ") == "dD oO uU yY")
        #expect(VietnameseASCII.memo("  ủng hộ   lũ lụt\tmiền Trung!  ") == "UNG HO LU LUT MIEN TRUNG")
        #expect(VietnameseASCII.memo("Lệ phí “hộ tịch” – 2025") == "LE PHI HO TICH - 2025")
        // Every Vietnamese letter folds to ASCII.
        for text in SampleTexts.vietnamese + SampleTexts.vietnameseNFD {
            #expect(VietnameseASCII.fold(text).unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        }
        #expect(VietnameseASCII.fold("a\u{1B}[31mb\u{7F}") == "a[31mb")
    }
}
