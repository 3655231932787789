import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// A second client for the same organization does not split its points in two: clients of the
/// same server URL, API key and clock pace in one queue, unless one asks for its own.
@Suite struct SharedBudgetTests {
    static func client(
        _ transport: ScriptedTransport,
        clock: ClientClock,
        apiKey: String = WherebyClient.testKey,
        serverURL: String = "https://api.example.test/v1",
        shares: Bool = true
    ) -> WherebyClient {
        var configuration = WherebyClient.Configuration(
            serverURL: URL(string: serverURL)!,
            transport: transport,
            retry: .never,
            rateLimit: .points(1),
            clock: clock
        )
        configuration.sharesRateLimitBudget = shares
        return WherebyClient(apiKey: apiKey, configuration: configuration)
    }

    static func refusedForLackOfPoints(_ client: WherebyClient) async -> Bool {
        do {
            _ = try await client.with(rateLimitQueue: .zero).getMeeting(meetingId: "m2")
            return false
        } catch WherebyError.timedOut(_, .rateLimitQueue, _) {
            return true
        } catch {
            Issue.record("got \(error)")
            return false
        }
    }

    @Test func aSecondClientForTheSameKeySharesTheFirstOnesPoints() async throws {
        let clock = TestClock().clock
        let transport = ScriptedTransport([.respond(.ok, headers: [.rateLimitRemaining: "7"], body: Fixtures.meetingJSON)])
        let first = Self.client(transport, clock: clock)
        let second = Self.client(transport, clock: clock)
        _ = try await first.getMeeting(meetingId: "m1")
        #expect(await Self.refusedForLackOfPoints(second))
        // The second client saw no response, but knows what the server said to the first.
        #expect(second.rateLimitStatus?.remaining == 7)
    }

    @Test func anotherKeyOrServerHasItsOwnPoints() async throws {
        let clock = TestClock().clock
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let first = Self.client(transport, clock: clock)
        _ = try await first.getMeeting(meetingId: "m1")
        #expect(await !Self.refusedForLackOfPoints(Self.client(transport, clock: clock, apiKey: "another-organizations-key")))
        #expect(await !Self.refusedForLackOfPoints(Self.client(transport, clock: clock, serverURL: "https://other.example.test/v1")))
    }

    @Test func aClientThatAsksForItsOwnBudgetGetsIt() async throws {
        let clock = TestClock().clock
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let first = Self.client(transport, clock: clock)
        _ = try await first.getMeeting(meetingId: "m1")
        #expect(await !Self.refusedForLackOfPoints(Self.client(transport, clock: clock, shares: false)))
        #expect(await Self.refusedForLackOfPoints(Self.client(transport, clock: clock)))
    }
}
