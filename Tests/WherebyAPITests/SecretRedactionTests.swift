import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import WherebyAPI

/// The API key never appears in what a developer might print or log: descriptions, debug
/// descriptions, `dump`, mirrors and errors of everything that holds or handles it.
@Suite struct SecretRedactionTests {
    static let key = WherebyClient.testKey

    /// Everything a developer might log about `value`.
    private func renderings(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [
            "\(value)", String(describing: value), String(reflecting: value), dumped,
            Mirror(reflecting: value).children.map { "\($0.label ?? ""): \($0.value)" }.joined(separator: "; "),
        ]
    }

    private func expectNoKey(in value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        for rendering in renderings(of: value) {
            #expect(!rendering.contains(Self.key), "the API key leaked in: \(rendering)", sourceLocation: sourceLocation)
            #expect(!rendering.contains("Zq8v3Xy1"), "part of the API key leaked in: \(rendering)", sourceLocation: sourceLocation)
        }
    }

    private func client(_ transport: ScriptedTransport) -> WherebyClient {
        WherebyClient.testing(transport, clock: TestClock(), retry: .never, onRateLimitStatus: { _ in })
    }

    @Test func theClientItsRuntimeAndItsMiddlewaresNeverShowTheKey() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = client(transport)
        _ = try await client.getMeeting(meetingId: "m1")
        #expect(transport.requests.first?.headerFields[.authorization] == "Bearer \(Self.key)")

        #expect(client.description == "WherebyClient(https://api.example.test/v1, Credentials(BearerAuth: Credential.bearer(<redacted>)))")
        expectNoKey(in: client)
        expectNoKey(in: client.runtime)
        expectNoKey(in: client.runtime.credentials)
        for middleware in client.runtime.middlewares { expectNoKey(in: middleware) }
        #expect(client.runtime.middlewares.count == 3)
    }

    @Test func theDefaultClientNeverShowsTheKey() {
        let client = WherebyClient(apiKey: Self.key)
        expectNoKey(in: client)
        #expect(client.debugDescription.contains("RetryMiddleware, RedirectMiddleware, RateLimitMiddleware"))
    }

    @Test func aConfiguredClientAndItsPerCallCopiesNeverShowTheKey() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: TestClock(), rateLimit: .build, onRateLimitStatus: { _ in })
        let copies = [client, client.with(timeout: .seconds(5)), client.with(retry: .never), client.with(rateLimitQueue: .zero)]
        // The copies hold the key: one of them sends it.
        _ = try await copies[1].getMeeting(meetingId: "m1")
        #expect(transport.requests.first?.headerFields[.authorization] == "Bearer \(Self.key)")
        for copy in copies {
            expectNoKey(in: copy)
            expectNoKey(in: copy.runtime)
            expectNoKey(in: copy.runtime.credentials)
            for middleware in copy.runtime.middlewares { expectNoKey(in: middleware) }
        }
    }

    @Test(arguments: [HTTPResponse.Status.unauthorized, .forbidden, .notFound, .tooManyRequests, .internalServerError, .ok])
    func errorsNeverShowTheKeyEvenWhenTheServerEchoesIt(status: HTTPResponse.Status) async {
        // A server that quotes the token back in its error and in a malformed success.
        let body = #"{"error":"invalid token Bearer \#(Self.key)","meetingId":7}"#
        let client = client(ScriptedTransport([.respond(status, headers: [.retryAfter: "1"], body: body)]))
        let error = await #expect(throws: WherebyError.self) { _ = try await client.getMeeting(meetingId: "m1") }
        if let error {
            expectNoKey(in: error)
            #expect(!error.localizedDescription.contains(Self.key))
        }
    }

    @Test func transportErrorsNeverShowTheKey() async {
        let failing = URLError(.timedOut, userInfo: [NSURLErrorFailingURLErrorKey: URL(string: "https://api.example.test/v1/meetings/m1")!])
        let client = client(ScriptedTransport([.fail(failing)]))
        let error = await #expect(throws: WherebyError.self) { _ = try await client.getMeeting(meetingId: "m1") }
        if let error { expectNoKey(in: error) }
    }
}
