/// Why a shared list `@name` could not be used.
public struct ListLoadError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
