import Foundation
import HTTPTypes
import Testing
import WherebyAPI

/// Redirects are followed on the server's own origin only, with the methods browsers use, a
/// bounded number of times, each hop paced; the API key never goes to another origin.
@Suite struct RedirectTests {
    static let endDate = Date(timeIntervalSince1970: 1_747_071_769)

    @Test func followsA307OnTheSameOriginKeepingTheMethodTheBodyAndTheKey() async throws {
        let transport = ScriptedTransport([
            .respond(.temporaryRedirect, headers: [.location: "https://api.example.test/v1/meetings?moved=1"]),
            .respond(.created, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: TestClock()).createMeeting(.init(endDate: Self.endDate))
        #expect(transport.requests.map(\.method) == [.post, .post])
        #expect(transport.requests.last?.path == "/v1/meetings?moved=1")
        #expect(transport.baseURLs.last?.absoluteString == "https://api.example.test")
        #expect(transport.bodies.first == transport.bodies.last)
        #expect(transport.bodies.last??.isEmpty == false)
        #expect(transport.requests.last?.headerFields[.authorization] == "Bearer \(WherebyClient.testKey)")
    }

    @Test func followsARelativeLocation() async throws {
        let transport = ScriptedTransport([
            .respond(.permanentRedirect, headers: [.location: "/v2/meetings/m1"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: TestClock()).getMeeting(meetingId: "m1")
        #expect(transport.requests.last?.path == "/v2/meetings/m1")
    }

    @Test func turnsA303IntoAGetWithoutABody() async throws {
        let transport = ScriptedTransport([
            .respond(.seeOther, headers: [.location: "/v1/meetings/1"]),
            .respond(.created, body: Fixtures.meetingJSON),
        ])
        _ = try await WherebyClient.testing(transport, clock: TestClock()).createMeeting(.init(endDate: Self.endDate))
        #expect(transport.requests.map(\.method) == [.post, .get])
        #expect(transport.bodies.last == .some(nil))
        #expect(transport.requests.last?.headerFields[.contentType] == nil)
    }

    @Test func turnsAPostIntoAGetOnA302ButKeepsADelete() async throws {
        let post = ScriptedTransport([.respond(.found, headers: [.location: "/v1/x"]), .respond(.created, body: Fixtures.meetingJSON)])
        _ = try await WherebyClient.testing(post, clock: TestClock()).createMeeting(.init(endDate: Self.endDate))
        #expect(post.requests.map(\.method) == [.post, .get])
        let delete = ScriptedTransport([.respond(.movedPermanently, headers: [.location: "/v1/y"]), .respond(.noContent)])
        try await WherebyClient.testing(delete, clock: TestClock()).deleteMeeting(meetingId: "m1")
        #expect(delete.requests.map(\.method) == [.delete, .delete])
    }

    @Test(arguments: [
        "https://evil.example.test/v1/meetings/m1?key=1",  // another host
        "https://api.example.test:8443/v1/meetings/m1",  // another port
        "http://api.example.test/v1/meetings/m1",  // another scheme
        "//evil.example.test/steal",  // scheme-relative
    ])
    func refusesARedirectToAnotherOriginWithoutSendingAnything(location: String) async {
        let transport = ScriptedTransport([
            .respond(.temporaryRedirect, headers: [.location: location]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let error = await #expect(throws: WherebyError.self) {
            try await WherebyClient.testing(transport, clock: TestClock()).getMeeting(meetingId: "m1")
        }
        guard case .redirectRefused("getMeeting", let origin, let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(response.status == 307)
        #expect(transport.requests.count == 1)
        #expect(location.hasPrefix(origin) || location.hasPrefix("//"))
        #expect(!origin.contains("/v1") && !origin.contains("steal") && !origin.contains("key="))
        #expect(error?.isRetryable == false)
        #expect(error?.description.contains(WherebyClient.testKey) == false)
    }

    @Test func followsAtMostFiveRedirects() async {
        let transport = ScriptedTransport([.respond(.temporaryRedirect, headers: [.location: "/v1/meetings/m1"])])
        let error = await #expect(throws: WherebyError.self) {
            try await WherebyClient.testing(transport, clock: TestClock()).getMeeting(meetingId: "m1")
        }
        #expect(error?.status == 307)
        #expect(transport.requests.count == 6)
    }

    @Test func everyHopSpendsItsPoints() async throws {
        let transport = ScriptedTransport([
            .respond(.temporaryRedirect, headers: [.location: "/v1/meetings/m2"]),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.testing(transport, clock: TestClock(), rateLimit: .points(2))
        _ = try await client.getMeeting(meetingId: "m1")
        let error = await #expect(throws: WherebyError.self) { try await client.with(rateLimitQueue: .zero).getMeeting(meetingId: "m3") }
        guard case .timedOut(_, .rateLimitQueue, _) = error else { Issue.record("got \(String(describing: error))"); return }
    }
}
