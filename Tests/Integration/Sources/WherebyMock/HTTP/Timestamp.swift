import Foundation

/// The `date-time` format as the Whereby API speaks it.
///
/// Requests may carry any UTC offset (`2099-08-11T07:56:01-05:00`), a `Z`, or no designator at
/// all, which the API reads as UTC; fractional seconds are optional. Responses are always UTC with
/// milliseconds, like the real API: `2025-05-12T17:42:49.000Z`.
enum Timestamp {
    /// Parses an RFC 3339 date-time; `nil` when the text is not one.
    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(text)
        guard
            let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2),
            (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }

        var fraction = 0.0
        if scanner.skip(".") {
            guard let digits = scanner.digits(), !digits.isEmpty, let value = Double("0." + digits) else { return nil }
            fraction = value
        }

        var offsetSeconds = 0
        if scanner.skip("Z") || scanner.skip("z") || scanner.isAtEnd {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.skip("+") {
                sign = 1
            } else if scanner.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(":")
            guard let minutes = scanner.number(digits: 2), hours < 24, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.isAtEnd else { return nil }

        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard
            components.isValidDate(in: utcCalendar),
            let local = utcCalendar.date(from: components)
        else { return nil }
        return local.addingTimeInterval(fraction - TimeInterval(offsetSeconds))
    }

    /// Formats `date` in UTC with milliseconds: `2025-05-12T17:42:49.000Z`.
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let whole = Date(timeIntervalSince1970: TimeInterval(milliseconds.floorDivided(by: 1000)))
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let calendarDate = "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
        let time = "\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))"
        return "\(calendarDate)T\(time).\(padded(Int(milliseconds.floorModulo(by: 1000)), 3))Z"
    }

    /// Milliseconds since 1970, the unit of `expires` in access links.
    static func epochMilliseconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func padded(_ value: Int?, _ width: Int) -> String {
    let digits = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Reads fixed-width decimal fields and literal separators from the front of a string.
private struct DigitScanner {
    private var rest: Substring

    init(_ text: String) {
        rest = text[...]
    }

    var isAtEnd: Bool { rest.isEmpty }

    mutating func skip(_ literal: Character) -> Bool {
        guard rest.first == literal else { return false }
        rest.removeFirst()
        return true
    }

    mutating func number(digits count: Int) -> Int? {
        let prefix = rest.prefix(count)
        guard prefix.count == count, prefix.allSatisfy(\.isASCIIDigit), let value = Int(prefix) else { return nil }
        rest.removeFirst(count)
        return value
    }

    mutating func digits() -> String? {
        let prefix = rest.prefix(while: \.isASCIIDigit)
        rest.removeFirst(prefix.count)
        return String(prefix)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(by divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
