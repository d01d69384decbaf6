// Numbers as a Vietnamese listener expects to hear them. The rules (Northern
// usage, the one espeak-ng's `vi` voice speaks):
// - tens: "mười" for 10–19, "<digit> mươi" from 20;
// - units after a ten: 1 is "mốt" from 21 on (11 stays "mười một"), 4 is "tư"
//   from 24 on (14 stays "mười bốn"), 5 is "lăm" after any ten (15, 25);
// - a zero ten before a unit is "linh" (105 "một trăm linh năm");
// - a group of three below a higher group is read whole, "không trăm" included
//   (1.005 "một nghìn không trăm linh năm");
// - groups: nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ.

extension SpokenVietnamese {
    static let digitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
    static let groupWords = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"]

    /// A whole number in words: 21 → "hai mươi mốt", 1_005_000 → "một triệu không trăm linh năm nghìn".
    public static func number(_ n: UInt64) -> String {
        if n == 0 { return "không" }
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(Int(rest % 1000)); rest /= 1000 }
        var words: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] != 0 {
            let isHighest = index == groups.count - 1
            words.append(threeDigits(groups[index], whole: !isHighest))
            if index > 0 { words.append(groupWords[index]) }
        }
        return words.joined(separator: " ")
    }

    /// One group of three digits; `whole` when a higher group stands before it, so
    /// that its hundreds and a zero ten are said ("không trăm", "linh").
    static func threeDigits(_ value: Int, whole: Bool) -> String {
        let h = value / 100, t = value / 10 % 10, u = value % 10
        var words: [String] = []
        if h > 0 || whole { words += [digitWords[h], "trăm"] }
        switch t {
        case 0:
            if u > 0 {
                if !words.isEmpty { words.append("linh") }
                words.append(digitWords[u])
            }
        case 1:
            words.append("mười")
            if u == 5 { words.append("lăm") } else if u > 0 { words.append(digitWords[u]) }
        default:
            words += [digitWords[t], "mươi"]
            switch u {
            case 0: break
            case 1: words.append("mốt")
            case 4: words.append("tư")
            case 5: words.append("lăm")
            default: words.append(digitWords[u])
            }
        }
        return words.joined(separator: " ")
    }

    /// Digits one by one in groups separated by a pause: "0912345678" with [4, 3, 3]
    /// → "không chín một hai, ba bốn năm, sáu bảy tám". Non-digits are skipped.
    public static func digits<S: StringProtocol>(_ text: S, groups: [Int]) -> String {
        let ds = text.unicodeScalars.compactMap { $0.value >= 48 && $0.value <= 57 ? Int($0.value - 48) : nil }
        var out: [String] = []
        var start = 0
        var sizes = groups.isEmpty ? [3] : groups
        while start < ds.count {
            let size = sizes.count > 1 ? sizes.removeFirst() : sizes[0]
            let end = min(ds.count, start + max(1, size))
            out.append(ds[start..<end].map { digitWords[$0] }.joined(separator: " "))
            start = end
        }
        return out.joined(separator: ", ")
    }

    /// How the digits of an identifier are grouped for a listener: a phone number
    /// of 10 as 4-3-3 (0912 345 678), a căn cước number of 12 as 3-3-3-3, a short
    /// code (02545) in one breath, else by three.
    static func digitGroups(count: Int) -> [Int] {
        switch count {
        case ...6: return [count]
        case 10: return [4, 3, 3]
        case 11: return [4, 3, 4]
        default: return [3]
        }
    }

    /// Month names as said in dates: "tháng tư" for April.
    static func month(_ m: Int) -> String { m == 4 ? "tư" : number(UInt64(m)) }
}
