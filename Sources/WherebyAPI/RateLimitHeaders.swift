import Foundation
import HTTPTypes
import OpenAPIClientSupport

/// Reading the rate-limit headers Whereby documents: `Retry-After` (seconds),
/// `X-RateLimit-Reset` (a date), `X-RateLimit-Limit` and `X-RateLimit-Remaining` (points).
///
/// The documents do not say how the reset date is written, so every common form is accepted:
/// an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), ISO 8601, Unix seconds or milliseconds,
/// and (from servers that send it that way) seconds from now.
enum RateLimitHeaders {
    static let limit = HTTPField.Name("X-RateLimit-Limit")!
    static let remaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let reset = HTTPField.Name("X-RateLimit-Reset")!

    /// A non-negative whole number of points.
    static func points(_ text: String?) -> Int? {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else { return nil }
        return value
    }

    /// The date an `X-RateLimit-Reset` value names, reading small numbers as seconds after `now`.
    static func resetDate(_ text: String?, now: Date) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let number = Double(text), number.isFinite, number >= 0 {
            switch number {
            case 1e12...: return Date(timeIntervalSince1970: number / 1000)
            case 1e9...: return Date(timeIntervalSince1970: number)
            default: return now.addingTimeInterval(number)
            }
        }
        return HTTPDate.parse(text) ?? ISO8601.parse(text)
    }

    /// The delay a `Retry-After` value asks for: seconds, or an HTTP date after `now`.
    static func retryAfter(_ text: String?, now: Date) -> Duration? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? .seconds(seconds) : nil
        }
        return HTTPDate.parse(text).map { delay(until: $0, from: now) }
    }

    /// The time from `now` to `date`, zero when it is past.
    static func delay(until date: Date, from now: Date) -> Duration {
        .seconds(max(0, date.timeIntervalSince(now)))
    }
}

/// The HTTP date format of RFC 9110 (`IMF-fixdate`): `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date, or `nil` when `text` is not an IMF-fixdate (the weekday is not checked).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = Int(parts[1]), (1...31).contains(day),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 }),
              let year = Int(parts[3]), parts[3].count == 4
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 }),
              let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
