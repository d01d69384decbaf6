// The receipt and its QR codes as drawn: the half blocks read back from the screen are
// exactly the encoder's modules, painted dark on light, with the whole quiet zone.
import Foundation
import Testing
import MotCuaStore
import MotCuaForms
import MotCuaInterview
import MotCuaQR
@testable import MotCuaKiosk

/// The QR code drawn on `screen`, read back: the cells from the block glyphs' bounding
/// box widened by the quiet zone (4 columns, 2 rows), as lines, and whether every one of
/// those cells is painted in the dark-on-light role.
func drawnQR(_ screen: Screen, columns: Range<Int>? = nil) -> (lines: [String], darkOnLight: Bool)? {
    var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
    let xs = columns ?? 0..<screen.size.width
    for y in 0..<screen.size.height {
        for x in xs where ["█", "▀", "▄"].contains(screen.cell(at: Point(x: x, y: y)).text) {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    guard maxX >= 0, minX >= 4, minY >= 2, maxY + 2 < screen.size.height, maxX + 4 < screen.size.width else { return nil }
    var lines: [String] = [], styled = true
    for y in (minY - 2)...(maxY + 2) {
        var line = ""
        for x in (minX - 4)...(maxX + 4) {
            let cell = screen.cell(at: Point(x: x, y: y))
            line += cell.text
            if cell.style.role != .statusBar { styled = false }
        }
        lines.append(line)
    }
    return (lines, styled)
}

func expectedQR(_ content: String, _ ecc: QRErrorCorrection = .medium) throws -> [String] {
    QRTextRenderer.halfBlockLines(try QRCode.encode(content, ecc: ecc), quietZone: 4)
}

@Suite struct ScreensReceiptTests {
    func receiptApp(_ desk: FakeDesk) -> KioskApp {
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter)
        return app
    }

    func payment() throws -> String {
        let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
        return try #require(try VietQR.feePayload(payee: payee, amountVND: 16000, receiptCode: "TQ01-261127-0007",
                                                  purpose: "LE PHI TQ01-261127-0007"))
    }

    @Test(arguments: sizes)
    func aShortTrackingCodeFitsBesideTheReceipt(size: Size) throws {
        let app = receiptApp(FakeDesk())
        let s = app.view(size: size)
        #expect(s.lines[2].hasPrefix("  GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") && s.lines[2].hasSuffix("Quét để tra cứu hồ sơ"))
        let qr = try #require(drawnQR(s))
        #expect(qr.lines == (try expectedQR("TQ01-261127-0007")))
        #expect(qr.darkOnLight)
        #expect(QRTextRenderer.modules(fromHalfBlockLines: qr.lines)?.count == 30)  // 21 modules + 8 + the half row
        #expect(!s.text.contains("Nhấn F5 để xem mã QR."))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Xong  F5 Mã QR"))
    }

    /// The receipt is longer than 80×24: the footer says it scrolls, and Esc leaves it as
    /// Enter does (a person reaches for Esc to leave a screen). Where it fits, no scroll hint.
    @Test func theFooterSaysTheReceiptScrollsAndEscLeavesIt() {
        var app = receiptApp(FakeDesk())
        let small = app.view(size: .minimum)
        let footer = small.lines[23]
        #expect(footer.contains("↑↓ cuộn") && footer.hasSuffix("Esc Quay lại") || footer.contains("↑↓ cuộn  Esc Quay lại"), "\(footer)")
        #expect(!app.view(size: Size(width: 200, height: 80)).text.contains("↑↓ cuộn"))
        // `motcua fill` (one form): Esc ends the program as Enter does.
        #expect(app.update(.key(.escape)) == .quit(0))
    }

    @Test func at80x24AURLCodeGetsItsOwnScreenOneKeyAway() throws {
        let desk = FakeDesk()
        desk.trackingURL = "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma={code}"
        desk.payment = try payment()
        var app = receiptApp(desk)
        var s = app.view(size: .minimum)
        #expect(drawnQR(s) == nil)
        #expect(s.text.contains("Nhấn F5 để xem mã QR."))
        app.press(.function(5))
        s = app.view(size: .minimum)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Mã QR") && s.lines[0].hasSuffix("1/2"))
        #expect(s.text.contains("Quét để tra cứu hồ sơ"))
        let track = try #require(drawnQR(s))
        #expect(track.lines == (try expectedQR("https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=TQ01-261127-0007")))
        #expect(track.darkOnLight)
        #expect(s.lines[23].hasPrefix(" Esc quay lại giấy tiếp nhận  Tab mã tiếp theo"))
        // The VietQR code: at level M it needs 25 rows; at L it fits 80×24 with the whole
        // quiet zone, its caption beside it.
        app.press(.tab)
        s = app.view(size: .minimum)
        let fee = try #require(drawnQR(s, columns: 0..<50))
        #expect(fee.lines == (try expectedQR(try payment(), .low)))
        #expect(fee.darkOnLight)
        #expect(s.text.contains("Quét để nộp lệ phí 16.000 đ"))
        #expect(s.text.contains("2/2"))
        app.press(.escape)
        #expect(app.view(size: .minimum).lines[2].hasPrefix("  GIẤY TIẾP NHẬN HỒ SƠ"))
        #expect(app.screenName == "receipt")
    }

    @Test func at120x40TheTrackingCodeIsBesideAndTheFeeCodeAtLevelMOnItsOwnScreen() throws {
        let desk = FakeDesk()
        desk.trackingURL = "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma={code}"
        desk.payment = try payment()
        var app = receiptApp(desk)
        let size = Size(width: 120, height: 40)
        var s = app.view(size: size)
        #expect(try #require(drawnQR(s)).lines == (try expectedQR("https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=TQ01-261127-0007")))
        #expect(s.text.contains("Nhấn F5 để xem mã QR."))  // the fee code is not beside
        app.press(.control("p"), .tab)
        s = app.view(size: size)
        #expect(s.lines[0].hasSuffix("2/2"))
        #expect(try #require(drawnQR(s)).lines == (try expectedQR(try payment())))
    }

    @Test func noPayeeNoFeeCode() throws {
        var app = receiptApp(FakeDesk())
        app.press(.function(5))
        let s = app.view(size: .minimum)
        #expect(s.lines[0].hasSuffix("1/1"))
        #expect(!s.text.contains("Tab"))
        #expect(!s.text.contains("lệ phí"))
    }

    /// "I" (or F9) hands the receipt on show to the print service and says what happened;
    /// the receipt stays until dismissed, and the next key clears the notice.
    @Test func thePrintKeyPrintsTheReceiptOnShowAndSaysSo() throws {
        let desk = FakeDesk()
        var printed: [Receipt] = []
        var services = desk.services
        services.printReceipt = { printed.append($0) }
        var app = KioskApp(services: services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter)
        #expect(app.view(size: .minimum).lines[23].contains("I In"))
        app.press(.character("i"))
        #expect(printed.map(\.code) == ["TQ01-261127-0007"])
        #expect(printed.first?.citizenName == "Nguyễn Thị Hòa")
        #expect(app.screenName == "receipt")
        #expect(app.view(size: .minimum).text.contains("Đã gửi giấy tiếp nhận tới máy in."))
        app.press(.down)
        #expect(!app.view(size: .minimum).text.contains("Đã gửi giấy tiếp nhận tới máy in."))
        services.printReceipt = { _ in throw StoreError.invalidArgument("lp was not found") }
        app = KioskApp(services: services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter, .function(9))
        #expect(app.view(size: .minimum).text.contains("Không in được: lp was not found"))
        #expect(app.screenName == "receipt")
    }

    /// Printing after scrolling to the receipt's end (the officer's order: read, then
    /// print) still shows what printing did.
    @Test func printingAfterScrollingDownStillSaysSo() throws {
        let desk = FakeDesk()
        var services = desk.services
        services.printReceipt = { _ in }
        var app = KioskApp(services: services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter, .pageDown, .pageDown, .pageDown)
        #expect(!app.view(size: .minimum).text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        app.press(.character("I"))
        #expect(app.view(size: .minimum).text.contains("Đã gửi giấy tiếp nhận tới máy in."))
        services.printReceipt = { _ in throw StoreError.invalidArgument("lp was not found") }
        app = KioskApp(services: services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter, .pageDown, .pageDown, .function(9))
        #expect(app.view(size: .minimum).text.contains("Không in được: lp was not found"))
    }

    @Test func aWindowTooSmallForTheCodeSaysSo() throws {
        let desk = FakeDesk()
        desk.payment = try payment()
        var receipt = Receipt(interview: desk.interview("ket-hon"), code: "TQ01-261127-0007", dossierID: "x", received: screensToday,
                              holidays: HolidayCalendar(daysOff: [:]))
        receipt.tracking = nil; receipt.paymentPayload = desk.payment; receipt.fee = 16000
        var screen = ReceiptScreen(receipt: receipt, messages: screensVi)
        screen.qrIndex = 0
        let s = screen.view(size: Size(width: 40, height: 20))
        let words = s.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        #expect(words == "Cửa sổ quá nhỏ để hiện mã này: cần ít nhất 45×23.")
    }
}

@Suite struct ScreensPrivacyTests {
    @Test(arguments: sizes)
    func idleSavesTheDraftAndGoesHomeWithNothingPersonal(size: Size) {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)), idleTimeout: 300)
        #expect(app.idleTimeout == 300)
        app.type("Traanf Minh Khooi")
        app.press(.enter)
        app.type("2010")
        #expect(app.view(size: size).text.contains("20/10/nnnn"))
        _ = app.update(.idle)
        #expect(app.screenName == "home")
        #expect(desk.saves.last?["ks_ho_ten"] == "TRẦN MINH KHÔI")
        let s = app.view(size: size)
        for personal in ["Nguyễn", "Hòa", "TRẦN", "Khôi", "008190", "20/10"] { #expect(!s.text.contains(personal), "\(personal)") }
        #expect(s.text.contains("Đã lâu không thao tác nên hồ sơ đang làm dở đã được lưu. F5 để làm tiếp."))
    }

    @Test func idleClearsTheReceiptTheDraftsListAndTheSearch() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhComplete)))
        app.press(.enter, .enter)
        #expect(app.screenName == "receipt")
        _ = app.update(.idle)
        #expect(app.screenName == "home")
        #expect(!app.view(size: .minimum).text.contains("TQ01-261127-0007"))
        desk.drafts["d1"] = ("khai-sinh", khaiSinhFirstPage, "Nguyễn Thị Hòa")
        app.press(.function(5))
        #expect(app.view(size: .minimum).text.contains("N. T. H."))
        _ = app.update(.idle)
        #expect(!app.view(size: .minimum).text.contains("N. T. H."))
        app.type("khai")
        _ = app.update(.idle)
        #expect(app.view(size: .minimum).lines[5] == "  Tìm:                                                                      15")
    }

    @Test func aTerminationSignalSavesTheDraft() {
        let desk = FakeDesk()
        var app = KioskApp(services: desk.services, session: desk.session(desk.interview("khai-sinh", khaiSinhFirstPage)))
        app.type("Lee")
        app.press(.enter)
        let before = desk.saves.count
        app.terminate(signal: SIGTERM)
        #expect(desk.saves.count == before + 1)
        #expect(desk.saves.last?["ks_ho_ten"] == "LÊ")
    }
}

/// The fee note on khai-sinh's receipt is read by the citizen: the rate in words, no field id.
@Suite struct ReceiptFeeNoteTests {
    @Test func theFeeNoteNamesNoFieldID() {
        let desk = FakeDesk()
        let i = desk.interview("khai-sinh", khaiSinhComplete)
        let r = Receipt(interview: i, code: "TQ01-261127-0007", dossierID: "d", received: screensToday, holidays: HolidayCalendar(daysOff: [:]))
        let text = r.textLines(i.validator.messages).joined(separator: "\n")
        #expect(r.feeNote?.contains("lệ phí đăng ký quá hạn theo mức của HĐND tỉnh (mặc định 8.000 đ)") == true, "\(r.feeNote ?? "")")
        #expect(text.contains("Miễn lệ phí khi đăng ký đúng hạn"))
        #expect(!text.contains("muc_le_phi"))
        #expect(!text.contains("trường "))
    }
}
