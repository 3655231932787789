import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// Every way a call can fail reaches the caller as one `WherebyError` case.
@Suite struct WherebyErrorTests {
    private func failure(
        _ steps: [ScriptedTransport.Step],
        retry: RetryPolicy = .never,
        call: @Sendable (WherebyClient) async throws -> Void = { _ = try await $0.getMeeting(meetingId: "m1") }
    ) async -> (WherebyError?, ScriptedTransport) {
        let transport = ScriptedTransport(steps)
        let client = WherebyClient.testing(transport, clock: TestClock(), retry: retry)
        let error = await #expect(throws: WherebyError.self) { try await call(client) }
        return (error, transport)
    }

    @Test func mapsStatus401ToUnauthorizedWithTheServersMessage() async {
        let (error, _) = await failure([.respond(.unauthorized, body: #"{"error":"Access token is missing or invalid"}"#)])
        guard case .unauthorized(let operation, let message) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(message == "Access token is missing or invalid")
        #expect(error?.description == "getMeeting: 401 unauthorized: Access token is missing or invalid")
        #expect(error?.status == 401)
    }

    @Test func mapsStatus403ToForbidden() async {
        let (error, _) = await failure([.respond(.forbidden)])
        guard case .forbidden(_, nil) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "getMeeting: 403 forbidden: the API key may not perform this action")
    }

    @Test func mapsStatus404ToNotFound() async {
        let (error, _) = await failure([.respond(.notFound, body: #"{"error":"Meeting not found"}"#)])
        guard case .notFound(_, "Meeting not found") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "getMeeting: 404 not found: Meeting not found")
    }

    @Test func mapsStatus429ToRateLimitedWithDelayAndPoints() async {
        let headers: HTTPFields = [.retryAfter: "30", .rateLimitLimit: "100", .rateLimitRemaining: "0"]
        let (error, _) = await failure([.respond(.tooManyRequests, headers: headers, body: #"{"error":"Rate limit active","data":{"msLeft":29500}}"#)])
        guard case .rateLimited(let operation, let info) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(info.retryAfter == .seconds(30))
        #expect(info.delaySource == .retryAfter)
        #expect(info.limit == 100)
        #expect(info.remaining == 0)
        #expect(info.message == "Rate limit active")
        #expect(error?.description == "getMeeting: 429 rate limited: retry after 30 seconds (Retry-After); 0 of 100 points left")
    }

    @Test func mapsOtherStatusesToUnexpectedStatusWithABodyExcerpt() async {
        let (error, _) = await failure([.respond(.internalServerError, body: "upstream\nexploded")])
        guard case .unexpectedStatus("getMeeting", 500, "upstream exploded") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "getMeeting: unexpected status 500; body: upstream exploded")
    }

    @Test func mapsAResponseOfTheWrongShapeToDecodingFailedWithTheCodingPath() async {
        let (error, _) = await failure([.respond(.ok, body: #"{"meetingId":"1","roomUrl":"https://x","endDate":"soon"}"#)])
        guard case .decodingFailed(let operation, let codingPath, _, let excerpt) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(codingPath == "endDate")
        #expect(excerpt.contains(#""endDate":"soon""#))
    }

    @Test func mapsAnInvalidArgumentToInvalidRequestWithoutSendingIt() async {
        let (error, transport) = await failure([.respond(.ok, body: Fixtures.meetingJSON)]) { client in
            _ = try await client.getMeeting(meetingId: "")
        }
        guard case .invalidRequest("getMeeting", let reason) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.hasPrefix("'meetingId': a path parameter cannot be empty"))
        #expect(transport.requests.isEmpty)
    }

    @Test func mapsATransportErrorToTransportFailedKeepingTheUnderlyingError() async {
        let (error, _) = await failure([.fail(URLError(.timedOut))])
        guard case .transportFailed("getMeeting", let underlying) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect((underlying as? URLError)?.code == .timedOut)
        #expect(error?.description.hasPrefix("getMeeting: the request failed: URLError -1001") == true)
    }

    @Test func mapsTaskCancellationToCancelled() async {
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.testing(transport, clock: TestClock())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.getMeeting(meetingId: "m1")
        }
        let error = await #expect(throws: WherebyError.self) { try await task.value }
        guard case .cancelled("getMeeting") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.requests.isEmpty)
    }

    @Test func describesEveryErrorOnOneLine() async {
        let (error, _) = await failure([.respond(.badGateway, body: String(repeating: "line\n", count: 200))])
        let description = error?.description ?? ""
        #expect(!description.contains("\n"))
        #expect(description.hasSuffix("… (1000 bytes)"))
        #expect(error?.localizedDescription == description)
    }
}
