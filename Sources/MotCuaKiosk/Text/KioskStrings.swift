// The few words the terminal layer itself shows (widget chrome, the "enlarge the window"
// screen). Everything about a form comes from the form; interview wording comes from the
// app. Kept as a value so a screen can switch language without global state.

/// Widget and layout wording in one language.
public struct KioskStrings: Hashable, Sendable {
    public var yes: String
    public var no: String
    /// Letters that pick "yes"/"no" in a boolean field (folded, lower case).
    public var yesKeys: Set<Character>
    public var noKeys: Set<Character>
    public var search: String
    public var noMatches: String
    /// The first row of an optional choice: no answer.
    public var leaveBlank = ""
    public var digitsOnly: String
    public var enlargeTitle: String
    /// Format with {width}, {height}, {minWidth}, {minHeight}.
    public var enlargeBody: String
    /// Format with {step} and {total}.
    public var stepFormat: String
    /// Placeholders for a date typed as DD/MM/YYYY, MM/YYYY and YYYY.
    public var dayPlaceholder: String
    public var monthPlaceholder: String
    public var yearPlaceholder: String

    public static let vi = KioskStrings(
        yes: "Có", no: "Không", yesKeys: ["c", "y"], noKeys: ["k", "n"],
        search: "Tìm:", noMatches: "Không có lựa chọn nào khớp.", leaveBlank: "(Để trống, không chọn)",
        digitsOnly: "Ô này chỉ nhận chữ số.",
        enlargeTitle: "Cửa sổ quá nhỏ",
        enlargeBody: "Xin phóng to cửa sổ lên ít nhất {minWidth}×{minHeight} (hiện tại {width}×{height}). Nhấn F10 (Ctrl-X) để lưu hồ sơ đang làm và thoát.",
        stepFormat: "Bước {step}/{total}",
        dayPlaceholder: "nn/tt/nnnn", monthPlaceholder: "tt/nnnn", yearPlaceholder: "nnnn")

    public static let en = KioskStrings(
        yes: "Yes", no: "No", yesKeys: ["y"], noKeys: ["n"],
        search: "Find:", noMatches: "No option matches.", leaveBlank: "(Leave blank)",
        digitsOnly: "This box takes digits only.",
        enlargeTitle: "Window too small",
        enlargeBody: "Please enlarge the window to at least {minWidth}×{minHeight} (now {width}×{height}). Press F10 (Ctrl-X) to save the draft and quit.",
        stepFormat: "Step {step}/{total}",
        dayPlaceholder: "dd/mm/yyyy", monthPlaceholder: "mm/yyyy", yearPlaceholder: "yyyy")

    /// "Bước 3/17".
    public func step(_ step: Int, of total: Int) -> String {
        KioskStrings.fill(stepFormat, ["step": String(step), "total": String(total)])
    }

    /// Replaces `{name}` placeholders.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        var out = format
        for (name, value) in values { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
        return out
    }
}
