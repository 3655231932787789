import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// The client says what Whereby's docs say: "none" is a value, not `nil`; participants are
/// found by either of two IDs; fields the docs describe as sometimes missing are optional; the
/// room-name prefix rule is the docs' one; access links expire at a `Date`.
@Suite struct DocumentedAPITests {
    let decoder = JSONCoding.default.makeDecoder()
    let encoder = JSONCoding.default.makeEncoder()

    func json(_ value: some Encodable) throws -> JSONValue {
        try decoder.decode(JSONValue.self, from: encoder.encode(value))
    }

    func client(_ transport: ScriptedTransport) -> WherebyClient {
        WherebyClient(apiKey: "k", configuration: .init(serverURL: URL(string: "https://api.example.test/v1")!, transport: transport))
    }

    // MARK: - "none" is sent as "none"

    @Test func theNoneValuesAreSentAsNoneAndNeverLeftOut() throws {
        let request = CreateMeetingRequest(
            endDate: Date(timeIntervalSince1970: 1_747_071_769),
            recording: .init(type: .disabled, destination: nil, startTrigger: .manual),
            liveTranscription: .init(destination: nil, startTrigger: .disabled),
            streaming: .init(destination: .init(url: "rtmp://a.rtmp.youtube.com/live2/"), startTrigger: .manual)
        )
        let body = try json(request)
        #expect(body["recording"]?["type"] == "none")
        #expect(body["recording"]?["startTrigger"] == "none")
        #expect(body["liveTranscription"]?["startTrigger"] == "none")
        #expect(body["streaming"]?["startTrigger"] == "none")
        #expect(CreateMeetingRequest.Recording.StartTrigger(rawValue: "none") == .manual)
        #expect(CreateMeetingRequest.LiveTranscription.StartTrigger(rawValue: "manual") == .manual)
        #expect(CreateMeetingRequest.LiveTranscription.StartTrigger(rawValue: "none") == .disabled)
    }

    @Test func noEnumOfTheClientHasACaseThatReadsAsOptionalNone() {
        // `String(describing:)` of a case is its Swift name: none may be `none` or `some`.
        let names = CreateMeetingRequest.Recording.RecordingType.allCases.map { "\($0)" }
            + CreateMeetingRequest.Recording.StartTrigger.allCases.map { "\($0)" }
            + CreateMeetingRequest.LiveTranscription.StartTrigger.allCases.map { "\($0)" }
            + CreateMeetingRequest.Streaming.StartTrigger.allCases.map { "\($0)" }
        #expect(!names.isEmpty)
        #expect(!names.contains("none") && !names.contains("some"))
    }

    // MARK: - Participants by either ID

    @Test func participantsAreFoundByExternalIDAlone() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: #"{"results":[],"cursor":null}"#)])
        _ = try await client(transport).listParticipants(externalId: "ext-ada")
        #expect(transport.requests.map(\.path) == ["/insights/participants?externalId=ext-ada"])
    }

    @Test func participantsWithNeitherIDFailBeforeAnythingIsSent() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: #"{"results":[],"cursor":null}"#)])
        do {
            _ = try await client(transport).listParticipants()
            Issue.record("expected the call to be refused")
        } catch WherebyError.invalidRequest(let operation, let reason) {
            #expect(operation == "listParticipants")
            #expect(reason == "'roomSessionId or externalId': is required: none of them was given")
        }
        var pages = client(transport).allParticipants().makeAsyncIterator()
        await #expect(throws: WherebyError.self) { _ = try await pages.next() }
        #expect(transport.requests.isEmpty)
    }

    // MARK: - Fields the docs describe as sometimes missing

    @Test func aPageWithAParticipantStillInTheSessionAndOneWithoutExternalIDDecodes() async throws {
        let page = #"""
            {"results":[
              {"roomSessionId":"s","participantId":"p1","deviceId":"d1","userId":"u1","roleName":"host","displayName":"Still here","joinedAt":"2025-01-01T00:00:00.000Z","externalId":"ext-1"},
              {"roomSessionId":"s","participantId":"p2","deviceId":"d2","userId":"u2","roleName":"visitor","displayName":"No external ID","joinedAt":"2025-01-01T00:05:00.000Z","leftAt":"2025-01-01T00:50:00.000Z"}
            ],"cursor":null}
            """#
        let transport = ScriptedTransport([.respond(.ok, body: page)])
        let participants = try await client(transport).listParticipants(roomSessionId: "s").results ?? []
        #expect(participants.map(\.participantId) == ["p1", "p2"])
        #expect(participants[0].leftAt == nil)
        #expect(participants[0].externalId == "ext-1")
        #expect(participants[1].leftAt == Date(timeIntervalSince1970: 1_735_692_600))
        #expect(participants[1].externalId == nil)
    }

    @Test func aRoomThatNeverExpiresOrHasNoSessionYetDecodes() throws {
        let body = #"{"roomName":"/permanent","createdAt":"2025-01-01T00:00:00.000Z","totalParticipantMinutes":0,"totalRecorderMinutes":0,"totalStreamerMinutes":0,"totalUniqueParticipants":0,"totalUniqueRecorders":0,"totalUniqueStreamers":0,"totalSessions":0}"#
        let room = try decoder.decode(RoomInsight.self, from: Data(body.utf8))
        #expect(room.endAt == nil && room.firstSessionStartedAt == nil && room.lastSessionStartedAt == nil)
    }

    @Test func aTranscriptionStillInProgressWithoutEndDateDecodes() throws {
        let body = #"{"transcriptionId":"t","roomSessionId":"s","roomName":"/r","startDate":"2025-01-01T00:00:00Z","state":"in_progress","createdAt":"2025-01-01T00:00:00Z","type":"LIVE_TRANSCRIPTION"}"#
        let transcription = try decoder.decode(Transcription.self, from: Data(body.utf8))
        #expect(transcription.state == .inProgress)
        #expect(transcription.endDate == nil)
    }

    // MARK: - Access links

    @Test func accessLinksExpireAtADateReadFromMilliseconds() throws {
        let link = try decoder.decode(AccessLink.self, from: Data(#"{"accessLink":"https://s3/x","expires":1740819600123}"#.utf8))
        #expect(link.expires == Date(timeIntervalSince1970: 1_740_819_600.123))
        #expect(try json(link) == ["accessLink": "https://s3/x", "expires": 1_740_819_600_123])
    }
}
