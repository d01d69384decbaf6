// The namespace for MotCua's pure Vietnamese text functions. Each concern lives in its own
// file as an extension: Normalization, Width, Folding, Case, Names, Controls, TonePlacement.
// FoldedText (search matching) and Typing/ (the Telex/VNI engine) sit beside it, and
// Syllable/ holds the letter model and syllable rules the last two share.
// Everything here is a pure function of its input: no locale, no terminal, no disk, so the
// kiosk, the plain mode, the catalog search and the tests all see the same answers.

/// Vietnamese-aware text functions used everywhere in MotCua: normalisation, length and
/// terminal width, search folding, case mapping, name checks, control neutralisation and
/// tone-placement comparison.
public enum VietText {}
