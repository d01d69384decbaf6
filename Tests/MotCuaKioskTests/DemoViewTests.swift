import Foundation
import Testing
@testable import MotCuaKiosk

/// The demo's screens as a person sees them, at the minimum size and a large one.
@Suite struct DemoViewTests {
    func program() -> DemoProgram {
        DemoProgram(questions: DemoQuestions.make(communes: communeOptions), idleTimeout: 300, draftPath: nil)
    }

    func press(_ keys: [Key], _ p: inout DemoProgram) {
        for key in keys { _ = p.update(.key(key)) }
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func nameQuestionWithNFDInput(size: Size) {
        var p = program()
        press([.enter] + Key.typing(nfd("Nguyễn Thị Hồng Nhung")), &p)
        let s = p.view(size: size)
        #expect(s.lines[0].hasPrefix(" MỘT CỬA · Đăng ký khai sinh (bản thử)"))
        #expect(s.lines[1].hasPrefix(" Bước 2/9 █"))
        #expect(Screen.width(s.rowText(1)) == size.width)
        #expect(s.lines[3] == "  Họ, chữ đệm và tên của trẻ *")
        #expect(s.lines[5] == "  Viết đầy đủ, có dấu, như trong giấy chứng sinh.")
        #expect(s.lines[6] == "  Ví dụ: Nguyễn Thị Hồng Nhung")
        #expect(s.lines[8] == "  Nguyễn Thị Hồng Nhung")
        #expect(s.cursor == Point(x: 23, y: 8))
        #expect(s.lines[size.height - 1].hasPrefix(" Enter Tiếp  Esc Quay lại  F10 Lưu và thoát"))
    }

    @Test func namesTypedInTelexAndTheTypingModeInTheTitleBar() {
        var p = program()
        press([.enter] + Key.typing("Nguyeenx Thij Hoongf Nhung"), &p)
        var s = p.view(size: .minimum)
        #expect(s.lines[8] == "  Nguyễn Thị Hồng Nhung")
        #expect(s.lines[0].hasSuffix("Gõ: Telex"))
        press([.function(6)], &p)
        s = p.view(size: .minimum)
        #expect(s.lines[0].hasSuffix("Gõ: VNI"))
        press(Key.typing(" Tra62n"), &p)
        #expect(p.view(size: .minimum).lines[8] == "  Nguyễn Thị Hồng Nhung Trần")
        press([.control("t")], &p)
        press(Key.typing(" aa"), &p)
        s = p.view(size: .minimum)
        #expect(s.lines[0].hasSuffix("Gõ: tắt"))
        #expect(s.lines[8] == "  Nguyễn Thị Hồng Nhung Trần aa")
    }

    @Test func anEmptyRequiredAnswerIsRefusedWithTheMessageUnderTheInput() {
        var p = program()
        press([.enter, .enter], &p)
        let s = p.view(size: .minimum)
        #expect(s.lines[1].hasPrefix(" Bước 2/9"))
        #expect(s.lines[9] == "  ✗ Xin trả lời câu này.")
        #expect(s.style(at: Point(x: 2, y: 9))?.role == .error)
    }

    @Test func anImpossibleDateIsRefused() {
        var p = program()
        press([.enter] + Key.typing("Lê Văn Tám") + [.enter] + Key.typing("31022024") + [.enter], &p)
        let s = p.view(size: .minimum)
        #expect(s.text.contains("31/02/2024"))
        #expect(s.text.contains("✗ Ngày không có thật."))
        #expect(s.lines[1].hasPrefix(" Bước 3/9"))
    }

    @Test(arguments: [(Size(width: 80, height: 24), 15), (Size(width: 120, height: 40), 31)])
    func communeSearchShowsMoreRowsInALargerWindow(size: Size, rows: Int) {
        var p = program()
        press([.enter] + Key.typing("Lê Văn Tám") + [.enter] + Key.typing("01012024") + [.enter, .enter]
              + Key.typing("phuong"), &p)
        let s = p.view(size: size)
        #expect(s.lines[3] == "  Nơi sinh (xã, phường) *")
        // Names holding Phương/Phường as a name come first, then the wards ("Phường" is a type word).
        let listed = s.lines.filter { ["  ▸ Phường", "    Phường", "  ▸ Xã", "    Xã"].contains(where: $0.hasPrefix) }
        #expect(listed.count == rows)
        #expect(s.lines[7].hasPrefix("  Tìm: phuong"))
        #expect(s.cursor == Point(x: 13, y: 7))
    }

    @Test func summaryListsEveryAnswerAsAPersonReadsIt() {
        var p = program()
        press([.enter] + Key.typing("Lê Văn Tám") + [.enter] + Key.typing("5/3/2024") + [.enter]
              + Key.typing("1990") + [.enter] + Key.typing("hung duc") + [.enter]
              + [.character(" "), .enter] + Key.typing("2") + [.enter, .character("k"), .enter]
              + [.paste("Mẹ đi làm xa\nBà nội đưa đi"), .enter], &p)
        let s = p.view(size: .minimum)
        #expect(s.lines[1].hasPrefix(" ┌─ Xem lại"))
        #expect(s.lines[2] == " │ Họ, chữ đệm và tên của trẻ         Lê Văn Tám                              │")
        let body = s.lines.joined(separator: "\n")
        for expected in ["05/03/2024", "1990", "Xã Hùng Đức", "Giấy chứng sinh", "2 bản", "Không",
                         "Mẹ đi làm xa / Bà nội đưa đi", "Đăng ký thường trú cho trẻ cùng l…"] {
            #expect(body.contains(expected), "\(expected)")
        }
        #expect(s.cursor == nil)
    }

    @Test func idleClearsEverythingPersonal() {
        var p = program()
        press([.enter] + Key.typing("Lê Văn Tám"), &p)
        _ = p.update(.idle)
        let s = p.view(size: .minimum)
        #expect(!s.text.contains("Tám"))
        #expect(s.lines[1].hasPrefix(" Bước 1/9"))
        press([.enter], &p)
        #expect(!p.view(size: .minimum).text.contains("Tám"))
    }

    @Test func escGoesBackAndKeepsTheAnswer() {
        var p = program()
        press([.enter] + Key.typing("Lê Văn Tám") + [.enter, .escape], &p)
        let s = p.view(size: .minimum)
        #expect(s.lines[8] == "  Lê Văn Tám")
    }
}
