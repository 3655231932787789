/// The benchmark's input: one `GET /meetings` page of 100 meetings as Whereby sends it, with
/// every field the document lists (the URL fields requested through `fields`), dates with
/// milliseconds, and a cursor to the next page. Deterministic, so every run decodes the same bytes.
enum Page {
    static let meetingCount = 100

    static let json: [UInt8] = Array(text.utf8)

    static let text: String = {
        var random = SplitMix64(seed: 0x5EED_C0DE)
        var meetings: [String] = []
        // 2025-05-12T16:42:49.123Z, then a meeting every 37 minutes and some milliseconds.
        var start = 1_747_068_169_123
        for _ in 0..<meetingCount {
            let id = random.uuid()
            let room = "/room-prefix-\(random.uuid())"
            let end = start + 3_600_000
            let hostKey = random.hex(count: 64)
            meetings.append("""
                {"meetingId":"\(id)","roomName":"\(room)","roomUrl":"https://subdomain.whereby.com\(room)",\
                "startDate":"\(iso8601(milliseconds: start))","endDate":"\(iso8601(milliseconds: end))",\
                "hostRoomUrl":"https://subdomain.whereby.com\(room)?roomKey=\(hostKey)",\
                "viewerRoomUrl":"https://subdomain.whereby.com\(room)?viewerKey=\(random.hex(count: 32))"}
                """)
            start += 37 * 60_000 + Int(random.next() % 1000)
        }
        let cursor = random.hex(count: 48)
        return #"{"results":["# + meetings.joined(separator: ",") + #"],"cursor":""# + cursor + #""}"#
    }()

    /// `2025-05-12T16:42:49.123Z` for milliseconds since 1970, without Foundation's formatters.
    static func iso8601(milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(milliseconds % 1000, 3))Z"
    }
}

/// A small deterministic generator (SplitMix64), so the page is the same on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func hex(count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(next() % 16)] })
    }

    mutating func uuid() -> String {
        "\(hex(count: 8))-\(hex(count: 4))-4\(hex(count: 3))-a\(hex(count: 3))-\(hex(count: 12))"
    }
}
