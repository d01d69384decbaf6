// The home screen's procedure search: the catalog's one index, turned into the rows the
// home screen lists, each saying why it matched when that was not its title.
import MotCuaForms

extension Catalog {
    /// The procedures matching `query`, best first, as home lists them.
    public func procedureItems(_ query: String, language: String, messages: Messages, limit: Int = 200) -> [ProcedureItem] {
        hits(query, limit: limit).map { hit in
            let e = entries[hit.index]
            var item = ProcedureItem(id: e.id, title: e.title(language), code: e.code, summary: e.summary(language),
                                     reason: hit.reason.map { $0.text(messages) })
            item.rank = hit.rank
            return item
        }
    }
}

extension ProcedureItem {
    /// Two searches as one list, each procedure once at its best rank (see `SearchHit.merged`).
    static func merged(_ a: [ProcedureItem], _ b: [ProcedureItem]) -> [ProcedureItem] {
        var best: [String: ProcedureItem] = [:]
        for item in a + b where best[item.id].map({ item.rank < $0.rank }) ?? true { best[item.id] = item }
        return best.values.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
    }
}
