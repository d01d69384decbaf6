// The generated folding table (Sources/MotCuaText/FoldTableData.swift) must say what
// Unicode says: every entry is recomputed here from the runtime's Unicode data (lower
// case, canonical decomposition, combining marks dropped, đ/Đ → d). When this fails after
// a Swift upgrade, rerun `swift tools/gen_fold_table.swift > Sources/MotCuaText/FoldTableData.swift`.
import Foundation
import Testing
@testable import MotCuaText

@Suite struct FoldTableDataTests {
    /// The entry a scalar should have, computed the slow way.
    private func expectedEntry(_ v: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(v) else { return v }
        if scalar.properties.isWhitespace { return FoldTable.space }
        if v == 0x110 || v == 0x111 { return UInt32(UInt8(ascii: "d")) }
        let folded = Array(String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
            .filter { !FoldTable.isCombiningMark($0.value) }
        if folded.isEmpty { return FoldTable.drop }
        return folded.count == 1 ? folded[0].value : FoldTable.multi
    }

    @Test func tableSizes() {
        #expect(FoldTable.lowEntries.count == Int(FoldTable.lowLimit))
        #expect(FoldTable.highEntries.count == FoldTable.highRange.count)
    }

    @Test func everyEntryMatchesUnicode() {
        var mismatches: [String] = []
        for v in Array(0..<FoldTable.lowLimit) + Array(FoldTable.highRange) {
            let scalar = Unicode.Scalar(v)!
            let actual = FoldTable.entry(scalar)
            let expected = expectedEntry(v)
            if actual != expected { mismatches.append("U+\(String(v, radix: 16)): \(actual) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func entriesSpotChecked() {
        let cases: [(Unicode.Scalar, Character)] = [
            ("Ặ", "a"), ("ự", "u"), ("Ỹ", "y"), ("Đ", "d"), ("đ", "d"), ("Ö", "o"), ("İ", "i"), ("Й", "и"), ("Ά", "α"), ("A", "a"),
        ]
        for (scalar, folded) in cases {
            #expect(FoldTable.entry(scalar) == folded.unicodeScalars.first!.value, "\(scalar)")
        }
        #expect(FoldTable.entry("\u{0301}") == FoldTable.drop)
        #expect(FoldTable.entry("\u{00A0}") == FoldTable.space)
        #expect(FoldTable.entry("\u{3000}") == FoldTable.space)  // outside the table
        #expect(FoldTable.entry("\u{1DC4}") == FoldTable.drop)   // outside the table
    }
}
