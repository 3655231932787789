import Foundation

/// The organization's point budget, shared by every accepted API key as the reference says.
///
/// A fixed window: it opens with the first request after the previous window closed and lasts
/// `window`; within it requests spend points until the next one would overdraw the budget, which
/// is then rejected without being charged. This matches the 429 body's `msLeft`, "milliseconds left
/// until rate limit is finished".
actor RateLimiter {
    /// The outcome of charging one request.
    struct Decision: Sendable {
        let allowed: Bool
        /// The budget per window, for `X-RateLimit-Limit`.
        let limit: Int
        /// Points left after this request, for `X-RateLimit-Remaining`.
        let remaining: Int
        /// When the current window closes, for `X-RateLimit-Reset`.
        let resetsAt: Date
        /// Time until then, for `Retry-After` and the body's `msLeft`.
        let timeLeft: TimeInterval

        /// Whole milliseconds until the window closes, rounded up so that waiting this long is enough.
        var millisecondsLeft: Int { max(0, Int((timeLeft * 1000).rounded(.up))) }

        /// Whole seconds until the window closes, rounded up and at least 1, for `Retry-After`.
        var secondsLeft: Int { max(1, Int(timeLeft.rounded(.up))) }
    }

    private let points: Int
    private let window: TimeInterval
    private let now: @Sendable () -> Date
    private var windowEnd: Date?
    private var spent = 0

    init(_ rateLimit: WherebyMockServer.RateLimit, now: @escaping @Sendable () -> Date) {
        self.points = rateLimit.points
        self.window = rateLimit.window.timeInterval
        self.now = now
    }

    /// Charges `cost` points if the budget allows it.
    func charge(_ cost: Int) -> Decision {
        let now = now()
        if let windowEnd, now < windowEnd {
            // The current window is still open.
        } else {
            windowEnd = now.addingTimeInterval(window)
            spent = 0
        }
        let end = windowEnd ?? now
        let allowed = spent + cost <= points
        if allowed { spent += cost }
        return Decision(
            allowed: allowed,
            limit: points,
            remaining: points - spent,
            resetsAt: end,
            timeLeft: end.timeIntervalSince(now)
        )
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's date arithmetic wants it.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
