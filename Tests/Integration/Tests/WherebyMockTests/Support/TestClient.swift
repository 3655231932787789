import Foundation
@testable import WherebyMock

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends real HTTP requests to a running stand-in over loopback, as a client would.
struct TestClient: Sendable {
    let baseURL: URL
    /// The bearer key sent with every request; `nil` sends no `Authorization` header.
    var apiKey: String? = WherebyMockServer.Configuration.developmentAPIKey

    struct RequestFailed: Error, CustomStringConvertible {
        let description: String
    }

    func get(_ path: String, query: String? = nil) async throws -> TestResponse {
        try await send("GET", path, query: query)
    }

    func delete(_ path: String) async throws -> TestResponse {
        try await send("DELETE", path)
    }

    func post(_ path: String, json: JSONValue) async throws -> TestResponse {
        try await send("POST", path, body: json.encoded(), contentType: "application/json")
    }

    func put(_ path: String, json: JSONValue) async throws -> TestResponse {
        try await send("PUT", path, body: json.encoded(), contentType: "application/json")
    }

    /// Sends `method` to `baseURL` + `path` (`/meetings`), with `query` already encoded.
    func send(
        _ method: String,
        _ path: String,
        query: String? = nil,
        body: Data? = nil,
        contentType: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> TestResponse {
        let text = baseURL.absoluteString + path + (query.map { "?\($0)" } ?? "")
        guard let url = URL(string: text) else { throw RequestFailed(description: "not a URL: \(text)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw RequestFailed(description: "not HTTP: \(response)") }
        var fields: [String: String] = [:]
        for case let (name as String, value as String) in http.allHeaderFields {
            fields[name.lowercased()] = value
        }
        return TestResponse(status: http.statusCode, headers: fields, body: data)
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }()
}

/// A response as the test sees it.
struct TestResponse: Sendable {
    let status: Int
    /// Header values by lower-cased name.
    let headers: [String: String]
    let body: Data

    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as JSON; `.null` when it is not JSON.
    var json: JSONValue {
        (try? JSONValue(parsing: body)) ?? .null
    }

    /// The `error` message of an error body.
    var errorMessage: String {
        json["error"]?.stringValue ?? ""
    }
}
