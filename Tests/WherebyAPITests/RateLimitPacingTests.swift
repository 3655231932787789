import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// The point budget spreads a burst out instead of letting the server reject it, and the
/// server's headers adjust it. The clock is simulated: minutes of pacing take no time.
@Suite struct RateLimitPacingTests {
    /// 100 reads, 40 deletes and 40 creates: 100 + 80 + 120 = 300 points.
    static func burst(_ client: WherebyClient) -> [@Sendable () async throws -> Void] {
        let endDate = Date(timeIntervalSince1970: 1_747_071_769)
        var calls: [@Sendable () async throws -> Void] = []
        for index in 0..<100 { calls.append { _ = try await client.getMeeting(meetingId: "m\(index)") } }
        for index in 0..<40 { calls.append { try await client.deleteMeeting(meetingId: "m\(index)") } }
        for _ in 0..<40 { calls.append { _ = try await client.createMeeting(.init(endDate: endDate)) } }
        return calls
    }

    /// Runs the calls concurrently on the manual clock; returns the errors they threw.
    static func run(_ calls: [@Sendable () async throws -> Void], clock: TestClock) async -> [any Error] {
        let finished = Counter()
        return await withTaskGroup(of: (any Error)?.self) { group in
            for call in calls {
                group.addTask {
                    defer { finished.increment() }
                    do {
                        try await call()
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            await clock.drive(calls.count, finished: finished)
            var errors: [any Error] = []
            for await error in group { if let error { errors.append(error) } }
            return errors
        }
    }

    @Test func aBurstOf300PointsAgainstA100PointBudgetCompletesWithoutErrorsThroughPacing() async {
        let clock = TestClock(.manual)
        let server = ThrottlingServer(limit: 100, clock: clock)
        let client = WherebyClient.testing(server, clock: clock, retry: .never, timeouts: .generous, rateLimit: .build)
        let errors = await Self.run(Self.burst(client), clock: clock)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        #expect(server.served == 180)
        #expect(server.throttled == 0)
        #expect(server.mostPointsInAnyWindow <= 100)
        // 300 points at 100 a minute need at least three windows: 0 s, 60 s, 120 s.
        #expect(clock.elapsed >= .seconds(120))
    }

    @Test func aBurstWithoutABudgetCompletesThroughServerHeadersAndRetries() async {
        let clock = TestClock(.manual)
        let server = ThrottlingServer(limit: 100, clock: clock)
        // A batch job's settings: the defaults (3 attempts, 60 s) give up on a burst of three minutes.
        let client = WherebyClient.testing(server, clock: clock, retry: .testing(maxAttempts: 5, maxTotalDelay: .seconds(180)), timeouts: .generous, rateLimit: .automatic)
        let errors = await Self.run(Self.burst(client), clock: clock)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        #expect(server.served == 180)
        #expect(server.mostPointsInAnyWindow <= 100)
    }

    @Test func waitsForTheResetWhenTheServerReportsNoPointsLeft() async throws {
        let clock = TestClock()
        let reset = Fixtures.httpDate(TestClock.originDate.addingTimeInterval(30))
        let transport = ScriptedTransport([
            .respond(.ok, headers: [.rateLimitLimit: "100", .rateLimitRemaining: "0", .rateLimitReset: reset], body: Fixtures.meetingJSON),
            .respond(.ok, headers: [.rateLimitLimit: "100", .rateLimitRemaining: "99"], body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous)
        _ = try await client.getMeeting(meetingId: "m1")
        #expect(clock.sleeps.isEmpty)
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(clock.sleeps == [.seconds(30)])
        #expect(transport.requests.count == 2)
    }

    @Test func sendsWhatStillFitsTheReportedRemainderAndHoldsBackWhatDoesNot() async throws {
        let clock = TestClock()
        let headers: HTTPFields = [.rateLimitRemaining: "2", .rateLimitReset: "1747065645"]  // Unix seconds: origin + 45 s
        let transport = ScriptedTransport([
            .respond(.ok, headers: headers, body: Fixtures.meetingJSON),
            .respond(.ok, body: Fixtures.meetingJSON),
            .respond(.noContent),
        ])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous)
        _ = try await client.getMeeting(meetingId: "m1")
        _ = try await client.getMeeting(meetingId: "m2")  // 1 point of the 2 left
        #expect(clock.sleeps.isEmpty)
        try await client.deleteMeeting(meetingId: "m3")  // 2 points, 1 left: waits for the reset
        #expect(clock.sleeps == [.seconds(45)])
    }

    @Test func holdsOtherCallsBackAfterA429UntilTheStatedDelayPasses() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, body: RetryTests.throttleBody),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: clock, retry: .never, timeouts: .generous)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(clock.sleeps == [.milliseconds(38_689)])
    }

    @Test func holdsCallsBackNoLongerThanOneWindowWhateverTheServerSays() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "600"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(clock.sleeps == [.seconds(60)])
    }

    @Test func ignoresTheServersHeadersWhenPacingIsDisabled() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.ok, headers: [.rateLimitRemaining: "0", .retryAfter: "30"], body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, timeouts: .generous, rateLimit: .disabled)
        _ = try await client.getMeeting(meetingId: "m1")
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(clock.sleeps.isEmpty)
        #expect(client.rateLimitStatus?.remaining == 0)
    }

    @Test func spendsTheBudgetInTheOrderCallsArrive() async throws {
        let clock = TestClock()
        let client = WherebyClient.testing(ThrottlingServer(limit: 1000, clock: clock), clock: clock, timeouts: .generous, rateLimit: .points(5))
        try await client.deleteMeeting(meetingId: "a")  // 2 points at 0 s
        try await client.deleteMeeting(meetingId: "b")  // 2 points at 0 s
        _ = try await client.createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))  // 3 points: 60 s
        _ = try await client.getMeeting(meetingId: "c")  // 1 point fits, but waits its turn: 60 s
        #expect(clock.sleeps == [.seconds(60)])
        #expect(clock.elapsed == .seconds(60))
    }

    @Test func costsWherebysPointsPerMethod() {
        func cost(_ method: HTTPRequest.Method) -> Int {
            RateLimitPolicy.wherebyCost(of: HTTPRequest(method: method, scheme: nil, authority: nil, path: "/"))
        }
        #expect(cost(.get) == 1)
        #expect(cost(.head) == 1)
        #expect(cost(.delete) == 2)
        #expect(cost(.post) == 3)
        #expect(cost(.put) == 3)
        #expect(cost(.patch) == 3)
        #expect(RateLimitPolicy.build.budget == 100)
        #expect(RateLimitPolicy.grow.budget == 1000)
    }
}
