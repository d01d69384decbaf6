extension Array {
    /// `count` copies of `element`, made by appending into reserved room.
    /// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
    /// go through the standard library's unspecialised allocator, which
    /// looks the storage type up in the runtime's metadata cache (a locked
    /// hash lookup): eight of them were a tenth of a whole-dossier pass. The
    /// growth path is specialised in the caller's module, where the type is
    /// known at compile time.
    @inline(__always)
    static func filled(_ element: Element, count: Int) -> [Element] {
        var a: [Element] = []
        a.reserveCapacity(count)
        for _ in 0..<count { a.append(element) }
        return a
    }
}
