import MotCuaQR
import Testing

@Suite struct TrackingCodeTests {
    @Test func codeAloneWithoutTemplate() throws {
        #expect(try QRTrackingCode.content(receiptCode: "HS-2025-000123", urlTemplate: nil) == "HS-2025-000123")
        #expect(try QRTrackingCode.content(receiptCode: "HS-2025-000123", urlTemplate: "  ") == "HS-2025-000123")
    }

    @Test func codeIsPercentEncodedIntoTheTemplate() throws {
        let url = try QRTrackingCode.content(receiptCode: "QNG/2025 #7&x=Đ",
                                             urlTemplate: "https://motcua.example.gov.vn/tra-cuu?ma={code}&lang=vi")
        #expect(url == "https://motcua.example.gov.vn/tra-cuu?ma=QNG%2F2025%20%237%26x%3D%C4%90&lang=vi")
        #expect(try QRTrackingCode.content(receiptCode: "A-1_b.~", urlTemplate: "x/{code}/{code}") == "x/A-1_b.~/A-1_b.~")
    }

    @Test func badInputIsRefused() {
        #expect(throws: QRTrackingCodeError.emptyReceiptCode) { try QRTrackingCode.content(receiptCode: "", urlTemplate: nil) }
        #expect(throws: QRTrackingCodeError.missingPlaceholder(template: "https://x.vn/")) {
            try QRTrackingCode.content(receiptCode: "A1", urlTemplate: "https://x.vn/")
        }
    }
}
