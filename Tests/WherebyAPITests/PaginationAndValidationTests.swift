import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import WherebyAPI

/// A transport that answers each request with the next scripted body.
struct ScriptedTransport: ClientTransport {
    actor Script {
        var bodies: [String]
        private(set) var paths: [String] = []
        init(_ bodies: [String]) { self.bodies = bodies }
        func next(_ path: String) -> String {
            paths.append(path)
            return bodies.isEmpty ? "{}" : bodies.removeFirst()
        }
    }

    let script: Script

    init(_ bodies: [String]) {
        script = Script(bodies)
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let text = await script.next(request.path ?? "")
        return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(text))
    }
}

@Suite struct PaginationAndValidationTests {
    func meeting(_ id: Int) -> String {
        #"{"meetingId":"\#(id)","roomUrl":"https://x/\#(id)","endDate":"2025-05-12T17:42:49.000Z"}"#
    }

    func client(_ transport: some ClientTransport) -> WherebyClient {
        WherebyClient(apiKey: "k", configuration: .init(serverURL: URL(string: "https://api.example.test/v1")!, transport: transport))
    }

    @Test func allMeetingsFollowsCursorsUntilNull() async throws {
        let transport = ScriptedTransport([
            #"{"results":[\#(meeting(1)),\#(meeting(2))],"cursor":"p2"}"#,
            #"{"results":[\#(meeting(3))],"cursor":null}"#,
        ])
        var ids: [String] = []
        for try await meeting in client(transport).allMeetings(limit: 2, fields: [.hostRoomUrl]) {
            ids.append(meeting.meetingId)
        }
        #expect(ids == ["1", "2", "3"])
        #expect(await transport.script.paths == ["/meetings?limit=2&fields=hostRoomUrl", "/meetings?cursor=p2&limit=2&fields=hostRoomUrl"])
    }

    @Test func listsWithoutACursorFieldEndAfterOnePage() async throws {
        let transport = ScriptedTransport([#"{"results":[]}"#])
        var count = 0
        for try await _ in client(transport).allParticipants(roomSessionId: "s") { count += 1 }
        #expect(count == 0)
        #expect(await transport.script.paths.count == 1)
    }

    @Test func limitOutOfRangeFailsBeforeAnythingIsSent() async throws {
        let transport = ScriptedTransport([])
        await #expect(throws: APIClientError.self) {
            _ = try await client(transport).listMeetings(limit: 500)
        }
        #expect(await transport.script.paths.isEmpty)
    }

    @Test func bodyConstraintsNameTheFieldThatBreaksThem() async throws {
        let transport = ScriptedTransport([])
        let colours = SetRoomColorsRequest(tokens: .init(colors: .init(primary: "blue")))
        do {
            try await client(transport).setRoomColors(roomName: "/room", colours)
            Issue.record("expected a validation failure")
        } catch APIClientError.invalidParameter(let operation, let name, let reason) {
            #expect(operation == "setRoomColors")
            #expect(name == "body.tokens.colors.primary")
            #expect(reason == "must match the pattern #[a-fA-F0-9]{6}")
        }
        #expect(await transport.script.paths.isEmpty)

        let prefix = CreateMeetingRequest(endDate: Date(), roomNamePrefix: String(repeating: "a", count: 40))
        await #expect(throws: APIClientError.self) { _ = try await client(transport).createMeeting(prefix) }
        #expect(await transport.script.paths.isEmpty)
    }
}
