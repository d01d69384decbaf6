// Every rule of shared/notes/vietnamese-text.md for Telex and VNI, one row per case, plus
// the edits the engine hands to a text field.
import Testing
@testable import MotCuaText

/// Types `keys` with the engine and returns the text, for table rows.
func typed(_ keys: String, _ method: InputMethod = .telex, _ style: TonePlacementStyle = .traditional) -> String {
    VietTypingEngine.type(keys, method: method, style: style)
}

@Suite struct TelexRuleTests {
    @Test(arguments: [
        // Roofs, hooks, breve, stroke.
        ("aa", "â"), ("ee", "ê"), ("oo", "ô"), ("aw", "ă"), ("ow", "ơ"), ("uw", "ư"), ("dd", "đ"),
        ("uow", "uơ"), ("w", "ư"), ("tw", "tư"), ("nhw", "như"), ("W", "Ư"),
        // Tones.
        ("as", "á"), ("af", "à"), ("ar", "ả"), ("ax", "ã"), ("aj", "ạ"), ("asz", "a"), ("az", "az"),
        ("asf", "à"), ("vieetjz", "viêt"),
        // Double key undoes and types the key itself.
        ("ass", "as"), ("aaa", "aa"), ("ddd", "dd"), ("ww", "w"), ("oww", "ow"), ("aww", "aw"),
        ("eee", "ee"), ("ooo", "oo"), ("uoww", "ươ"), ("asss", "ass"), ("aaaa", "aaa"), ("www", "ww"),
        ("tieengs", "tiếng"), ("tieeengs", "tieengs"),
        // Free marking: the tone key at the end, re-placed as letters come.
        ("vieetj", "việt"), ("vieejt", "việt"), ("vijeet", "việt"), ("hoafng", "hoàng"), ("tiengse", "tiếng"),
        ("khuyeens", "khuyến"), ("khuyeesn", "khuyến"), ("nguwowif", "người"), ("nguoiwf", "người"),
        ("huwowu", "hươu"), ("thuees", "thuế"), ("tuongw", "tương"), ("thuongw", "thương"),
        ("thuowngf", "thường"), ("thuowr", "thuở"), ("thuoww", "thươ"), ("thuowww", "thuow"),
        // Issue 14: "uơ" ends huơ, khuơ, uơ as it does thuở; a letter after it makes ươ.
        ("huow", "huơ"), ("khuow", "khuơ"), ("huowng", "hương"), ("khuowr", "khuở"),
        ("uown", "ươn"), ("nguowi", "ngươi"), ("truowng", "trương"), ("huwow", "hươ"),
        // Issue 14: a word erased with Backspace forgets the keys undone in it.
        ("Hoaff\u{8}\u{8}\u{8}\u{8}Hoaf", "Hòa"), ("ass\u{8}\u{8}as", "á"), ("ww\u{8}ww", "w"),
        ("ww\u{8}w", "ư"),
        // Three vowels: the middle one; uyê on ê.
        ("ngoaif", "ngoài"), ("khuyru", "khuỷu"), ("khuyur", "khuỷu"), ("quyeenf", "quyền"),
        // qu and gi.
        ("quys", "quý"), ("quar", "quả"), ("giaf", "già"), ("giuwax", "giữa"), ("gif", "gì"),
        ("gifn", "gìn"), ("gieengs", "giếng"), ("quoocs", "quốc"), ("quaw", "quă"),
        // After c, ch, p, t only sắc and nặng.
        ("bacf", "bacf"), ("bacs", "bác"), ("bacj", "bạc"), ("achr", "achr"), ("daps", "dáp"),
        ("hatx", "hatx"), ("vieecj", "việc"), ("viechj", "viẹch"), ("tapf", "tapf"),
        // Capitals keep their case.
        ("DDoo", "Đô"), ("Ddoo", "Đô"), ("VIEETJ", "VIỆT"), ("NGUWOWIF", "NGƯỜI"), ("HOAF", "HÒA"),
        ("DDDoo", "DDô"), ("nguyenx", "nguyẽn"),
        // A non-letter ends the word.
        ("an s", "an s"), ("H'Moong", "H'Mông"), ("Nguyeenx-Vawn", "Nguyễn-Văn"), ("a-s", "a-s"), ("a1s", "a1s"), ("hoa.f", "hoa.f"),
        // dd anywhere in the word crosses the initial d.
        ("dod", "đo"), ("duwowngd", "đương"),
        // Two-vowel words without a final (traditional style).
        ("hoaf", "hòa"), ("thuyr", "thủy"), ("khoer", "khỏe"), ("mias", "mía"), ("muaf", "mùa"),
        ("muwa", "mưa"), ("cuar", "của"),
    ])
    func traditional(keys: String, expected: String) {
        #expect(typed(keys) == VietText.nfc(expected))
    }

    @Test(arguments: [
        ("hoaf", "hoà"), ("thuyr", "thuỷ"), ("khoer", "khoẻ"), ("hoafng", "hoàng"), ("mias", "mía"),
        ("muaf", "mùa"), ("toans", "toán"), ("khuyeens", "khuyến"), ("HOAF", "HOÀ"), ("hofa", "hoà"),
    ])
    func modern(keys: String, expected: String) {
        #expect(typed(keys, .telex, .modern) == VietText.nfc(expected))
    }

    @Test func noVowelMeansToneKeysAreLetters() {
        #expect(typed("sfrxj") == "sfrxj")
        #expect(typed("xax") == "xã")
        #expect(typed("str") == "str")
    }

    @Test func offTypesEverythingLiterally() {
        #expect(typed("vieetj dd", .off) == "vieetj dd")
    }
}

@Suite struct VNIRuleTests {
    @Test(arguments: [
        ("a6", "â"), ("e6", "ê"), ("o6", "ô"), ("a8", "ă"), ("o7", "ơ"), ("u7", "ư"), ("d9", "đ"),
        ("uo7", "uơ"), ("a1", "á"), ("a2", "à"), ("a3", "ả"), ("a4", "ã"), ("a5", "ạ"), ("a10", "a"),
        ("o55", "o5"), ("a66", "a6"), ("d99", "d9"), ("o77", "o7"), ("a88", "a8"), ("a0", "a0"),
        ("o555", "o55"), ("vie6t5", "việt"), ("viet65", "việt"), ("viet56", "việt"), ("hoa2", "hòa"),
        ("hoa2ng", "hoàng"), ("khuyen61", "khuyến"), ("nguoi72", "người"), ("nguo7i2", "người"),
        ("quy1", "quý"), ("gi2", "gì"), ("giua74", "giữa"), ("D9o6", "Đô"), ("bac2", "bac2"),
        ("bac1", "bác"), ("thuy3", "thủy"), ("ngoai2", "ngoài"), ("khuyu3", "khuỷu"), ("Ha2 Giang 2", "Hà Giang 2"),
        ("thuo73", "thuở"), ("thuong7", "thương"), ("qua8", "quă"), ("xoa8n", "xoăn"), ("mua7", "mưa"),
    ])
    func traditional(keys: String, expected: String) {
        #expect(typed(keys, .vni) == VietText.nfc(expected))
    }

    @Test func modernPlacement() {
        #expect(typed("hoa2", .vni, .modern) == "hoà")
        #expect(typed("thuy3", .vni, .modern) == VietText.nfc("thuỷ"))
    }
}

@Suite struct EngineEditTests {
    @Test func editsAreRelativeToTheCaret() {
        var engine = VietTypingEngine(method: .telex)
        #expect(engine.feed("v") == TypingEdit(deleteCount: 0, insert: "v"))
        #expect(engine.feed("i") == TypingEdit(deleteCount: 0, insert: "i"))
        #expect(engine.feed("e") == TypingEdit(deleteCount: 0, insert: "e"))
        #expect(engine.feed("e") == TypingEdit(deleteCount: 1, insert: "ê"))
        #expect(engine.feed("t") == TypingEdit(deleteCount: 0, insert: "t"))
        #expect(engine.feed("j") == TypingEdit(deleteCount: 2, insert: "ệt"))
        #expect(engine.currentWord == "việt")
        #expect(engine.feed(" ") == TypingEdit(deleteCount: 0, insert: " "))
        #expect(engine.currentWord == "")
    }

    @Test func editsApplyInsideLongerText() {
        // The field already holds text before the word; edits only touch the word.
        var engine = VietTypingEngine(method: .telex, style: .traditional)
        var text = "Họ tên: "
        for key in "Nguyeenx Vawn Hoaf" { engine.feed(key).apply(to: &text) }
        #expect(text == "Họ tên: Nguyễn Văn Hòa")
    }

    @Test func backspaceDeletesOneCharacterAndKeepsComposing() {
        #expect(typed("vieetj\u{8}") == "việ")
        #expect(typed("vieetj\u{8}t") == "việt")
        #expect(typed("hoaf\u{8}") == "hò")              // tone stays on the o that carries it
        #expect(typed("hoaf\u{8}", .telex, .modern) == "ho") // the à went with its tone
        #expect(typed("toans\u{8}") == "tóa")            // re-placed by rule for "toa"
        #expect(typed("ab \u{8}\u{8}") == "a")
        #expect(typed("\u{8}") == "")
        #expect(typed("nguwowif\u{8}\u{8}") == "ngư")        // ờ took its tone with it
    }

    @Test func resumeContinuesTheWordBeforeTheCaret() {
        var engine = VietTypingEngine(method: .telex)
        var text = "Họ: Nguyên"
        engine.resume(after: text)
        #expect(engine.currentWord == "Nguyên")
        engine.feed("x").apply(to: &text)
        #expect(text == "Họ: Nguyễn")
        var other = VietTypingEngine(method: .telex)
        var field = "Thị Hoà"
        other.resume(after: field)
        #expect(other.currentWord == "Hoà")
        other.feed("n").apply(to: &field)
        #expect(field == "Thị Hoàn")
    }

    @Test func changingStyleMidWordKeepsTheFieldInStep() {
        var engine = VietTypingEngine(method: .telex, style: .traditional)
        var text = ""
        for key in "hoaf" { engine.feed(key).apply(to: &text) }
        #expect(text == "hòa")
        engine.style = .modern
        #expect(engine.currentWord == text)
        engine.feed("r").apply(to: &text)
        #expect(text == "hoả")
        #expect(engine.currentWord == text)
    }

    @Test func changingMethodEndsTheWord() {
        var engine = VietTypingEngine(method: .telex)
        _ = engine.feed("a")
        engine.method = .vni
        #expect(engine.currentWord == "")
        #expect(engine.feed("a") == TypingEdit(deleteCount: 0, insert: "a"))
    }
}
