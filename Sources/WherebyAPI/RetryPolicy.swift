import Foundation
public import HTTPTypes

/// When ``RetryMiddleware`` sends a request again.
///
/// - A `429 Too Many Requests` is always safe to retry: the server did not act on the request.
///   It is retried after the delay the server states (see ``RateLimitInfo``), or after the
///   ``backoff`` when it states none.
/// - A transport failure (connection lost, timeout) is ambiguous: the request may have reached
///   the server. It is retried, after the ``backoff``, only when repeating it is harmless: an
///   idempotent method (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`), or an error that
///   ``requestWasNotSent`` recognizes as failing before anything was sent. A `POST` that
///   may have created a meeting is never sent twice.
/// - Every retry is bounded: at most ``maxAttempts`` attempts, and at most ``maxTotalDelay``
///   spent waiting between them. A wait that would go past that limit is not started; the
///   last response (a 429 becomes ``WherebyError/rateLimited(operation:_:)``) or error is
///   returned at once.
/// - Cancelling the calling task ends a wait at once with ``WherebyError/cancelled(operation:)``.
///
/// ```swift
/// var configuration = WherebyClient.Configuration()
/// configuration.retry = RetryPolicy(maxAttempts: 3, maxTotalDelay: .seconds(10))
/// ```
public struct RetryPolicy: Sendable {
    /// The most attempts per call, the first included; `1` never retries.
    public var maxAttempts: Int
    /// The most time one call spends waiting between attempts, all waits together.
    public var maxTotalDelay: Duration
    /// The first wait after a transport failure or a 429 that states no delay; each further
    /// wait doubles, up to ``maxBackoff``.
    public var backoff: Duration
    /// The longest wait ``backoff`` grows to.
    public var maxBackoff: Duration
    /// Whether transport failures are retried at all (when harmless, as described above).
    public var retriesTransportFailures: Bool
    /// Whether a transport error means the request never left the client (no connection could
    /// be made), so even a `POST` can be sent again. The default recognizes `URLError`s for an
    /// unknown host, a refused connection and no network; add your transport's errors here.
    public var requestWasNotSent: @Sendable (any Error) -> Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: The most attempts per call, the first included (at least 1).
    ///   - maxTotalDelay: The most time spent waiting between attempts of one call.
    ///   - backoff: The first wait when the server states none; it doubles on each retry.
    ///   - maxBackoff: The longest wait the backoff grows to.
    ///   - retriesTransportFailures: Whether transport failures are retried when harmless.
    ///   - requestWasNotSent: Whether an error shows that the request never left the client.
    public init(
        maxAttempts: Int = 5,
        maxTotalDelay: Duration = .seconds(180),
        backoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(10),
        retriesTransportFailures: Bool = true,
        requestWasNotSent: @escaping @Sendable (any Error) -> Bool = RetryPolicy.isConnectionFailure
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTotalDelay = maxTotalDelay
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.retriesTransportFailures = retriesTransportFailures
        self.requestWasNotSent = requestWasNotSent
    }

    /// Five attempts within three minutes of waiting: enough for a burst of three minutes'
    /// worth of points to get through. Request handlers with a deadline want less.
    public static let `default` = RetryPolicy()

    /// One attempt: every 429 and failure reaches the caller.
    public static let never = RetryPolicy(maxAttempts: 1)

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

    /// The wait before retry number `retry` (1 for the first) when the server states none.
    func backoff(beforeRetry retry: Int) -> Duration {
        var delay = backoff
        for _ in 1..<max(1, retry) where delay < maxBackoff { delay *= 2 }
        return min(delay, maxBackoff)
    }
}

extension RetryPolicy: CustomStringConvertible {
    /// Like `RetryPolicy(maxAttempts: 5, maxTotalDelay: 180.0 seconds, backoff: 0.5 seconds...10.0 seconds)`.
    public var description: String {
        "RetryPolicy(maxAttempts: \(maxAttempts), maxTotalDelay: \(maxTotalDelay), backoff: \(backoff)...\(maxBackoff), "
            + "retriesTransportFailures: \(retriesTransportFailures))"
    }
}
