import OpenAPIClientSupport
import OpenAPIRuntime

/// Settings for one call or a group of calls, applied with ``WherebyClient/with(_:)``; what is
/// `nil` keeps the client's own.
///
/// ```swift
/// // A request handler that must answer within 5 seconds:
/// let meeting = try await whereby.with(timeout: .seconds(5)).getMeeting(meetingId: id)
///
/// // A nightly export that may wait for points and retry longer, without a second client:
/// let export = whereby.with(CallOptions(timeout: .seconds(600), rateLimitQueue: .seconds(120),
///                                       retry: RetryPolicy(maxAttempts: 6)))
/// for try await recording in export.allRecordings() { ... }
/// ```
public struct CallOptions: Sendable {
    /// The call's deadline, ``Timeouts/total``.
    public var timeout: Duration?
    /// The bound of one attempt, ``Timeouts/attempt``.
    public var attemptTimeout: Duration?
    /// The longest wait for rate-limit points, ``Timeouts/rateLimitQueue``. This is the
    /// client's priority: a call that must not wait behind others (or should give way to them)
    /// passes `.zero`, and fails at once with ``WherebyError/timedOut(operation:_:limit:)``
    /// instead of queueing when the budget is spent, taking no points that others wait for.
    public var rateLimitQueue: Duration?
    /// When to retry.
    public var retry: RetryPolicy?

    /// Creates options; what is `nil` keeps the client's own.
    public init(timeout: Duration? = nil, attemptTimeout: Duration? = nil, rateLimitQueue: Duration? = nil, retry: RetryPolicy? = nil) {
        self.timeout = timeout
        self.attemptTimeout = attemptTimeout
        self.rateLimitQueue = rateLimitQueue
        self.retry = retry
    }
}

extension WherebyClient {
    /// A copy of this client whose calls use `options`, sharing everything else: the transport,
    /// your middlewares, and the rate-limit budget and pacing (so copies never split the
    /// organization's points). Cheap to make: a copy per call is fine.
    ///
    /// A client not made by ``init(apiKey:configuration:)`` has no ``RetryMiddleware``;
    /// its copy is the same client.
    public func with(_ options: CallOptions) -> WherebyClient {
        var runtime = runtime
        runtime.middlewares = runtime.middlewares.map { (middleware) -> any ClientMiddleware in
            guard var retry = middleware as? RetryMiddleware else { return middleware }
            if let timeout = options.timeout { retry.timeouts.total = max(.zero, timeout) }
            if let attemptTimeout = options.attemptTimeout { retry.timeouts.attempt = max(.zero, attemptTimeout) }
            if let rateLimitQueue = options.rateLimitQueue { retry.timeouts.rateLimitQueue = max(.zero, rateLimitQueue) }
            if let policy = options.retry { retry.policy = policy }
            return retry
        }
        return WherebyClient(runtime: runtime)
    }

    /// A copy of this client whose calls end within `timeout` (their deadline).
    public func with(timeout: Duration) -> WherebyClient {
        with(CallOptions(timeout: timeout))
    }

    /// A copy of this client whose calls retry as `retry` says.
    public func with(retry: RetryPolicy) -> WherebyClient {
        with(CallOptions(retry: retry))
    }

    /// A copy of this client whose calls wait at most `rateLimitQueue` for rate-limit points.
    public func with(rateLimitQueue: Duration) -> WherebyClient {
        with(CallOptions(rateLimitQueue: rateLimitQueue))
    }

    /// The call settings of this client: its timeouts and retry policy; `nil` for a client not
    /// made by ``init(apiKey:configuration:)``.
    public var callSettings: (timeouts: Timeouts, retry: RetryPolicy)? {
        runtime.middlewares.lazy.compactMap { $0 as? RetryMiddleware }.first.map { ($0.timeouts, $0.policy) }
    }
}
