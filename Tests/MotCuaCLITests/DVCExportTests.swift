import Foundation
import MotCuaForms
import Testing

/// `motcua dossiers export --format dvc`, through the binary, on a fixed day.
@Suite struct DVCExportTests {
    @Test func syncRecordsOfOneDayInVietnamTime() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/"
        // 2026-12-24 23:30 UTC is Friday 2026-12-25 06:30 in Viet Nam: the day changes with the zone.
        let env = ["MOTCUA_TEST_NOW": "1798155000000"]
        let lltp = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/ly-lich-tu-phap.json", answers + "ly-lich-tu-phap.valid.json",
                                   "--data-dir", data, "--kiosk", "HD01"], environment: env)
        let ks = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/khai-sinh.json", answers + "khai-sinh.valid.json",
                                 "--data-dir", data, "--kiosk", "HD01"], environment: env)
        #expect(lltp.status == 0 && ks.status == 0, "\(lltp.stderr) \(ks.stderr)")
        // One more the day before (Viet Nam time), which --day leaves out.
        let before = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/khai-sinh.json", answers + "khai-sinh.valid.json",
                                     "--data-dir", data, "--kiosk", "HD01"], environment: ["MOTCUA_TEST_NOW": "1798128000000"])
        #expect(before.status == 0)

        let out = dir + "/dvc.json"
        let r = try Motcua.run(["dossiers", "export", "--format", "dvc", out, "--day", "2026-12-25", "--data-dir", data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("exported 2 dossier records"))
        var st = stat()
        #expect(stat(out, &st) == 0 && st.st_mode & 0o777 == 0o600, "personal data: owner-only")
        let json = try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(json["service"]?.stringValue == "DongBoHoSoMC")
        let records = json["data"]?.arrayValue ?? []
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        let l = records[0], k = records[1]
        #expect(l["MaHoSo"]?.stringValue == String(lltp.stdout.split(separator: " ")[0]))
        #expect(l["MaTTHC"]?.stringValue == "3.000333")
        #expect(l["TenTTHC"]?.stringValue == "Cấp Phiếu lý lịch tư pháp")
        #expect(l["SoDienThoai"]?.stringValue == "0912345678")
        #expect(l["NgayTiepNhan"]?.stringValue == "20261225063000")
        // 10 working days from Friday 25 December: 1 January is a holiday, weekends skipped.
        #expect(l["NgayHenTra"]?.stringValue == "20270111170000")
        #expect(l["TrangThaiHoSo"]?.stringValue == "2")
        #expect(l["TaiLieuNop"]?.arrayValue?.compactMap { $0["MaThanhPhanHoSo"]?.stringValue } == ["to_khai", "giay_to_tuy_than"])
        #expect(l["DanhSachLePhi"]?.arrayValue?.first?["Gia"]?.intValue == 205000)

        #expect(k["MaTTHC"]?.stringValue == "1.001193" && k["TenTTHC"]?.stringValue == "Đăng ký khai sinh")
        #expect(k["ChuHoSo"]?.stringValue == "Nguyễn Thị Hoà", "the applicant, as stored (title case, NFC)")
        #expect(k["NgayHenTra"]?.stringValue == "20261225170000", "0 working days: the same (working) day")
        // Registered more than 60 days after the birth (20/10/2026) plus two extract copies: 3 × 8,000 đ.
        #expect(k["DanhSachLePhi"]?.arrayValue?.first?["Gia"]?.intValue == 24000)
        #expect(k["TaiLieuNop"]?.arrayValue?.compactMap { $0["MaThanhPhanHoSo"]?.stringValue } == ["to_khai", "giay_chung_sinh", "gcn_ket_hon"],
                "only the papers this dossier needs (no power of attorney)")

        let all = try Motcua.run(["dossiers", "export", "--format", "dvc", out, "--data-dir", data])
        #expect(all.stdout.contains("exported 3 dossier records"))
        let bad = try Motcua.run(["dossiers", "export", "--format", "csv", out, "--data-dir", data])
        #expect(bad.status == 2 && bad.stderr.contains("--format dvc"))
    }
}
