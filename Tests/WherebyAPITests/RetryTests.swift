import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// 429s are retried after the server's delay, transport failures only when harmless, and
/// every retry is bounded and cancellable. The clock is simulated: nothing sleeps.
@Suite struct RetryTests {
    static let throttleBody = #"{"error":"Rate limit active for throttle key: organization:1","data":{"msLeft":38689}}"#

    @Test func retries429AfterTheRetryAfterSeconds() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "7"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let meeting = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(meeting.meetingId == "1")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func retries429AfterTheBodysMsLeft() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, body: Self.throttleBody),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(38_689)])
    }

    @Test func retries429AtTheRateLimitResetDate() async throws {
        let clock = TestClock()
        let reset = Fixtures.httpDate(TestClock.originDate.addingTimeInterval(12))
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.rateLimitReset: reset, .rateLimitRemaining: "0"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.seconds(12)])
    }

    @Test func retries429WithoutAStatedDelayAfterTheBackoff() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests), .respond(.tooManyRequests), .respond(.ok, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test func retriesA429OnAPostBecauseTheServerDidNotActOnIt() async throws {
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "1"]),
            .respond(.created, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: TestClock()).createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.method == .post })
    }

    @Test func givesUpAfterMaxAttemptsAndReportsTheLast429() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.tooManyRequests, headers: [.retryAfter: "1"])])
        let client = WherebyClient.testing(transport, clock: clock, retry: .testing(maxAttempts: 3))
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        guard case .rateLimited(_, let info, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(info.retryAfter == .seconds(1))
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(1)])
    }

    @Test func givesUpWhenTheNextWaitWouldPassTheTotalDelayLimit() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.tooManyRequests, body: Self.throttleBody)])
        let client = WherebyClient.testing(transport, clock: clock, retry: .testing(maxAttempts: 10, maxTotalDelay: .seconds(60)))
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        guard case .rateLimited(_, let info, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(info.retryAfter == .milliseconds(38_689))
        #expect(info.delaySource == .msLeft)
        // 38.7 s fits in 60 s, a second 38.7 s would not.
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(38_689)])
    }

    @Test func doesNotStartAWaitLongerThanTheTotalDelayLimit() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.tooManyRequests, headers: [.retryAfter: "600"])])
        let client = WherebyClient.testing(transport, clock: clock)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func cancellingTheTaskEndsARetryWait() async throws {
        let clock = TestClock(.manual)
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "30"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: clock)
        let call = Task { try await client.getMeeting(meetingId: "m1") }
        while clock.sleeperCount == 0 { await Task.yield() }
        call.cancel()
        let error = await #expect(throws: WherebyError.self) { try await call.value }
        guard case .cancelled("getMeeting") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.requests.count == 1)
        #expect(clock.elapsed == .zero)
    }

    @Test func neverRetriesAPostAfterAnAmbiguousTransportFailure() async {
        let transport = ScriptedTransport([.fail(URLError(.networkConnectionLost)), .respond(.created, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: TestClock())
        let error = await #expect(throws: WherebyError.self) {
            try await client.createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))
        }
        guard case .transportFailed("createMeeting", _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.requests.count == 1)
    }

    @Test func retriesAGetAfterAnAmbiguousTransportFailure() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.fail(URLError(.networkConnectionLost)), .respond(.ok, body: Fixtures.meetingJSON)])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test func retriesAPostWhenTheConnectionWasNeverMade() async throws {
        let transport = ScriptedTransport([.fail(URLError(.cannotConnectToHost)), .respond(.created, body: Fixtures.meetingJSON)])
        _ = try await WherebyClient.testing(transport, clock: TestClock()).createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))
        #expect(transport.requests.count == 2)
    }

    @Test func retriesNothingWithTheNeverPolicy() async {
        let transport = ScriptedTransport([.fail(URLError(.networkConnectionLost))])
        let client = WherebyClient.testing(transport, clock: TestClock(), retry: .never)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        #expect(transport.requests.count == 1)
    }

    @Test func doublesTheBackoffUpToItsLimit() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.fail(URLError(.timedOut))])
        let policy = RetryPolicy.testing(maxAttempts: 6, backoff: .seconds(1), maxBackoff: .seconds(5))
        await #expect(throws: WherebyError.self) {
            try await WherebyClient.testing(transport, clock: clock, retry: policy).getMeeting(meetingId: "m1")
        }
        #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
    }

    @Test(arguments: [408, 500, 502, 503, 504])
    func retriesARetriedStatusForAGetAndSucceeds(code: Int) async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.init(code: code)), .respond(.ok, body: Fixtures.meetingJSON)])
        let meeting = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(meeting.meetingId == "1")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test(arguments: [400, 401, 403, 404, 409, 501])
    func doesNotRetryOtherStatuses(code: Int) async {
        let transport = ScriptedTransport([.respond(.init(code: code)), .respond(.ok, body: Fixtures.meetingJSON)])
        await #expect(throws: WherebyError.self) { try await WherebyClient.testing(transport, clock: TestClock()).getMeeting(meetingId: "m1") }
        #expect(transport.requests.count == 1)
    }

    @Test func retriesPutAndDeleteAfterA503() async throws {
        let transport = ScriptedTransport([.respond(.serviceUnavailable), .respond(.noContent)])
        try await WherebyClient.testing(transport, clock: TestClock()).deleteMeeting(meetingId: "m1")
        #expect(transport.requests.map(\.method) == [.delete, .delete])
    }

    @Test func neverRetriesAPostAfterA5xxBecauseItMayHaveTakenEffect() async {
        let transport = ScriptedTransport([.respond(.badGateway), .respond(.created, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: TestClock())
        let error = await #expect(throws: WherebyError.self) {
            try await client.createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769)))
        }
        guard case .serverError("createMeeting", _, let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(response.status == 502)
        #expect(transport.requests.count == 1)
    }

    @Test func honoursRetryAfterSecondsOnA503() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.serviceUnavailable, headers: [.retryAfter: "4"]), .respond(.ok, body: Fixtures.meetingJSON)])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(clock.sleeps == [.seconds(4)])
    }

    @Test func honoursRetryAfterAsAnHTTPDateOnA503() async throws {
        let clock = TestClock()
        let date = Fixtures.httpDate(TestClock.originDate.addingTimeInterval(9))
        let transport = ScriptedTransport([.respond(.serviceUnavailable, headers: [.retryAfter: date]), .respond(.ok, body: Fixtures.meetingJSON)])
        _ = try await WherebyClient.testing(transport, clock: clock).getMeeting(meetingId: "m1")
        #expect(clock.sleeps == [.seconds(9)])
    }

    @Test func doesNotWaitPastTheCallsDeadlineAndReportsTheLastResponse() async {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.serviceUnavailable, headers: [.retryAfter: "45"]), .respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, retry: .testing(maxTotalDelay: .seconds(120)), timeouts: Timeouts(total: .seconds(30)))
        let error = await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        guard case .serverError(_, _, let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(response.status == 503)
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test func makesThreeAttemptsByDefault() async {
        let transport = ScriptedTransport([.respond(.serviceUnavailable)])
        let client = WherebyClient.testing(transport, clock: TestClock(), retry: .default)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        #expect(transport.requests.count == 3)
    }

    @Test func drawsEachBackoffFromZeroToItsDoublingCap() async {
        let caps = Locked<[Duration]>([])
        let policy = RetryPolicy(maxAttempts: 5, backoff: .seconds(1), maxBackoff: .seconds(3), jitter: { cap in
            caps.withLock { $0.append(cap) }
            return cap / 4
        })
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.serviceUnavailable)])
        await #expect(throws: WherebyError.self) {
            try await WherebyClient.testing(transport, clock: clock, retry: policy).getMeeting(meetingId: "m1")
        }
        #expect(caps.withLock { $0 } == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500), .milliseconds(750), .milliseconds(750)])
    }

    @Test func fullJitterStaysWithinZeroAndTheCapAndVaries() {
        let cap = Duration.seconds(2)
        let draws = (0..<200).map { _ in RetryPolicy.fullJitter(cap) }
        #expect(draws.allSatisfy { $0 >= .zero && $0 <= cap })
        #expect(Set(draws.map { $0.components.attoseconds }).count > 100)
        #expect(draws.contains { $0 < .seconds(1) } && draws.contains { $0 > .seconds(1) })
    }

    @Test func eachAttemptSpendsItsPoints() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([.respond(.serviceUnavailable), .respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: clock, rateLimit: .points(2))
        _ = try await client.getMeeting(meetingId: "m1")
        // Two attempts spent both points; a call that may not wait is refused.
        let error = await #expect(throws: WherebyError.self) { try await client.with(rateLimitQueue: .zero).getMeeting(meetingId: "m2") }
        guard case .timedOut(_, .rateLimitQueue, _) = error else { Issue.record("got \(String(describing: error))"); return }
    }
}

/// A lock for test state.
final class Locked<State: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State
    init(_ state: State) { self.state = state }
    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
