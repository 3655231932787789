import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import WherebyAPI

@Suite struct PaginationAndValidationTests {
    func meeting(_ id: Int) -> String {
        #"{"meetingId":"\#(id)","roomUrl":"https://x/\#(id)","endDate":"2025-05-12T17:42:49.000Z"}"#
    }

    func client(_ transport: some ClientTransport) -> WherebyClient {
        WherebyClient(apiKey: "k", configuration: .init(serverURL: URL(string: "https://api.example.test/v1")!, transport: transport))
    }

    @Test func allMeetingsFollowsCursorsUntilNull() async throws {
        let transport = ScriptedTransport([
            .respond(.ok, body: #"{"results":[\#(meeting(1)),\#(meeting(2))],"cursor":"p2"}"#),
            .respond(.ok, body: #"{"results":[\#(meeting(3))],"cursor":null}"#),
        ])
        var ids: [String] = []
        for try await meeting in client(transport).allMeetings(pageSize: 2, fields: [.hostRoomUrl]) {
            ids.append(meeting.meetingId)
        }
        #expect(ids == ["1", "2", "3"])
        #expect(transport.requests.map(\.path) == ["/meetings?limit=2&fields=hostRoomUrl", "/meetings?cursor=p2&limit=2&fields=hostRoomUrl"])
    }

    @Test func listsWithoutACursorFieldEndAfterOnePage() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: #"{"results":[]}"#)])
        var count = 0
        for try await _ in client(transport).allParticipants(roomSessionId: "s") { count += 1 }
        #expect(count == 0)
        #expect(transport.requests.count == 1)
    }

    @Test func limitOutOfRangeFailsBeforeAnythingIsSent() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: "{}")])
        do {
            _ = try await client(transport).listMeetings(limit: 500)
            Issue.record("expected a validation failure")
        } catch WherebyError.invalidRequest(let operation, let reason) {
            #expect(operation == "listMeetings")
            #expect(reason == "'limit': must be at most 100, got 500")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func bodyConstraintsNameTheFieldThatBreaksThem() async throws {
        let transport = ScriptedTransport([.respond(.ok, body: "{}")])
        let colours = SetRoomColorsRequest(tokens: .init(colors: .init(primary: "blue")))
        do {
            try await client(transport).setRoomColors(roomName: "/room", colours)
            Issue.record("expected a validation failure")
        } catch WherebyError.invalidRequest(let operation, let reason) {
            #expect(operation == "setRoomColors")
            #expect(reason == "'body.tokens.colors.primary': must match the pattern #[a-fA-F0-9]{6}")
        }
        #expect(transport.requests.isEmpty)

        let prefix = CreateMeetingRequest(endDate: Date(), roomNamePrefix: String(repeating: "a", count: 40))
        await #expect(throws: WherebyError.self) { _ = try await client(transport).createMeeting(prefix) }
        #expect(transport.requests.isEmpty)
    }
}
