public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// Sends a request again after a `429 Too Many Requests`, and after a transport failure when
/// that is harmless, as its ``RetryPolicy`` says.
///
/// ``WherebyClient/init(apiKey:configuration:)`` installs one outside your middlewares, so they
/// see every attempt. It works with any swift-openapi-runtime client too:
///
/// ```swift
/// let retry = RetryMiddleware(policy: RetryPolicy(maxAttempts: 3))
/// ```
///
/// It needs to send a body more than once, which `HTTPBody`s the runtime builds allow; a
/// request whose body can be read only once is never retried.
public struct RetryMiddleware: ClientMiddleware {
    /// When to retry.
    public var policy: RetryPolicy
    /// What waits are measured and slept with.
    public var clock: ClientClock

    /// The most bytes of a 429 body read to find `data.msLeft`.
    static let throttleBodyLimit = 64 * 1024

    /// Creates the middleware.
    public init(policy: RetryPolicy = .default, clock: ClientClock = .system) {
        self.policy = policy
        self.clock = clock
    }

    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let replayable = body.map { $0.iterationBehavior == .multiple } ?? true
        var attempt = 1
        var waited = Duration.zero
        while true {
            let canRetry = replayable && attempt < policy.maxAttempts
            let delay: Duration
            do {
                let (response, responseBody) = try await next(request, body, baseURL)
                guard response.status == .tooManyRequests, canRetry else { return (response, responseBody) }
                let bytes = await Self.read(responseBody)
                let info = RateLimitInfo(headerFields: response.headerFields, body: bytes, now: clock.date())
                delay = info.retryAfter ?? policy.backoff(beforeRetry: attempt)
                guard waited + delay <= policy.maxTotalDelay else { return (response, HTTPBody(bytes)) }
            } catch {
                guard canRetry, shouldRetry(request, after: error) else { throw error }
                delay = policy.backoff(beforeRetry: attempt)
                guard waited + delay <= policy.maxTotalDelay else { throw error }
            }
            try await clock.sleep(delay)
            waited += delay
            attempt += 1
        }
    }

    /// Whether a request that failed with `error` may be sent again.
    func shouldRetry(_ request: HTTPRequest, after error: any Error) -> Bool {
        guard policy.retriesTransportFailures, !Task.isCancelled, !(error is CancellationError) else { return false }
        return RetryPolicy.isIdempotent(request.method) || policy.requestWasNotSent(error)
    }

    /// A 429 body, up to ``throttleBodyLimit`` bytes; empty when it cannot be read.
    private static func read(_ body: HTTPBody?) async -> Data {
        guard let body else { return Data() }
        return (try? await Data(collecting: body, upTo: throttleBodyLimit)) ?? Data()
    }
}

extension RetryMiddleware: CustomStringConvertible {
    public var description: String { "RetryMiddleware(\(policy))" }
}
