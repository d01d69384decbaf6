import Foundation
import Testing
@testable import MotCuaForms

/// The spreadsheet compiler on sheets written by hand: what an author gets
/// right, and every kind of mistake reported at its cell, all at once.
@Suite struct XLSFormCompileTests {
    static func sheet(_ name: String, _ text: String, _ messages: Messages = vi) throws -> Sheet {
        switch Sheet.parse(Data(text.utf8), file: "\(name).tsv", messages: messages) {
        case .success(let s): return s
        case .failure(let e): Issue.record("\(e.issues)"); throw e
        }
    }

    static let settings = "form_id\tform_title::vi\tform_title::en\tversion\tprocedure_code\tprocedure_fee\n" +
        "thu-nghiem\tThử nghiệm\tTrial\t1\t9.999999\t0\n"
    static let choices = "list_name\tname\tlabel::vi\tlabel::en\tprovince\n" +
        "gioi\tnam\tNam\tMale\t\ngioi\tnu\tNữ\tFemale\t\ntinh\t@provinces\t\t\t\nxa\t@communes\t\t\t\n"

    static func compile(_ survey: String, choices: String = choices, messages: Messages = vi) throws -> Result<XLSFormCompiler.Output, SheetIssues> {
        XLSFormCompiler.compile(XLSFormSheets(survey: try sheet("survey", survey, messages), choices: try sheet("choices", choices, messages),
                                              settings: try sheet("settings", settings, messages)),
                                name: "t.json", lists: sharedLists, messages: messages)
    }

    @Test func aSmallFormCompilesAndValidates() throws {
        let survey = """
            type\tname\tlabel::vi\tlabel::en\trequired\tconstraint\tconstraint_message::vi\tchoice_filter\trelevant\tformat\tmin\tmax\tcalculation
            begin group\tp1\tNgười khai\tApplicant\t\t\t\t\t\t\t\t\t
            text\tho_ten\tHọ tên\tName\tyes\tstring-length(.) >= 2\tQuá ngắn\t\t\tname\t\t\t
            integer\ttuoi\tTuổi\tAge\tyes\t. >= 16 and . div 1 = .\tTừ 16 tuổi\t\t\t\t0\t130\t
            select_one gioi\tgioi_tinh\tGiới tính\tSex\tyes\t\t\t\t\t\t\t\t
            select_one tinh\ttinh\tTỉnh\tProvince\tyes\t\t\t\t\t\t\t\t
            select_one xa\txa\tXã\tCommune\tyes\t\t\tprovince = ${tinh}\t${tinh} != ''\t\t\t\t
            calculate\tnam_sau\t\t\t\t\t\t\t\t\t\t\tif(${tuoi} >= 18, 'lớn', 'nhỏ')
            end group\t\t\t\t\t\t\t\t\t\t\t\t
            """
        let out = try Self.compile(survey).get()
        let f = out.loaded.form
        #expect(f.id == "thu-nghiem" && f.languages == ["vi", "en"])
        #expect(f.field("xa")?.filter?.source == "option.province = tinh")
        #expect(f.field("ho_ten")?.constraint?.source == "len(.) >= 2")
        #expect(f.field("tuoi")?.constraint?.source == ". >= 16 and . / 1 = .")
        let ok = validate(f, ["ho_ten": "Lê An", "tuoi": 30, "gioi_tinh": "nam", "tinh": "08", "xa": "02425"])
        #expect(ok.errors.isEmpty, "\(ok.errors)")
        #expect(ok.answers["nam_sau"] == "lớn")
        let bad = validate(f, ["ho_ten": "A", "tuoi": 12, "gioi_tinh": "x", "tinh": "08", "xa": "00004"])
        #expect(ProcedureFormTests.pairs(bad.errors) == ["gioi_tinh option", "ho_ten constraint", "tuoi constraint", "xa option"])
    }

    @Test func everyMistakeAtItsCellAllAtOnce() throws {
        let survey = """
            type\tname\tlabel::vi\trelevant\tcolour
            begin group\tp\tTrang\t\t
            text\ta\tA\t${khong_co} = 1\t
            geopoint\tb\tB\t\t
            select_one mau\tc\tC\t\t
            text\ta\tA lần hai\t\t
            integer\td\tD\tformat-date(today(), '%Y') = '2026'\t
            begin group\tq\tLồng\t\t
            """
        guard case .failure(let e) = try Self.compile(survey) else { Issue.record("compiled"); return }
        let lines = e.issues.map(\.description)
        #expect(lines.contains("survey.tsv:1:5: Cột “colour” không được hỗ trợ (xem Forms/README.md, phần bảng tính)."), "\(lines)")
        #expect(lines.contains("survey.tsv:3:4: Không có trường “khong_co” trong biểu mẫu."), "\(lines)")
        #expect(lines.contains("survey.tsv:4:1: Kiểu “geopoint” không được hỗ trợ."), "\(lines)")
        #expect(lines.contains("survey.tsv:5:1: Không có danh sách lựa chọn “mau” trong trang choices."), "\(lines)")
        #expect(lines.contains("survey.tsv:6:2: Tên “a” đã dùng ở dòng 3."), "\(lines)")
        #expect(lines.contains("survey.tsv:7:4: Hàm “format-date” của XLSForm không có trong MotCua."), "\(lines)")
        #expect(lines.contains("survey.tsv:8:1: Nhóm (trang) không được lồng trong nhóm hoặc lặp."), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("survey.tsv:2:1: ") && $0.contains("begin group") }, "the unclosed group: \(lines)")
        // The same in English.
        guard case .failure(let en) = try Self.compile(survey, messages: en) else { return }
        #expect(en.issues.map(\.description).contains("survey.tsv:4:1: Type “geopoint” is not supported."))
    }

    @Test func linterProblemsPointAtTheirCells() throws {
        let survey = "type\tname\tlabel::vi\tmin\tconstraint\nbegin group\tp\tP\t\t\ninteger\tn\tN\t5\tdays(.) > 1\ntext\tt\tT\tx\t\nend group\t\t\t\t\n"
        guard case .failure(let e) = try Self.compile(survey) else { Issue.record("compiled"); return }
        let lines = e.issues.map(\.description)
        #expect(lines.contains { $0.hasPrefix("survey.tsv:3:5: constraint:") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("survey.tsv:4:4: min:") }, "\(lines)")
    }

    @Test func sheetsAsLibreOfficeSavesThem() throws {
        // CSV with a BOM, CRLF, a quoted cell holding a comma, a quote and a line break.
        let csv = "\u{FEFF}type,name,label::vi\r\ntext,a,\"Họ, tên \"\"đầy đủ\"\"\nhai dòng\"\r\n\r\nnote,n,Ghi chú\r\n"
        let s = try Self.sheet("survey", csv)
        #expect(s.header == ["type", "name", "label::vi"])
        #expect(s.rows.map(\.line) == [2, 5])
        #expect(s.rows[0].cells[2] == "Họ, tên \"đầy đủ\"\nhai dòng")
        // NFD typed text is stored NFC.
        let nfd = try Self.sheet("survey", "type\tname\tlabel\ntext\ta\tHoa\u{0300}\n")
        #expect(nfd.rows[0].cells[2] == "Hoà")
        // TSV written by decompile reads back the same.
        let back = try Self.sheet("survey", s.tsv())
        #expect(back.rows.map(\.cells) == s.rows.map(\.cells))
    }

    @Test func hostileSheetsAreRefusedWithTheirReason() {
        func issues(_ d: Data, _ limits: SheetLimits = SheetLimits()) -> [String] {
            if case .failure(let e) = Sheet.parse(d, file: "s.csv", limits: limits, messages: en) { return e.issues.map(\.description) }
            return []
        }
        #expect(issues(Data([0x74, 0x79, 0xFF, 0xFE])) == ["s.csv:0:0: The file is not UTF-8 text: save it from LibreOffice with the Unicode (UTF-8) character set."])
        #expect(issues(Data("type,name\ntext,a\u{0007}b\n".utf8)) == ["s.csv:2:2: The cell holds the control character U+0007: delete it."])
        #expect(issues(Data("type,name\ntext,\"open\n".utf8)).first?.contains("never closed") == true)
        var small = SheetLimits(); small.maxColumns = 3; small.maxBytes = 1000; small.maxRows = 2; small.maxCellCharacters = 5
        #expect(issues(Data("a,b,c,d\n".utf8), small).first?.contains("more than 3 columns") == true)
        #expect(issues(Data(String(repeating: "x", count: 2000).utf8), small).first?.contains("larger than") == true)
        #expect(issues(Data("a\n1\n2\n3\n4\n".utf8), small).first?.contains("more than 2 rows") == true)
        #expect(issues(Data("a\nabcdefgh\n".utf8), small).first?.contains("longer than 5") == true)
        #expect(issues(Data()) == ["s.csv:1:0: The sheet is empty: its first row must name the columns."])
    }

    /// Fuzz: random edits of a real decompiled form never trap; each run
    /// either compiles or says why.
    @Test func randomEditsNeverTrap() throws {
        var rng = SplitMix(seed: 18)
        let base = XLSFormDecompiler.decompile(try XLSFormRoundTripTests.original("ly-lich-tu-phap")).sheets
        let alphabet = Array("\t\n\",;${}()'.=<>!abc_xyz0123 ăđ\u{0300}@-:".unicodeScalars)
        for _ in 0..<60 {
            var texts: [String: [Unicode.Scalar]] = [:]
            for (n, s) in base { texts[n] = Array(s.tsv().unicodeScalars) }
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let name = base[Int(rng.next() % UInt64(base.count))].name
                var t = texts[name]!
                guard !t.isEmpty else { continue }
                let at = Int(rng.next() % UInt64(t.count))
                switch rng.next() % 3 {
                case 0: t.remove(at: at)
                case 1: t.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                default: t[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                }
                texts[name] = t
            }
            var sheets: [String: Sheet] = [:]
            for (n, t) in texts {
                if case .success(let s) = Sheet.parse(Data(String(String.UnicodeScalarView(t)).utf8), file: n, messages: vi) { sheets[n] = s }
            }
            guard let survey = sheets["survey"] else { continue }
            let r = XLSFormCompiler.compile(XLSFormSheets(survey: survey, choices: sheets["choices"], settings: sheets["settings"],
                                                          documents: sheets["documents"], checks: sheets["checks"]),
                                            name: "f.json", lists: sharedLists, messages: vi)
            if case .failure(let e) = r { #expect(!e.issues.isEmpty) }
        }
    }
}

/// A small deterministic generator for the fuzz loop.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
