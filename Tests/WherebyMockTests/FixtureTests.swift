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
