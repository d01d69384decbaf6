// What a speech synthesiser is given, so that a listener hears what a reader
// sees: "15/07/2025" is a date, "001088012345" a string of digits, "50.000 đ"
// an amount, "UBND" the commune's People's Committee. Pure text in, text out.

/// The spoken form of Vietnamese text (see `text(_:)`), and its pieces.
public enum SpokenVietnamese {
    /// Abbreviations a form or a message may hold, as they are said. Matched as
    /// whole words, case as written.
    static let abbreviations: [String: String] = [
        "UBND": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân", "CCCD": "căn cước công dân",
        "CMND": "chứng minh nhân dân", "TP": "thành phố", "Tp": "thành phố", "TTHC": "thủ tục hành chính",
        "BHYT": "bảo hiểm y tế", "SĐT": "số điện thoại", "VNĐ": "đồng", "VND": "đồng", "đ": "đồng",
        "m²": "mét vuông", "m2": "mét vuông", "km": "ki lô mét", "kg": "ki lô gam", "TX": "thị xã",
        "GCN": "giấy chứng nhận", "THCS": "trung học cơ sở", "THPT": "trung học phổ thông",
        "v.v": "vân vân", "STT": "số thứ tự", "QR": "kiu a",
    ]

    /// Text as it should be spoken: NFC and one tone placement whatever came in;
    /// dates, identifiers, phone numbers, amounts and numbers in words;
    /// abbreviations expanded; punctuation that a synthesiser would read or
    /// ignore turned into pauses (commas and full stops).
    public static func text(_ input: String) -> String {
        let bytes = Array(prepared(input).utf8)
        do {
            var out = SpokenBuilder(capacity: bytes.count)
            var i = 0
            while i < bytes.count {
                let (c, size) = scalar(bytes, i)
                if c == "+", i + 1 < bytes.count, bytes[i + 1].isASCIIDigit {
                    let (end, spoken) = internationalPhone(bytes, from: i + 1)
                    out.word("cộng " + spoken)
                    i = end
                } else if c.isASCIIDigit {
                    let (end, spoken) = numberToken(bytes, from: i)
                    // "ngày 15/07/2025" and "tháng 07/2025" already say the date's first word.
                    var said = Substring(spoken)
                    for lead in ["ngày ", "tháng "] where said.hasPrefix(lead) && out.endsWithWord(String(lead.dropLast())) {
                        said = said.dropFirst(lead.count)
                    }
                    out.word(String(said))
                    i = end
                } else if c.isWordLetter {
                    var end = i + size, letters = 1
                    while end < bytes.count {
                        let (next, length) = scalar(bytes, end)
                        guard next.isWordLetter || next.isASCIIDigit || next == "²" else { break }
                        end += length
                        letters += 1
                    }
                    // "v.v." and "TP." carry their dot with them.
                    if letters == 1, c == "v", end + 2 < bytes.count, bytes[end] == 0x2E, bytes[end + 1] == 0x76 { end += 2; letters = 3 }
                    // Abbreviations are short and start with a capital or one of đ, m, k, v:
                    // other words need no lookup (hashing a String normalises it first).
                    let word = String(decoding: bytes[i..<end], as: UTF8.self)
                    let first = bytes[i]
                    if letters <= 4, (0x41...0x5A).contains(first) || [0xC4, 0x6D, 0x6B, 0x76].contains(first),
                       let spoken = abbreviations[word] {
                        out.word(spoken)
                        if end < bytes.count, bytes[end] == 0x2E, word == "TP" || word == "Tp" || word == "v.v" { end += 1 }
                    } else {
                        out.word(word)
                    }
                    i = end
                } else {
                    out.punctuation(c)
                    i += size
                }
            }
            return out.result
        }
    }

    /// The scalar whose UTF-8 starts at `i` of valid UTF-8 `bytes`, and its length.
    static func scalar(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// NFC and the traditional tone placement, each only when the text needs it
    /// (most texts are composed already and place no tone the modern way).
    static func prepared(_ input: String) -> String {
        var composed = true, modern = false
        var previous: Unicode.Scalar = " "
        for u in input.unicodeScalars {
            if (0x300...0x36F).contains(u.value) { composed = false; break }
            if previous == "o" || previous == "O" || previous == "u" || previous == "U", modernMarked.contains(u.value) { modern = true }
            previous = u
        }
        if !composed { return VietText.normalizeTonePlacement(VietText.nfc(input), style: .traditional) }
        return modern ? VietText.normalizeTonePlacement(input, style: .traditional) : input
    }

    /// The marked a, e and y that the modern style puts after o or u (hoà, khoẻ, thuỷ).
    static let modernMarked: Set<UInt32> = Set("àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ".unicodeScalars.map(\.value))

    /// An option list read with its numbers: ["Nam", "Nữ"] → "Một: Nam. Hai: Nữ."
    public static func options(_ labels: [String]) -> String {
        labels.enumerated().map { index, label in
            let n = number(UInt64(index + 1))
            return n.prefix(1).uppercased() + n.dropFirst() + ": " + text(label).trimmingTrailingStop + "."
        }.joined(separator: " ")
    }

    /// A date: day, month and year given → "ngày mười lăm tháng bảy năm hai nghìn …";
    /// without a day → "tháng … năm …"; a year alone → "năm …".
    public static func date(day: Int? = nil, month: Int? = nil, year: Int) -> String {
        var words: [String] = []
        if let day { words += ["ngày", number(UInt64(day))] }
        if let month { words += ["tháng", self.month(month)] }
        words += ["năm", number(UInt64(max(0, year)))]
        return words.joined(separator: " ")
    }

    // MARK: tokens

    /// A run starting with a digit: a date, a month, an identifier or phone number,
    /// a number with thousands dots and a decimal comma, or several numbers.
    static func numberToken(_ chars: [UInt8], from start: Int) -> (Int, String) {
        // The run: digits, and single separators . , / - between digits.
        var end = start
        while end < chars.count {
            if chars[end].isASCIIDigit { end += 1; continue }
            if [0x2E, 0x2C, 0x2F, 0x2D].contains(chars[end]), end + 1 < chars.count, chars[end + 1].isASCIIDigit, end > start { end += 1; continue }
            break
        }
        // A phone number written in groups with spaces ("0912 345 678").
        if chars[start] == 0x30 {
            var probe = end, digits = chars[start..<end].filter(\.isASCIIDigit).count
            while probe + 1 < chars.count, chars[probe] == 0x20, chars[probe + 1].isASCIIDigit {
                var next = probe + 1
                while next < chars.count, chars[next].isASCIIDigit { next += 1 }
                digits += next - probe - 1
                probe = next
            }
            if probe > end, digits == 10 || digits == 11 {
                return (probe, self.digits(String(decoding: chars[start..<probe], as: UTF8.self), groups: digitGroups(count: digits)))
            }
        }
        let token = String(decoding: chars[start..<end], as: UTF8.self)
        // A phone number written with dots or dashes ("0912.345.678").
        let digitCount = token.filter(\.isASCIIDigit).count
        if token.first == "0", digitCount == 10 || digitCount == 11, token.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }) {
            return (end, digits(token, groups: digitGroups(count: digitCount)))
        }
        return (end, spokenNumber(token))
    }

    static func spokenNumber(_ token: String) -> String {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
           parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4, (1...31).contains(d), (1...12).contains(m) {
            return date(day: d, month: m, year: y)
        }
        if parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]), parts[0].count <= 2, parts[1].count == 4, (1...12).contains(m) {
            return date(month: m, year: y)
        }
        if token.allSatisfy(\.isASCIIDigit) {
            if token.count > 1 && token.first == "0" || token.count >= 9 {
                return digits(token, groups: digitGroups(count: token.count))
            }
            return number(UInt64(token) ?? 0)
        }
        // 1.500.000 and 25,5: thousands dots, one decimal comma.
        let commaSplit = token.split(separator: ",", omittingEmptySubsequences: false)
        if commaSplit.count <= 2, let whole = thousands(commaSplit[0]) {
            guard commaSplit.count == 2 else { return whole }
            let fraction = commaSplit[1]
            guard fraction.allSatisfy(\.isASCIIDigit) else { return whole }
            let spokenFraction = fraction.first == "0" || fraction.count > 3
                ? digits(fraction, groups: [fraction.count]) : number(UInt64(fraction) ?? 0)
            return whole + " phẩy " + spokenFraction
        }
        // Anything else (12-34, 1.2.3): each number on its own.
        return token.split(whereSeparator: { !$0.isASCIIDigit }).map { spokenNumber(String($0)) }.joined(separator: ", ")
    }

    /// "1.500.000" → its words; nil unless the dots fall every three digits.
    static func thousands(_ s: Substring) -> String? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count == 1, first.count > 1, first.first == "0" { return digits(first, groups: [first.count]) }
        let joined = groups.joined()
        guard joined.count <= 19, let n = UInt64(joined) else { return digits(joined, groups: [3]) }
        return number(n)
    }

    /// "+84 912 345 678": the country code, then the number in groups.
    static func internationalPhone(_ chars: [UInt8], from start: Int) -> (Int, String) {
        var end = start
        var digitsSeen = ""
        while end < chars.count {
            if chars[end].isASCIIDigit { digitsSeen.unicodeScalars.append(Unicode.Scalar(chars[end])); end += 1; continue }
            if [0x20, 0x2E, 0x2D].contains(chars[end]), end + 1 < chars.count, chars[end + 1].isASCIIDigit { end += 1; continue }
            break
        }
        let all = digitsSeen
        let code = all.hasPrefix("84") ? "84" : String(all.prefix(2))
        let rest = all.dropFirst(code.count)
        let spokenCode = code == "84" ? "tám tư" : digits(code, groups: [code.count])
        return (end, rest.isEmpty ? spokenCode : spokenCode + ", " + digits(rest, groups: [3]))
    }
}

/// Collects spoken words and pauses, one space between words, no pause doubled.
struct SpokenBuilder {
    private(set) var result = ""

    init(capacity: Int) { result.reserveCapacity(capacity + capacity / 2) }

    mutating func word(_ w: String) {
        guard !w.isEmpty else { return }
        if let last = result.utf8.last, last != 0x20 { result.append(" ") }
        result += w
    }

    /// Whether the last word said is `w`, whatever its case.
    func endsWithWord(_ w: String) -> Bool {
        let trimmed = result.hasSuffix(" ") ? result.dropLast() : Substring(result)
        guard trimmed.lowercased().hasSuffix(w) else { return false }
        let before = trimmed.dropLast(w.count)
        return before.isEmpty || before.last == " "
    }

    mutating func punctuation(_ c: Unicode.Scalar) {
        switch c {
        case " ":
            if let last = result.utf8.last, last != 0x20 { result.append(" ") }
        case ".", "!", "?", ";", "…", "\n", "\r", "\u{2028}":
            pause(".")
        case ",", ":", "/", "(", ")", "[", "]", "–", "—", "-", "|", "\t":
            pause(",")
        case "%":
            word("phần trăm")
        default:
            // White space separates words; quotes, bullets, stars and other marks are not read.
            if c.properties.isWhitespace, let last = result.utf8.last, last != 0x20 { result.append(" ") }
        }
    }

    /// A pause after the last word; a full stop wins over a comma.
    private mutating func pause(_ mark: Character) {
        while result.utf8.last == 0x20 { result.removeLast() }
        guard let last = result.last else { return }
        if last == "." { return }
        if last == "," { if mark == "." { result.removeLast(); result.append(".") }; return }
        result.append(mark)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter of a word: ASCII letters, the Latin letters Vietnamese uses (a cheap
    /// range test), combining marks, and any other alphabetic scalar.
    var isWordLetter: Bool {
        let v = value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if (0xC0...0x24F).contains(v) { return v != 0xD7 && v != 0xF7 }
        if (0x1E00...0x1EFF).contains(v) || (0x300...0x36F).contains(v) { return true }
        return properties.isAlphabetic
    }
}

extension String {
    var trimmingTrailingStop: String {
        var s = self
        while s.last == "." || s.last == " " { s.removeLast() }
        return s
    }
}
