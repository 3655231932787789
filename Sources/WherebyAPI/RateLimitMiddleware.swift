public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// Paces requests by Whereby's point budget and reads the rate-limit headers of every
/// response, as its ``RateLimitPolicy`` says.
///
/// ``WherebyClient/init(apiKey:configuration:)`` installs one innermost, next to the
/// transport, so it sees every attempt (and every redirect hop) of every call. Share one client
/// (or one middleware) among all the tasks of a process that use the same organization: the
/// budget is per middleware, and the copies ``WherebyClient/with(_:)`` makes share it.
///
/// Inside a ``WherebyClient`` a call waits for points no longer than its
/// ``Timeouts/rateLimitQueue`` and its deadline allow: one that would wait longer fails at once
/// with ``WherebyError/timedOut(operation:_:limit:)`` and gives its place back.
///
/// ```swift
/// let pacing = RateLimitMiddleware(policy: .build) { status in
///     metrics.record(remaining: status.remaining)
/// }
/// ```
public struct RateLimitMiddleware: ClientMiddleware {
    private let limiter: RateLimiter
    private let onStatus: (@Sendable (RateLimitStatus) -> Void)?

    /// Creates the middleware.
    /// - Parameters:
    ///   - policy: How to pace requests.
    ///   - clock: What waits are measured and slept with.
    ///   - onStatus: Called with the rate-limit headers of every response that has them.
    public init(
        policy: RateLimitPolicy = .automatic,
        clock: ClientClock = .system,
        onStatus: (@Sendable (RateLimitStatus) -> Void)? = nil
    ) {
        limiter = RateLimiter(policy: policy, clock: clock)
        self.onStatus = onStatus
    }

    /// Creates the middleware on a schedule shared with other clients of the organization.
    init(
        policy: RateLimitPolicy,
        clock: ClientClock,
        schedule: Locked<RateLimiter.State>,
        onStatus: (@Sendable (RateLimitStatus) -> Void)?
    ) {
        limiter = RateLimiter(policy: policy, clock: clock, schedule: schedule)
        self.onStatus = onStatus
    }

    /// How requests are paced.
    public var policy: RateLimitPolicy { limiter.policy }

    /// The rate-limit headers of the latest response that had them.
    public var latestStatus: RateLimitStatus? { limiter.latestStatus }

    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // Set when the client observes its calls; the points, waits and statuses are reported to it.
        let observation = CallObservation.current
        let cost = policy.cost(request)
        let waited = try await acquire(cost: cost, observation: observation)
        observation?.spent(cost, waited: waited)
        var (response, responseBody) = try await next(request, body, baseURL)
        observation?.responded(response.status.code)
        let now = limiter.clock.date()
        let status = RateLimitStatus(headerFields: response.headerFields, receivedAt: now)
        var retryAfter: Duration?
        if response.status == .tooManyRequests {
            observation?.throttled()
            // The body's data.msLeft may be the only delay; read it and hand the body on.
            let (bytes, kept) = await RetryMiddleware.peek(responseBody)
            responseBody = kept
            retryAfter = RateLimitInfo(headerFields: response.headerFields, body: bytes, now: now).retryAfter
        }
        limiter.observe(status, retryAfter: retryAfter)
        if let status {
            if let remaining = status.remaining { observation?.remainingPoints(remaining) }
            onStatus?(status)
        }
        return (response, responseBody)
    }

    /// Waits for the points of one attempt, no longer than the call's rate-limit queue bound
    /// (``Timeouts/rateLimitQueue``) and its deadline allow.
    /// - Returns: How long it waited.
    private func acquire(cost: Int, observation: CallObservation?) async throws -> Duration {
        var willWait: ((Duration) -> Void)?
        if let observation { willWait = { wait in observation.waitingForPoints(wait, cost: cost) } }
        guard let context = CallContext.current else {
            return try await limiter.acquire(cost: cost, willWait: willWait)
        }
        let queue = context.timeouts.rateLimitQueue
        let remaining = context.remaining(at: limiter.clock.now())
        // A wait that uses up the deadline leaves no time to send: it is refused too.
        let (maxWait, inclusive, timeout) = queue < remaining
            ? (queue, true, CallTimeout(kind: .rateLimitQueue, limit: queue))
            : (remaining, false, CallTimeout(kind: .deadline, limit: context.timeouts.total))
        do {
            return try await limiter.acquire(cost: cost, maxWait: maxWait, inclusive: inclusive, willWait: willWait)
        } catch is RateLimiter.QueueWaitTooLong {
            throw timeout
        }
    }
}

extension RateLimitMiddleware: CustomStringConvertible {
    public var description: String { "RateLimitMiddleware(\(policy))" }
}
