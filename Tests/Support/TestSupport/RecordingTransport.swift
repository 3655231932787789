public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// What a ``RecordingTransport`` received for one request.
public struct RecordedRequest: Sendable {
    public var request: HTTPRequest
    public var body: Data?
    public var baseURL: URL
    public var operationID: String

    /// The request's header fields, by name.
    public func header(_ name: HTTPField.Name) -> String? { request.headerFields[name] }

    /// The body as UTF-8 text.
    public var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }

    /// The full URL a transport sends to: the base URL followed by the request's path and query.
    public var url: String? {
        guard let path = request.path else { return nil }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

/// A `ClientTransport` that records every request it is sent and answers each with the same
/// canned response.
public struct RecordingTransport: ClientTransport {
    /// Holds the recorded requests across the concurrency domains of a test.
    public actor Recorder {
        public private(set) var requests: [RecordedRequest] = []
        func record(_ request: RecordedRequest) { requests.append(request) }
    }

    public let recorder = Recorder()
    public var status: HTTPResponse.Status
    public var headerFields: HTTPFields
    public var body: Data?

    public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: Data? = nil) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    /// Answers with `json` as an `application/json` body.
    public init(status: HTTPResponse.Status = .ok, json: String) {
        self.init(status: status, headerFields: [.contentType: "application/json"], body: Data(json.utf8))
    }

    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: Data?
        if let body { bytes = try await Data(collecting: body, upTo: .max) }
        await recorder.record(RecordedRequest(request: request, body: bytes, baseURL: baseURL, operationID: operationID))
        return (HTTPResponse(status: status, headerFields: headerFields), self.body.map { HTTPBody($0) })
    }

    /// Every request so far, in the order they were sent.
    public var requests: [RecordedRequest] {
        get async { await recorder.requests }
    }

    /// The latest request, if any.
    public var lastRequest: RecordedRequest? {
        get async { await recorder.requests.last }
    }
}

/// A transport whose every send fails with `error`.
public struct FailingTransport: ClientTransport {
    public var error: any Error

    public init(error: any Error) {
        self.error = error
    }

    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        throw error
    }
}
