public import Foundation
public import HTTPTypes
import OpenAPIClientSupport

/// The rate-limit headers of one response: the organization's points per minute, the points
/// left, and when the count resets.
///
/// Every response updates ``WherebyClient/rateLimitStatus`` and is passed to
/// ``WherebyClient/Configuration/onRateLimitStatus``, for dashboards or to slow down work
/// before the budget runs out:
///
/// ```swift
/// if let status = client.rateLimitStatus, let remaining = status.remaining, remaining < 10 {
///     logger.notice("Whereby points nearly spent: \(status)")
/// }
/// ```
public struct RateLimitStatus: Sendable, Hashable {
    /// `X-RateLimit-Limit`: the points the organization may spend per minute, shared by all
    /// its API keys.
    public var limit: Int?
    /// `X-RateLimit-Remaining`: the points left in the current minute.
    public var remaining: Int?
    /// `X-RateLimit-Reset`: when the count starts again.
    public var resetDate: Date?
    /// When the response arrived, by the client's clock.
    public var receivedAt: Date

    /// Creates a status.
    public init(limit: Int? = nil, remaining: Int? = nil, resetDate: Date? = nil, receivedAt: Date) {
        self.limit = limit
        self.remaining = remaining
        self.resetDate = resetDate
        self.receivedAt = receivedAt
    }

    /// Reads the headers of a response that arrived at `receivedAt`; `nil` when it has none of
    /// the three.
    public init?(headerFields: HTTPFields, receivedAt: Date) {
        let limit = RateLimitHeaders.points(headerFields[RateLimitHeaders.limit])
        let remaining = RateLimitHeaders.points(headerFields[RateLimitHeaders.remaining])
        let resetDate = RateLimitHeaders.resetDate(headerFields[RateLimitHeaders.reset], now: receivedAt)
        guard limit != nil || remaining != nil || resetDate != nil else { return nil }
        self.init(limit: limit, remaining: remaining, resetDate: resetDate, receivedAt: receivedAt)
    }
}

extension RateLimitStatus: CustomStringConvertible {
    /// Like `42 of 100 points left, resets 2025-05-12T16:43:00Z`.
    public var description: String {
        var parts: [String] = []
        switch (remaining, limit) {
        case (let remaining?, let limit?): parts.append("\(remaining) of \(limit) points left")
        case (let remaining?, nil): parts.append("\(remaining) points left")
        case (nil, let limit?): parts.append("limit \(limit) points")
        case (nil, nil): break
        }
        if let resetDate { parts.append("resets \(ISO8601.format(resetDate))") }
        return parts.joined(separator: ", ")
    }
}
