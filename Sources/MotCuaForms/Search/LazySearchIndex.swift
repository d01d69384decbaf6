// A SearchIndex folded the first time someone types: the kiosk's first screen lists the
// catalog in order and needs no index, so its start does not pay for folding every title
// and summary (most of the catalog's share of the start-up in `perf record`).
import Foundation

/// The rows to index, then their index once a query needs it; one build, whichever thread asks first.
// @unchecked Sendable: `rows` and `built` are read and written only while `lock` is held
// (in `index` and `isBuilt`), and `count` is a constant.
final class LazySearchIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [[SearchName]]
    private var built: SearchIndex?
    /// The number of rows, known without building.
    let count: Int

    init(_ rows: [[SearchName]]) {
        count = rows.count
        self.rows = rows
    }

    /// The index, built on first use.
    var index: SearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = SearchIndex(rows)
        built = index
        rows = []
        return index
    }

    /// Whether a query has needed the index yet.
    var isBuilt: Bool {
        lock.lock()
        defer { lock.unlock() }
        return built != nil
    }

    /// `SearchIndex.search`, without building the index for a query with no words (the
    /// whole list in order).
    func search(_ query: String, limit: Int = .max) -> [SearchHit] {
        if SearchText.query(query).isEmpty { return (0..<min(count, limit)).map { SearchHit(index: $0) } }
        return index.search(query, limit: limit)
    }
}
