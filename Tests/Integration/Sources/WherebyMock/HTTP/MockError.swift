import Hummingbird
import HTTPTypes

/// A failure the stand-in answers with a status and a JSON body `{"error": "<message>"}`.
///
/// Route handlers throw it; ``ErrorResponseMiddleware`` turns it into the response, so that the
/// rate-limit headers are still added to it on the way out.
struct MockError: Error, HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// A parameter or body that breaks the document's constraints: 400.
    static func badRequest(_ message: String) -> MockError {
        MockError(.badRequest, message)
    }

    /// A resource that does not exist: 404.
    static func notFound(_ message: String) -> MockError {
        MockError(.notFound, message)
    }

    /// An action the document reserves for other resources, such as an access link to a
    /// self-hosted recording: 403.
    static func forbidden(_ message: String) -> MockError {
        MockError(.forbidden, message)
    }

    /// A request body of a media type the operation does not accept: 415.
    static func unsupportedMediaType(_ message: String) -> MockError {
        MockError(.unsupportedMediaType, message)
    }

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try Response.json(["error": .string(message)], status: status)
    }
}
