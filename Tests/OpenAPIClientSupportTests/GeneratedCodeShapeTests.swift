import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing
import TestSupport

// The calls below are written exactly as the contract (runtime-contract.md) says the generator
// emits them, so this file failing to compile means the contract is broken.

struct CreateMeetingRequest: Codable, Equatable, Sendable {
    var endDate: Date
    var roomNamePrefix: String?
}

struct Meeting: Codable, Equatable, Sendable {
    var meetingId: String
    var endDate: Date
    var metadata: JSONValue?
}

enum Fields: String, Codable, Hashable, Sendable {
    case hostRoomUrl, viewerRoomUrl
}

struct ListRoomInsightsRoomName: Codable, Equatable, Sendable {
    var exact: String?
}

struct ListRoomInsightsResponse: Codable, Equatable, Sendable {
    var results: [JSONObject]
}

enum SetRoomLogoRequest: Sendable {
    case json(JSONObject)
    case multipart(Logo)

    struct Logo: Codable, Equatable, Sendable {
        var image: MultipartFile
    }
}

struct GeneratedClient: Sendable {
    let runtime: APIRuntime

    func createMeeting(_ body: CreateMeetingRequest) async throws -> Meeting {
        var request = APIRequest(operationID: "createMeeting", method: .post, path: "/meetings")
        request.security = [["BearerAuth"]]
        request.body = .json(body)
        return try await runtime.send(request, expecting: [201], decoding: Meeting.self)
    }

    func getMeeting(meetingId: String, fields: [Fields]? = nil) async throws -> Meeting {
        var request = APIRequest(operationID: "getMeeting", method: .get, path: "/meetings/{meetingId}")
        request.security = [["BearerAuth"]]
        try request.setPathParameter("meetingId", meetingId)
        try request.addQueryParameter("fields", fields, style: .form, explode: false)
        return try await runtime.send(request, expecting: [200], decoding: Meeting.self)
    }

    func deleteMeeting(meetingId: String) async throws {
        var request = APIRequest(operationID: "deleteMeeting", method: .delete, path: "/meetings/{meetingId}")
        request.security = [["BearerAuth"]]
        try request.setPathParameter("meetingId", meetingId)
        try await runtime.send(request, expecting: [204])
    }

    func listRoomInsights(
        roomName: ListRoomInsightsRoomName? = nil,
        limit: Int? = nil,
        requestId: String? = nil,
        session: String? = nil
    ) async throws -> ListRoomInsightsResponse {
        var request = APIRequest(operationID: "listRoomInsights", method: .get, path: "/insights/rooms")
        try request.addQueryParameter("roomName", roomName, style: .deepObject, explode: true)
        try request.addQueryParameter("limit", limit)
        try request.setHeaderParameter("X-Request-Id", requestId)
        try request.addCookieParameter("session", session)
        return try await runtime.send(request, expecting: [200], decoding: ListRoomInsightsResponse.self)
    }

    func setRoomLogo(roomName: String, _ body: SetRoomLogoRequest) async throws {
        var request = APIRequest(operationID: "setRoomLogo", method: .put, path: "/rooms/{roomName}/theme/logo")
        try request.setPathParameter("roomName", roomName)
        switch body {
        case .json(let value): request.body = .json(value)
        case .multipart(let value): request.body = .multipartForm(value)
        }
        try await runtime.send(request, expecting: [204])
    }

    func other(_ bytes: Data, _ text: String, _ form: CreateMeetingRequest) async throws -> Data {
        var request = APIRequest(operationID: "other", method: .post, path: "/other")
        request.body = .formURLEncoded(form)
        request.body = .data(bytes, contentType: "application/octet-stream")
        request.body = .text(text, contentType: "text/plain")
        _ = try await runtime.send(request, expecting: [.range(200...299)])
        return try await runtime.send(request, expecting: [.any]).body
    }
}

@Suite("Generated code shape")
struct GeneratedCodeShapeTests {
    @Test("the contract's generated calls send what the document describes")
    func contractCallsSendTheDescribedRequests() async throws {
        let transport = RecordingTransport(json: #"{"results":[{"room":"/r1","minutes":12}]}"#)
        let client = GeneratedClient(runtime: .testing(transport, credentials: ["BearerAuth": .bearer("t")]))
        let insights = try await client.listRoomInsights(roomName: .init(exact: "/room-prefix-1"), limit: 10, requestId: "r-1", session: "s 1")
        #expect(insights.results == [["room": "/r1", "minutes": 12]])

        let recorded = try #require(await transport.lastRequest)
        #expect(recorded.request.path == "/insights/rooms?roomName%5Bexact%5D=%2Froom-prefix-1&limit=10")
        #expect(recorded.header(HTTPField.Name("X-Request-Id")!) == "r-1")
        #expect(recorded.header(.cookie) == "session=s%201")
        #expect(recorded.header(.authorization) == nil)  // the operation has no security requirement
    }

    @Test("the contract's generated calls authenticate and fill the path")
    func contractCallsAuthenticate() async throws {
        let transport = RecordingTransport(json: #"{"meetingId":"m/1","endDate":"2025-05-12T16:42:49Z","metadata":{"a":[1,null]}}"#)
        let client = GeneratedClient(runtime: .testing(transport, credentials: ["BearerAuth": .bearer("t")]))
        let meeting = try await client.getMeeting(meetingId: "m/1", fields: [.hostRoomUrl, .viewerRoomUrl])
        #expect(meeting.metadata?["a"]?[1] == .null)
        let recorded = try #require(await transport.lastRequest)
        #expect(recorded.request.path == "/meetings/m%2F1?fields=hostRoomUrl,viewerRoomUrl")
        #expect(recorded.header(.authorization) == "Bearer t")
    }
}
