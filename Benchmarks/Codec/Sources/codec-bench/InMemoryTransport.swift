import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Answers every request with `200` and the page, so a call measures the client's own work:
/// building the request, its middlewares, reading the body and decoding it.
struct InMemoryTransport: ClientTransport {
    let body: ArraySlice<UInt8>

    func send(
        _ request: HTTPRequest,
        body _: HTTPBody?,
        baseURL _: URL,
        operationID _: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let response = HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"])
        return (response, HTTPBody(body))
    }
}
