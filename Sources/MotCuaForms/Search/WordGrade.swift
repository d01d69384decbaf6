// How well one typed word matches one word of the index. The grades order the results:
// the whole word, then the start of a word, then inside a word, then within one typo.

/// How a query word met an index word; lower is better. `none` is no match.
enum WordGrade {
    static let whole: UInt8 = 0
    static let start: UInt8 = 1
    static let inside: UInt8 = 2
    static let typo: UInt8 = 3
    /// Only a type word ("Xã", "Thành phố") matched: listed, last.
    static let typeWord: UInt8 = 4
    static let none: UInt8 = 255

    /// Typos are forgiven from this many letters on: shorter words have too many neighbours.
    static let typoMinimum = 4

    /// A plain word of a name.
    @inline(__always)
    static func word(_ q: UnsafeBufferPointer<UInt8>, _ w: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let p = commonPrefix(q, w)
        if p == q.count { return p == w.count ? whole : start }
        if q.count >= 2 && contains(w, q) { return inside }
        if q.count >= typoMinimum && p >= 1 && oneEdit(q, w, from: p) { return typo }
        return none
    }

    /// A joined run of words ("nahang" for "Na Hang") or their initials ("hcm"): the
    /// query must start it.
    @inline(__always)
    static func joined(_ q: UnsafeBufferPointer<UInt8>, _ w: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let p = commonPrefix(q, w)
        return p == q.count ? (p == w.count ? whole : start) : none
    }

    @inline(__always)
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[i] == b[i] { i += 1 }
        return i
    }

    static func contains(_ w: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        guard q.count <= w.count, let first = q.first else { return false }
        var i = 1
        while i + q.count <= w.count {
            if w[i] == first {
                var k = 1
                while k < q.count && w[i + k] == q[k] { k += 1 }
                if k == q.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `q` is one substitution, insertion, deletion or swap of neighbours away
    /// from `w` or from a start of `w` (the word may still be being typed); they agree on
    /// their first `p` bytes and differ at byte `p`.
    static func oneEdit(_ q: UnsafeBufferPointer<UInt8>, _ w: UnsafeBufferPointer<UInt8>, from p: Int) -> Bool {
        func rest(_ a: Int, _ b: Int) -> Bool {  // q[a...] starts w[b...]
            guard q.count - a <= w.count - b else { return false }
            var a = a, b = b
            while a < q.count {
                if q[a] != w[b] { return false }
                a += 1; b += 1
            }
            return true
        }
        if rest(p + 1, p + 1) || rest(p + 1, p) || rest(p, p + 1) { return true }
        return p + 1 < q.count && p + 1 < w.count && q[p] == w[p + 1] && q[p + 1] == w[p] && rest(p + 2, p + 2)
    }
}
