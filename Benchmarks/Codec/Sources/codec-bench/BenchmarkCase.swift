import Foundation

/// One measured operation, named `<client>.<what>`: `call` is `GET /meetings` through the
/// client, `decode` the page model from bytes, `encode` the page model to bytes.
struct BenchmarkCase: Sendable {
    var name: String
    var run: @Sendable () async throws -> Void
    /// The same operation without `async`, for profiling under valgrind, which cannot run the
    /// concurrency runtime's threads; `nil` for calls.
    var runSynchronously: (@Sendable () throws -> Void)?

    init(name: String, run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.run = run
    }

    init(name: String, synchronous: @escaping @Sendable () throws -> Void) {
        self.name = name
        run = synchronous
        runSynchronously = synchronous
    }

    /// Every case, after checking that both clients read the page alike (a benchmark of a
    /// decoder that drops fields would measure nothing).
    static func all() throws -> [BenchmarkCase] {
        let ours = Ours()
        let theirs = Theirs()
        let ourPage = try ours.decode()
        let theirPage = try theirs.decode()
        guard ourPage.results.count == Page.meetingCount, Ours.summary(of: ourPage) == Theirs.summary(of: theirPage) else {
            throw BenchmarkError.clientsDisagree
        }
        return [
            BenchmarkCase(name: "ours.call") { _ = try await ours.call() },
            BenchmarkCase(name: "ours.call.observed") { _ = try await ours.observedCall() },
            BenchmarkCase(name: "ours.decode", synchronous: { _ = try ours.decode() }),
            BenchmarkCase(name: "ours.encode", synchronous: { _ = try ours.encode(ourPage) }),
            BenchmarkCase(name: "theirs.call") { _ = try await theirs.call() },
            BenchmarkCase(name: "theirs.decode", synchronous: { _ = try theirs.decode() }),
            BenchmarkCase(name: "theirs.encode", synchronous: { _ = try theirs.encode(theirPage) }),
        ]
    }
}

enum BenchmarkError: Error {
    case clientsDisagree
    case unexpectedResponse
}

/// A date to the millisecond, the precision the page has: clients may differ in the last bit.
func milliseconds(_ date: Date?) -> Int64 {
    date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? -1
}
