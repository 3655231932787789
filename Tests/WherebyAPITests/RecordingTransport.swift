import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What the transport received for one request.
struct RecordedRequest: Sendable {
    var request: HTTPRequest
    var body: Data?
    var baseURL: URL
    var operationID: String

    /// The full URL a transport sends to: the base URL followed by the request's path and query.
    var url: String? {
        guard let path = request.path else { return nil }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

/// A `ClientTransport` that records what it is sent and answers with a canned response.
struct RecordingTransport: ClientTransport {
    actor Recorder {
        private(set) var requests: [RecordedRequest] = []
        func record(_ request: RecordedRequest) { requests.append(request) }
    }

    let recorder = Recorder()
    var status: HTTPResponse.Status
    var headerFields: HTTPFields
    var body: Data?

    init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: Data? = nil) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: Data?
        if let body { bytes = try await Data(collecting: body, upTo: .max) }
        await recorder.record(RecordedRequest(request: request, body: bytes, baseURL: baseURL, operationID: operationID))
        return (HTTPResponse(status: status, headerFields: headerFields), self.body.map { HTTPBody($0) })
    }

    var requests: [RecordedRequest] {
        get async { await recorder.requests }
    }
}
