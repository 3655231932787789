import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// Statuses the server answers with arrive as the `WherebyError` cases a caller switches over.
@Suite struct ErrorStatusTests {
    @Test func aWrongAPIKeyFailsWithUnauthorized() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client(apiKey: "not-the-right-key")
            do {
                _ = try await whereby.listMeetings()
                Issue.record("expected a 401")
            } catch WherebyError.unauthorized(let operation, let message, _) {
                #expect(operation == "listMeetings")
                #expect(message == "Access token is missing or invalid")
            }
            // A 401 is not retried.
            #expect(standIn.log.entries.map(\.status) == [401])
        }
    }

    @Test func aMissingMeetingFailsWithNotFound() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            do {
                _ = try await whereby.getMeeting(meetingId: "00000000-0000-0000-0000-000000000000")
                Issue.record("expected a 404")
            } catch WherebyError.notFound(let operation, _, _) {
                #expect(operation == "getMeeting")
            }
            #expect(standIn.log.entries.map(\.status) == [404])
        }
    }
}
