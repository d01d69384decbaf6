import Foundation
import MotCuaTestSupport
import Testing

/// `motcua qr` as a script would use it, decoded back with zbarimg.
@Suite struct QRCommandTests {
    func zbar(_ file: String) throws -> String {
        try ExternalTool.run("/usr/bin/env", ["zbarimg", "--raw", "-q", "-Sbinary", file]).stdout
            .trimmingCharacters(in: .newlines)
    }

    @Test func writesFilesThatDecode() throws {
        let dir = try Motcua.tempDir()
        let text = "Quét để tra cứu hồ sơ TQ01-261127-0007"
        let r = try Motcua.run(["qr", text, "--ecc", "Q", "--pbm", dir + "/a.pbm"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try zbar(dir + "/a.pbm") == text)
        let svg = try Motcua.run(["qr", "HD01-261127-0007", "--svg", dir + "/a.svg"])
        #expect(svg.status == 0)
        #expect(try String(contentsOfFile: dir + "/a.svg", encoding: .utf8).contains("<svg"))
    }

    @Test func printsHalfBlocksAndRefusesBadOptions() throws {
        let r = try Motcua.run(["qr", "HD01-261127-0007"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("▀") || r.stdout.contains("▄") || r.stdout.contains("█"))
        #expect(try Motcua.run(["qr", "x", "--ecc", "Z"]).status == 2)
        #expect(try Motcua.run(["qr"]).status == 2)
        #expect(try Motcua.run(["qr", String(repeating: "A", count: 8000)]).status == 1)
    }
}

/// `dossiers show ID --qr`: both codes with their captions; the codes decode.
@Suite struct DossierQRTests {
    @Test func showsTrackingAndFeeCodes() throws {
        let dir = try Motcua.tempDir()
        try #"{"kiosk": "TQ01", "vietqr": {"bin": "970415", "account": "113366668888"}, "trackingURL": "https://dvc.example.vn/tra-cuu?ma={code}"}"#
            .write(toFile: dir + "/settings.json", atomically: true, encoding: .utf8)
        let submit = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/khai-sinh.json",
                                     Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json", "--data-dir", dir,
                                     "--today", "2026-11-27", "--kiosk", "MC01"])
        #expect(submit.status == 0, "\(submit.stderr)")
        guard let receipt = submit.stdout.split(separator: " ").first.map(String.init) else { Issue.record("no receipt"); return }
        let r = try Motcua.run(["dossiers", "show", receipt, "--qr", "--data-dir", dir])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Quét để tra cứu hồ sơ"))
        // Filed on 27/11/2026 (the receipt code's day): two copies, 16.000 đ.
        #expect(receipt == "MC01-261127-0001")
        #expect(r.stdout.contains("Quét để nộp lệ phí 16.000 đ"), "\(r.stdout)")
        let en = try Motcua.run(["dossiers", "show", receipt, "--qr", "--lang", "en", "--data-dir", dir])
        #expect(en.stdout.contains("Scan to track the dossier"))
    }
}
