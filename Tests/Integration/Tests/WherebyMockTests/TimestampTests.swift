import Foundation
import Testing
@testable import WherebyMock

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2099-08-11T07:56:01-05:00", "2099-08-11T12:56:01.000Z"),
        ("2099-08-11T07:56:01+0530", "2099-08-11T02:26:01.000Z"),
        ("2099-08-11T07:56:01Z", "2099-08-11T07:56:01.000Z"),
        ("2099-08-11T07:56:01", "2099-08-11T07:56:01.000Z"),
        ("2025-05-12T17:42:49.5Z", "2025-05-12T17:42:49.500Z"),
        ("2025-05-12T17:42:49.123456+00:00", "2025-05-12T17:42:49.123Z"),
        ("2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"),
    ])
    func readsAnyOffsetAndWritesUTCWithMilliseconds(_ input: String, _ output: String) throws {
        let date = try #require(Timestamp.parse(input))
        #expect(Timestamp.format(date) == output)
    }

    @Test(arguments: ["tomorrow", "2099-08-11", "2099-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2099-08-11T07:56:01 05:00", "2099-08-11T07:56:01Zjunk"])
    func rejectsWhatIsNotADateTime(_ input: String) {
        #expect(Timestamp.parse(input) == nil)
    }

    @Test func formatsHTTPDatesAsIMFFixdate() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        // Rounded up, so a client waiting until then is never early.
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_776.2)) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
