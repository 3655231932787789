import Hummingbird
import HTTPTypes
import Logging

/// Turns every error a route throws into the API's error shape, `{"error": "<message>"}`, so
/// that the middleware outside it (rate limiting) always sees a response to add headers to.
///
/// Hummingbird's own errors (no route: 404; body over the size limit: 413) keep their status.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as MockError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message: String
            if error.status == .notFound && error.body == nil {
                message = "no operation at \(request.method) \(request.uri.path)"
            } else {
                message = error.body ?? error.status.reasonPhrase.lowercased()
            }
            return try Response.json(["error": .string(message)], status: error.status)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            return try Response.json(["error": "internal error in whereby-mock"], status: .internalServerError)
        }
    }
}
