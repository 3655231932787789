import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import TestSupport

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
