import Foundation
import Testing

/// `dossiers list`: queued dossiers found with their state, phones searched by
/// digits, the submission time shown (issue 14, defect 16). Real binary.
@Suite struct StoreListSearchTests {
    static let form = """
    {
      "format": "motcua-form/1", "id": "lien-he-thu", "version": "2026.1",
      "title": {"vi": "Liên hệ thử", "en": "Contact test"},
      "pages": [{"id": "p1", "title": "Người nộp", "fields": [
        {"id": "ho_ten", "type": "text", "label": "Họ và tên", "format": "name", "required": true, "maxLength": 100},
        {"id": "dien_thoai", "type": "text", "label": "Số điện thoại", "format": "phone"}
      ]}]
    }
    """

    /// Two dossiers submitted on 2026-11-27: Nguyễn Văn An (0912 345 678) and Trần Thị Bình (0987 654 321).
    func setUp(_ dir: String) throws -> (data: String, ids: [String]) {
        try Self.form.write(toFile: dir + "/form.json", atomically: true, encoding: .utf8)
        let people = [("Nguyễn Văn An", "0912 345 678"), ("Trần Thị Bình", "+84987654321")]
        var files: [String] = []
        for (i, (name, phone)) in people.enumerated() {
            let path = dir + "/a\(i).json"
            try #"{"ho_ten": "\#(name)", "dien_thoai": "\#(phone)"}"#.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let data = dir + "/data"
        let submit = try Motcua.run(["submit", "--today", "2026-11-27", dir + "/form.json"] + files + ["--data-dir", data, "--kiosk", "hd01", "--operator", "lan"])
        #expect(submit.status == 0, "\(submit.stderr)")
        return (data, StoreFixture.submittedIDs(submit.stdout))
    }

    func list(_ data: String, _ search: String? = nil) throws -> [String] {
        let r = try Motcua.run(["dossiers", "list"] + (search.map { ["--search", $0] } ?? []) + ["--data-dir", data])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func queuedDossiersAreFoundWithTheirState() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (data, ids) = try setUp(dir)
        #expect(ids.count == 2)
        let all = try list(data)
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.contains(" queued ") })
        let found = try list(data, "tran binh")
        #expect(found.count == 1)
        #expect(found.first?.contains(ids[1]) == true)
        #expect(found.first?.contains(" queued Trần Thị Bình") == true)

        #expect(try Motcua.run(["queue", "deliver", "--data-dir", data, "--operator", "night"]).status == 0)
        let delivered = try list(data, "tran binh")
        #expect(delivered.count == 1)
        #expect(delivered.first?.contains(" delivered Trần Thị Bình") == true)
    }

    @Test func phonesAreSearchedByDigits() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (data, ids) = try setUp(dir)
        for delivered in [false, true] {
            if delivered { #expect(try Motcua.run(["queue", "deliver", "--data-dir", data, "--operator", "night"]).status == 0) }
            for query in ["0912345678", "0912 345 678", "+84912345678", "0912.345.678", "091234"] {
                let found = try list(data, query)
                #expect(found.count == 1, "\(query) delivered=\(delivered): \(found)")
                #expect(found.first?.contains(ids[0]) == true)
            }
            for query in ["0987654321", "+84 987 654 321"] {
                #expect(try list(data, query).first?.contains(ids[1]) == true, "\(query)")
            }
            #expect(try list(data, "0900000000").isEmpty)
        }
    }

    @Test func listShowsWhenTheCitizenSubmitted() throws {
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (data, _) = try setUp(dir)
        // Delivered well after submission: the list still shows the submission time.
        #expect(try Motcua.run(["queue", "deliver", "--data-dir", data, "--operator", "night"]).status == 0)
        let lines = try list(data)
        #expect(lines.count == 2)
        for line in lines {
            // submit --today 2026-11-27 is the time of record; delivery ran today, later.
            #expect(line.contains(" 2026-11-27 "), "\(line)")
        }
    }
}
