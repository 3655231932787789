import Foundation
public import HTTPTypes

/// When ``RetryMiddleware`` sends a request again.
///
/// - A request safe to repeat (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`) is retried after a
///   status of ``retriedStatuses`` (408, 429, 500, 502, 503, 504), a connection failure or an
///   attempt that timed out (``Timeouts/attempt``).
/// - A `POST` (or `PATCH`) is retried only when it provably did not take effect: after a `429`,
///   which the server rejected before acting, and after an error that ``requestWasNotSent``
///   recognizes as failing before anything was sent. A `POST` that may have created a meeting
///   is never sent twice, so a 5xx, a lost connection or a timeout after sending is reported.
/// - The wait before a retry is the server's `Retry-After` (seconds or an HTTP date) when it
///   sends one; for a `429` also its `data.msLeft` or `X-RateLimit-Reset` (see
///   ``RateLimitInfo``). Otherwise it is exponential backoff with full jitter: a random
///   duration between zero and `min(maxBackoff, backoff × 2^(retry − 1))`.
/// - Every retry is bounded: at most ``maxAttempts`` attempts, at most ``maxTotalDelay`` spent
///   waiting between them, and no wait that would end after the call's deadline
///   (``Timeouts/total``). A wait past either limit is not started; the last response (a 429
///   becomes ``WherebyError/rateLimited(operation:_:response:)``, a 503
///   ``WherebyError/serverError(operation:message:response:)``) or error is reported at once.
/// - Each attempt goes through the rate-limit pacing and spends its points.
/// - Cancelling the calling task ends a wait at once with ``WherebyError/cancelled(operation:)``.
///
/// ```swift
/// var configuration = WherebyClient.Configuration()
/// configuration.retry = RetryPolicy(maxAttempts: 5, maxTotalDelay: .seconds(10))
/// ```
public struct RetryPolicy: Sendable {
    /// The most attempts per call, the first included; `1` never retries.
    public var maxAttempts: Int
    /// The most time one call spends waiting between attempts, all waits together.
    public var maxTotalDelay: Duration
    /// The cap of the first backoff; each further retry doubles it, up to ``maxBackoff``.
    public var backoff: Duration
    /// The largest cap the backoff grows to.
    public var maxBackoff: Duration
    /// The statuses retried: for requests safe to repeat, all of them; for others only `429`.
    public var retriedStatuses: Set<Int>
    /// Whether transport failures and attempt timeouts are retried at all (when harmless, as
    /// described above).
    public var retriesTransportFailures: Bool
    /// Whether a transport error means the request never left the client (no connection could
    /// be made), so even a `POST` can be sent again. The default recognizes `URLError`s for an
    /// unknown host, a refused connection and no network; add your transport's errors here.
    public var requestWasNotSent: @Sendable (any Error) -> Bool
    /// Picks the backoff to wait from its cap: ``fullJitter(_:)`` (uniformly between zero and the
    /// cap) by default; tests pass a function that returns a fixed share of it.
    public var jitter: @Sendable (Duration) -> Duration

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: The most attempts per call, the first included (at least 1).
    ///   - maxTotalDelay: The most time spent waiting between attempts of one call.
    ///   - backoff: The cap of the first backoff; it doubles on each retry.
    ///   - maxBackoff: The largest cap the backoff grows to.
    ///   - retriedStatuses: The statuses retried (only `429` for requests not safe to repeat).
    ///   - retriesTransportFailures: Whether transport failures are retried when harmless.
    ///   - requestWasNotSent: Whether an error shows that the request never left the client.
    ///   - jitter: Picks the wait from the backoff's cap.
    public init(
        maxAttempts: Int = 3,
        maxTotalDelay: Duration = .seconds(60),
        backoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8),
        retriedStatuses: Set<Int> = RetryPolicy.defaultRetriedStatuses,
        retriesTransportFailures: Bool = true,
        requestWasNotSent: @escaping @Sendable (any Error) -> Bool = RetryPolicy.isConnectionFailure,
        jitter: @escaping @Sendable (Duration) -> Duration = RetryPolicy.fullJitter
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTotalDelay = maxTotalDelay
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.retriedStatuses = retriedStatuses
        self.retriesTransportFailures = retriesTransportFailures
        self.requestWasNotSent = requestWasNotSent
        self.jitter = jitter
    }

    /// Three attempts (two retries), as Stainless-built SDKs make, within the call's deadline.
    public static let `default` = RetryPolicy()

    /// One attempt: every failure reaches the caller.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// 408, 429, 500, 502, 503 and 504.
    public static let defaultRetriedStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// A duration chosen uniformly between zero and `cap`: "full jitter", which spreads the
    /// retries of many clients that failed together.
    @Sendable
    public static func fullJitter(_ cap: Duration) -> Duration {
        cap * Double.random(in: 0...1)
    }

    /// Whether `error` is a `URLError` raised before a connection existed: unknown host, DNS
    /// failure, connection refused, no network.
    @Sendable
    public static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        return [.cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .notConnectedToInternet].contains(error.code)
    }

    /// Whether sending a request with `method` twice has the effect of sending it once.
    public static func isIdempotent(_ method: HTTPRequest.Method) -> Bool {
        [.get, .head, .options, .put, .delete, .trace].contains(method)
    }

    /// Whether a response with `status` to a request with `method` is retried.
    func retries(status: Int, method: HTTPRequest.Method) -> Bool {
        guard retriedStatuses.contains(status) else { return false }
        return status == 429 || Self.isIdempotent(method)
    }

    /// The cap of the backoff before retry number `retry` (1 for the first).
    func backoffCap(beforeRetry retry: Int) -> Duration {
        var delay = backoff
        for _ in 1..<max(1, retry) where delay < maxBackoff { delay *= 2 }
        return min(delay, maxBackoff)
    }

    /// The wait before retry number `retry` when the server states none: the jittered cap.
    func backoff(beforeRetry retry: Int) -> Duration {
        let cap = backoffCap(beforeRetry: retry)
        return min(cap, max(.zero, jitter(cap)))
    }
}

extension RetryPolicy: CustomStringConvertible {
    /// Like `RetryPolicy(maxAttempts: 3, maxTotalDelay: 60.0 seconds, backoff: 0.5 seconds...8.0 seconds, ...)`.
    public var description: String {
        "RetryPolicy(maxAttempts: \(maxAttempts), maxTotalDelay: \(maxTotalDelay), backoff: \(backoff)...\(maxBackoff), "
            + "retriedStatuses: \(retriedStatuses.sorted()), retriesTransportFailures: \(retriesTransportFailures))"
    }
}
