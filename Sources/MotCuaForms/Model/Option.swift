/// One answer of a choice: a stored value, a label, and string attributes a
/// `filter` can read (`option.province`).
public struct Option: Sendable, Equatable {
    public let value: String
    public let label: LocalizedText
    public let attributes: [String: String]

    public init(value: String, label: LocalizedText, attributes: [String: String] = [:]) {
        self.value = value; self.label = label; self.attributes = attributes
    }
}
