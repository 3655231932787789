import Foundation

/// The IMF-fixdate of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`), the format of
/// `X-RateLimit-Reset`: the Whereby reference calls that header a date.
enum HTTPDate {
    /// Formats `date`, rounded up to the next whole second so that a client waiting until the
    /// stated time never arrives early.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.up)
        let parts = calendar.dateComponents(
            [.weekday, .year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: seconds)
        )
        let weekday = weekdays[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((parts.month ?? 1) - 1 + 12) % 12]
        let time = "\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))"
        return "\(weekday), \(padded(parts.day, 2)) \(month) \(padded(parts.year, 4)) \(time) GMT"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
