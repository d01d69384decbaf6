import Foundation
import Testing
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaText
@testable import MotCuaKiosk

/// The F2 screen key by key over in-memory services: search, the receipt again, and
/// "Sửa / bổ sung" handing (dossier id, reason, language) to `correctDossier`.
@Suite struct ScreensReturningTests {
    func services(_ desk: FakeDesk, corrections: Box? = nil) -> KioskServices {
        var s = desk.services
        let row = FoundDossier(id: "id-1", receipt: "TQ01-261127-0001", formID: "khai-sinh", procedure: "Đăng ký khai sinh",
                               received: screensToday, state: .queued, appointment: screensToday.adding(days: 5))
        s.findDossiers = { query, _ in VietText.fold(query).contains("hoa") ? [row] : [] }
        s.dossierReceipt = { id, _ in
            var r = Receipt(interview: desk.interview("khai-sinh"), code: "TQ01-261127-0001", dossierID: id, received: screensToday,
                            holidays: HolidayCalendar(daysOff: [:]))
            r.tracking = r.code
            return r
        }
        if let corrections {
            s.correctDossier = { id, reason, language in
                corrections.calls.append([id, reason, language])
                return desk.session(desk.interview("khai-sinh"), id: "id-2")
            }
        }
        return s
    }

    final class Box { var calls: [[String]] = [] }

    @Test func f2SearchesOpensTheReceiptAndStartsACorrectionWithAReason() {
        let desk = FakeDesk(), calls = Box()
        var app = KioskApp(services: services(desk, corrections: calls))
        app.press(.function(2))
        #expect(app.screenName == "returning")
        #expect(app.view(size: sizes[0]).text.contains("Gõ để tìm: chưa có hồ sơ nào được hiện."))
        app.type("hoa")
        let list = app.view(size: sizes[0])
        let row = list.lines.first { $0.contains("▸ TQ01-261127-0001 ") && $0.contains("Đăng ký khai sinh") } ?? ""
        #expect(row.contains("27/11/2026") && row.contains("chờ gửi") && row.contains("02/12/2026"), "\(list.text)")
        app.press(.enter)
        let receipt = app.view(size: sizes[0]).text
        #expect(receipt.contains("TQ01-261127-0001") && receipt.contains("S Sửa / bổ sung"), "\(receipt)")
        app.press(.character("s"))
        #expect(app.view(size: sizes[0]).text.contains("Lý do sửa / bổ sung:"))
        app.press(.enter)  // no reason yet
        #expect(app.view(size: sizes[0]).text.contains("Cần ghi lý do trước khi sửa / bổ sung."))
        #expect(calls.calls.isEmpty)
        app.type("sai ngay sinh")
        app.press(.enter)
        #expect(calls.calls.count == 1 && calls.calls.first?[0] == "id-1" && calls.calls.first?[2] == "vi")
        #expect(calls.calls.first.map { VietText.fold($0[1]) } == "sai ngay sinh")
        #expect(app.screenName == "interview")
    }

    /// A data dir without a kioskId files under a random "K" + five id: its 18-character
    /// codes are listed whole at 80 columns, the row's other columns still there.
    @Test func aRandomKioskIdsCodeIsListedWhole() {
        let desk = FakeDesk()
        var s = desk.services
        let row = FoundDossier(id: "id-1", receipt: "KRLJFU-261207-0002", formID: "khai-sinh", procedure: "Đăng ký khai sinh",
                               received: screensToday, state: .queued, appointment: screensToday.adding(days: 5))
        s.findDossiers = { _, _ in [row] }
        var app = KioskApp(services: s)
        app.press(.function(2))
        app.type("mai")
        let list = app.view(size: sizes[0])
        let line = list.lines.first { $0.contains("▸ KRLJFU-261207-0002 ") } ?? ""
        #expect(line.contains("Đăng ký khai") && line.contains("27/11/2026") && line.contains("chờ gửi") && line.contains("02/12/2026"), "\(list.text)")
    }

    @Test func withoutCorrectionsSIsNothingAndEscGoesBackHome() {
        let desk = FakeDesk()
        var app = KioskApp(services: services(desk))
        app.press(.control("r"))
        app.type("hoa")
        app.press(.enter)
        #expect(!app.view(size: sizes[0]).text.contains("Sửa / bổ sung"))
        app.press(.character("s"))
        #expect(app.view(size: sizes[0]).text.contains("TQ01-261127-0001"))
        app.press(.enter)  // the receipt is done: back to the list, the search kept
        #expect(app.view(size: sizes[0]).text.contains("▸ TQ01-261127-0001 Đăng ký khai sinh"))
        app.press(.escape)  // clears the search
        app.press(.escape)  // home
        #expect(app.screenName == "home")
    }
}
