import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import TestSupport

@Suite("Sending requests")
struct APIRuntimeSendTests {
    struct Meeting: Decodable, Sendable, Equatable {
        var meetingId: String
        var endDate: Date
    }

    struct Page: Decodable, Sendable {
        var results: [Meeting]
    }

    @Test("passes the built request, server URL and operation ID to the transport")
    func passesRequestToTransport() async throws {
        let transport = RecordingTransport(json: #"{"meetingId":"m1","endDate":"2025-05-12T16:42:49.5+02:00"}"#)
        var request = APIRequest(operationID: "getMeeting", method: .get, path: "/meetings/{meetingId}")
        try request.setPathParameter("meetingId", "m 1")
        try request.addQueryParameter("fields", ["hostRoomUrl", "viewerRoomUrl"], explode: false)
        let meeting = try await APIRuntime.testing(transport).send(request, expecting: [200], decoding: Meeting.self)

        #expect(meeting == Meeting(meetingId: "m1", endDate: Date(timeIntervalSince1970: 1_747_060_969.5)))
        let recorded = try #require(await transport.lastRequest)
        #expect(recorded.request.method == .get)
        #expect(recorded.request.path == "/meetings/m%201?fields=hostRoomUrl,viewerRoomUrl")
        #expect(recorded.request.scheme == nil && recorded.request.authority == nil)
        #expect(recorded.baseURL == testServerURL)
        #expect(recorded.operationID == "getMeeting")
        #expect(recorded.body == nil)
    }

    @Test("returns the raw response for expected statuses, codes, ranges and any")
    func acceptsExpectedStatuses() async throws {
        let transport = RecordingTransport(status: .accepted, headerFields: [.contentType: "text/csv"], body: Data("a,b".utf8))
        let runtime = APIRuntime.testing(transport)
        let response = try await runtime.send(.get(), expecting: [200, 202])
        #expect(response.status == 202)
        #expect(response.headerFields[.contentType] == "text/csv")
        #expect(response.body == Data("a,b".utf8))
        try await runtime.send(.get(), expecting: [.range(200...299)])
        try await runtime.send(.get(), expecting: [.any])
        await #expect(throws: APIClientError.self) { try await runtime.send(.get(), expecting: [200, .range(300...399)]) }
        await #expect(throws: APIClientError.self) { try await runtime.send(.get(), expecting: []) }
    }

    @Test("ExpectedStatus matches codes, ranges and any")
    func expectedStatusContains() {
        #expect(ExpectedStatus.code(204).contains(204))
        #expect(!(204 as ExpectedStatus).contains(200))
        #expect(ExpectedStatus.range(400...499).contains(404))
        #expect(!ExpectedStatus.range(400...499).contains(500))
        #expect(ExpectedStatus.any.contains(599))
        #expect([ExpectedStatus.any, 200, .range(200...299)].map(\.description) == ["any", "200", "200...299"])
    }

    @Test("throws unexpectedStatus with the response and a truncated one-line excerpt")
    func throwsUnexpectedStatus() async throws {
        let longBody = #"{"error":"Meeting not found",\#n"detail":""# + String(repeating: "x", count: 2000) + #""}"#
        let transport = RecordingTransport(status: .notFound, json: longBody)
        let error = await #expect(throws: APIClientError.self) {
            try await APIRuntime.testing(transport).send(.get(operationID: "getMeeting"), expecting: [200], decoding: Meeting.self)
        }
        guard case .unexpectedStatus(let operationID, let response) = error else {
            Issue.record("expected unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(operationID == "getMeeting")
        #expect(response.status == 404)
        #expect(response.body.count == longBody.utf8.count)
        let description = try #require(error?.description)
        #expect(description.hasPrefix(#"getMeeting: unexpected status 404 Not Found; body: {"error":"Meeting not found", "detail":"xxx"#))
        #expect(description.hasSuffix("xxx… (\(longBody.utf8.count) bytes)"))
        #expect(!description.contains("\n"))
        #expect(description.count < 700)
    }

    @Test("describes an empty or binary error body by its size")
    func describesEmptyAndBinaryBodies() {
        let empty = APIClientError.unexpectedStatus(operationID: "op", response: APIResponse(status: 500))
        #expect(empty.description == "op: unexpected status 500 Internal Server Error; empty body")
        let binary = APIClientError.unexpectedStatus(operationID: "op", response: APIResponse(status: 599, body: Data([0xFF, 0x00, 0xFE])))
        #expect(binary.description == "op: unexpected status 599; body: <3 bytes of binary data>")
        let cut = String(repeating: "a", count: 511) + "é"
        let excerpt = APIClientError.unexpectedStatus(operationID: "op", response: APIResponse(status: 400, body: Data(cut.utf8)))
        #expect(excerpt.description.hasSuffix(String(repeating: "a", count: 511) + "… (513 bytes)"))
    }

    @Test("reports a decoding failure with the coding path like results[1].endDate")
    func reportsDecodingPath() async throws {
        let body = #"{"results":[{"meetingId":"1","endDate":"2025-05-12T16:42:49Z"},{"meetingId":"2","endDate":"tomorrow"}]}"#
        let transport = RecordingTransport(json: body)
        let error = await #expect(throws: APIClientError.self) {
            try await APIRuntime.testing(transport).send(.get(operationID: "listMeetings"), expecting: [200], decoding: Page.self)
        }
        guard case .decodingFailed(let operationID, let codingPath, let reason, let excerpt, let response) = error else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(operationID == "listMeetings")
        #expect(codingPath == "results[1].endDate")
        #expect(reason == #"expected an ISO 8601 date-time like 2025-05-12T16:42:49Z, found "tomorrow""#)
        #expect(excerpt == body)
        #expect(response.status == 200)
        #expect(response.body == Data(body.utf8))
        #expect(error?.description == #"listMeetings: could not decode the response at results[1].endDate: expected an ISO 8601 date-time like 2025-05-12T16:42:49Z, found "tomorrow"; body: "# + body)
    }

    @Test("reports missing keys, wrong types and invalid JSON with their paths")
    func reportsOtherDecodingErrors() async throws {
        func failure(_ json: String) async -> APIClientError? {
            await #expect(throws: APIClientError.self) {
                try await APIRuntime.testing(RecordingTransport(json: json)).send(.get(), expecting: [200], decoding: Page.self)
            }
        }
        guard case .decodingFailed(_, let missingPath, let missingReason, _, _) = await failure(#"{"results":[{"endDate":"2025-05-12T16:42:49Z"}]}"#) else {
            Issue.record("expected decodingFailed")
            return
        }
        #expect(missingPath == "results[0].meetingId")
        #expect(missingReason == "the required key 'meetingId' is missing")
        guard case .decodingFailed(_, let typePath, _, _, _) = await failure(#"{"results":[{"meetingId":7,"endDate":"2025-05-12T16:42:49Z"}]}"#) else {
            Issue.record("expected decodingFailed")
            return
        }
        #expect(typePath == "results[0].meetingId")
        guard case .decodingFailed(_, let rootPath, let invalidReason, _, _) = await failure(#"{"results":["#) else {
            Issue.record("expected decodingFailed")
            return
        }
        #expect(rootPath == "")
        #expect(invalidReason.hasPrefix("the given data was not valid JSON"))
    }

    @Test("runs middlewares in order around the transport, first outermost")
    func runsMiddlewaresInOrder() async throws {
        let log = EventLog()
        let transport = LoggingTransport(log: log)
        let runtime = APIRuntime.testing(
            transport,
            middlewares: [TracingMiddleware(name: "A", log: log), TracingMiddleware(name: "B", log: log)]
        )
        try await runtime.send(.get(operationID: "traced"), expecting: [200])
        #expect(await log.events == [
            "A in traced https://api.example.com/v1",
            "B in traced https://api.example.com/v1",
            "transport X-Trace=A,B",
            "B out 200",
            "A out 200",
        ])
    }

    @Test("wraps transport and middleware errors in transportFailed")
    func wrapsTransportErrors() async throws {
        struct Boom: Error {}
        let error = await #expect(throws: APIClientError.self) {
            try await APIRuntime.testing(FailingTransport(error: Boom())).send(.get(operationID: "getThing"), expecting: [200])
        }
        guard case .transportFailed(let operationID, let underlying) = error else {
            Issue.record("expected transportFailed, got \(String(describing: error))")
            return
        }
        #expect(operationID == "getThing")
        #expect(underlying is Boom)
        #expect(error?.description == "getThing: the request failed: Boom()")
    }

    @Test("fails a response body longer than the limit without reading it all")
    func limitsResponseBodySize() async throws {
        var runtime = APIRuntime.testing(RecordingTransport(body: Data(count: 2048)))
        runtime.maximumResponseBodySize = 1024
        let error = await #expect(throws: APIClientError.self) { try await runtime.send(.get(), expecting: [200]) }
        guard case .transportFailed(_, let underlying) = error else {
            Issue.record("expected transportFailed, got \(String(describing: error))")
            return
        }
        #expect(underlying as? ResponseBodyTooLargeError == ResponseBodyTooLargeError(limit: 1024))
        #expect(error?.description == "listItems: the request failed: the response body is longer than the 1024-byte limit")
    }

    @Test("throws CancellationError when the calling task is cancelled, before or during the request")
    func cancellation() async throws {
        let recording = RecordingTransport()
        let runtime = APIRuntime.testing(recording)
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await runtime.send(.get(), expecting: [200])
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        #expect(await recording.requests.isEmpty)

        let slow = APIRuntime.testing(SlowTransport())
        let during = Task { try await slow.send(.get(), expecting: [200]) }
        try await Task.sleep(for: .milliseconds(50))
        during.cancel()
        await #expect(throws: CancellationError.self) { try await during.value }
    }

    @Test("reports a cancellation the transport saw but the calling task did not as cancelled")
    func transportCancellation() async throws {
        for underlying in [CancellationError() as any Error, URLError(.cancelled)] {
            let error = await #expect(throws: APIClientError.self) {
                try await APIRuntime.testing(FailingTransport(error: underlying)).send(.get(operationID: "op"), expecting: [200])
            }
            #expect(error?.description == "op: the request was cancelled")
        }
    }
}

// MARK: - Test doubles

actor EventLog {
    private(set) var events: [String] = []
    func append(_ event: String) { events.append(event) }
}

struct TracingMiddleware: ClientMiddleware {
    var name: String
    var log: EventLog

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        await log.append("\(name) in \(operationID) \(baseURL.absoluteString)")
        var request = request
        let trace = HTTPField.Name("X-Trace")!
        request.headerFields[trace] = [request.headerFields[trace], name].compactMap { $0 }.joined(separator: ",")
        let (response, responseBody) = try await next(request, body, baseURL)
        await log.append("\(name) out \(response.status.code)")
        return (response, responseBody)
    }
}

struct LoggingTransport: ClientTransport {
    var log: EventLog
    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        await log.append("transport X-Trace=\(request.headerFields[HTTPField.Name("X-Trace")!] ?? "")")
        return (HTTPResponse(status: .ok), nil)
    }
}

struct SlowTransport: ClientTransport {
    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        try await Task.sleep(for: .seconds(30))
        return (HTTPResponse(status: .ok), nil)
    }
}
