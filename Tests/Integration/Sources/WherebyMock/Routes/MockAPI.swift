import Foundation
import Hummingbird
import Logging

/// The Whereby REST API v1 as served from memory: the router with its middleware and the 27
/// operations of `spec/whereby.json`, each in the extension named after its tag.
struct MockAPI: Sendable {
    typealias Context = BasicRequestContext

    let configuration: WherebyMockServer.Configuration
    let store: MockStore
    let rateLimiter: RateLimiter

    /// Every operation under `/v1`, as in the document's server URL `https://api.whereby.dev/v1`.
    ///
    /// Middleware, outermost first: request logging (at `.info`, method and path without headers,
    /// so keys never reach a log), the bearer-key check, rate limiting, and the error shape.
    func makeRouter() -> Router<Context> {
        let router = Router(context: Context.self)
        router.addMiddleware {
            LogRequestsMiddleware(.info)
            AuthenticationMiddleware(apiKeys: configuration.apiKeys)
            RateLimitMiddleware(limiter: rateLimiter)
            ErrorResponseMiddleware()
        }
        let v1 = router.group("v1")
        addMeetingRoutes(to: v1)
        addRecordingRoutes(to: v1)
        addTranscriptionRoutes(to: v1)
        addSummaryRoutes(to: v1)
        addRoomThemeRoutes(to: v1)
        addInsightRoutes(to: v1)
        return router
    }

    /// A path parameter, percent-decoded: room names arrive as `%2Froom-name`.
    func pathParameter(_ name: String, in context: Context) throws -> String {
        guard
            let raw = context.parameters.get(name),
            let value = raw.removingPercentEncoding,
            !value.isEmpty
        else {
            throw MockError.badRequest("path parameter \(name) is missing or not valid percent-encoding")
        }
        return value
    }

    /// The page size for a list: `limit` (1…100, `defaultLimit` when absent), capped by the
    /// configured page size.
    func paginator(_ query: QueryParameters, defaultLimit: Int, order: SortOrder = .creation) throws -> Paginator {
        let limit = try query.integer("limit", in: 1...100, default: defaultLimit)
        return Paginator(limit: min(limit, configuration.pageSize ?? limit), order: order)
    }
}
