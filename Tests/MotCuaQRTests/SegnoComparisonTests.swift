import Foundation
import MotCuaQR
import MotCuaTestSupport
import Testing

/// Compares our symbols module for module with segno's, the reference
/// encoder, on inputs at every version's capacity edge, in all modes and
/// levels. One python run encodes every case.
@Suite struct SegnoComparisonTests {
    struct Case {
        let label: String
        let segments: [QRSegment]
        let level: QRErrorCorrection
        let version: Int?
        let mask: Int?
        /// Whether the data is meant to overflow the forced version.
        let overflows: Bool
    }

    struct WireSegment: Encodable { let mode: String; let hex: String }
    struct WireCase: Encodable { let segments: [WireSegment]; let ecc: String; let version: Int?; let mask: Int? }
    struct WireResult: Decodable {
        let version: Int?
        let mask: Int?
        let rows: [String]?
        let scores: [Int]?
        let error: String?
    }

    static let levels = QRErrorCorrection.allCases
    static let modes: [QRMode] = [.numeric, .alphanumeric, .byte]

    /// Characters of the longest run of `mode` alone that fits version/level.
    static func maxLength(_ mode: QRMode, version: Int, level: QRErrorCorrection) -> Int {
        let free = QRCode.dataCapacityBits(version: version, ecc: level) - 4 - mode.characterCountBits(version: version)
        switch mode {
        case .numeric: return free / 10 * 3 + (free % 10 >= 7 ? 2 : free % 10 >= 4 ? 1 : 0)
        case .alphanumeric: return free / 11 * 2 + (free % 11 >= 6 ? 1 : 0)
        case .byte: return free / 8
        }
    }

    static func randomSegment(_ mode: QRMode, length: Int, using rng: inout SeededRandom) -> QRSegment {
        switch mode {
        case .numeric:
            return try! .numeric(String((0..<length).map { _ in "0123456789".randomElement(using: &rng)! }))
        case .alphanumeric:
            let charset = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
            return try! .alphanumeric(String((0..<length).map { _ in charset.randomElement(using: &rng)! }))
        case .byte:
            return .byte((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    /// Builds the ≥ 300 cases: capacity edges for every version × level and
    /// version × mode, overflow by one character, and mixed real texts.
    static func cases() -> [Case] {
        var rng = SeededRandom(seed: 18004)
        var cases: [Case] = []
        for version in 1...40 {
            for (l, level) in levels.enumerated() {
                // Exactly full, version and mask forced.
                let mode = modes[(version + l) % 3]
                let n = maxLength(mode, version: version, level: level)
                cases.append(Case(label: "full v\(version)-\(level) \(mode)", segments: [randomSegment(mode, length: n, using: &rng)],
                                  level: level, version: version, mask: (version * 4 + l) % 8, overflows: false))
            }
            for (m, mode) in modes.enumerated() {
                // Exactly full, version left to the encoder: must land on this version.
                let level = levels[(version + 2 * m + 1) % 4]
                let n = maxLength(mode, version: version, level: level)
                cases.append(Case(label: "auto-full v\(version)-\(level) \(mode)", segments: [randomSegment(mode, length: n, using: &rng)],
                                  level: level, version: nil, mask: (version + m) % 8, overflows: false))
            }
            // One character too many: refused at this version, next version when free.
            let mode = modes[version % 3], level = levels[(version / 3) % 4]
            let over = randomSegment(mode, length: maxLength(mode, version: version, level: level) + 1, using: &rng)
            cases.append(Case(label: "overflow v\(version)-\(level) \(mode)", segments: [over], level: level,
                              version: version, mask: version % 8, overflows: true))
            if version < 40 {
                cases.append(Case(label: "overflow-auto v\(version)-\(level) \(mode)", segments: [over], level: level,
                                  version: nil, mask: (version + 3) % 8, overflows: false))
            }
            // Mask left free, half-full symbols.
            let freeMode = modes[(version + 1) % 3], freeLevel = levels[version % 4]
            let half = maxLength(freeMode, version: version, level: freeLevel) / 2 + 1
            cases.append(Case(label: "free-mask v\(version)-\(freeLevel) \(freeMode)", segments: [randomSegment(freeMode, length: half, using: &rng)],
                              level: freeLevel, version: version, mask: nil, overflows: false))
        }
        // Real texts, segmented by our optimiser (mixed modes), version and mask free or forced.
        let texts = SampleTexts.vietnamese + SampleTexts.vietnameseNFD.prefix(5) + SampleTexts.urls + SampleTexts.vietQR
        for (i, text) in texts.enumerated() {
            for (l, level) in levels.enumerated() where (i + l) % 2 == 0 {
                guard let code = try? QRCode.encode(text, ecc: level) else { continue }
                cases.append(Case(label: "text#\(i)-\(level)", segments: code.segments, level: level, version: nil,
                                  mask: (i + l) % 3 == 0 ? (i % 8) : nil, overflows: false))
            }
        }
        return cases
    }

    static func wire(_ c: Case) -> WireCase {
        WireCase(segments: c.segments.map { WireSegment(mode: $0.mode.description, hex: Data($0.bytes).hexString) },
                 ecc: c.level.letter, version: c.version, mask: c.mask)
    }

    @Test func matricesMatchSegnoModuleForModule() throws {
        let directory = try ExternalTools.temporaryDirectory("segno")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.requireSegno(in: directory)
        let cases = Self.cases()
        #expect(cases.count >= 300)

        let input = directory.appendingPathComponent("cases.json")
        try JSONEncoder().encode(cases.map(Self.wire)).write(to: input)
        let script = ExternalTools.scriptsDirectory.appendingPathComponent("segno_matrices.py").path
        let output = try ExternalTools.run(["python3", script, input.path], in: directory)
        try #require(output.status == 0, "segno script failed: \(output.stderr)")
        let results = try JSONDecoder().decode([WireResult].self, from: output.stdout)
        try #require(results.count == cases.count)

        var compared = 0, freeMasks = 0, sameFreeMask = 0, refusedBoth = 0
        var versionsSeen = Set<Int>()
        for (c, segno) in zip(cases, results) {
            let ours: QRCode
            do {
                ours = try QRCode.encode(segments: c.segments, ecc: c.level, version: c.version, mask: c.mask)
            } catch {
                #expect(c.overflows, "\(c.label): we refused (\(error)) but it should fit")
                #expect(segno.error != nil, "\(c.label): we refused (\(error)) but segno encoded it")
                refusedBoth += 1
                continue
            }
            #expect(!c.overflows, "\(c.label): we encoded data that should overflow")
            guard let rows = segno.rows, let version = segno.version, let mask = segno.mask, let scores = segno.scores else {
                Issue.record("\(c.label): segno refused: \(segno.error ?? "?")")
                continue
            }
            versionsSeen.insert(ours.version)
            #expect(ours.version == version, "\(c.label): version \(ours.version) vs segno \(version)")
            let segnoRows = rows.map { $0.map { $0 == "1" } }
            let theirs = try #require(QRPenalty.score(rows: segnoRows))
            // Our scorer on segno's matrix agrees with segno's own N1, N2, N4.
            // N3 may only count more: segno skips a pattern overlapping the
            // previous one by four modules, the standard counts every pattern.
            let ourTerms: [Int] = [theirs.adjacent, theirs.blocks, theirs.balance]
            let segnoTerms: [Int] = [scores[0], scores[1], scores[3]]
            #expect(ourTerms == segnoTerms, "\(c.label)")
            #expect(theirs.finderLike >= scores[2], "\(c.label)")
            if c.mask == nil {
                freeMasks += 1
                #expect(ours.penaltyScore <= theirs.total, "\(c.label): our mask \(ours.mask) scores \(ours.penaltyScore), segno's \(mask) scores \(theirs.total)")
                if ours.mask == mask { sameFreeMask += 1 } else { continue }
            }
            #expect(ours.mask == mask)
            #expect(ours.rows == segnoRows, "\(c.label): matrices differ")
            compared += 1
        }
        #expect(versionsSeen == Set(1...40))
        #expect(refusedBoth == 40)
        #expect(freeMasks >= 40)
        print("segno: \(cases.count) cases, \(compared) matrices equal, \(refusedBoth) refused by both, " +
              "\(sameFreeMask)/\(freeMasks) free masks chose as segno did")
    }
}
