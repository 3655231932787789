import Hummingbird
import HTTPTypes

/// Accepts a request only with `Authorization: Bearer <key>` naming one of the configured keys;
/// anything else is 401 with `{"error": "Access token is missing or invalid"}`.
///
/// Runs before rate limiting: the budget belongs to an organization, and a request without a
/// valid key has none, so a 401 carries no rate-limit headers and spends no points.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let apiKeys: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key = Self.bearerToken(in: request.headers[.authorization]), apiKeys.contains(key) else {
            var response = try Response.json(["error": "Access token is missing or invalid"], status: .unauthorized)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// The token of a `Bearer` credential; the scheme is case-insensitive (RFC 9110).
    static func bearerToken(in header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = String(parts[1]).trimmingSpaces()
        return token.isEmpty ? nil : token
    }
}
