import Foundation
import Testing
import WherebyAPI

/// Code written against `WherebyClientProtocol` runs against an in-memory fake, with no server
/// and no transport: the fake implements the endpoint functions, and gets the calls without
/// optional arguments and the `all…` sequences from the protocol.
@Suite struct ClientProtocolFakeTests {
    /// What an app would write: a service that depends on the protocol, not on the client.
    struct MeetingJanitor<Whereby: WherebyClientProtocol> {
        let whereby: Whereby

        /// Deletes every meeting that ended before `date`; returns the deleted IDs.
        func deleteMeetings(endedBefore date: Date) async throws -> [String] {
            var deleted: [String] = []
            for try await meeting in whereby.allMeetings(pageSize: 2) where meeting.endDate < date {
                try await whereby.deleteMeeting(meetingId: meeting.meetingId)
                deleted.append(meeting.meetingId)
            }
            return deleted
        }

        func roomURL(of meetingId: String) async throws -> String {
            try await whereby.getMeeting(meetingId: meetingId).roomUrl
        }
    }

    /// An in-memory Whereby: meetings in an array, pages of `limit`, each page's cursor the ID
    /// of the first meeting of the next, so deleting the meetings already seen moves nothing.
    actor InMemoryWhereby: WherebyClientProtocol {
        struct Unsupported: Error {
            let function: String
        }

        private(set) var meetings: [Meeting]
        private(set) var pageRequests: [String?] = []

        init(meetings: [Meeting]) {
            self.meetings = meetings
        }

        func listMeetings(cursor: String?, limit: Int?, fields: Fields?) async throws -> MeetingPage {
            pageRequests.append(cursor)
            let start = cursor.flatMap { cursor in meetings.firstIndex { $0.meetingId == cursor } } ?? 0
            let end = min(start + (limit ?? 50), meetings.count)
            return MeetingPage(results: Array(meetings[start..<end]), cursor: end < meetings.count ? meetings[end].meetingId : nil)
        }

        func deleteMeeting(meetingId: String) async throws {
            meetings.removeAll { $0.meetingId == meetingId }
        }

        func getMeeting(meetingId: String, fields: Fields?) async throws -> Meeting {
            guard let meeting = meetings.first(where: { $0.meetingId == meetingId }) else {
                throw WherebyError.notFound(operation: "getMeeting", message: nil, response: .init(status: 404))
            }
            return meeting
        }

        func createMeeting(_ body: CreateMeetingRequest) async throws -> Meeting { throw Unsupported(function: "createMeeting") }
        func listRecordings(roomName: String?, cursor: String?, limit: Int?, sortBy: String?) async throws -> RecordingPage { throw Unsupported(function: "listRecordings") }
        func deleteRecording(recordingId: String) async throws { throw Unsupported(function: "deleteRecording") }
        func getRecording(recordingId: String) async throws -> Recording { throw Unsupported(function: "getRecording") }
        func getRecordingAccessLink(recordingId: String, validForSeconds: Int?) async throws -> AccessLink { throw Unsupported(function: "getRecordingAccessLink") }
        func bulkDeleteRecordings(_ body: BulkDeleteRecordingsRequest) async throws { throw Unsupported(function: "bulkDeleteRecordings") }
        func createTranscription(_ body: CreateTranscriptionRequest) async throws -> CreateTranscriptionResponse { throw Unsupported(function: "createTranscription") }
        func listTranscriptions(roomName: String?, cursor: String?, limit: Int?, sortBy: String?) async throws -> TranscriptionPage { throw Unsupported(function: "listTranscriptions") }
        func deleteTranscription(transcriptionId: String) async throws { throw Unsupported(function: "deleteTranscription") }
        func getTranscription(transcriptionId: String) async throws -> Transcription { throw Unsupported(function: "getTranscription") }
        func getTranscriptionAccessLink(transcriptionId: String, validForSeconds: Int?) async throws -> AccessLink { throw Unsupported(function: "getTranscriptionAccessLink") }
        func bulkDeleteTranscriptions(_ body: BulkDeleteTranscriptionsRequest) async throws { throw Unsupported(function: "bulkDeleteTranscriptions") }
        func createSummary(_ body: CreateSummaryRequest) async throws -> CreateSummaryResponse { throw Unsupported(function: "createSummary") }
        func listSummaries(cursor: String?, limit: Int?, sortBy: String?) async throws -> SummaryPage { throw Unsupported(function: "listSummaries") }
        func deleteSummary(summaryId: String) async throws { throw Unsupported(function: "deleteSummary") }
        func getSummary(summaryId: String) async throws -> Summary { throw Unsupported(function: "getSummary") }
        func setRoomColors(roomName: String, _ body: SetRoomColorsRequest) async throws { throw Unsupported(function: "setRoomColors") }
        func setRoomLogo(roomName: String, _ body: SetRoomLogoRequest) async throws { throw Unsupported(function: "setRoomLogo") }
        func setRoomBackground(roomName: String, _ body: SetRoomBackgroundRequest) async throws { throw Unsupported(function: "setRoomBackground") }
        func setRoomKnockPageBackground(roomName: String, _ body: SetRoomKnockPageBackgroundRequest) async throws { throw Unsupported(function: "setRoomKnockPageBackground") }
        func listRoomInsights(roomName: ListRoomInsightsRoomName?, createdAt: ListRoomInsightsCreatedAt?, sortBy: String?, cursor: String?, limit: Int?) async throws -> RoomInsightPage { throw Unsupported(function: "listRoomInsights") }
        func listRoomSessionInsights(roomName: String, roomSessionId: String?, sortBy: String?, cursor: String?, limit: Int?) async throws -> RoomSessionInsightPage { throw Unsupported(function: "listRoomSessionInsights") }
        func listParticipants(roomSessionId: String?, externalId: String?, sortBy: String?, cursor: String?, limit: Int?) async throws -> ParticipantInsightPage { throw Unsupported(function: "listParticipants") }
        func getParticipantDetails(roomSessionId: String, participantId: String) async throws -> [ParticipantDetails] { throw Unsupported(function: "getParticipantDetails") }
    }

    static func meeting(_ id: String, endingAt end: Date) -> Meeting {
        Meeting(meetingId: id, roomUrl: "https://example.whereby.com/\(id)", endDate: end)
    }

    @Test func codeWrittenAgainstTheProtocolRunsAgainstAnInMemoryFake() async throws {
        let now = Date()
        let fake = InMemoryWhereby(meetings: [
            Self.meeting("old-1", endingAt: now.addingTimeInterval(-7200)),
            Self.meeting("new-1", endingAt: now.addingTimeInterval(3600)),
            Self.meeting("old-2", endingAt: now.addingTimeInterval(-60)),
        ])
        let janitor = MeetingJanitor(whereby: fake)

        // allMeetings comes from the protocol, paging through the fake's listMeetings.
        let deleted = try await janitor.deleteMeetings(endedBefore: now)
        #expect(deleted == ["old-1", "old-2"])
        #expect(await fake.meetings.map(\.meetingId) == ["new-1"])
        #expect(await fake.pageRequests == [nil, "old-2"])

        // getMeeting(meetingId:) without `fields`, from the protocol extension.
        #expect(try await janitor.roomURL(of: "new-1") == "https://example.whereby.com/new-1")
        await #expect(throws: WherebyError.self) { _ = try await janitor.roomURL(of: "old-1") }
    }

    @Test func aFakeGetsPagesAndResumingFromTheProtocol() async throws {
        let end = Date()
        let fake = InMemoryWhereby(meetings: ["a", "b", "c"].map { Self.meeting($0, endingAt: end) })
        var cursors: [String?] = []
        for try await page in fake.allMeetings(pageSize: 1).pages { cursors.append(page.nextCursor) }
        #expect(cursors == ["b", "c", nil])

        var resumed: [String] = []
        for try await meeting in fake.allMeetings(pageSize: 1, startingAt: "c") { resumed.append(meeting.meetingId) }
        #expect(resumed == ["c"])
    }
}
