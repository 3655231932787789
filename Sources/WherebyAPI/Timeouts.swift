/// How long a call may take: in all, per attempt, and waiting in the queue for rate-limit
/// points. Every call ends within ``total`` whatever the server and the transport do.
///
/// - ``total`` is the call's deadline, counted from the moment it starts: every attempt, every
///   wait between attempts (``RetryPolicy``) and every wait for rate-limit points
///   (``RateLimitPolicy``) fit in it. A retry whose wait would end after the deadline is not
///   made; the last response or error is reported instead.
/// - ``attempt`` bounds one attempt: from handing the request to the transport until the whole
///   response body has been read (up to the runtime's `maximumResponseBodySize`, 32 MiB).
///   A server that sends its headers and then stalls is caught by it, whatever the transport's
///   own timeouts are. An attempt that times out is retried like a lost connection: a `GET`,
///   `PUT` or `DELETE` is, a `POST` is not.
/// - ``rateLimitQueue`` bounds the wait for points when the budget is spent: a call that
///   would wait longer fails at once, without waiting, and gives its place back.
///
/// Exceeding any of them throws ``WherebyError/timedOut(operation:_:limit:)`` saying which.
///
/// ```swift
/// configuration.timeouts = Timeouts(total: .seconds(10), attempt: .seconds(5))
/// let meeting = try await whereby.with(timeout: .seconds(3)).getMeeting(meetingId: id)
/// ```
public struct Timeouts: Sendable, Hashable {
    /// The most one call takes in all, retries and waits included.
    public var total: Duration
    /// The most one attempt takes, from sending to the end of the response body.
    public var attempt: Duration
    /// The most one attempt waits for rate-limit points.
    public var rateLimitQueue: Duration

    /// Creates the timeouts.
    /// - Parameters:
    ///   - total: The most one call takes in all (60 seconds by default).
    ///   - attempt: The most one attempt takes (30 seconds by default).
    ///   - rateLimitQueue: The most one attempt waits for points (30 seconds by default).
    public init(total: Duration = .seconds(60), attempt: Duration = .seconds(30), rateLimitQueue: Duration = .seconds(30)) {
        self.total = max(.zero, total)
        self.attempt = max(.zero, attempt)
        self.rateLimitQueue = max(.zero, rateLimitQueue)
    }

    /// 60 seconds a call, 30 seconds an attempt, 30 seconds of waiting for points.
    public static let `default` = Timeouts()
}

extension Timeouts: CustomStringConvertible {
    /// Like `Timeouts(total: 60.0 seconds, attempt: 30.0 seconds, rateLimitQueue: 30.0 seconds)`.
    public var description: String {
        "Timeouts(total: \(total), attempt: \(attempt), rateLimitQueue: \(rateLimitQueue))"
    }
}

/// Which bound of ``Timeouts`` a call exceeded.
public enum TimeoutKind: String, Sendable, Hashable, CaseIterable {
    /// One attempt took longer than ``Timeouts/attempt`` (and retries were spent or not allowed).
    case attempt
    /// The call as a whole reached its deadline, ``Timeouts/total``.
    case deadline
    /// Waiting for rate-limit points would have taken longer than ``Timeouts/rateLimitQueue``.
    case rateLimitQueue
}

/// A bound of ``Timeouts`` was exceeded; the runtime hands it on as the underlying error of a
/// transport failure, which ``WherebyError`` turns into ``WherebyError/timedOut(operation:_:limit:)``.
struct CallTimeout: Error, Sendable, Hashable, CustomStringConvertible {
    var kind: TimeoutKind
    var limit: Duration

    var description: String {
        switch kind {
        case .attempt: "an attempt took longer than \(limit)"
        case .deadline: "the call took longer than its \(limit) deadline"
        case .rateLimitQueue: "waiting for rate-limit points would take longer than \(limit)"
        }
    }
}

/// What the outermost layer of a call (``RetryMiddleware``) tells the layers inside it: when the
/// call must be over, and its timeouts.
struct CallContext: Sendable {
    var deadline: ContinuousClock.Instant
    var timeouts: Timeouts

    @TaskLocal static var current: CallContext?

    /// The time left until the deadline, zero when it has passed.
    func remaining(at now: ContinuousClock.Instant) -> Duration {
        max(.zero, now.duration(to: deadline))
    }
}
