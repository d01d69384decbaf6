extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place.
    /// `var copy = s; copy.withUTF8` retains and releases the storage (two
    /// atomic operations, on every answer of every dossier); a native string
    /// lends its bytes without either. Bridged or odd strings are copied.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }
}
