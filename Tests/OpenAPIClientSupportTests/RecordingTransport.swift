import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime

/// What a ``RecordingTransport`` received for one request.
struct RecordedRequest: Sendable {
    var request: HTTPRequest
    var body: Data?
    var baseURL: URL
    var operationID: String

    /// The request's header fields, by name.
    func header(_ name: HTTPField.Name) -> String? { request.headerFields[name] }

    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}

/// Stores every request it receives and answers with a canned response.
struct RecordingTransport: ClientTransport {
    /// Holds the recorded requests across the concurrency domains of a test.
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

    init(status: HTTPResponse.Status = .ok, json: String) {
        self.init(status: status, headerFields: [.contentType: "application/json"], body: Data(json.utf8))
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

    var lastRequest: RecordedRequest? {
        get async { await recorder.requests.last }
    }
}

/// A transport that fails with the given error.
struct FailingTransport: ClientTransport {
    var error: any Error
    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        throw error
    }
}

let testServerURL = URL(string: "https://api.example.com/v1")!

extension APIRuntime {
    /// A runtime for tests, against `https://api.example.com/v1`.
    static func testing(
        _ transport: any ClientTransport = RecordingTransport(),
        middlewares: [any ClientMiddleware] = [],
        credentials: Credentials = Credentials()
    ) -> APIRuntime {
        APIRuntime(serverURL: testServerURL, transport: transport, middlewares: middlewares, credentials: credentials)
    }

    /// The request path (with query) `makeHTTPRequest` builds.
    func path(of request: APIRequest) throws -> String {
        try makeHTTPRequest(request).0.path ?? ""
    }
}

extension APIRequest {
    /// A GET request for tests.
    static func get(_ path: String = "/items", operationID: String = "listItems") -> APIRequest {
        APIRequest(operationID: operationID, method: .get, path: path)
    }
}

/// The query of a path, or "" when it has none.
func query(of path: String) -> String {
    guard let start = path.firstIndex(of: "?") else { return "" }
    return String(path[path.index(after: start)...])
}
