import Foundation
import Testing
@testable import WherebyMock

@Suite struct FixtureTests {
    @Test func loadsTheBundledFixture() {
        let fixture = Fixture.standard
        #expect(fixture.recordings.count == 5)
        #expect(fixture.transcriptions.count == 4)
        #expect(fixture.summaries.count == 3)
        #expect(fixture.roomInsights.count == 3)
        #expect(fixture.participantDetails.count == 2)
        #expect(fixture.participants.count == 7)
    }

    @Test func servesAParticipantStillInTheSessionAndOneWithoutExternalID() async throws {
        try await withMockServer { client, _ throws in
            let page = try await client.get("/insights/participants", query: "roomSessionId=fffcdc81-9065-5c24-8578-2c52cd8df989").json
            let participants = try #require(page["results"]?.arrayValue)
            #expect(participants.count == 2)
            #expect(participants.contains { $0["leftAt"] == nil && $0["externalId"] == "ext-margaret" })
            #expect(participants.contains { $0["externalId"] == nil && $0["leftAt"] != nil })
            let sessions = try await client.get("/insights/room-sessions", query: "roomName=%2Fteam-sync").json
            #expect(sessions["results"]?.arrayValue?.first?["endedAt"] == nil)
        }
    }

    @Test func keepsFieldsAndEnumValuesTheDocumentDoesNotDescribe() async throws {
        try await withMockServer { client, _ throws in
            let transcription = try await client.get("/transcriptions/382831a2-7c90-5308-a7e4-c8145407d5c2").json
            #expect(transcription["state"] == "queued")
            #expect(transcription["language"] == "en")
        }
    }

    @Test func namesTheRecordThatLacksItsIdentifier() {
        let json = Data(#"{"recordings": [{"recordingId": "a"}, {"filename": "b.mp4"}]}"#.utf8)
        #expect {
            try Fixture(json: json)
        } throws: { error in
            (error as? FixtureError)?.message == #"recordings[1] needs a string "recordingId""#
        }
    }

    @Test func readsACustomFixture() async throws {
        let json = Data(#"{"summaries": [{"summaryId": "only-one", "template": "SOAP"}]}"#.utf8)
        try await withMockServer(.init(fixture: try Fixture(json: json))) { client, _ throws in
            #expect(try await client.get("/summaries").json["results"]?.arrayValue?.count == 1)
            #expect(try await client.get("/recordings").json["results"] == [])
        }
    }
}
