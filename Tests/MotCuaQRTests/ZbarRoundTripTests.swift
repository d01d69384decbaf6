import Foundation
import Synchronization
import MotCuaQR
import MotCuaTestSupport
import Testing

/// Round trip through a real decoder: our renderings, read by zbarimg, give
/// back exactly the bytes put in. zbarimg runs on many files at once; each
/// payload image is followed by a separator image so that its raw output
/// (-Sbinary: exact bytes, no newline between symbols) splits back per file.
@Suite struct ZbarRoundTripTests {
    static let separator = "\u{1F}MOTCUA-SEP\u{1F}"

    /// ≥ 200 payloads: Vietnamese (NFC, NFD), VietQR, long URLs, mixed.
    static func payloads() throws -> [(text: String, level: QRErrorCorrection)] {
        var rng = SeededRandom(seed: 2025)
        var result: [(String, QRErrorCorrection)] = []
        for text in SampleTexts.vietnamese {
            for level in QRErrorCorrection.allCases { result.append((text, level)) }
        }
        for (i, text) in SampleTexts.vietnameseNFD.enumerated() {
            result.append((text, i % 2 == 0 ? .medium : .high))
            result.append((text + " — NFD \(i)", .low))
        }
        for payload in SampleTexts.vietQR { result.append((payload, .medium)) }
        let bins = ["970436", "970415", "970418", "970405", "970422", "970403", "970416"]
        let purposes = ["Lệ phí hộ tịch", "Phí chứng thực bản sao", "Lệ phí cấp giấy phép xây dựng",
                        "Đăng ký kinh doanh hộ cá thể", "Phí thẩm định hồ sơ đất đai"]
        for i in 0..<40 {
            let payee = try VietQRPayee(bankBIN: bins[i % bins.count],
                                        accountNumber: String(UInt64.random(in: 10_000_000...9_999_999_999_999, using: &rng)))
            let code = "HS-2025-" + String(format: "%06d", Int.random(in: 0...999_999, using: &rng))
            let amount = [10_000, 20_000, 50_000, 100_000, 200_000, 1_250_000][i % 6]
            let payload = try #require(try VietQR.feePayload(payee: payee, amountVND: amount, receiptCode: code,
                                                             purpose: purposes[i % purposes.count]))
            result.append((payload, QRErrorCorrection.allCases[i % 4]))
        }
        for url in SampleTexts.urls { result.append((url, .medium)) }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_/")
        for i in 0..<36 {
            let receipt = "QNG/2025/\(i)/Đ\(i)"
            let longPath = String((0..<(20 + i * 25)).map { _ in alphabet.randomElement(using: &rng)! })
            let url = try QRTrackingCode.content(receiptCode: receipt,
                                                 urlTemplate: "https://motcua.example.gov.vn/\(longPath)?ma={code}&lang=vi")
            result.append((url, QRErrorCorrection.allCases[i % 4]))
        }
        for i in 0..<20 {
            let name = SampleTexts.vietnamese[i]
            result.append(("\(i)\(i * 7919) \(name) CCCD \(String(repeating: "0", count: i))\(i * 104_729)", .quartile))
        }
        return result
    }

    /// Decodes `files` in batches (two zbarimg processes at a time) and
    /// returns one string of raw bytes per file.
    static func decode(_ files: [URL], separatorFile: URL, in directory: URL) throws -> [Data] {
        let batches = stride(from: 0, to: files.count, by: 60).map { Array(files[$0..<min($0 + 60, files.count)]) }
        let outputs = Mutex(Array(repeating: Result<Data, Error>.success(Data()), count: batches.count))
        DispatchQueue.concurrentPerform(iterations: batches.count) { index in
            let arguments = ["zbarimg", "--nodbus", "-q", "--raw", "-Sbinary"] +
                batches[index].flatMap { [$0.path, separatorFile.path] }
            let result = Result { try ExternalTools.run(arguments, in: directory).stdout }
            outputs.withLock { $0[index] = result }
        }
        var decoded: [Data] = []
        let marker = Data(separator.utf8)
        for (batch, output) in zip(batches, outputs.withLock { $0 }) {
            var rest = try output.get()
            for _ in batch {
                guard let range = rest.range(of: marker) else { decoded.append(Data("<no separator>".utf8)); continue }
                decoded.append(rest[rest.startIndex..<range.lowerBound])
                rest = rest[range.upperBound...]
            }
        }
        return decoded
    }

    @Test func pbmRenderingsDecodeToExactlyTheInput() throws {
        let directory = try ExternalTools.temporaryDirectory("zbar")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.requireZbar(in: directory)
        let payloads = try Self.payloads()
        #expect(payloads.count >= 200)

        let separatorFile = directory.appendingPathComponent("separator.pbm")
        try QRImageRenderer.pbm(try QRCode.encode(Self.separator), scale: 3).write(to: separatorFile)
        var files: [URL] = []
        var versions = Set<Int>()
        for (i, payload) in payloads.enumerated() {
            let code = try QRCode.encode(payload.text, ecc: payload.level)
            versions.insert(code.version)
            let file = directory.appendingPathComponent("p\(i).pbm")
            // Alternate binary and ASCII PBM so both forms meet a real reader.
            try QRImageRenderer.pbm(code, scale: 3, binary: i % 5 != 0).write(to: file)
            files.append(file)
        }
        let decoded = try Self.decode(files, separatorFile: separatorFile, in: directory)
        var matched = 0
        for (payload, data) in zip(payloads, decoded) {
            #expect(data == Data(payload.text.utf8), "\(payload.level) \(payload.text) → \(String(decoding: data, as: UTF8.self))")
            if data == Data(payload.text.utf8) { matched += 1 }
        }
        #expect(versions.count >= 10)
        print("zbarimg: \(matched)/\(payloads.count) PBM payloads decoded exactly, versions \(versions.min()!)...\(versions.max()!)")
    }

    @Test func pngAndHalfBlockRenderingsDecode() throws {
        let directory = try ExternalTools.temporaryDirectory("zbar-png")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.requireZbar(in: directory)
        let separatorFile = directory.appendingPathComponent("separator.pbm")
        try QRImageRenderer.pbm(try QRCode.encode(Self.separator), scale: 3).write(to: separatorFile)

        let texts = Array(SampleTexts.vietnamese.prefix(6)) + SampleTexts.vietQR + [SampleTexts.urls[3]]
        var files: [URL] = []
        for (i, text) in texts.enumerated() {
            let code = try QRCode.encode(text, ecc: .medium)
            // PNG straight from the renderer.
            let png = directory.appendingPathComponent("c\(i).png")
            try QRImageRenderer.png(code, scale: 4).write(to: png)
            // The half-block text read back into modules, as a screen capture would be.
            let rows = try #require(QRTextRenderer.modules(fromHalfBlockLines: QRTextRenderer.halfBlockLines(code)))
            let pbm = directory.appendingPathComponent("h\(i).pbm")
            try Self.pbm(rows: rows, scale: 3).write(to: pbm)
            files += [png, pbm]
        }
        let decoded = try Self.decode(files, separatorFile: separatorFile, in: directory)
        for (i, data) in decoded.enumerated() {
            #expect(data == Data(texts[i / 2].utf8), "\(files[i].lastPathComponent)")
        }
    }

    @Test func pngIsWellFormedForAnIndependentInflater() throws {
        let directory = try ExternalTools.temporaryDirectory("png")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.requirePython(in: directory)
        // A version-40 code at scale 8 is over 65 535 bytes raw: several stored blocks.
        let code = try QRCode.encode(String(repeating: "Đ", count: 900), ecc: .low)
        let file = directory.appendingPathComponent("big.png")
        try QRImageRenderer.png(code, scale: 8).write(to: file)
        let script = ExternalTools.scriptsDirectory.appendingPathComponent("png_check.py").path
        let output = try ExternalTools.run(["python3", script, file.path], in: directory)
        try #require(output.status == 0, "png_check: \(output.stderr)")
        let side = (code.size + 8) * 8
        let expectedRows = (0..<side).map { y in
            String((0..<side).map { x in code[x / 8 - 4, y / 8 - 4] ? "1" : "0" })
        }
        #expect(String(decoding: output.stdout, as: UTF8.self).split(separator: "\n").map(String.init) == expectedRows)
    }

    /// A PBM of an arbitrary grid (used for grids read back from text).
    static func pbm(rows: [[Bool]], scale: Int) -> Data {
        let height = rows.count * scale, width = (rows.first?.count ?? 0) * scale
        var data = Data("P1\n\(width) \(height)\n".utf8)
        for row in rows {
            let line = row.flatMap { Array(repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ") + "\n"
            for _ in 0..<scale { data.append(Data(line.utf8)) }
        }
        return data
    }
}
