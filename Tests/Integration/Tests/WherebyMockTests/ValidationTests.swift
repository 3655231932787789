import Foundation
import Testing
@testable import WherebyMock

/// A request that breaks one of the document's constraints, and the words its 400 must say.
struct InvalidRequest: Sendable, CustomTestStringConvertible {
    let method: String
    let path: String
    var query: String?
    var body: String?
    let message: String

    var testDescription: String { "\(method) \(path)\(query.map { "?\($0)" } ?? "") \(body ?? "")" }

    static let all: [InvalidRequest] = [
        // POST /meetings
        .init(method: "POST", path: "/meetings", body: "{}", message: "endDate is required"),
        .init(method: "POST", path: "/meetings", body: #"{"endDate": "tomorrow"}"#, message: "endDate must be a date-time"),
        .init(method: "POST", path: "/meetings", body: #"{"endDate": "2020-01-01T00:00:00Z"}"#, message: "endDate must not be in the past"),
        .init(method: "POST", path: "/meetings", body: #"{"endDate": 1}"#, message: "endDate must be a string, not a number"),
        .init(
            method: "POST", path: "/meetings",
            body: #"{"endDate": "2099-01-01T00:00:00Z", "roomNamePrefix": "\#(String(repeating: "a", count: 40))"}"#,
            message: "roomNamePrefix must be at most 39 characters"
        ),
        .init(
            method: "POST", path: "/meetings", body: #"{"endDate": "2099-01-01T00:00:00Z", "roomNamePrefix": "Standup"}"#,
            message: "roomNamePrefix must be lower-case"
        ),
        .init(
            method: "POST", path: "/meetings", body: #"{"endDate": "2099-01-01T00:00:00Z", "roomNamePattern": "short"}"#,
            message: #"roomNamePattern must be one of "uuid", "human-short""#
        ),
        .init(
            method: "POST", path: "/meetings", body: #"{"endDate": "2099-01-01T00:00:00Z", "roomMode": "huge"}"#,
            message: "roomMode must be one of"
        ),
        .init(
            method: "POST", path: "/meetings", body: #"{"endDate": "2099-01-01T00:00:00Z", "isLocked": "yes"}"#,
            message: "isLocked must be a boolean, not a string"
        ),
        .init(
            method: "POST", path: "/meetings", body: #"{"endDate": "2099-01-01T00:00:00Z", "fields": ["adminRoomUrl"]}"#,
            message: "fields[0] must be one of"
        ),
        .init(
            method: "POST", path: "/meetings",
            body: #"{"endDate": "2099-01-01T00:00:00Z", "recording": {"destination": null, "startTrigger": null}}"#,
            message: "recording.type is required"
        ),
        .init(
            method: "POST", path: "/meetings",
            body: #"{"endDate": "2099-01-01T00:00:00Z", "streaming": {"destination": {}, "startTrigger": "automatic"}}"#,
            message: "streaming.destination.url is required"
        ),
        .init(method: "POST", path: "/meetings", body: "[1]", message: "request body must be a JSON object, not an array"),
        .init(method: "POST", path: "/meetings", body: #"{"endDate": "#, message: "request body is not valid JSON"),
        // Query parameters
        .init(method: "GET", path: "/meetings", query: "limit=0", message: "limit must be an integer between 1 and 100"),
        .init(method: "GET", path: "/recordings", query: "limit=101", message: "limit must be an integer between 1 and 100"),
        .init(method: "GET", path: "/insights/rooms", query: "limit=ten", message: "limit must be an integer between 1 and 100"),
        .init(method: "GET", path: "/meetings", query: "fields=adminRoomUrl", message: "fields must contain only"),
        .init(method: "GET", path: "/recordings", query: "sortBy=colour:asc", message: "sortBy must be"),
        .init(method: "GET", path: "/summaries", query: "sortBy=startDate:up", message: "sortBy direction must be asc or desc"),
        .init(
            method: "GET", path: "/recordings/\(FixtureID.recording)/access-link", query: "validForSeconds=0",
            message: "validForSeconds must be an integer between 1 and 43200"
        ),
        .init(
            method: "GET", path: "/transcriptions/\(FixtureID.transcription)/access-link", query: "validForSeconds=43201",
            message: "validForSeconds must be an integer between 1 and 43200"
        ),
        .init(method: "GET", path: "/insights/rooms", query: "roomName=%2Fteam-sync", message: "roomName is a deepObject parameter"),
        .init(method: "GET", path: "/insights/rooms", query: "createdAt%5Bfrom%5D=yesterday", message: "createdAt[from] must be a date-time"),
        .init(method: "GET", path: "/insights/room-sessions", message: "roomName is required"),
        .init(method: "GET", path: "/insights/participants", message: "roomSessionId or externalId is required"),
        .init(method: "GET", path: "/insights/participant", query: "roomSessionId=x", message: "participantId is required"),
        // Other bodies
        .init(method: "POST", path: "/recordings/bulk-delete", body: "{}", message: "recordingIds is required"),
        .init(method: "POST", path: "/transcriptions/bulk-delete", body: #"{"transcriptionIds": [1]}"#, message: "transcriptionIds[0] must be a string"),
        .init(method: "POST", path: "/transcriptions", body: "{}", message: "recordingId is required"),
        .init(
            method: "POST", path: "/summaries", body: #"{"transcriptionId": "x", "template": "Haiku"}"#,
            message: "template must be one of"
        ),
        .init(
            method: "PUT", path: "/rooms/%2Fteam-sync/theme/tokens", body: ##"{"tokens": {"colors": {"primary": "#fff"}}}"##,
            message: "tokens.colors.primary must be a colour as #RRGGBB"
        ),
        .init(
            method: "PUT", path: "/rooms/%2Fteam-sync/theme/tokens", body: #"{"tokensPreset": "brand"}"#,
            message: "tokensPreset must be one of"
        ),
        .init(method: "PUT", path: "/rooms/%2Fteam-sync/theme/logo", body: #"{"theme": "dark"}"#, message: #"theme must be one of "default""#),
        .init(
            method: "PUT", path: "/rooms/%2Fteam-sync/theme/room-knock-page-background", body: #"{"palette": "pink"}"#,
            message: "palette must be one of"
        ),
    ]
}

@Suite struct ValidationTests {
    @Test(arguments: InvalidRequest.all)
    func answersAConstraintViolationWith400AndAMessage(_ invalid: InvalidRequest) async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.send(
                invalid.method,
                invalid.path,
                query: invalid.query,
                body: invalid.body.map { Data($0.utf8) },
                contentType: invalid.body == nil ? nil : "application/json"
            )
            #expect(response.status == 400)
            #expect(response.errorMessage.contains(invalid.message), "\(response.errorMessage)")
            #expect(response.header("X-RateLimit-Remaining") != nil)
        }
    }

    @Test func acceptsEndDatesWithAnyOffsetAndMembersItDoesNotKnow() async throws {
        try await withMockServer { client, _ throws in
            let body: JSONValue = [
                "endDate": "2099-08-11T07:56:01+09:30",
                "roomNamePrefix": "example-prefix",
                "recording": ["type": "cloud", "destination": ["provider": "whereby"], "startTrigger": "prompt"],
                "liveTranscription": ["destination": .null, "startTrigger": .null, "language": "en"],
                "futureParameter": true,
            ]
            let response = try await client.post("/meetings", json: body)
            #expect(response.status == 201, "\(response.errorMessage)")
            #expect(response.json["endDate"] == "2099-08-10T22:26:01.000Z")
        }
    }

    @Test func answersABodyThatIsNotJSONWith415() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.send("POST", "/meetings", body: Data("endDate=2099".utf8), contentType: "text/plain")
            #expect(response.status == 415)
            #expect(response.errorMessage.contains("application/json"))
        }
    }

    @Test func answersAnUnknownPathWith404NamingIt() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.get("/rooms")
            #expect(response.status == 404)
            #expect(response.json == ["error": "no operation at GET /v1/rooms"])
        }
    }
}
