/// Times an operation: repeats it in batches long enough for the clock (about 2 ms each) and
/// reports the median time per operation over the batches, with the fastest and slowest.
struct Timing: Codable {
    var medianNanoseconds: Double
    var minNanoseconds: Double
    var maxNanoseconds: Double
    var batches: Int
    var iterationsPerBatch: Int

    static func measure(batches: Int, _ operation: () async throws -> Void) async rethrows -> Timing {
        let clock = ContinuousClock()
        // Warm up (caches, lazily made coders), and size a batch to about 2 ms.
        var iterations = 1
        while true {
            let elapsed = try await clock.measure { for _ in 0..<iterations { try await operation() } }
            if elapsed >= .milliseconds(2) || iterations >= 1 << 20 { break }
            iterations *= 2
        }
        var perOperation: [Double] = []
        for _ in 0..<batches {
            let elapsed = try await clock.measure { for _ in 0..<iterations { try await operation() } }
            perOperation.append(nanoseconds(elapsed) / Double(iterations))
        }
        perOperation.sort()
        return Timing(
            medianNanoseconds: perOperation[perOperation.count / 2],
            minNanoseconds: perOperation[0],
            maxNanoseconds: perOperation[perOperation.count - 1],
            batches: batches,
            iterationsPerBatch: iterations
        )
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }
}
