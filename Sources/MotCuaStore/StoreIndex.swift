import Foundation
import MotCuaText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The core store's index: by dossier id, receipt code, personal ID number,
/// and a folded search text (names with diacritics and case removed). It is
/// derived data: rebuilt from store.log whenever its snapshot is missing,
/// damaged or describes another log.
struct StoreIndex {
    struct Entry: Sendable {
        var id: String
        var receipt: String
        var formID: String
        var formVersion: String
        var contentHash: Digest
        /// Offset of the dossier's record in store.log.
        var offset: UInt64
        var deliveredAt: Int64
        var names: [String]
        var personalIDs: [String]
        /// Phone numbers as digits (`phoneDigits`), first the applicant's.
        var phones: [String] = []
        /// When the citizen submitted (what `dossiers list` shows).
        var submittedAt: Int64 = 0
        /// A correction or supplement: the version it replaces, its chain's first id, its number.
        var supersedes: String?
        var first: String?
        var version = 1
        /// The chain's id: the first version's (holders of one receipt code in one chain are no conflict).
        var chain: String { first ?? id }
    }

    private(set) var entries: [Entry] = []
    private(set) var byID: [String: Int] = [:]
    private(set) var byReceipt: [String: Int] = [:]
    /// A stored version's id → the stored version that replaced it.
    private(set) var successors: [String: String] = [:]
    /// Receipt codes held by more than one stored dossier (data from before
    /// receipts were checked at import and delivery; verify reports them):
    /// every holder, oldest first. Empty in a sound store.
    private(set) var sharedReceipts: [String: [Int]] = [:]
    /// Built on first use (`lookup(personalID:)`): most opens never need it,
    /// and 200,000 keyed arrays cost a large share of loading the index.
    private var byPersonalID: [String: [Int]]?
    /// Conflicting deliveries kept aside: content hashes per dossier id.
    private(set) var conflicts: [String: Set<Digest>] = [:]
    private(set) var conflictCount = 0
    /// All entries' folded search keys, each preceded by 0x01; `starts[i]` is
    /// where entry i's key begins. One flat buffer so a search is a few
    /// `memmem` passes over a few megabytes.
    private(set) var searchText: [UInt8] = []
    private(set) var starts: [Int] = []
    var words = NameWordIndex()
    var codes = CodeWordIndex()

    /// Changes when VietText.fold changes behaviour, which makes old
    /// snapshots (holding folded keys) stale.
    static let foldFingerprint = VietText.fold("Đặng THỊ  Ánh-Nguyệt Ỷ ưƠ 12")

    /// Folded names, ID numbers, phones (digits) and the receipt code, space-separated.
    static func searchKey(names: [String], personalIDs: [String], phones: [String] = [], receipt: String) -> [UInt8] {
        Array((names.map(VietText.fold) + personalIDs + phones.map(phoneDigits) + [receipt.lowercased()]).joined(separator: " ").utf8)
    }

    /// A phone number as the digits a desk types: separators dropped, the
    /// country code +84 / 84 written as the leading 0 ("+84 912 345 678" → "0912345678").
    static func phoneDigits(_ phone: String) -> String {
        var digits = String(phone.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 })
        if phone.trimmingCharacters(in: .whitespaces).hasPrefix("+84") || (digits.hasPrefix("84") && digits.count == 11) {
            digits = "0" + digits.dropFirst(2)
        }
        return digits
    }

    /// The query with digit groups joined ("0912 345 678", "0912.345.678" →
    /// "0912345678") and +84 written as 0, so a phone typed any way is one word.
    static func normalizedQuery(_ query: String) -> String {
        var out: [Character] = []
        let chars = Array(query)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            // Only a run starting a word: "hd01-261127-0001" is a receipt code, not a phone.
            if c == "+" || c.isASCII && c.isNumber, i == 0 || chars[i - 1].isWhitespace {
                // A run of digits, spaces, dots, dashes and parentheses starting with a digit or '+'.
                var j = i
                var run = ""
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || " .-()+".contains(chars[j]) {
                    run.append(chars[j]); j += 1
                }
                let digitCount = run.filter(\.isNumber).count
                if digitCount >= 9, run.filter({ $0 == " " }).count > 0 || run.hasPrefix("+") || run.contains(".") || run.contains("-") {
                    out += Array(phoneDigits(run)) + [" "]
                    i = j
                    continue
                }
                if c == "+", let n = chars.dropFirst(i + 1).first, n.isNumber { i += 1; continue }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    mutating func add(_ e: Entry, key: [UInt8]? = nil) {
        let i = entries.count
        entries.append(e)
        byID[e.id] = i
        noteReceipt(e.receipt, i)
        if let old = e.supersedes { successors[old] = e.id }
        if var map = byPersonalID {
            byPersonalID = nil  // one owner while appending, no copy
            for pid in e.personalIDs { map[pid, default: []].append(i) }
            byPersonalID = map
        }
        starts.append(searchText.count)
        searchText.append(0x01)
        searchText += key ?? StoreIndex.searchKey(names: e.names, personalIDs: e.personalIDs, phones: e.phones, receipt: e.receipt)
    }

    private mutating func noteReceipt(_ receipt: String, _ i: Int) {
        if let first = byReceipt[receipt] {
            sharedReceipts[receipt, default: [first]].append(i)
        } else {
            byReceipt[receipt] = i
        }
    }

    /// Stored entries holding receipt code `receipt`.
    func entries(receipt: String) -> [Entry] {
        let key = receipt.uppercased()
        if let all = sharedReceipts[key] { return all.map { entries[$0] } }
        return byReceipt[key].map { [entries[$0]] } ?? []
    }

    /// The id of a stored dossier other than `id` holding `receipt`, if any:
    /// what delivery and import ask before accepting a dossier (F6).
    func receiptHolder(_ receipt: String, other id: String, chain: String) -> String? {
        entries(receipt: receipt).first { $0.id != id && $0.chain != chain }?.id
    }

    mutating func addConflict(id: String, hash: Digest) {
        if conflicts[id, default: []].insert(hash).inserted { conflictCount += 1 }
    }

    /// Entries holding personal ID number `number`, exactly.
    mutating func lookup(personalID number: String) -> [Int] {
        if byPersonalID == nil {
            var map: [String: [Int]] = [:]
            for (i, e) in entries.enumerated() { for pid in e.personalIDs { map[pid, default: []].append(i) } }
            byPersonalID = map
            return map[number] ?? []
        }
        return byPersonalID?[number] ?? []
    }

    func entry(id: String) -> Entry? { byID[id].map { entries[$0] } }

    /// The entry with this id, else the one holding this receipt code;
    /// throws when several hold it (never picks one silently).
    func entry(_ idOrReceipt: String) throws -> Entry? {
        if let i = byID[idOrReceipt] { return entries[i] }
        return try ReceiptChains.latest(entries(receipt: idOrReceipt), receipt: idOrReceipt, id: \.id, chain: \.chain, version: \.version)
    }

    /// Entries whose key has every word of `query` (folded) at the start of
    /// one of its words: "nguyen an" finds "Nguyễn Văn An"; an ID number or
    /// receipt code (or their beginnings) finds its dossier. Name words go
    /// through the word index, words with digits through the code index.
    mutating func search(_ query: String) -> [Int] {
        let tokens = StoreIndex.tokens(query)
        guard !tokens.isEmpty, !entries.isEmpty else { return [] }
        extendWordIndexes()
        var hits = [UInt16](repeating: 0, count: entries.count)
        for (t, token) in tokens.enumerated() {
            let round = UInt16(t)
            if NameWordIndex.isNameWord(token) {
                words.forEachPosting(prefix: token) { _, list in
                    for e in list where hits[Int(e)] == round { hits[Int(e)] = round + 1 }
                }
            } else {
                codes.forEach(prefix: token, text: searchText) { e, _ in
                    if hits[e] == round { hits[e] = round + 1 }
                }
            }
        }
        let need = UInt16(tokens.count)
        return hits.indices.filter { hits[$0] == need }
    }

    /// The folded words of a query, phones joined; control bytes (the 0x01
    /// separator among them) can never be part of a word searched for.
    static func tokens(_ query: String) -> [[UInt8]] {
        let cleaned = VietText.fold(StoreIndex.normalizedQuery(query)).utf8.map { $0 < 0x20 ? 0x20 : $0 }
        return cleaned.split(separator: 0x20).map(Array.init)
    }

    /// Brings the name and code indexes up to the entries (built on the first search).
    mutating func extendWordIndexes() {
        words.extend(text: searchText, starts: starts)
        codes.extend(text: searchText, starts: starts)
    }

    /// The first occurrence of `needle` in `hay` at or after `from`: memchr
    /// finds candidates for the first byte, memcmp checks the rest. (Glibc's
    /// memmem is not visible to Swift without _GNU_SOURCE.)
    static func find(_ needle: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        let n = needle.count
        guard n > 0 else { return nil }
        let first = Int32(needle[0])
        var p = from
        while p + n <= hay.count {
            guard let hit = memchr(hay.baseAddress! + p, first, hay.count - n + 1 - p) else { return nil }
            let at = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
            if n == 1 || memcmp(hay.baseAddress! + at + 1, needle.baseAddress! + 1, n - 1) == 0 { return at }
            p = at + 1
        }
        return nil
    }

    /// The entry whose key contains byte `offset` (binary search in `starts`).
    func owner(of offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    // MARK: snapshot

    /// 3: entries hold phones (in the search text too) and the submission
    /// time; a kind-2 snapshot is rebuilt from store.log.
    /// 4: each entry's link (issue 16); older snapshots are rebuilt from store.log.
    static let snapshotKind: UInt8 = 4

    /// Entries with form id and version as indexes into a table of the few
    /// distinct forms, then the search text and its offsets in bulk.
    func encode() -> ByteWriter {
        var w = ByteWriter()
        w.string(StoreIndex.foldFingerprint)
        var forms: [String: UInt32] = [:]
        var table: [(String, String)] = []
        for e in entries where forms[e.formID + "\u{0}" + e.formVersion] == nil {
            forms[e.formID + "\u{0}" + e.formVersion] = UInt32(table.count)
            table.append((e.formID, e.formVersion))
        }
        w.u32(UInt32(table.count))
        for (id, version) in table { w.string(id); w.string(version) }
        w.u32(UInt32(entries.count))
        for e in entries {
            w.string(e.id); w.string(e.receipt); w.u32(forms[e.formID + "\u{0}" + e.formVersion]!)
            w.digest(e.contentHash); w.u64(e.offset); w.i64(e.deliveredAt)
            w.strings(e.names); w.strings(e.personalIDs); w.strings(e.phones); w.i64(e.submittedAt)
            w.optionalString(e.supersedes); w.optionalString(e.first); w.int(e.version)
        }
        w.u64(UInt64(searchText.count))
        w.bytes += searchText
        for s in starts { w.u32(UInt32(s)) }
        w.u32(UInt32(conflicts.count))
        for (id, hashes) in conflicts.sorted(by: { $0.key < $1.key }) {
            w.string(id)
            w.u32(UInt32(hashes.count))
            for h in hashes.sorted(by: { $0.hex < $1.hex }) { w.digest(h) }
        }
        return w
    }

    static func decode(_ r: inout ByteReader) throws -> StoreIndex {
        guard try r.string() == foldFingerprint else { throw ByteReader.Overrun() }
        var index = StoreIndex()
        var table: [(String, String)] = []
        for _ in 0..<Int(try r.u32()) { table.append((try r.string(), try r.string())) }
        let n = Int(try r.u32())
        guard n <= r.end - r.p else { throw ByteReader.Overrun() }
        index.entries.reserveCapacity(n)
        index.byID.reserveCapacity(n)
        index.byReceipt.reserveCapacity(n)
        for i in 0..<n {
            let id = try r.string(), receipt = try r.string()
            let form = Int(try r.u32())
            guard form < table.count else { throw ByteReader.Overrun() }
            index.entries.append(Entry(id: id, receipt: receipt, formID: table[form].0, formVersion: table[form].1,
                                       contentHash: try r.digest(), offset: try r.u64(), deliveredAt: try r.i64(),
                                       names: try r.strings(), personalIDs: try r.strings(), phones: try r.strings(), submittedAt: try r.i64(),
                                       supersedes: try r.optionalString(), first: try r.optionalString(), version: try r.int()))
            if let old = index.entries[i].supersedes { index.successors[old] = id }
            index.byID[id] = i
            index.noteReceipt(receipt, i)
        }
        let textCount = Int(try r.u64())
        index.searchText = Array(try r.raw(textCount))
        index.starts.reserveCapacity(n)
        for _ in 0..<n {
            let start = Int(try r.u32())
            guard start < textCount, index.searchText[start] == 0x01 else { throw ByteReader.Overrun() }
            index.starts.append(start)
        }
        for _ in 0..<Int(try r.u32()) {
            let id = try r.string()
            for _ in 0..<Int(try r.u32()) { index.addConflict(id: id, hash: try r.digest()) }
        }
        return index
    }
}
