public import Foundation
import HTTPTypes
import OpenAPIClientSupport

/// What a `429 Too Many Requests` response said: how long to wait, and the organization's
/// points.
///
/// The delay comes from the first of these the response has:
/// 1. `Retry-After`, in seconds (or an HTTP date);
/// 2. the body's `data.msLeft`, in milliseconds;
/// 3. `X-RateLimit-Reset`, a date.
///
/// The relative forms come first because they do not depend on the server's and the client's
/// clocks agreeing.
public struct RateLimitInfo: Sendable, Hashable {
    /// Where a retry delay was read from.
    public enum DelaySource: String, Sendable, Hashable, CaseIterable {
        /// The `Retry-After` header.
        case retryAfter
        /// The body's `data.msLeft`.
        case msLeft
        /// The `X-RateLimit-Reset` header.
        case rateLimitReset
    }

    /// How long the server asked to wait before trying again; `nil` when it did not say.
    public var retryAfter: Duration?
    /// Where ``retryAfter`` was read from.
    public var delaySource: DelaySource?
    /// `X-RateLimit-Limit`: the organization's points per minute.
    public var limit: Int?
    /// `X-RateLimit-Remaining`: the points left (usually 0).
    public var remaining: Int?
    /// `X-RateLimit-Reset`: when the count starts again.
    public var resetDate: Date?
    /// The body's `error`, like `Rate limit active for throttle key: organization:1`.
    public var message: String?

    /// Creates the information.
    public init(
        retryAfter: Duration? = nil,
        delaySource: DelaySource? = nil,
        limit: Int? = nil,
        remaining: Int? = nil,
        resetDate: Date? = nil,
        message: String? = nil
    ) {
        self.retryAfter = retryAfter
        self.delaySource = delaySource
        self.limit = limit
        self.remaining = remaining
        self.resetDate = resetDate
        self.message = message
    }

    /// Reads a 429 response's headers and body (`{"error": "...", "data": {"msLeft": N}}`),
    /// turning dates into delays from `now`.
    public init(headerFields: HTTPFields, body: Data, now: Date) {
        let throttle = try? JSONCoding.default.decode(ThrottleError.self, from: body)
        let resetDate = RateLimitHeaders.resetDate(headerFields[RateLimitHeaders.reset], now: now)
        self.init(
            limit: RateLimitHeaders.points(headerFields[RateLimitHeaders.limit]),
            remaining: RateLimitHeaders.points(headerFields[RateLimitHeaders.remaining]),
            resetDate: resetDate,
            message: throttle?.error.map { String($0.prefix(200).map { $0.isNewline ? " " : $0 }) }
        )
        if let delay = RateLimitHeaders.retryAfter(headerFields[.retryAfter], now: now) {
            (retryAfter, delaySource) = (delay, .retryAfter)
        } else if let msLeft = throttle?.data?.msLeft, msLeft >= 0 {
            (retryAfter, delaySource) = (.milliseconds(msLeft), .msLeft)
        } else if let resetDate {
            (retryAfter, delaySource) = (RateLimitHeaders.delay(until: resetDate, from: now), .rateLimitReset)
        }
    }
}

extension RateLimitInfo: CustomStringConvertible {
    /// Like `retry after 38.689 seconds (msLeft); 0 of 100 points left`.
    public var description: String {
        var parts: [String] = []
        if let retryAfter, let delaySource {
            parts.append("retry after \(Self.seconds(retryAfter)) (\(delaySource.headerName))")
        } else {
            parts.append("no retry delay given")
        }
        switch (remaining, limit) {
        case (let remaining?, let limit?): parts.append("\(remaining) of \(limit) points left")
        case (let remaining?, nil): parts.append("\(remaining) points left")
        case (nil, let limit?): parts.append("limit \(limit) points")
        case (nil, nil): break
        }
        return parts.joined(separator: "; ")
    }

    /// `1 second`, `30 seconds`, `38.689 seconds`: whole milliseconds, no trailing zeros.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds == 1000 { return "1 second" }
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(milliseconds / 1000)" + (fraction.isEmpty ? "" : ".\(fraction)") + " seconds"
    }
}

extension RateLimitInfo.DelaySource {
    /// The header or body field the delay was read from.
    var headerName: String {
        switch self {
        case .retryAfter: "Retry-After"
        case .msLeft: "data.msLeft"
        case .rateLimitReset: "X-RateLimit-Reset"
        }
    }
}
