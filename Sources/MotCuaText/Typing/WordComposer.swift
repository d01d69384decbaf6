// The word being typed: its letters, its tone, and which keys were undone. Every key is an
// action on this state; the engine renders the state before and after and hands the UI the
// difference. Rules follow shared/notes/vietnamese-text.md and, for the edge cases, Unikey
// (UkEngine::processHook / getTonePosition) and bamboo-core (findToneTarget).

struct WordComposer: Sendable {
    private(set) var letters: [Letter] = []
    private(set) var tone: Tone = .level
    /// The letter the tone is drawn on; recomputed by rule after every change.
    private(set) var toneIndex: Int?
    /// Keys (lower case) that undid their own effect in this word: pressed again they are
    /// typed literally, so "asss" gives "ass" rather than flipping the tone on and off.
    private var undone: Set<Character> = []

    var isEmpty: Bool { letters.isEmpty }

    /// The word as it should appear, in NFC.
    func rendered() -> String {
        var out = ""
        for (i, letter) in letters.enumerated() {
            out.append(letter.rendered(tone: i == toneIndex ? tone : .level))
        }
        return out
    }

    /// Applies `action` for `key`. Returns false when the key was not taken into the word
    /// (a VNI digit that did nothing, or did an undo): the caller then types it literally
    /// and the word ends.
    mutating func apply(_ action: KeyAction, key: Character, style: TonePlacementStyle) -> Bool {
        guard let k = key.lowercased().first else { return false }
        if undone.contains(k) { return appendLiteral(key, style: style) }
        switch action {
        case .letter:
            return appendLiteral(key, style: style)
        case .tone(let t):
            return applyTone(t, key: key, style: style)
        case .roof(let target):
            return applyRoof(target, key: key, style: style)
        case .hook(let kind):
            return applyHook(kind, key: key, style: style)
        case .stroke:
            return applyStroke(key: key, style: style)
        }
    }

    /// Deletes the last letter (with the tone, if it carried it); false when empty. A word
    /// erased to nothing starts afresh: keys undone in it ("Hoaff") type normally again.
    mutating func deleteLast(style: TonePlacementStyle) -> Bool {
        guard !letters.isEmpty else { return false }
        if toneIndex == letters.count - 1 { tone = .level }
        letters.removeLast()
        if letters.isEmpty { self = WordComposer(); return true }
        refreshTone(style: style)
        return true
    }

    /// Initials after which "uơ" ends a word as written (thuở, huơ, khuơ, uơ); elsewhere
    /// "uow" gives ươ (ngươi, trương).
    static let uơInitials: Set<String> = ["th", "h", "kh", ""]

    /// Loads a word already in the text field (e.g. after the caret moved back into it),
    /// exactly as it is written. Returns false, leaving the composer empty, when the
    /// text does not end in letters the engine can continue.
    mutating func load(_ word: [Character]) -> Bool {
        self = WordComposer()
        for c in word {
            guard let (letter, t) = Letter.parse(c) else { self = WordComposer(); return false }
            if t != .level {
                if tone != .level { self = WordComposer(); return false }
                tone = t
                toneIndex = letters.count
            }
            letters.append(letter)
        }
        return true
    }

    /// Re-places the tone by rule (used after every change and when the style changes).
    mutating func refreshTone(style: TonePlacementStyle) {
        guard tone != .level else { toneIndex = nil; return }
        if let parts = Syllable.parse(letters), let index = Syllable.toneIndex(letters, parts, style: style) {
            toneIndex = index
        } else if let old = toneIndex, old < letters.count, letters[old].isVowel {
            // Not a Vietnamese syllable any more (a literal letter was added): leave the
            // tone where it was rather than guess.
        } else {
            tone = .level
            toneIndex = nil
        }
    }

    // MARK: - Actions

    private mutating func appendLiteral(_ key: Character, style: TonePlacementStyle) -> Bool {
        guard let letter = Letter(ascii: key) else { return false }
        letters.append(letter)
        // "uơ" is only a word on its own (thuở, huơ); anything after it means ươ (thương).
        let n = letters.count
        if n >= 3, letters[n - 3].base == "u", letters[n - 3].mark == .none,
           letters[n - 2].base == "o", letters[n - 2].mark == .hook {
            letters[n - 3].mark = .hook
        }
        refreshTone(style: style)
        return true
    }

    /// Marks `key` as undone in this word and types it literally.
    private mutating func undo(_ key: Character, style: TonePlacementStyle) -> Bool {
        if let k = key.lowercased().first { undone.insert(k) }
        refreshTone(style: style)
        return appendLiteral(key, style: style)
    }

    private mutating func applyTone(_ t: Tone, key: Character, style: TonePlacementStyle) -> Bool {
        guard let parts = Syllable.parse(letters), !parts.vowels.isEmpty else {
            return appendLiteral(key, style: style)
        }
        if t == .level {
            guard tone != .level else { return appendLiteral(key, style: style) }
            tone = .level
            toneIndex = nil
            return true
        }
        if tone == t {
            tone = .level
            return undo(key, style: style)
        }
        // After c, ch, p, t only sắc and nặng exist; any other tone key is a letter.
        if Syllable.stopFinals.contains(Syllable.finalText(letters, parts)) && t != .acute && t != .dot {
            return appendLiteral(key, style: style)
        }
        tone = t
        refreshTone(style: style)
        return true
    }

    private mutating func applyRoof(_ target: Character?, key: Character, style: TonePlacementStyle) -> Bool {
        guard let parts = Syllable.parse(letters), !parts.vowels.isEmpty else {
            return appendLiteral(key, style: style)
        }
        let bases: Set<Character> = target.map { [$0] } ?? ["a", "e", "o"]
        for i in parts.vowels.reversed() where bases.contains(letters[i].base) && letters[i].mark != .roof {
            var trial = letters
            trial[i].mark = .roof
            // ươ + o → uô (Unikey does the same): the u loses its hook with the o.
            if trial[i].base == "o", i > parts.vowels.lowerBound, trial[i - 1].base == "u" {
                trial[i - 1].mark = .none
            }
            if isValid(trial) { return commit(trial, style: style) }
        }
        let roofed = parts.vowels.filter { letters[$0].mark == .roof && bases.contains(letters[$0].base) }
        guard !roofed.isEmpty else { return appendLiteral(key, style: style) }
        for i in roofed { letters[i].mark = .none }
        return undo(key, style: style)
    }

    private mutating func applyHook(_ kind: HookKind, key: Character, style: TonePlacementStyle) -> Bool {
        guard let parts = Syllable.parse(letters) else { return appendLiteral(key, style: style) }
        let v = parts.vowels
        if kind != .breveOnly, let k = v.dropLast().first(where: { letters[$0].base == "u" && letters[$0 + 1].base == "o" }),
           !(letters[k].mark == .hook && letters[k + 1].mark == .hook) {
            var trial = letters
            let initial = String(letters[parts.initial].map(\.base))
            if letters[k].mark == .none && letters[k + 1].mark != .hook && v.count == 2
                && parts.final.isEmpty && WordComposer.uơInitials.contains(initial) {
                trial[k + 1].mark = .hook  // thuở, huơ, khuơ, uơ: "uơ" ending a word (ươ once a letter follows)
            } else {
                trial[k].mark = .hook      // uo, uô, uơ, ưo → ươ
                trial[k + 1].mark = .hook
            }
            if isValid(trial) { return commit(trial, style: style) }
        }
        let targets: Set<Character> = switch kind {
        case .telexW: ["u", "o", "a"]
        case .hookOnly: ["u", "o"]
        case .breveOnly: ["a"]
        }
        for i in v where targets.contains(letters[i].base) && letters[i].mark != .hook && letters[i].mark != .breve {
            var trial = letters
            trial[i].mark = letters[i].base == "a" ? .breve : .hook
            if isValid(trial) { return commit(trial, style: style) }
        }
        let marked = v.filter {
            (letters[$0].mark == .hook && kind != .breveOnly) || (letters[$0].mark == .breve && kind != .hookOnly)
        }
        if !marked.isEmpty {
            // "ww" → "w": a lone-w ư at the end turns back into the letter w.
            if kind == .telexW, marked.count == 1, marked[0] == letters.count - 1, letters[marked[0]].fromLoneW {
                letters[marked[0]] = Letter(base: "w", isUpper: letters[marked[0]].isUpper)
                if let k = key.lowercased().first { undone.insert(k) }
                refreshTone(style: style)
                return true
            }
            for i in marked {
                letters[i].mark = .none
                letters[i].fromLoneW = false
            }
            return undo(key, style: style)
        }
        if kind == .telexW {
            // w alone → ư, when an ư can follow what is there (tw → tư, nhw → như).
            let trial = letters + [Letter(base: "u", mark: .hook, isUpper: key.isUppercase, fromLoneW: true)]
            if isValid(trial) { return commit(trial, style: style) }
        }
        return appendLiteral(key, style: style)
    }

    private mutating func applyStroke(key: Character, style: TonePlacementStyle) -> Bool {
        guard let parts = Syllable.parse(letters), parts.initial == 0..<1, letters[0].base == "d" else {
            return appendLiteral(key, style: style)
        }
        switch letters[0].mark {
        case .none:
            letters[0].mark = .stroke
            return true
        case .stroke:
            letters[0].mark = .none
            return undo(key, style: style)
        default:
            return appendLiteral(key, style: style)
        }
    }

    /// A changed word is kept only if it is still one Vietnamese syllable whose vowel
    /// cluster, with its new marks, exists in the language.
    private func isValid(_ trial: [Letter]) -> Bool {
        guard let parts = Syllable.parse(trial) else { return false }
        return parts.vowels.isEmpty || Syllable.markedClusters.contains(Syllable.markedCluster(trial, parts))
    }

    private mutating func commit(_ trial: [Letter], style: TonePlacementStyle) -> Bool {
        letters = trial
        refreshTone(style: style)
        return true
    }
}
