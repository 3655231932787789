import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import TestSupport
import WherebyAPI

/// Every one of the 27 operations builds the request the Whereby API documents, with no network:
/// a recording transport stands in for it.
@Suite struct OperationRequestTests {
    static let apiKey = "test-key-5f2b"
    static let meetingJSON = #"{"meetingId":"1","roomUrl":"https://x.whereby.com/r","endDate":"2025-05-12T17:42:49.123Z","startDate":"2025-05-12T16:42:49Z"}"#
    static let recordingJSON = #"{"recordingId":"a","roomSessionId":"s","filename":"recording.mp4","startDate":"2025-01-01T00:00:00.000Z","endDate":"2025-01-01T00:00:00.000Z","sizeInMegaBytes":100}"#
    static let summaryJSON = #"{"summaryId":"s1","transcriptionId":"t","summary":{"summary":"text"},"roomSessionId":"s","roomName":"/r","createdAt":"2025-01-01T00:00:00.000Z","startDate":"2025-01-01T00:00:00.000Z","endDate":"2025-01-01T00:01:00.000Z","state":"completed","modifiedAt":"2025-01-01T00:00:00.000Z","template":"General Narrative"}"#
    static let transcriptionJSON = #"{"transcriptionId":"t","roomSessionId":"s","roomName":"/r","startDate":"2025-01-01T00:00:00.000Z","endDate":"2025-01-01T00:01:00.000Z","state":"ready","createdAt":"2025-01-01T00:00:00.000Z","type":"LIVE_TRANSCRIPTION"}"#

    /// One operation: how to call it, what the API must receive, what it answers.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var status: HTTPResponse.Status = .ok
        var response: String? = nil
        var method: HTTPRequest.Method
        var path: String
        var body: String? = nil
        var contentType: String? = nil
        var call: @Sendable (WherebyClient) async throws -> Void

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "createMeeting", status: .created, response: meetingJSON, method: .post, path: "/v1/meetings",
             body: #"{"endDate":"2025-05-12T17:42:49Z","fields":["hostRoomUrl"],"roomMode":"group"}"#, contentType: "application/json") { client in
            let meeting = try await client.createMeeting(.init(endDate: Date(timeIntervalSince1970: 1_747_071_769), roomMode: .group, fields: [.hostRoomUrl]))
            #expect(meeting.roomUrl == "https://x.whereby.com/r")
        },
        Case(name: "listMeetings", response: #"{"results":[\#(meetingJSON)],"cursor":null}"#, method: .get, path: "/v1/meetings?cursor=abc&limit=5&fields=hostRoomUrl,viewerRoomUrl") { client in
            let page = try await client.listMeetings(cursor: "abc", limit: 5, fields: [.hostRoomUrl, .viewerRoomUrl])
            #expect(page.results.count == 1)
            #expect(page.cursor == nil)
        },
        Case(name: "deleteMeeting", status: .noContent, method: .delete, path: "/v1/meetings/9cf691bf") { client in
            try await client.deleteMeeting(meetingId: "9cf691bf")
        },
        Case(name: "getMeeting", response: meetingJSON, method: .get, path: "/v1/meetings/m%201?fields=viewerRoomUrl") { client in
            _ = try await client.getMeeting(meetingId: "m 1", fields: [.viewerRoomUrl])
        },
        Case(name: "listRecordings", response: #"{"results":[\#(recordingJSON)],"cursor":"next"}"#, method: .get, path: "/v1/recordings?roomName=%2Froom&sortBy=roomName%3Aasc") { client in
            let page = try await client.listRecordings(roomName: "/room", sortBy: "roomName:asc")
            #expect(page.cursor == "next")
            #expect(page.results.first?.recordingId == "a")
        },
        Case(name: "deleteRecording", status: .noContent, method: .delete, path: "/v1/recordings/r1") { client in
            try await client.deleteRecording(recordingId: "r1")
        },
        Case(name: "getRecording", response: recordingJSON, method: .get, path: "/v1/recordings/r1") { client in
            let recording = try await client.getRecording(recordingId: "r1")
            #expect(recording.sizeInMegaBytes == 100)
        },
        Case(name: "getRecordingAccessLink", response: #"{"accessLink":"https://s3/x","expires":1740819600000}"#, method: .get, path: "/v1/recordings/r1/access-link?validForSeconds=60") { client in
            let link = try await client.getRecordingAccessLink(recordingId: "r1", validForSeconds: 60)
            #expect(link.expires == Date(timeIntervalSince1970: 1_740_819_600))
        },
        Case(name: "bulkDeleteRecordings", status: .noContent, method: .post, path: "/v1/recordings/bulk-delete",
             body: #"{"recordingIds":["a","b"]}"#, contentType: "application/json") { client in
            try await client.bulkDeleteRecordings(.init(recordingIds: ["a", "b"]))
        },
        Case(name: "createTranscription", status: .created, response: #"{"transcriptionId":"t"}"#, method: .post, path: "/v1/transcriptions",
             body: #"{"recordingId":"r1"}"#, contentType: "application/json") { client in
            let result = try await client.createTranscription(.init(recordingId: "r1"))
            #expect(result.transcriptionId == "t")
        },
        Case(name: "listTranscriptions", response: #"{"results":[\#(transcriptionJSON)],"cursor":null}"#, method: .get, path: "/v1/transcriptions?limit=100") { client in
            let page = try await client.listTranscriptions(limit: 100)
            #expect(page.results.first?.state == .ready)
        },
        Case(name: "deleteTranscription", status: .noContent, method: .delete, path: "/v1/transcriptions/t1") { client in
            try await client.deleteTranscription(transcriptionId: "t1")
        },
        Case(name: "getTranscription", response: transcriptionJSON, method: .get, path: "/v1/transcriptions/t1") { client in
            let result = try await client.getTranscription(transcriptionId: "t1")
            #expect(result.type == .liveTranscription)
        },
        Case(name: "getTranscriptionAccessLink", response: #"{"accessLink":"https://s3/x","expires":1}"#, method: .get, path: "/v1/transcriptions/t1/access-link") { client in
            _ = try await client.getTranscriptionAccessLink(transcriptionId: "t1")
        },
        Case(name: "bulkDeleteTranscriptions", status: .noContent, method: .post, path: "/v1/transcriptions/bulk-delete",
             body: #"{"transcriptionIds":["t1"]}"#, contentType: "application/json") { client in
            try await client.bulkDeleteTranscriptions(.init(transcriptionIds: ["t1"]))
        },
        Case(name: "createSummary", status: .created, response: #"{"summaryId":"s"}"#, method: .post, path: "/v1/summaries",
             body: #"{"transcriptionId":"t1","template":"General Narrative"}"#, contentType: "application/json") { client in
            let result = try await client.createSummary(.init(transcriptionId: "t1", template: .generalNarrative))
            #expect(result.summaryId == "s")
        },
        Case(name: "listSummaries", response: #"{"results":[],"cursor":null}"#, method: .get, path: "/v1/summaries?cursor=c1") { client in
            let result = try await client.listSummaries(cursor: "c1")
            #expect(result.results.isEmpty)
        },
        Case(name: "deleteSummary", status: .noContent, method: .delete, path: "/v1/summaries/s1") { client in
            try await client.deleteSummary(summaryId: "s1")
        },
        Case(name: "getSummary", response: summaryJSON, method: .get, path: "/v1/summaries/s1") { client in
            let result = try await client.getSummary(summaryId: "s1")
            #expect(result.summary["summary"] == "text")
        },
        Case(name: "setRoomColors", status: .noContent, method: .put, path: "/v1/rooms/%2Froom-prefix-1/theme/tokens",
             body: ##"{"tokens":{"colors":{"primary":"#112233"}},"tokensPreset":"custom"}"##, contentType: "application/json") { client in
            try await client.setRoomColors(roomName: "/room-prefix-1", .init(tokens: .init(colors: .init(primary: "#112233")), tokensPreset: .custom))
        },
        Case(name: "setRoomLogo", status: .noContent, method: .put, path: "/v1/rooms/%2Froom/theme/logo",
             body: #"{"theme":"default"}"#, contentType: "application/json") { client in
            try await client.setRoomLogo(roomName: "/room", .json(.init(theme: .default)))
        },
        Case(name: "setRoomBackground", status: .noContent, method: .put, path: "/v1/rooms/%2Froom/theme/room-background",
             body: #"{"palette":"grey","theme":"rocks"}"#, contentType: "application/json") { client in
            try await client.setRoomBackground(roomName: "/room", .json(.init(palette: .grey, theme: .rocks)))
        },
        Case(name: "setRoomKnockPageBackground", status: .noContent, method: .put, path: "/v1/rooms/%2Froom/theme/room-knock-page-background",
             body: #"{"theme":"mountains"}"#, contentType: "application/json") { client in
            try await client.setRoomKnockPageBackground(roomName: "/room", .json(.init(theme: .mountains)))
        },
        Case(name: "listRoomInsights", response: #"{"results":[{"roomName":"/r","createdAt":"2025-01-01T00:00:00.000Z","endAt":"2025-01-01T01:00:00.000Z","firstSessionStartedAt":"2025-01-01T00:15:00.000Z","lastSessionStartedAt":"2025-01-01T00:45:00.000Z","totalParticipantMinutes":1,"totalRecorderMinutes":0,"totalStreamerMinutes":0,"totalUniqueParticipants":1,"totalUniqueRecorders":0,"totalUniqueStreamers":0,"totalSessions":2,"rating":null,"newField":"ignored"}],"cursor":null}"#, method: .get, path: "/v1/insights/rooms?roomName%5Bexact%5D=%2Froom-prefix-1&createdAt%5Bfrom%5D=2025-01-01T00%3A00%3A00Z&sortBy=totalSessions%3Aasc&limit=10") { client in
            // deepObject, as the overlay declares: `roomName[exact]=...`, brackets percent-encoded.
            let page = try await client.listRoomInsights(roomName: .init(exact: "/room-prefix-1"), createdAt: .init(from: Date(timeIntervalSince1970: 1_735_689_600)), sortBy: "totalSessions:asc", limit: 10)
            #expect(page.results?.first?.totalSessions == 2)
            #expect(page.results?.first?.rating == nil)
        },
        Case(name: "listRoomSessionInsights", response: #"{"results":[],"cursor":null}"#, method: .get, path: "/v1/insights/room-sessions?roomName=%2Froom&roomSessionId=e2f2") { client in
            _ = try await client.listRoomSessionInsights(roomName: "/room", roomSessionId: "e2f2")
        },
        Case(name: "listParticipants", response: #"{"results":[{"roomSessionId":"s","participantId":"p","deviceId":"d","userId":"u","roleName":"r","displayName":"n","joinedAt":"2025-01-01T00:00:00.000Z","leftAt":"2025-01-01T01:00:00.000Z","externalId":"e","tags":null}],"cursor":null}"#, method: .get, path: "/v1/insights/participants?roomSessionId=s&externalId=ext") { client in
            let page = try await client.listParticipants(roomSessionId: "s", externalId: "ext")
            #expect(page.results?.first?.tags == nil)
        },
        Case(name: "getParticipantDetails", response: #"[{"displayName":"n","userRole":"host","userAgent":"ua","timeStamp":"t","sampleRateMs":2000,"samples":{"bitrateSend":[1,2]},"events":[]}]"#, method: .get, path: "/v1/insights/participant?roomSessionId=s&participantId=p") { client in
            let details = try await client.getParticipantDetails(roomSessionId: "s", participantId: "p")
            #expect(details.first?.samples["bitrateSend"] == .array([.integer(1), .integer(2)]))
        },
    ]

    @Test func everyOperationIsCovered() {
        #expect(Self.cases.count == 27)
        #expect(Set(Self.cases.map(\.name)).count == 27)
    }

    @Test(arguments: cases)
    func buildsTheDocumentedRequest(_ testCase: Case) async throws {
        var headers: HTTPFields = [:]
        if testCase.response != nil { headers[.contentType] = "application/json" }
        let transport = RecordingTransport(status: testCase.status, headerFields: headers, body: testCase.response.map { Data($0.utf8) })
        let client = WherebyClient(apiKey: Self.apiKey, configuration: .init(
            serverURL: URL(string: "https://api.example.test/v1")!,
            transport: transport
        ))
        try await testCase.call(client)

        let recorded = try #require(await transport.requests.first)
        #expect(recorded.request.method == testCase.method)
        let url = try #require(recorded.url)
        #expect(url.hasPrefix("https://api.example.test"))
        #expect(String(url.dropFirst("https://api.example.test".count)) == testCase.path)
        #expect(recorded.request.headerFields[.authorization] == "Bearer \(Self.apiKey)")
        #expect(recorded.operationID == testCase.name)
        #expect(recorded.request.headerFields[.contentType] == testCase.contentType)
        if let expected = testCase.body {
            let body = try #require(recorded.body)
            let decoder = JSONDecoder()
            #expect(try decoder.decode(JSONValue.self, from: body) == decoder.decode(JSONValue.self, from: Data(expected.utf8)), "\(String(decoding: body, as: UTF8.self))")
        } else {
            #expect(recorded.body == nil || recorded.body?.isEmpty == true)
        }
    }
}
