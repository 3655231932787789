import Foundation
import Testing
@testable import WherebyMock

@Suite struct MeetingTests {
    let inTheFuture: JSONValue = "2099-02-18T14:23:00.000Z"

    @Test func createsAMeetingWithAUUIDRoomNameAndItsRoomURL() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.post("/meetings", json: ["endDate": inTheFuture])
            #expect(response.status == 201)
            let meeting = response.json
            let roomName = try #require(meeting["roomName"]?.stringValue)
            #expect(roomName.wholeMatch(of: /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil)
            #expect(meeting["roomUrl"]?.stringValue == "https://example.whereby.com\(roomName)")
            #expect(meeting["meetingId"]?.stringValue?.isEmpty == false)
            #expect(meeting["endDate"] == inTheFuture)
            #expect(meeting["hostRoomUrl"] == nil)
            #expect(meeting["viewerRoomUrl"] == nil)
        }
    }

    @Test func startsTheMeetingNowAndReturnsDatesInUTCWithMilliseconds() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_747_071_769))  // 2025-05-12T17:42:49Z
        try await withMockServer(.init(now: clock.now)) { client, _ throws in
            let meeting = try await client.post("/meetings", json: ["endDate": "2099-08-11T07:56:01-05:00"]).json
            #expect(meeting["startDate"] == "2025-05-12T17:42:49.000Z")
            #expect(meeting["endDate"] == "2099-08-11T12:56:01.000Z")
        }
    }

    @Test func prefixesTheRoomNameAndDrawsAHumanShortName() async throws {
        let configuration = WherebyMockServer.Configuration(subdomain: "acme")
        try await withMockServer(configuration) { client, _ throws in
            let meeting = try await client.post(
                "/meetings",
                json: ["endDate": inTheFuture, "roomNamePrefix": "standup", "roomNamePattern": "human-short"]
            ).json
            let roomName = try #require(meeting["roomName"]?.stringValue)
            #expect(roomName.wholeMatch(of: /\/standup-[a-hjkmnp-z2-9]{6}/) != nil, "\(roomName)")
            #expect(meeting["roomUrl"]?.stringValue == "https://acme.whereby.com\(roomName)")
        }
    }

    @Test func removesSpacesFromThePrefixAsTheDocumentSays() async throws {
        try await withMockServer { client, _ throws in
            let meeting = try await client.post("/meetings", json: ["endDate": inTheFuture, "roomNamePrefix": "team sync"]).json
            #expect(meeting["roomName"]?.stringValue?.hasPrefix("/teamsync-") == true)
        }
    }

    @Test func includesHostAndViewerURLsOnlyWhenAskedForThroughFields() async throws {
        try await withMockServer { client, _ throws in
            let created = try await client.post("/meetings", json: ["endDate": inTheFuture, "fields": ["hostRoomUrl"]]).json
            let roomUrl = try #require(created["roomUrl"]?.stringValue)
            let hostRoomUrl = try #require(created["hostRoomUrl"]?.stringValue)
            #expect(hostRoomUrl.hasPrefix("\(roomUrl)?roomKey="))
            #expect(created["viewerRoomUrl"] == nil)

            let id = try #require(created["meetingId"]?.stringValue)
            let plain = try await client.get("/meetings/\(id)").json
            #expect(plain["hostRoomUrl"] == nil)
            let both = try await client.get("/meetings/\(id)", query: "fields=hostRoomUrl,viewerRoomUrl").json
            #expect(both["hostRoomUrl"]?.stringValue == hostRoomUrl)
            #expect(both["viewerRoomUrl"]?.stringValue?.hasPrefix("\(roomUrl)?roomKey=") == true)
            let listed = try await client.get("/meetings", query: "fields=viewerRoomUrl").json["results"]?.arrayValue
            #expect(listed?.first?["viewerRoomUrl"] != nil)
            #expect(listed?.first?["hostRoomUrl"] == nil)
        }
    }

    @Test func viewerModeTemplateAddsBothURLs() async throws {
        try await withMockServer { client, _ throws in
            let meeting = try await client.post("/meetings", json: ["endDate": inTheFuture, "templateType": "viewerMode"]).json
            #expect(meeting["hostRoomUrl"] != nil)
            #expect(meeting["viewerRoomUrl"] != nil)
        }
    }

    @Test func getsAndListsACreatedMeeting() async throws {
        try await withMockServer { client, _ throws in
            let created = try await client.post("/meetings", json: ["endDate": inTheFuture]).json
            let id = try #require(created["meetingId"]?.stringValue)
            #expect(try await client.get("/meetings/\(id)").json == created)
            #expect(try await client.get("/meetings").json["results"] == [created])
        }
    }

    @Test func answersAMissingMeetingWith404() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.get("/meetings/no-such-meeting")
            #expect(response.status == 404)
            #expect(response.json == ["error": "meeting no-such-meeting not found"])
        }
    }

    @Test func deletesIdempotently() async throws {
        try await withMockServer { client, _ throws in
            let id = try #require(try await client.post("/meetings", json: ["endDate": inTheFuture]).json["meetingId"]?.stringValue)
            #expect(try await client.delete("/meetings/\(id)").status == 204)
            #expect(try await client.get("/meetings/\(id)").status == 404)
            #expect(try await client.delete("/meetings/\(id)").status == 204)
            #expect(try await client.delete("/meetings/never-existed").status == 204)
        }
    }

    @Test func deletesRecordingsIdempotentlyAndThenAnswers404() async throws {
        try await withMockServer { client, _ throws in
            #expect(try await client.get("/recordings/\(FixtureID.recording)").status == 200)
            #expect(try await client.delete("/recordings/\(FixtureID.recording)").status == 204)
            #expect(try await client.delete("/recordings/\(FixtureID.recording)").status == 204)
            #expect(try await client.get("/recordings/\(FixtureID.recording)").status == 404)
            let bulk = try await client.post("/transcriptions/bulk-delete", json: ["transcriptionIds": [.string(FixtureID.transcription), "unknown"]])
            #expect(bulk.status == 204)
            #expect(try await client.get("/transcriptions/\(FixtureID.transcription)").status == 404)
        }
    }

    @Test func createsATranscriptionAndASummaryThatCanBeRead() async throws {
        try await withMockServer { client, _ throws in
            let transcription = try await client.post("/transcriptions", json: ["recordingId": .string(FixtureID.recording)])
            #expect(transcription.status == 201)
            let transcriptionId = try #require(transcription.json["transcriptionId"]?.stringValue)
            let stored = try await client.get("/transcriptions/\(transcriptionId)").json
            #expect(stored["state"] == "ready")
            #expect(stored["type"] == "RECORDING_TRANSCRIPTION")

            let summary = try await client.post("/summaries", json: ["transcriptionId": .string(transcriptionId), "template": "SOAP"])
            #expect(summary.status == 201)
            let summaryId = try #require(summary.json["summaryId"]?.stringValue)
            #expect(try await client.get("/summaries/\(summaryId)").json["template"] == "SOAP")

            let missing = try await client.post("/summaries", json: ["transcriptionId": "nope"])
            #expect(missing.status == 404)
        }
    }

    @Test func grantsAccessLinksForWherebyHostedFilesOnly() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_740_816_000))
        try await withMockServer(.init(now: clock.now)) { client, _ throws in
            let link = try await client.get("/recordings/\(FixtureID.recording)/access-link", query: "validForSeconds=3600")
            #expect(link.status == 200)
            #expect(link.json["expires"] == 1_740_819_600_000)
            #expect(link.json["accessLink"]?.stringValue?.hasPrefix("https://") == true)
            #expect(try await client.get("/recordings/\(FixtureID.selfHostedRecording)/access-link").status == 403)
            #expect(try await client.get("/recordings/missing/access-link").status == 404)
            #expect(try await client.get("/transcriptions/\(FixtureID.transcription)/access-link").status == 200)
        }
    }
}
