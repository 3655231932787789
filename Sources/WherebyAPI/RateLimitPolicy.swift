public import HTTPTypes

/// How ``RateLimitMiddleware`` paces calls so that a burst is spread out instead of rejected.
///
/// Whereby counts points per organization and minute: a read costs 1, a delete 2, any other
/// write 3 (``wherebyCost(of:)``). Build plans get 100 points a minute and Grow plans 1000,
/// shared by every API key of the organization.
///
/// - With a ``budget``, calls wait (in the order they were made) until spending their points
///   keeps every ``window`` within the budget: `.build` never sends more than 100 points in
///   any minute, so a burst of 300 points takes a little over two minutes and gets no 429.
/// - With ``followsServerHeaders`` (the default), `X-RateLimit-Remaining` and
///   `X-RateLimit-Reset` of every response, and the delay of every 429, hold calls back
///   until the organization's count resets once the points the server reports are spent.
///   This is how several processes sharing one organization converge without a shared store:
///   each sees what the others spent in the headers.
///
/// Waiting for the budget is not counted in ``RetryPolicy/maxTotalDelay``, but it is bounded:
/// a call of a ``WherebyClient`` waits at most ``Timeouts/rateLimitQueue`` and never past its
/// deadline, and fails at once (without queueing) when it would have to. A reported reset more
/// than a ``window`` away is treated as one window away, so no call is held back longer than
/// the queue ahead of it needs.
///
/// A budget below the organization's limit leaves room for other processes:
///
/// ```swift
/// configuration.rateLimit = .points(50)  // half of a Build plan
/// ```
public struct RateLimitPolicy: Sendable {
    /// The points this client may spend per ``window``; `nil` paces by the server's headers
    /// alone.
    public var budget: Int?
    /// The span the budget covers: one minute for Whereby.
    public var window: Duration
    /// Whether the server's `X-RateLimit-Remaining`, `X-RateLimit-Reset` and 429 delays hold
    /// calls back until its count resets.
    public var followsServerHeaders: Bool
    /// The points a request costs.
    public var cost: @Sendable (HTTPRequest) -> Int

    /// Creates a policy.
    /// - Parameters:
    ///   - budget: The points that may be spent per window, or `nil` for no budget of its own.
    ///   - window: The span the budget covers.
    ///   - followsServerHeaders: Whether the server's rate-limit headers hold calls back.
    ///   - cost: The points a request costs; Whereby's by default.
    public init(
        budget: Int?,
        window: Duration = .seconds(60),
        followsServerHeaders: Bool = true,
        cost: @escaping @Sendable (HTTPRequest) -> Int = RateLimitPolicy.wherebyCost(of:)
    ) {
        self.budget = budget.map { max(1, $0) }
        self.window = window
        self.followsServerHeaders = followsServerHeaders
        self.cost = cost
    }

    /// No budget of its own; waits only when the server's headers say the points are spent.
    /// The default.
    public static let automatic = RateLimitPolicy(budget: nil)

    /// A Build plan: 100 points a minute.
    public static let build = RateLimitPolicy(budget: 100)

    /// A Grow plan: 1000 points a minute.
    public static let grow = RateLimitPolicy(budget: 1000)

    /// No pacing at all; the headers are still read for ``WherebyClient/rateLimitStatus``.
    public static let disabled = RateLimitPolicy(budget: nil, followsServerHeaders: false)

    /// A budget of `points` a minute, following the server's headers too.
    public static func points(_ points: Int) -> RateLimitPolicy {
        RateLimitPolicy(budget: points)
    }

    /// Whereby's price of a request: `GET`, `HEAD` and `OPTIONS` 1 point, `DELETE` 2, any
    /// other method 3.
    @Sendable
    public static func wherebyCost(of request: HTTPRequest) -> Int {
        switch request.method {
        case .get, .head, .options: 1
        case .delete: 2
        default: 3
        }
    }

    /// Whether this policy ever holds a call back.
    var paces: Bool { budget != nil || followsServerHeaders }
}

extension RateLimitPolicy: CustomStringConvertible {
    /// Like `RateLimitPolicy(budget: 100 points per 60 seconds, followsServerHeaders: true)`.
    public var description: String {
        let budget = budget.map { "\($0) points per \(window)" } ?? "none"
        return "RateLimitPolicy(budget: \(budget), followsServerHeaders: \(followsServerHeaders))"
    }
}
