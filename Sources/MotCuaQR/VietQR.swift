/// Why a VietQR payload could not be built.
public enum VietQRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bank BIN is not 6 digits.
    case invalidBankBIN(String)
    /// The account or card number is empty, too long or not alphanumeric.
    case invalidAccountNumber(String)
    /// The amount is negative or longer than 13 digits.
    case invalidAmount(Int)
    /// A text field holds non-printable or non-ASCII characters.
    case invalidCharacters(field: String)
    /// A text field is longer than the format allows.
    case fieldTooLong(field: String, length: Int, maximum: Int)

    public var description: String {
        switch self {
        case let .invalidBankBIN(bin): return "bank BIN must be 6 digits, got \"\(bin)\""
        case let .invalidAccountNumber(account): return "account number must be 1 to 19 letters or digits, got \"\(account)\""
        case let .invalidAmount(amount): return "amount must be 0 to 13 digits of VND, got \(amount)"
        case let .invalidCharacters(field): return "\(field) must be printable ASCII"
        case let .fieldTooLong(field, length, maximum): return "\(field) is \(length) characters, at most \(maximum) allowed"
        }
    }
}

/// Who receives a VietQR transfer: a bank (by its NAPAS BIN) and an account
/// or card number there.
public struct VietQRPayee: Sendable, Equatable {
    /// NAPAS service code: transfer to an account or to a card.
    public enum Service: String, Sendable {
        case account = "QRIBFTTA"
        case card = "QRIBFTTC"
    }

    public let bankBIN: String
    public let accountNumber: String
    public let service: Service

    /// - Throws: `VietQRError` when the BIN is not 6 digits or the account
    ///   is not 1 to 19 ASCII letters and digits.
    public init(bankBIN: String, accountNumber: String, service: Service = .account) throws {
        guard bankBIN.utf8.count == 6, bankBIN.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw VietQRError.invalidBankBIN(bankBIN)
        }
        let isAlphanumeric: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard (1...19).contains(accountNumber.utf8.count), accountNumber.utf8.allSatisfy(isAlphanumeric) else {
            throw VietQRError.invalidAccountNumber(accountNumber)
        }
        self.bankBIN = bankBIN
        self.accountNumber = accountNumber
        self.service = service
    }
}

/// VietQR payloads: the NAPAS profile of the EMVCo merchant-presented QR
/// (tag-length-value fields, CRC-16/CCITT-FALSE at the end), which every
/// Vietnamese banking app reads. See shared/data/vietqr.json.
public enum VietQR {
    /// NAPAS application identifier, field 38/00.
    public static let napasGUID = "A000000727"
    /// EMV limit for each additional-data sub-field (bill number, purpose).
    public static let maxAdditionalFieldLength = 25

    /// Builds a payload from exactly the given fields; texts are not changed,
    /// only checked. With an amount the code is dynamic (one payment, 01=12),
    /// without one static (01=11).
    /// - Throws: `VietQRError` for a negative or over-long amount, or a bill
    ///   number or purpose that is not printable ASCII of at most 25 characters.
    public static func payload(payee: VietQRPayee, amount: Int? = nil, billNumber: String? = nil,
                               purpose: String? = nil) throws -> String {
        var text = field("00", "01")
        text += field("01", amount == nil ? "11" : "12")
        let beneficiary = field("00", payee.bankBIN) + field("01", payee.accountNumber)
        text += field("38", field("00", napasGUID) + field("01", beneficiary) + field("02", payee.service.rawValue))
        text += field("53", "704")
        if let amount {
            guard amount >= 0, String(amount).count <= 13 else { throw VietQRError.invalidAmount(amount) }
            text += field("54", String(amount))
        }
        text += field("58", "VN")
        var additional = ""
        if let billNumber { additional += field("01", try checked(billNumber, name: "bill number")) }
        if let purpose { additional += field("08", try checked(purpose, name: "purpose")) }
        if !additional.isEmpty { text += field("62", additional) }
        text += "6304"
        return text + hex4(crc16(Array(text.utf8)))
    }

    /// The payload for a dossier's fee as the kiosk shows it, or nil when no
    /// payee is configured or the fee is zero (no code is shown then). The
    /// receipt code goes in the bill number and the purpose is folded to
    /// upper-case ASCII without diacritics, cut to 25 characters.
    /// - Throws: `VietQRError` for a negative amount or a receipt code that
    ///   is not ASCII or longer than 25 characters.
    public static func feePayload(payee: VietQRPayee?, amountVND: Int, receiptCode: String,
                                  purpose: String) throws -> String? {
        guard let payee, amountVND != 0 else { return nil }
        let memo = String(VietnameseASCII.memo(purpose).prefix(maxAdditionalFieldLength))
        return try payload(payee: payee, amount: amountVND, billNumber: receiptCode,
                           purpose: memo.isEmpty ? nil : memo)
    }

    /// CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final xor.
    public static func crc16(_ bytes: [UInt8]) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }

    /// Whether `payload` ends in a CRC field that matches the rest.
    public static func hasValidCRC(_ payload: String) -> Bool {
        let bytes = Array(payload.utf8)
        guard bytes.count >= 8, Array(bytes[(bytes.count - 8)..<(bytes.count - 4)]) == Array("6304".utf8) else { return false }
        return hex4(crc16(Array(bytes[..<(bytes.count - 4)]))) == String(decoding: bytes[(bytes.count - 4)...], as: UTF8.self)
    }

    private static func field(_ tag: String, _ value: String) -> String {
        let length = value.utf8.count
        return tag + (length < 10 ? "0" : "") + String(length) + value
    }

    private static func checked(_ value: String, name: String) throws -> String {
        guard value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw VietQRError.invalidCharacters(field: name)
        }
        guard value.utf8.count <= maxAdditionalFieldLength else {
            throw VietQRError.fieldTooLong(field: name, length: value.utf8.count, maximum: maxAdditionalFieldLength)
        }
        return value
    }

    private static func hex4(_ value: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).map { digits[Int(value >> UInt16(12 - 4 * $0)) & 0xF] })
    }
}
