import Foundation

/// Wall-clock timing for benchmarks: runs `body` `iterations` times after a
/// warm-up and reports the median and minimum per call.
struct Timing {
    let median: Double
    let min: Double
    /// The median CPU time of the calling thread: on a shared, loaded machine wall
    /// time counts other programs' turns too (one thread here, so on an idle
    /// machine both agree).
    var cpuMedian: Double = 0

    static func measure(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = [], cpu: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = threadCPUTime()
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(threadCPUTime() - cpuStart)
        }
        samples.sort()
        cpu.sort()
        return Timing(median: samples[samples.count / 2], min: samples[0], cpuMedian: cpu[cpu.count / 2])
    }

    /// Seconds of CPU the calling thread has used.
    static func threadCPUTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// Formats seconds with a unit a person reads at a glance.
func human(_ seconds: Double) -> String {
    if seconds < 1e-6 { return String(format: "%.0f ns", seconds * 1e9) }
    if seconds < 1e-3 { return String(format: "%.2f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.3f ms", seconds * 1e3) }
    return String(format: "%.3f s", seconds)
}
