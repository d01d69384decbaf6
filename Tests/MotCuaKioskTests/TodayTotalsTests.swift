// The "Hôm nay" screen's totals line: at the kiosk's 80 columns (76 inside the
// frame) on one line; narrower, as many lines as needed with every
// "label number" pair whole on one of them, never split between two.
import MotCuaText
import Testing
@testable import MotCuaKiosk

@Suite struct TodayTotalsTests {
    static let pairs = ["Nhận 3", "Đã gửi 1", "Sửa 0", "Tạm giữ 0", "Lệ phí (đ) 253.000", "Đến hẹn 2", "Quá hẹn 0"]

    @Test func theTotalsFitOneLineAt80Columns() {
        // The " · " line is 81 columns: too wide for the 76 inside the frame; two spaces fit it.
        #expect(TodayScreen.pack(Self.pairs, width: 76) == ["Nhận 3  Đã gửi 1  Sửa 0  Tạm giữ 0  Lệ phí (đ) 253.000  Đến hẹn 2  Quá hẹn 0"])
        #expect(TodayScreen.pack(["Nhận 3", "Sửa 0"], width: 76) == ["Nhận 3 · Sửa 0"])
    }

    @Test(arguments: [36, 20, 12, 5]) func narrowerTheyTakeLinesWithEveryPairWhole(width: Int) {
        let lines = TodayScreen.pack(Self.pairs, width: width)
        #expect(lines.joined(separator: " · ") == Self.pairs.joined(separator: " · "), "pairs in order, none split: \(lines)")
        // Every line fits, but for a lone pair wider than the width (the view cuts it).
        for line in lines { #expect(VietText.displayWidth(line) <= width || Self.pairs.contains(line), "\(line)") }
        if width == 36 {
            #expect(lines == ["Nhận 3 · Đã gửi 1 · Sửa 0", "Tạm giữ 0 · Lệ phí (đ) 253.000", "Đến hẹn 2 · Quá hẹn 0"])
        }
    }
}
