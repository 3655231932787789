import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// A burst worth three budgets gets through without the caller seeing a single error.
///
/// It takes about three windows (ten seconds); the time limit turns a pacing or shutdown hang
/// into a failure instead of a stalled run.
@Suite(.timeLimit(.minutes(2))) struct RateLimitBurstTests {
    /// The stand-in's and the client's budget window: short, so three windows take seconds, not
    /// minutes, with the Build plan's 100 points.
    static let window = Duration.seconds(3)

    @Test func aBurstOverTheBudgetCompletesWithoutErrorsThroughPacingAndRetries() async throws {
        try await withStandIn(.init(rateLimit: .init(points: 100, window: Self.window))) { standIn in
            // `.points(100)` with the stand-in's short window instead of a minute.
            // A batch job's options: more retries and more time than a request handler's defaults.
            let whereby = standIn.client(rateLimit: RateLimitPolicy(budget: 100, window: Self.window))
                .with(CallOptions(timeout: .seconds(60), rateLimitQueue: .seconds(60), retry: RetryPolicy(maxAttempts: 5)))
            let meetings = 50
            // Each meeting is created (3 points), read (1) and deleted (2): 300 points, all at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<meetings {
                    group.addTask {
                        let meeting = try await RequestLog.$call.withValue("create \(index)") {
                            try await whereby.createMeeting(.init(endDate: inAnHour()))
                        }
                        _ = try await RequestLog.$call.withValue("get \(index)") {
                            try await whereby.getMeeting(meetingId: meeting.meetingId)
                        }
                        try await RequestLog.$call.withValue("delete \(index)") {
                            try await whereby.deleteMeeting(meetingId: meeting.meetingId)
                        }
                    }
                }
                try await group.waitForAll()
            }

            let log = standIn.log
            let calls = meetings * 3
            let throttled = log.throttledCount
            print(
                "burst of 300 points against 100 points per \(Self.window): \(calls) calls, \(log.entries.count) attempts, "
                    + "\(throttled) answered 429 and retried, at most \(log.mostAttemptsOfOneCall) attempts for one call"
            )
            // Every attempt got a response, and every 429 was followed by another attempt.
            #expect(log.entries.allSatisfy { $0.status != nil })
            #expect(log.entries.count == calls + throttled)
            #expect(log.count("createMeeting", status: 201) == meetings)
            #expect(log.count("getMeeting", status: 200) == meetings)
            #expect(log.count("deleteMeeting", status: 204) == meetings)
        }
    }
}
