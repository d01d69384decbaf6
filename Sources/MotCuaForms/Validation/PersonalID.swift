/// What a 12-digit personal ID number (số định danh cá nhân, on the CCCD card) says of
/// its holder: digits 1–3 the province of birth registration, digit 4 century and sex
/// (0/1 = man/woman born 1900–1999, 2/3 = 2000–2099, … 8/9 = 2300–2399), digits 5–6 the
/// last two digits of the year of birth (Thông tư 07/2016/TT-BCA; /work/shared/data
/// cccd-province-codes.json). Forms compare these with the sex and year of birth given
/// (`cccd_sex`, `cccd_year`): "a man's code for a bride" is caught.
public struct PersonalID: Sendable, Equatable {
    public let birthYear: Int
    public let isFemale: Bool

    /// Nil unless the text is 12 digits (spaces, dots and dashes between groups allowed,
    /// as `Formats.cccd` takes them).
    public init?(_ text: String) {
        guard let d = Formats.groupedDigits(text), d.count == 12 else { return nil }
        func digit(_ k: Int) -> Int { Int(d[k]) - 48 }
        birthYear = 1900 + (digit(3) / 2) * 100 + digit(4) * 10 + digit(5)
        isFemale = digit(3) % 2 == 1
    }
}
