import Testing
@testable import WherebyCodegenCore

@Suite struct OperationNamingTests {
    @Test(arguments: [
        (OperationModel.Method.post, "/meetings", "createMeeting"),
        (.get, "/meetings", "listMeetings"),
        (.get, "/meetings/{meetingId}", "getMeeting"),
        (.delete, "/meetings/{meetingId}", "deleteMeeting"),
        (.put, "/meetings/{meetingId}", "updateMeeting"),
        (.patch, "/meetings/{meetingId}", "updateMeeting"),
        (.get, "/recordings/{recordingId}/access-link", "getRecordingAccessLink"),
        (.post, "/recordings/bulk-delete", "postRecordingsBulkDelete"),
        (.get, "/insights/room-sessions", "listInsightsRoomSessions"),
        (.get, "/", "get"),
    ])
    func namesFromMethodAndPathWithoutSummary(method: OperationModel.Method, path: String, expected: String) {
        #expect(OperationNaming.name(method: method, path: path, summary: nil) == expected)
    }

    @Test(arguments: [
        (OperationModel.Method.post, "/meetings", "Create meeting", "createMeeting"),
        (.get, "/meetings", "Get meetings", "listMeetings"),
        (.get, "/meetings/{meetingId}", "Get meeting", "getMeeting"),
        (.get, "/recordings/{recordingId}/access-link", "Get recording access link", "getRecordingAccessLink"),
        (.get, "/insights/participant", "Get details for a participant in a session", "getDetailsForParticipantInSession"),
        (.put, "/rooms/{roomName}/theme/logo", "Set room logo", "setRoomLogo"),
    ])
    func namesFromSummaryWithListForCollections(method: OperationModel.Method, path: String, summary: String, expected: String) {
        #expect(OperationNaming.name(method: method, path: path, summary: summary) == expected)
    }

    @Test func longSummariesFallBackToThePathRule() {
        let summary = "Get all of the meetings that the organization has created in the past year"
        #expect(OperationNaming.name(method: .get, path: "/meetings", summary: summary) == "listMeetings")
    }
}
