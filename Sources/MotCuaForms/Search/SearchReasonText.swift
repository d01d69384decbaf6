// The words a front end puts next to a row found by another name, from Locales/ so the
// kiosk and plain mode say it alike: "Tỉnh Tuyên Quang (trước đây: Hà Giang)".

extension SearchReason {
    /// "trước đây: Hà Giang", "còn gọi: Mèo", "tìm theo: giấy khai sinh".
    public func text(_ m: Messages) -> String {
        let key: String
        switch kind {
        case .former: key = "search.reason.former"
        case .keyword: key = "search.reason.keyword"
        case .otherLanguage: key = "search.reason.otherLanguage"
        case .alias, .label, .code, .detail: key = "search.reason.alias"
        }
        return m.text(key, ["name": text])
    }
}
