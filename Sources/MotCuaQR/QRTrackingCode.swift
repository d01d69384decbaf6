/// Why a tracking code could not be made.
public enum QRTrackingCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The receipt code is empty.
    case emptyReceiptCode
    /// The URL template has no `{code}` placeholder.
    case missingPlaceholder(template: String)

    public var description: String {
        switch self {
        case .emptyReceiptCode: "the receipt code is empty"
        case let .missingPlaceholder(template): "tracking URL template \"\(template)\" has no \(QRTrackingCode.placeholder) placeholder"
        }
    }
}

/// What the dossier's tracking QR code carries: the receipt code itself, or
/// the province's lookup URL with the code in it.
public enum QRTrackingCode {
    /// Marks where the receipt code goes in a URL template.
    public static let placeholder = "{code}"

    /// The receipt code when `urlTemplate` is nil or blank; otherwise the
    /// template with every `{code}` replaced by the percent-encoded code
    /// (RFC 3986: everything but letters, digits and -._~ is escaped, so a
    /// code with / or # cannot change the URL's shape).
    /// - Throws: `QRTrackingCodeError` for an empty code or a template without placeholder.
    public static func content(receiptCode: String, urlTemplate: String?) throws -> String {
        guard !receiptCode.isEmpty else { throw QRTrackingCodeError.emptyReceiptCode }
        guard let template = urlTemplate, !template.allSatisfy(\.isWhitespace) else { return receiptCode }
        guard template.contains(placeholder) else { throw QRTrackingCodeError.missingPlaceholder(template: template) }
        return template.replacing(placeholder, with: percentEncoded(receiptCode))
    }

    /// `text` as UTF-8 with every byte outside RFC 3986's unreserved set as %XX.
    public static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
