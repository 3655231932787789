import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// Every call ends within its timeouts, whatever the server does: an attempt is raced against
/// its timer (the body included), the deadline bounds attempts and waits together, and a wait
/// for rate-limit points is bounded. The clock is simulated: nothing sleeps.
@Suite struct TimeoutTests {
    /// Runs `call` to its end; whenever the attempt in flight has reached the transport and only
    /// its timer can end it, moves the simulated time to the timer's end.
    static func drive<Value: Sendable>(
        _ clock: TestClock,
        _ transport: ScriptedTransport,
        _ call: @escaping @Sendable () async throws -> Value
    ) async -> Result<Value, any Error> {
        let task = Task { try await call() }
        let finished = Counter()
        let watcher = Task {
            _ = await task.result
            finished.increment()
        }
        var spins = 0
        while finished.value == 0 {
            if clock.timerCount > 0, transport.lastRequestStalls, transport.requests.count == clock.timers.count {
                clock.advanceToNextDeadline()
            }
            await Task.yield()
            spins += 1
            if spins > 2_000_000 {
                Issue.record("the call neither finished nor waited on a timer")
                task.cancel()
                break
            }
        }
        await watcher.value
        return await task.result
    }

    static func timedOut(_ result: Result<some Sendable, any Error>) -> (TimeoutKind, Duration)? {
        guard case .failure(let error) = result, case .timedOut(_, let kind, let limit) = error as? WherebyError else { return nil }
        return (kind, limit)
    }

    @Test func aBodyThatStallsAfterTheHeadersTimesOutTheAttemptAndAGetIsRetried() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallAfterHeaders(.ok), .stallAfterHeaders(.ok), .respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: Timeouts(total: .seconds(20), attempt: .seconds(3)))
        let result = await Self.drive(clock, transport) { try await client.getMeeting(meetingId: "m1") }
        #expect((try? result.get())?.meetingId == "1")
        #expect(transport.requests.count == 3)
        // (The third attempt's timer may be cancelled before it starts: its answer came first.)
        #expect(Array(clock.timers.prefix(2)) == [.seconds(3), .seconds(3)])
        // Two attempt timeouts and the backoffs between them: 3 + 0.5 + 3 + 1.
        #expect(clock.elapsed == .milliseconds(7_500))
    }

    @Test func anAttemptThatTimesOutOnEveryTryFailsWithTheAttemptTimeout() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallBeforeHeaders])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: Timeouts(total: .seconds(20), attempt: .seconds(3)))
        let result = await Self.drive(clock, transport) { try await client.getMeeting(meetingId: "m1") }
        #expect(Self.timedOut(result)?.0 == .attempt)
        #expect(Self.timedOut(result)?.1 == .seconds(3))
        #expect(transport.requests.count == 3)
        #expect(clock.elapsed == .milliseconds(10_500))
    }

    @Test func theDeadlineCutsTheLastAttemptShortAndSaysSo() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallAfterHeaders(.ok)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: Timeouts(total: .seconds(5), attempt: .seconds(3)))
        let result = await Self.drive(clock, transport) { try await client.getMeeting(meetingId: "m1") }
        #expect(Self.timedOut(result)?.0 == .deadline)
        #expect(Self.timedOut(result)?.1 == .seconds(5))
        // 3 s, a 0.5 s backoff, then what is left of the 5 s.
        #expect(clock.timers == [.seconds(3), .milliseconds(1_500)])
        #expect(clock.elapsed == .seconds(5))
        #expect(transport.requests.count == 2)
    }

    @Test func theDefaultsBoundAStalledGetToSixtySeconds() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallAfterHeaders(.ok)])
        let client = WherebyClient.testing(transport, clock: clock)
        let result = await Self.drive(clock, transport) { try await client.getMeeting(meetingId: "m1") }
        #expect(Self.timedOut(result)?.0 == .deadline)
        #expect(clock.timers.first == .seconds(30))
        #expect(clock.elapsed == .seconds(60))
    }

    @Test func aPostThatTimesOutIsNotSentAgain() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallBeforeHeaders, .respond(.created, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: Timeouts(total: .seconds(20), attempt: .seconds(3)))
        let result = await Self.drive(clock, transport) {
            try await client.createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))
        }
        #expect(Self.timedOut(result)?.0 == .attempt)
        #expect(transport.requests.count == 1)
    }

    @Test func aCallPerCallTimeoutFromWithAppliesToThatCopyOnly() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallBeforeHeaders])
        let client = WherebyClient.testing(transport, clock: clock)
        let result = await Self.drive(clock, transport) { try await client.with(timeout: .seconds(2)).getMeeting(meetingId: "m1") }
        #expect(Self.timedOut(result)?.0 == .deadline)
        #expect(Self.timedOut(result)?.1 == .seconds(2))
        #expect(clock.elapsed == .seconds(2))
        #expect(client.callSettings?.timeouts == .default)
        #expect(client.with(timeout: .seconds(2)).callSettings?.timeouts.total == .seconds(2))
    }

    @Test func aWaitForPointsLongerThanTheQueueBoundFailsAtOnceWithoutWaiting() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, rateLimit: .points(1))
        _ = try await client.getMeeting(meetingId: "m1")
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m2") }
        guard case .timedOut("getMeeting", .rateLimitQueue, let limit) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(limit == .seconds(30))
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
        #expect(error?.description == "getMeeting: timed out: waiting for rate-limit points would take longer than 30.0 seconds")
    }

    @Test func aCallMayWaitLongerForPointsWhenItsOptionsSaySo() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, rateLimit: .points(1))
        _ = try await client.getMeeting(meetingId: "m1")
        let patient = client.with(CallOptions(timeout: .seconds(120), rateLimitQueue: .seconds(90)))
        _ = try await patient.getMeeting(meetingId: "m2")
        #expect(clock.sleeps == [.seconds(60)])
        #expect(transport.requests.count == 2)
    }

    @Test func aWaitForPointsPastTheDeadlineFailsWithTheDeadline() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: Timeouts(total: .seconds(10), rateLimitQueue: .seconds(120)), rateLimit: .points(1))
        _ = try await client.getMeeting(meetingId: "m1")
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m2") }
        guard case .timedOut(_, .deadline, let limit) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(limit == .seconds(10))
        #expect(clock.sleeps.isEmpty)
    }

    @Test func copiesFromWithShareTheRateLimitBudget() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, rateLimit: .points(2))
        _ = try await client.with(timeout: .seconds(5)).getMeeting(meetingId: "m1")
        _ = try await client.with(retry: .never).getMeeting(meetingId: "m2")
        // Both points are spent, through two different copies: a third copy that may not wait fails.
        let error = await #expect(throws: WherebyError.self) {
            try await client.with(rateLimitQueue: .zero).getMeeting(meetingId: "m3")
        }
        guard case .timedOut(_, .rateLimitQueue, let limit) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(limit == .zero)
        #expect(transport.requests.count == 2)
    }

    @Test func aCallThatMayNotQueueGivesItsPlaceBackToTheCallsBehindIt() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous, rateLimit: .points(1))
        _ = try await client.getMeeting(meetingId: "m1")
        await #expect(throws: WherebyError.self) { try await client.with(rateLimitQueue: .seconds(10)).getMeeting(meetingId: "m2") }
        // The refused call reserved nothing: the next one waits one window, not two.
        _ = try await client.getMeeting(meetingId: "m3")
        #expect(clock.sleeps == [.seconds(60)])
    }

    @Test func cancellingACallInFlightEndsItAtOnceWithCancelled() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.stallBeforeHeaders])
        let client = WherebyClient.testing(transport, clock: clock)
        let call = Task { try await client.getMeeting(meetingId: "m1") }
        while transport.requests.isEmpty || clock.timerCount == 0 { await Task.yield() }
        call.cancel()
        let error = await #expect(throws: WherebyError.self) { try await call.value }
        guard case .cancelled("getMeeting") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(clock.elapsed == .zero)
    }

    @Test func cancellingACallWaitingForPointsEndsItWithCancelled() async throws {
        let clock = TestClock(.manual)
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous, rateLimit: .points(1))
        _ = try await client.getMeeting(meetingId: "m1")
        let call = Task { try await client.getMeeting(meetingId: "m2") }
        while clock.sleeperCount == 0 { await Task.yield() }
        call.cancel()
        let error = await #expect(throws: WherebyError.self) { try await call.value }
        guard case .cancelled("getMeeting") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.requests.count == 1)
    }

    @Test func aBodyOverTheSizeLimitFailsTheAttemptWithoutRetrying() async {
        let clock = TestClock()
        let big = String(repeating: "x", count: 64)
        let transport = ScriptedTransport([.respond(.ok, body: big)])
        var client = WherebyClient.testing(transport, clock: clock)
        // The limit is read when the client is made; a smaller one needs a client made with it.
        var runtime = client.runtime
        runtime.maximumResponseBodySize = 16
        client = WherebyClient(runtime: runtime)
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        guard case .transportFailed = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.requests.count == 1)
    }
}
