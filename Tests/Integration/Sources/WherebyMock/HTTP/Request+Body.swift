import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

extension Request {
    /// The body's bytes, at most `context.maxUploadSize` of them (413 beyond).
    mutating func collectData(context: some RequestContext) async throws -> Data {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        return Data(buffer.readableBytesView)
    }

    /// The request's `Content-Type`, parsed.
    var contentType: HeaderValue? {
        headers[.contentType].map(HeaderValue.init)
    }

    /// The body of an operation whose request body is JSON.
    ///
    /// The document marks none of these bodies required, so an empty body reads as `{}` and the
    /// operation's required members then fail with their own messages. A body that is not
    /// declared as JSON is a 415; one that does not parse is a 400.
    mutating func jsonBody(context: some RequestContext) async throws -> JSONValue {
        let data = try await collectData(context: context)
        if data.isEmpty { return .object([:]) }
        guard let contentType, contentType.isJSON else {
            let given = headers[.contentType] ?? "none"
            throw MockError.unsupportedMediaType("request body must be application/json, got Content-Type \(given)")
        }
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw MockError.badRequest("request body is not valid JSON")
        }
    }
}
