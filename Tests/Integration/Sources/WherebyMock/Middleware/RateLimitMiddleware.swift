import Hummingbird
import HTTPTypes

/// Charges every authenticated request against the organization's budget and writes the
/// documented headers on every response it lets through or rejects.
///
/// A read (`GET`, `HEAD`) costs 1 point, a `DELETE` 2, and any other method a write's 3, bulk
/// deletes included: they are `POST`s. Rejected requests get 429 with `Retry-After` (seconds) and
/// the reference's body, `{"error": "Rate limit active for throttle key: organization:1",
/// "data": {"msLeft": N}}`.
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decision = await limiter.charge(Self.cost(of: request.method))
        var response: Response
        if decision.allowed {
            response = try await next(request, context)
        } else {
            response = try Response.json(
                [
                    "error": "Rate limit active for throttle key: organization:1",
                    "data": ["msLeft": .integer(decision.millisecondsLeft)],
                ],
                status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(decision.secondsLeft)
        }
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = HTTPDate.format(decision.resetsAt)
        return response
    }

    /// Points a request costs, by method: read 1, delete 2, write 3.
    static func cost(of method: HTTPRequest.Method) -> Int {
        switch method {
        case .get, .head, .options: 1
        case .delete: 2
        default: 3
        }
    }
}

extension HTTPField.Name {
    // The literals are valid field names, so these initializers cannot fail.
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}
