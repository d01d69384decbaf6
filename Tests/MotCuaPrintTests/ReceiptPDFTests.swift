import Foundation
import Testing
import MotCuaForms
import MotCuaInterview
import MotCuaPrint
import MotCuaText

/// The receipt's PDF page read back by poppler and zbar, as a reader and a
/// phone would: `.ci/run` installs poppler-utils, fonts-dejavu-core and zbar-tools.
@Suite struct ReceiptPDFTests {
    func writePDF(_ r: Receipt) throws -> (folder: String, pdf: String) {
        let font = try TrueTypeFont(bytes: [UInt8](try #require(FileManager.default.contents(atPath: dejaVuPath), "install fonts-dejavu-core")))
        let folder = try temporaryFolder()
        let path = folder + "/receipt.pdf"
        try Data(r.pdf(vi, font: font)).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    @Test func pdftotextReadsTheVietnameseBackExactly() throws {
        var r = try sampleReceipt()
        // A name typed in NFD comes out in NFC.
        r.citizenName = "Nguye\u{302}\u{303}n Thi\u{323} Hoa\u{300}"
        let (folder, pdf) = try writePDF(r)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try #require(try run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]), "install poppler-utils")
        let lines = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
        let expected = [
            "ỦY BAN NHÂN DÂN XÃ MỸ LÂM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "Mã hồ sơ: HD01-261204-0042",
            "Tiếp nhận hồ sơ của: Nguyễn Thị Hoà",
            "Số điện thoại: 0912 345 678",
            "Thời gian tiếp nhận: 09:41 04/12/2026",
            "Người tiếp nhận hồ sơ: Lường Văn Quý",
        ]
        for e in expected {
            #expect(lines.contains(e), "missing \(e) in:\n\(text)")
            #expect(lines.contains(e.precomposedStringWithCanonicalMapping))
        }
        #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "pdftotext gave NFD")
        // Every word of the address (it may wrap) comes back.
        let address = try #require(r.citizenAddress)
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for w in address.split(separator: " ") { #expect(words.contains(String(w)), "\(w)") }
    }

    @Test func zbarimgDecodesBothCodesFromTheRenderedPage() throws {
        let r = try sampleReceipt()
        #expect((r.fee ?? 0) > 0)
        let (folder, pdf) = try writePDF(r)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try #require(try run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-singlefile", pdf, folder + "/page"]), "install poppler-utils")
        let decoded = try #require(try run("/usr/bin/zbarimg", ["--raw", "-q", folder + "/page.png"]), "zbarimg found no code")
        let found = Set(decoded.split(separator: "\n").map(String.init))
        #expect(found.contains(try #require(r.tracking)))
        #expect(found.contains(try #require(r.paymentPayload)))
    }

    @Test func thePageIsA5WithTheFontEmbedded() throws {
        let (folder, pdf) = try writePDF(try sampleReceipt())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let info = try #require(try run("/usr/bin/pdfinfo", [pdf]))
        let fields = Dictionary(info.split(separator: "\n").compactMap { l -> (String, String)? in
            guard let colon = l.firstIndex(of: ":") else { return nil }
            return (String(l[..<colon]), l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { a, _ in a })
        #expect(fields["Page size"]?.hasPrefix("419.53 x 595.28 pts") == true, "A5: \(info)")
        #expect(fields["Pages"] == "1")
        #expect(fields["Title"] == "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ HD01-261204-0042")
        let fonts = try #require(try run("/usr/bin/pdffonts", [pdf]))
        let row = try #require(fonts.split(separator: "\n").first { $0.contains("DejaVuSans") })
        #expect(row.hasPrefix("MOTCUA+DejaVuSans") && row.contains("CID TrueType") && row.contains("Identity-H"), "\(row)")
        #expect(row.split(separator: " ").filter { $0 == "yes" }.count == 3, "embedded, subset, with ToUnicode: \(row)")
        // Only the outlines drawn: a fraction of DejaVu Sans's 0.7 MB.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int)
        #expect(size < 150_000, "\(size) bytes")
    }
}

@Suite struct ReceiptTextTests {
    @Test(arguments: [48, 80])
    func linesFitTheColumnsAndKeepEveryWord(width: Int) throws {
        var r = try sampleReceipt()
        r.citizenAddress = "Thôn Khuổi Nghiều, xã Thượng Lâm, tỉnh Tuyên Quang — một địa chỉ dài để xuống dòng nhiều lần "
            + "Nghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêng"
        let lines = r.textLines(vi, width: width)
        for l in lines { #expect(VietText.displayWidth(l) <= width, "\(VietText.displayWidth(l)): \(l)") }
        // Wrapping loses nothing: the address's words (the long one cut in pieces) are all there.
        let joined = lines.joined(separator: " ").split(separator: " ").joined()
        #expect(joined.contains(r.citizenAddress!.split(separator: " ").joined()))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" })
        // Headings are centred.
        let nation = try #require(lines.first { $0.contains("CỘNG HÒA") })
        let pad = nation.prefix { $0 == " " }.count
        #expect(abs(pad * 2 + VietText.displayWidth(nation.trimmingCharacters(in: .whitespaces)) - width) <= 1)
    }

    @Test func theSlipCarriesMauSo01sFacts() throws {
        let r = try sampleReceipt()
        let text = r.textLines(vi, width: 80).joined(separator: "\n")
        #expect(r.citizenName == "Nguyễn Thị Hoà")
        #expect(r.citizenPhone == "0912 345 678")
        #expect(r.citizenAddress?.hasPrefix("Số 12, đường Quang Trung, tổ 5, ") == true)
        #expect(r.payment == .vietQR)
        #expect(text.contains("Hình thức nộp: chuyển khoản (mã VietQR) hoặc tiền mặt"))
        #expect(text.contains("(bản chính: 1)"))
        var cash = r
        cash.paymentPayload = nil
        #expect(cash.payment == .cash)
        var unsigned = r
        unsigned.officer = nil
        #expect(unsigned.textLines(vi).contains("Người tiếp nhận hồ sơ: —"))
    }
}
