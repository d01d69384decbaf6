import Foundation

/// Wall-clock timing for benchmarks: runs `body` `iterations` times after a
/// warm-up and reports the median and minimum per call.
struct Timing {
    let median: Double
    let min: Double

    static func measure(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return Timing(median: samples[samples.count / 2], min: samples[0])
    }
}

/// Formats seconds with a unit a person reads at a glance.
func human(_ seconds: Double) -> String {
    if seconds < 1e-6 { return String(format: "%.0f ns", seconds * 1e9) }
    if seconds < 1e-3 { return String(format: "%.2f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.3f ms", seconds * 1e3) }
    return String(format: "%.3f s", seconds)
}
