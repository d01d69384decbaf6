// Text normalisation on any text: the validator's one-pass normaliser and its
// fast paths must agree with Foundation and with MotCuaText's plain versions,
// and nothing traps (folding, widths, tone placement, control neutralising).
import Foundation
import FuzzSupport
@testable import MotCuaForms
@testable import MotCuaText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let s = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let nfc = s.precomposedStringWithCanonicalMapping
    if VietText.nfc(s) != nfc { Fuzz.fail("VietText.nfc differs from Foundation") }
    if VietText.length(s) != nfc.count { Fuzz.fail("VietText.length \(VietText.length(s)) != \(nfc.count)") }
    for multiline in [false, true] {
        // The gate refuses, or the normaliser gives NFC text the gate lets
        // through and that normalises to itself.
        guard let n = try? TextNormalizer.normalize(s, multiline: multiline) else {
            if TextGate.check(s, multiline: multiline) == nil {
                Fuzz.fail("normalising threw but the gate lets the text through (multiline \(multiline))")
            }
            continue
        }
        if n.precomposedStringWithCanonicalMapping != n { Fuzz.fail("normalised text not NFC (multiline \(multiline))") }
        if TextGate.check(n, multiline: multiline) != nil { Fuzz.fail("the gate refuses normalised text (multiline \(multiline))") }
        // Finding K3: the result is its own normal form (doubled tones included).
        if (try? TextNormalizer.normalize(n, multiline: multiline)) != n {
            Fuzz.fail("normalising twice changes the text (multiline \(multiline))")
        }
        if TextNormalizer.isClean(s, multiline: multiline) && s != n { Fuzz.fail("isClean but normalising changes it") }
    }
    if TextNormalizer.graphemeCount(nfc) != nfc.count { Fuzz.fail("graphemeCount \(TextNormalizer.graphemeCount(nfc)) != \(nfc.count)") }
    // Finding K2: one verdict, also for marks Unicode attaches to nothing (U+102C after "c").
    if TextNormalizer.isValidName(nfc) != VietText.isValidName(nfc) { Fuzz.fail("the two name checks disagree") }
    if TextNormalizer.isValidName(s) != VietText.isValidName(s) { Fuzz.fail("the two name checks disagree (not NFC)") }
    // The normal form's table path and piecewise fallback against its plain definition.
    let normal = TextGate.normalForm(s)
    if normal != TextGate.normalFormByDefinition(s) { Fuzz.fail("normalForm differs from its definition") }
    if TextGate.normalForm(normal) != normal { Fuzz.fail("normalForm is not its own normal form") }
    for allow in [false, true] {
        let clean = VietText.neutralizeControls(s, allowNewlines: allow)
        for u in clean.unicodeScalars where u.value < 0x20 || (0x7F..<0xA0).contains(u.value) {
            if allow && u == "\n" { continue }
            Fuzz.fail("neutralizeControls left U+\(String(u.value, radix: 16))")
        }
    }
    _ = VietText.fold(s)
    _ = FoldedText(s).contains(FoldedText(String(s.prefix(3))))
    _ = VietText.displayWidth(s)
    _ = VietText.collapseWhitespace(s)
    _ = VietText.upper(s) + VietText.lower(s) + VietText.title(s)
    for style in TonePlacementStyle.allCases { _ = VietText.normalizeTonePlacement(s, style: style) }
    return 0
}

@_cdecl("fuzz_text_main")
public func fuzz_text_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.runDriver(argc, argv, fuzzText)
}
