import Foundation

/// Randomness a failing test can replay: every random test takes its seed
/// from `MOTCUA_TEST_SEED` when set, else draws one, and prints it.
///
///     MOTCUA_TEST_SEED=1234 swift test --filter PowerCutTests
public enum TestSeed {
    /// The seed for the test named `name` (printed, so a failure's log names it).
    public static func take(_ name: String) -> UInt64 {
        let given = ProcessInfo.processInfo.environment["MOTCUA_TEST_SEED"].flatMap { UInt64($0) }
        let seed = given ?? UInt64.random(in: 0...UInt64(UInt32.max))
        print("\(name): seed \(seed) (replay with MOTCUA_TEST_SEED=\(seed))")
        return seed
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed everywhere.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
