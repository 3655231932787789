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
        guard case .unauthorized(let operation, let message, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(message == "Access token is missing or invalid")
        #expect(error?.description == "getMeeting: 401 unauthorized: Access token is missing or invalid")
        #expect(error?.status == 401)
    }

    @Test func mapsStatus403ToForbidden() async {
        let (error, _) = await failure([.respond(.forbidden)])
        guard case .forbidden(_, nil, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "getMeeting: 403 forbidden: the API key may not perform this action")
    }

    @Test func mapsStatus404ToNotFound() async {
        let (error, _) = await failure([.respond(.notFound, body: #"{"error":"Meeting not found"}"#)])
        guard case .notFound(_, "Meeting not found", _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "getMeeting: 404 not found: Meeting not found")
    }

    @Test func mapsStatus429ToRateLimitedWithDelayAndPoints() async {
        let headers: HTTPFields = [.retryAfter: "30", .rateLimitLimit: "100", .rateLimitRemaining: "0"]
        let (error, _) = await failure([.respond(.tooManyRequests, headers: headers, body: #"{"error":"Rate limit active","data":{"msLeft":29500}}"#)])
        guard case .rateLimited(let operation, let info, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(info.retryAfter == .seconds(30))
        #expect(info.delaySource == .retryAfter)
        #expect(info.limit == 100)
        #expect(info.remaining == 0)
        #expect(info.message == "Rate limit active")
        #expect(error?.description == "getMeeting: 429 rate limited: retry after 30 seconds (Retry-After); 0 of 100 points left")
    }

    @Test func mapsStatus400ToBadRequestWithWherebysErrorMessage() async {
        let (error, _) = await failure([.respond(.badRequest, body: #"{"error":"\"endDate\" must be a valid date"}"#)])
        guard case .badRequest("getMeeting", let message, let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message == #""endDate" must be a valid date"#)
        #expect(response.status == 400)
        #expect(error?.description == #"getMeeting: 400 bad request: "endDate" must be a valid date"#)
        #expect(error?.isRetryable == false)
    }

    @Test(arguments: [HTTPResponse.Status.internalServerError, .badGateway, .serviceUnavailable, .gatewayTimeout, .init(code: 599)])
    func maps5xxToServerErrorWithTheMessageOrTheBodyExcerpt(status: HTTPResponse.Status) async {
        let (error, _) = await failure([.respond(status, body: "upstream\nexploded")])
        guard case .serverError("getMeeting", "upstream exploded", let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(response.status == status.code)
        #expect(error?.description == "getMeeting: server error \(status.code): upstream exploded")
        #expect(error?.isRetryable == true)
    }

    @Test func mapsOtherStatusesToUnexpectedStatusWithABodyExcerpt() async {
        let (error, _) = await failure([.respond(.conflict, body: "already\nthere")])
        guard case .unexpectedStatus("getMeeting", "already there", let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(response.status == 409)
        #expect(error?.description == "getMeeting: unexpected status 409; body: already there")
        #expect(error?.isRetryable == false)
    }

    @Test func keepsTheResponseHeadersAndRequestIDButDropsSecretHeaders() async {
        let headers: HTTPFields = [
            HTTPField.Name("X-Amzn-Trace-Id")!: "Root=1-abc", .setCookie: "session=s3cr3t", HTTPField.Name("X-Echo")!: "Bearer \(WherebyClient.testKey)",
            .contentType: "application/json",
        ]
        let (error, _) = await failure([.respond(.notFound, headers: headers, body: #"{"error":"Meeting not found"}"#)])
        let response = error?.response
        #expect(response?.status == 404)
        #expect(error?.requestID == "Root=1-abc")
        #expect(response?.headerFields[.setCookie] == nil)
        #expect(response?.headerFields[HTTPField.Name("X-Echo")!] == "Bearer <redacted>")
        #expect(response?.headerFields[.contentType] == "application/json")
        #expect(error?.description == "getMeeting: 404 not found: Meeting not found (request ID Root=1-abc)")
    }

    @Test func prefersXRequestIdAmongRequestIDHeaders() {
        let response = WherebyError.Response(status: 500, headerFields: [HTTPField.Name("CF-Ray")!: "8f-AMS", HTTPField.Name("X-Request-Id")!: "req-1"])
        #expect(response.requestID == "req-1")
        #expect(WherebyError.Response(status: 500, headerFields: [HTTPField.Name("CF-Ray")!: "8f-AMS"]).requestID == "8f-AMS")
        #expect(WherebyError.Response(status: 500).requestID == nil)
    }

    @Test func saysWhichErrorsAreRetryable() {
        let response = WherebyError.Response(status: 0)
        let retryable: [WherebyError] = [
            .rateLimited(operation: "op", RateLimitInfo(), response: response),
            .serverError(operation: "op", message: nil, response: response),
            .timedOut(operation: "op", .attempt, limit: .seconds(1)),
            .transportFailed(operation: "op", underlying: URLError(.networkConnectionLost)),
            .unexpectedStatus(operation: "op", bodyExcerpt: "", response: .init(status: 408)),
        ]
        let final: [WherebyError] = [
            .badRequest(operation: "op", message: nil, response: response),
            .unauthorized(operation: "op", message: nil, response: response),
            .forbidden(operation: "op", message: nil, response: response),
            .notFound(operation: "op", message: nil, response: response),
            .unexpectedStatus(operation: "op", bodyExcerpt: "", response: .init(status: 409)),
            .redirectRefused(operation: "op", location: "https://elsewhere.test", response: response),
            .decodingFailed(operation: "op", codingPath: "", reason: "", bodyExcerpt: "", response: response),
            .invalidRequest(operation: "op", reason: ""),
            .cancelled(operation: "op"),
        ]
        #expect(retryable.allSatisfy { $0.isRetryable })
        #expect(!final.contains { $0.isRetryable })
    }

    @Test func mapsAResponseOfTheWrongShapeToDecodingFailedWithTheCodingPathAndResponse() async {
        let headers: HTTPFields = [HTTPField.Name("X-Request-Id")!: "req-7"]
        let (error, _) = await failure([.respond(.ok, headers: headers, body: #"{"meetingId":"1","roomUrl":"https://x","endDate":"soon"}"#)])
        guard case .decodingFailed(let operation, let codingPath, _, let excerpt, let response) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(operation == "getMeeting")
        #expect(codingPath == "endDate")
        #expect(excerpt.contains(#""endDate":"soon""#))
        #expect(response.status == 200)
        #expect(error?.requestID == "req-7")
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
        #expect(error?.isRetryable == true)
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
