import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// The rate-limit headers of every response are readable by the caller, in every form a
/// server writes them.
@Suite struct RateLimitHeaderTests {
    static let now = TestClock.originDate  // 2025-05-12T16:00:00Z

    @Test func exposesTheHeadersOfTheLatestResponseOnTheClient() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .respond(.ok, headers: [.rateLimitLimit: "1000", .rateLimitRemaining: "997", .rateLimitReset: "Mon, 12 May 2025 16:00:40 GMT"], body: Fixtures.meetingJSON),
            .respond(.ok, headers: [.rateLimitLimit: "1000", .rateLimitRemaining: "996"], body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: clock)
        #expect(client.rateLimitStatus == nil)
        _ = try await client.getMeeting(meetingId: "m1")
        let first = try #require(client.rateLimitStatus)
        #expect(first == RateLimitStatus(limit: 1000, remaining: 997, resetDate: Self.now.addingTimeInterval(40), receivedAt: Self.now))
        #expect(first.description == "997 of 1000 points left, resets 2025-05-12T16:00:40Z")
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(client.rateLimitStatus?.remaining == 996)
    }

    @Test func passesEveryStatusToTheConfiguredCallback() async throws {
        let seen = Seen()
        let transport = ScriptedTransport([
            .respond(.ok, headers: [.rateLimitRemaining: "5"], body: Fixtures.meetingJSON),
            .respond(.ok, body: Fixtures.meetingJSON),
            .respond(.notFound, headers: [.rateLimitRemaining: "3"]),
        ])
        let client = WherebyClient.testing(transport, clock: TestClock(), onRateLimitStatus: { seen.append($0.remaining) })
        _ = try await client.getMeeting(meetingId: "m1")
        _ = try await client.getMeeting(meetingId: "m2")
        _ = try? await client.getMeeting(meetingId: "m3")
        #expect(seen.values == [5, 3])
    }

    @Test(arguments: [
        ("Mon, 12 May 2025 16:00:30 GMT", 30.0),
        ("2025-05-12T16:00:30Z", 30),
        ("2025-05-12T16:00:30.500Z", 30.5),
        ("1747065630", 30),
        ("1747065630500", 30.5),
        ("30", 30),
    ])
    func readsTheResetDateInEveryCommonForm(header: String, secondsFromNow: Double) {
        let status = RateLimitStatus(headerFields: [.rateLimitReset: header], receivedAt: Self.now)
        #expect(status?.resetDate == Self.now.addingTimeInterval(secondsFromNow))
    }

    @Test func ignoresMalformedValues() {
        let fields: HTTPFields = [.rateLimitLimit: "lots", .rateLimitRemaining: "-1", .rateLimitReset: "Someday, 99 Foo 2025 25:00:00 GMT"]
        #expect(RateLimitStatus(headerFields: fields, receivedAt: Self.now) == nil)
        #expect(RateLimitStatus(headerFields: [:], receivedAt: Self.now) == nil)
    }

    @Test func prefersRetryAfterThenMsLeftThenTheResetDate() {
        let body = Data(#"{"error":"Rate limit active","data":{"msLeft":2500}}"#.utf8)
        let reset = "Mon, 12 May 2025 16:00:09 GMT"
        let all = RateLimitInfo(headerFields: [.retryAfter: "4", .rateLimitReset: reset], body: body, now: Self.now)
        #expect(all.retryAfter == .seconds(4))
        #expect(all.delaySource == .retryAfter)
        let noRetryAfter = RateLimitInfo(headerFields: [.rateLimitReset: reset], body: body, now: Self.now)
        #expect(noRetryAfter.retryAfter == .milliseconds(2500))
        #expect(noRetryAfter.delaySource == .msLeft)
        let resetOnly = RateLimitInfo(headerFields: [.rateLimitReset: reset], body: Data("not json".utf8), now: Self.now)
        #expect(resetOnly.retryAfter == .seconds(9))
        #expect(resetOnly.delaySource == .rateLimitReset)
        let nothing = RateLimitInfo(headerFields: [:], body: Data(), now: Self.now)
        #expect(nothing.retryAfter == nil)
        #expect(nothing.description == "no retry delay given")
    }

    @Test func readsRetryAfterAsAnHTTPDateToo() {
        let info = RateLimitInfo(headerFields: [.retryAfter: "Mon, 12 May 2025 16:01:00 GMT"], body: Data(), now: Self.now)
        #expect(info.retryAfter == .seconds(60))
        let past = RateLimitInfo(headerFields: [.retryAfter: "Mon, 12 May 2025 15:00:00 GMT"], body: Data(), now: Self.now)
        #expect(past.retryAfter == .zero)
    }
}

/// Values a callback saw, in order.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var _values: [Int?] = []

    var values: [Int?] {
        lock.lock()
        defer { lock.unlock() }
        return _values
    }

    func append(_ value: Int?) {
        lock.lock()
        _values.append(value)
        lock.unlock()
    }
}
