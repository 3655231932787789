import Foundation
import OpenAPIClientSupport
import Testing
import TestSupport

@Suite("ISO 8601 dates")
struct ISO8601Tests {
    @Test(
        "parses whole-second date-times in UTC and with offsets",
        arguments: [
            ("2025-05-12T16:42:49Z", 1_747_068_169),
            ("2025-05-12t16:42:49z", 1_747_068_169),
            ("2025-05-12T18:42:49+02:00", 1_747_068_169),
            ("2025-05-12T11:42:49-05:00", 1_747_068_169),
            ("2025-05-12T22:12:49+0530", 1_747_068_169),
            ("2025-05-12T17:42:49+01", 1_747_068_169),
            ("2025-05-12T16:42:49+00:00", 1_747_068_169),
            ("2025-05-12T16:42:49-00:00", 1_747_068_169),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
            ("2000-02-29T12:00:00Z", 951_825_600),
            ("1999-12-31T23:59:59Z", 946_684_799),
            ("2000-01-01T00:00:00Z", 946_684_800),
            ("2000-01-01T01:00:00+01:00", 946_684_800),
            ("1999-12-31T19:00:00-05:00", 946_684_800),
            ("1970-01-01T00:00:00Z", 0),
            ("1969-12-31T23:59:59Z", -1),
            ("1900-03-01T00:00:00Z", -2_203_891_200),
            ("0001-01-01T00:00:00Z", -62_135_596_800),
            ("9999-12-31T23:59:59Z", 253_402_300_799),
        ]
    )
    func parsesWholeSeconds(text: String, secondsSince1970: Int) {
        #expect(ISO8601.parse(text) == Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }

    @Test(
        "decodesDatesWithAndWithoutFractionalSeconds: 1 to 9 digits, more are read and ignored",
        arguments: [
            ("2025-05-12T16:42:49Z", 0.0),
            ("2025-05-12T16:42:49.5Z", 0.5),
            ("2025-05-12T16:42:49.12Z", 0.12),
            ("2025-05-12T16:42:49.123Z", 0.123),
            ("2025-05-12T16:42:49.1234Z", 0.1234),
            ("2025-05-12T16:42:49.12345Z", 0.12345),
            ("2025-05-12T16:42:49.123456Z", 0.123456),
            ("2025-05-12T16:42:49.1234567Z", 0.1234567),
            ("2025-05-12T16:42:49.12345678Z", 0.12345678),
            ("2025-05-12T16:42:49.123456789Z", 0.123456789),
            ("2025-05-12T16:42:49.123456789999Z", 0.123456789),
            ("2025-05-12T18:42:49.250+02:00", 0.25),
        ]
    )
    func parsesFractionalSeconds(text: String, fraction: Double) throws {
        let date = try #require(ISO8601.parse(text))
        let expected = 1_747_068_169 + fraction
        // Within a microsecond: a Double near 1.7e9 s cannot hold nanoseconds exactly.
        #expect(abs(date.timeIntervalSince1970 - expected) < 1e-6)
    }

    @Test(
        "rejects what is not an RFC 3339 date-time",
        arguments: [
            "",
            "2025-05-12",
            "2025-05-12T16:42:49",  // no offset: local time is ambiguous
            "2025-05-12T16:42Z",
            "2025-05-12 16:42:49Z",
            "2025-5-12T16:42:49Z",
            "25-05-12T16:42:49Z",
            "2025-05-12T16:42:49.Z",
            "2025-05-12T16:42:49.12a3Z",
            "2025-05-12T16:42:49ZZ",
            "2025-05-12T16:42:49Z ",
            " 2025-05-12T16:42:49Z",
            "2025-05-12T16:42:49+2:00",
            "2025-05-12T16:42:49+02:0",
            "2025-05-12T16:42:49+02:",
            "2025-05-12T16:42:49+24:00",
            "2025-05-12T16:42:49+02:60",
            "2025-05-12T16:42:49UTC",
            "2025-13-01T00:00:00Z",
            "2025-00-01T00:00:00Z",
            "2025-01-00T00:00:00Z",
            "2025-01-32T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-02-29T00:00:00Z",  // not a leap year
            "1900-02-29T00:00:00Z",  // divisible by 100, not by 400
            "2025-05-12T24:00:00Z",
            "2025-05-12T16:60:00Z",
            "2016-12-31T23:59:60Z",  // leap second
            "２０２５-05-12T16:42:49Z",
            "2025-05-12T16:42:49\u{0}Z",
        ]
    )
    func rejectsInvalidInput(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("parses a substring's bytes and a bridged string the same way")
    func parsesNonNativeStrings() {
        let line = "at=2025-05-12T16:42:49Z;"
        let slice = String(line.dropFirst(3).dropLast())
        #expect(ISO8601.parse(slice) == Date(timeIntervalSince1970: 1_747_068_169))
        let bridged = NSString(string: "2025-05-12T16:42:49Z") as String
        #expect(ISO8601.parse(bridged) == Date(timeIntervalSince1970: 1_747_068_169))
    }

    @Test(
        "formats in UTC with a fraction only when there is one",
        arguments: [
            (1_747_068_169.0, "2025-05-12T16:42:49Z"),
            (1_747_068_169.5, "2025-05-12T16:42:49.500Z"),
            (1_747_068_169.123, "2025-05-12T16:42:49.123Z"),
            (1_747_068_169.000_25, "2025-05-12T16:42:49.000250Z"),
            (1_747_068_169.999_999_9, "2025-05-12T16:42:50Z"),
            (0.0, "1970-01-01T00:00:00Z"),
            (-1.0, "1969-12-31T23:59:59Z"),
            (-0.5, "1969-12-31T23:59:59.500Z"),
            (951_825_600.0, "2000-02-29T12:00:00Z"),
            (946_684_799.0, "1999-12-31T23:59:59Z"),
            (-62_135_596_800.0, "0001-01-01T00:00:00Z"),
            (253_402_300_799.0, "9999-12-31T23:59:59Z"),
            (253_402_300_800.0, "+10000-01-01T00:00:00Z"),
        ]
    )
    func formatsInUTC(secondsSince1970: Double, expected: String) {
        #expect(ISO8601.format(Date(timeIntervalSince1970: secondsSince1970)) == expected)
    }

    @Test("formats a date that is not finite as an empty string instead of trapping")
    func formatsNonFiniteDateAsEmpty() {
        #expect(ISO8601.format(Date(timeIntervalSinceReferenceDate: .nan)) == "")
        #expect(ISO8601.format(Date(timeIntervalSinceReferenceDate: .infinity)) == "")
    }

    @Test(
        "round-trips text through parse and format (microseconds: within the centuries where Date resolves them)",
        arguments: [
            "2025-05-12T16:42:49Z",
            "2025-05-12T16:42:49.123Z",
            "2025-05-12T16:42:49.123456Z",
            "2024-02-29T23:59:59.999Z",
            "1969-07-20T20:17:40Z",
            "0001-01-01T00:00:00Z",
            "2199-12-31T23:59:59.999999Z",
            "9999-12-31T23:59:59Z",
        ]
    )
    func roundTripsText(text: String) throws {
        let date = try #require(ISO8601.parse(text))
        #expect(ISO8601.format(date) == text)
    }

    @Test("round-trips every day of four centuries through the civil-date arithmetic")
    func roundTripsEveryDay() async throws {
        try await onOwnThread { try Self.roundTripEveryDay() }
    }

    private static func roundTripEveryDay() throws {
        var date = try #require(ISO8601.parse("1800-01-01T12:00:00Z"))
        var previousDay = ""
        var failures: [String] = []
        for _ in 0..<146_097 {
            let text = ISO8601.format(date)
            let day = String(text.prefix(10))
            if ISO8601.parse(text) != date || day == previousDay { failures.append(text) }
            previousDay = day
            date += 86_400
        }
        #expect(failures.isEmpty)
        #expect(previousDay == "2199-12-31")
    }

    @Test("agrees with ISO8601DateFormatter on millisecond timestamps")
    func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var seconds = -2_000_000_000.0
        while seconds < 4_000_000_000 {
            let date = Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
            let text = formatter.string(from: date)
            let parsed = try #require(ISO8601.parse(text))
            #expect(abs(parsed.timeIntervalSince(date)) < 1e-6, "\(text)")
            seconds += 12_345_678.901
        }
    }
}
