import OpenAPIClientSupport

extension WherebyClient {
    /// The rate-limit headers of the latest response that had them: points left, the
    /// organization's limit, when the count resets. `nil` before the first such response, or
    /// for a client not made by ``init(apiKey:configuration:)``.
    public var rateLimitStatus: RateLimitStatus? {
        runtime.middlewares.lazy.compactMap { $0 as? RateLimitMiddleware }.first?.latestStatus
    }
}
