public import FaultServer
import Foundation
import HTTPTypes
public import OpenAPIRuntime

/// Many calls through one transport at once, most of them cancelled or timed out while on the
/// wire, to show that no interleaving of a call's end with its cancellation takes the process
/// down.
///
/// Each call picks one of four shapes (``Shape``) from a seeded generator. Cancellations and
/// timeouts fire after 0 to 3 ms, when the request may be being written, waiting for its head,
/// or just completing: the moments where a transport's cancellation races its own completion.
/// A crash cannot be counted from inside; run the soak in a subprocess to count those.
public struct TransportSoak: Sendable {
    /// What one call does.
    public enum Shape: String, Sendable, CaseIterable, Codable {
        /// A quick JSON response, read whole.
        case completed
        /// Cancelled by its caller 0–3 ms after it starts; the server answers within 0–3 ms.
        case cancelledRacingTheResponse
        /// Cancelled by its caller 0–3 ms after it starts; the server never sends a head.
        case cancelledWaitingForTheHead
        /// Cancelled by its caller while its body is stalled mid-way.
        case cancelledMidBody
        /// Abandoned by a 1–4 ms timeout raced against it; the server answers within 0–3 ms.
        case timedOut
    }

    /// What the calls came to.
    public struct Tally: Sendable, Codable, Equatable {
        /// Calls made.
        public var calls = 0
        /// Calls that returned a whole response.
        public var completed = 0
        /// Calls that ended with cancellation (`CancellationError` or a transport's own).
        public var cancelled = 0
        /// Calls that a timeout abandoned.
        public var timedOut = 0
        /// Calls that failed some other way.
        public var failed = 0
        /// Cancellations and timeouts that fired while the call was still running.
        public var interruptions = 0
        /// The first few unexpected errors, described.
        public var failures: [String] = []

        public init() {}

        mutating func add(_ other: Tally) {
            calls += other.calls
            completed += other.completed
            cancelled += other.cancelled
            timedOut += other.timedOut
            failed += other.failed
            interruptions += other.interruptions
            failures += other.failures.prefix(max(0, 5 - failures.count))
        }
    }

    /// Calls in all.
    public var calls: Int
    /// Calls in flight at once.
    public var lanes: Int
    /// The seed of the generator that picks shapes and delays.
    public var seed: UInt64

    /// A soak of `calls` calls over `lanes` concurrent lanes.
    public init(calls: Int, lanes: Int, seed: UInt64 = 12) {
        self.calls = calls
        self.lanes = max(1, lanes)
        self.seed = seed
    }

    /// The server a soak runs against; the path of each request says what to answer.
    public static func startServer() async throws -> FaultServer {
        try await FaultServer.start { request in
            let parts = request.path.split(separator: "/")
            let delay = Duration.microseconds(Int(parts.last.flatMap { Int($0) } ?? 0))
            switch parts.dropLast().last {
            case "never": return FaultResponse.json("{}").stallingBeforeHead(for: .seconds(30))
            case "midbody": return FaultResponse.bytes(200_000, chunkSize: 1_000, contentLength: false).stallingAfterHead(for: .seconds(30))
            default: return FaultResponse.json(#"{"meetingId":"1","roomUrl":"https://x.whereby.com/r"}"#).stallingBeforeHead(for: delay)
            }
        }
    }

    /// Runs the soak through `transport` against `server` (from ``startServer()``).
    public func run(through transport: any ClientTransport, server: FaultServer) async -> Tally {
        await withTaskGroup(of: Tally.self) { group in
            for lane in 0..<lanes {
                let share = calls / lanes + (lane < calls % lanes ? 1 : 0)
                let seed = seed &+ UInt64(lane) &* 0x9E37_79B9_7F4A_7C15
                group.addTask {
                    var random = SplitMix64(seed: seed)
                    var tally = Tally()
                    for _ in 0..<share {
                        tally.add(await Self.call(transport, server: server, random: &random))
                    }
                    return tally
                }
            }
            var total = Tally()
            for await tally in group { total.add(tally) }
            return total
        }
    }

    private static func call(_ transport: any ClientTransport, server: FaultServer, random: inout SplitMix64) async -> Tally {
        let shape = Shape.allCases[Int(random.next() % UInt64(Shape.allCases.count))]
        let serverDelay = Int(random.next() % 3_000)
        let clientDelay = Duration.microseconds(Int(random.next() % 3_000))
        let path: String
        switch shape {
        case .completed, .cancelledRacingTheResponse, .timedOut: path = "/v1/answer/\(serverDelay)"
        case .cancelledWaitingForTheHead: path = "/v1/never/0"
        case .cancelledMidBody: path = "/v1/midbody/0"
        }
        let baseURL = server.baseURL
        let exchange: @Sendable () async throws -> Int = {
            let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: [.authorization: "Bearer soak"])
            let (response, body) = try await transport.send(request, body: nil, baseURL: baseURL, operationID: "soak")
            if let body { _ = try await Data(collecting: body, upTo: 1_000_000) }
            return response.status.code
        }

        var tally = Tally()
        tally.calls = 1
        let outcome: Result<Int, any Error>
        var interrupted = false
        switch shape {
        case .completed:
            outcome = await Result.capturing { try await exchange() }
        case .cancelledRacingTheResponse, .cancelledWaitingForTheHead, .cancelledMidBody:
            let task = Task { try await exchange() }
            try? await Task.sleep(for: shape == .cancelledMidBody ? clientDelay + .milliseconds(20) : clientDelay)
            interrupted = true
            task.cancel()
            outcome = await task.result
        case .timedOut:
            outcome = await withTaskGroup(of: Result<Int, any Error>?.self) { group in
                group.addTask { await Result.capturing { try await exchange() } }
                group.addTask {
                    try? await Task.sleep(for: clientDelay + .milliseconds(1))
                    return nil
                }
                let first = await group.next()!
                group.cancelAll()
                guard let first else {
                    interrupted = true
                    _ = await group.next()
                    return .failure(TimedOut())
                }
                return first
            }
        }
        if interrupted, case .failure = outcome { tally.interruptions = 1 }
        switch outcome {
        case .success(200): tally.completed = 1
        case .success(let status):
            tally.failed = 1
            tally.failures = ["status \(status) for \(shape.rawValue)"]
        case .failure(is TimedOut): tally.timedOut = 1
        case .failure(let error) where interrupted && isCancellation(error): tally.cancelled = 1
        case .failure(let error):
            tally.failed = 1
            tally.failures = ["\(shape.rawValue): \(String(describing: error).prefix(200))"]
        }
        return tally
    }

    private struct TimedOut: Error {}

    /// Whether `error` is how a transport reports its call was cancelled.
    private static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? URLError, error.code == .cancelled { return true }
        // AsyncHTTPClient's own cancellation error, named without importing it.
        let description = String(describing: error)
        return description.contains("cancel") || description.contains("Cancel")
    }
}

extension Result where Failure == any Error {
    fileprivate static func capturing(_ body: () async throws -> Success) async -> Self {
        do { return .success(try await body()) } catch { return .failure(error) }
    }
}

/// A small seeded generator, so a soak is the same sequence of shapes and delays each run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
