import Foundation
import Testing
@testable import WherebyMock

/// One operation of `spec/whereby.json` and a request that succeeds against the bundled fixture.
struct OperationCase: Sendable, CustomTestStringConvertible {
    let method: String
    /// The document's path template.
    let template: String
    /// The concrete path; `{meetingId}` is replaced by a meeting the test creates first.
    let path: String
    var query: String?
    var body: Data?
    var contentType: String?
    let status: Int

    var testDescription: String { "\(method) \(template)" }

    static func json(_ text: String) -> Data { Data(text.utf8) }

    static let all: [OperationCase] = [
        .init(method: "POST", template: "/meetings", path: "/meetings",
              body: json(#"{"endDate": "2099-02-18T14:23:00.000Z"}"#), contentType: "application/json", status: 201),
        .init(method: "GET", template: "/meetings", path: "/meetings", status: 200),
        .init(method: "GET", template: "/meetings/{meetingId}", path: "/meetings/{meetingId}", status: 200),
        .init(method: "DELETE", template: "/meetings/{meetingId}", path: "/meetings/{meetingId}", status: 204),
        .init(method: "GET", template: "/recordings", path: "/recordings", status: 200),
        .init(method: "GET", template: "/recordings/{recordingId}", path: "/recordings/\(FixtureID.recording)", status: 200),
        .init(method: "DELETE", template: "/recordings/{recordingId}", path: "/recordings/\(FixtureID.recording)", status: 204),
        .init(method: "GET", template: "/recordings/{recordingId}/access-link",
              path: "/recordings/\(FixtureID.recording)/access-link", status: 200),
        .init(method: "POST", template: "/recordings/bulk-delete", path: "/recordings/bulk-delete",
              body: json(#"{"recordingIds": ["\#(FixtureID.recording)"]}"#), contentType: "application/json", status: 204),
        .init(method: "POST", template: "/transcriptions", path: "/transcriptions",
              body: json(#"{"recordingId": "\#(FixtureID.recording)"}"#), contentType: "application/json", status: 201),
        .init(method: "GET", template: "/transcriptions", path: "/transcriptions", status: 200),
        .init(method: "DELETE", template: "/transcriptions/{transcriptionId}",
              path: "/transcriptions/\(FixtureID.transcription)", status: 204),
        .init(method: "GET", template: "/transcriptions/{transcriptionId}",
              path: "/transcriptions/\(FixtureID.transcription)", status: 200),
        .init(method: "GET", template: "/transcriptions/{transcriptionId}/access-link",
              path: "/transcriptions/\(FixtureID.transcription)/access-link", status: 200),
        .init(method: "POST", template: "/transcriptions/bulk-delete", path: "/transcriptions/bulk-delete",
              body: json(#"{"transcriptionIds": []}"#), contentType: "application/json", status: 204),
        .init(method: "POST", template: "/summaries", path: "/summaries",
              body: json(#"{"transcriptionId": "\#(FixtureID.transcription)"}"#), contentType: "application/json", status: 201),
        .init(method: "GET", template: "/summaries", path: "/summaries", status: 200),
        .init(method: "DELETE", template: "/summaries/{summaryId}", path: "/summaries/\(FixtureID.summary)", status: 204),
        .init(method: "GET", template: "/summaries/{summaryId}", path: "/summaries/\(FixtureID.summary)", status: 200),
        .init(method: "PUT", template: "/rooms/{roomName}/theme/tokens", path: "/rooms/\(FixtureID.encodedRoomName)/theme/tokens",
              body: json(##"{"tokens": {"colors": {"primary": "#336699"}}, "tokensPreset": "custom"}"##),
              contentType: "application/json", status: 204),
        .init(method: "PUT", template: "/rooms/{roomName}/theme/logo", path: "/rooms/\(FixtureID.encodedRoomName)/theme/logo",
              body: multipartBody(data: pngBytes), contentType: "multipart/form-data; boundary=whereby-mock-test-boundary",
              status: 204),
        .init(method: "PUT", template: "/rooms/{roomName}/theme/room-background",
              path: "/rooms/\(FixtureID.encodedRoomName)/theme/room-background",
              body: json(#"{"palette": "grey", "theme": "mountains"}"#), contentType: "application/json", status: 204),
        .init(method: "PUT", template: "/rooms/{roomName}/theme/room-knock-page-background",
              path: "/rooms/\(FixtureID.encodedRoomName)/theme/room-knock-page-background",
              body: multipartBody(data: pngBytes), contentType: "multipart/form-data; boundary=whereby-mock-test-boundary",
              status: 204),
        .init(method: "GET", template: "/insights/rooms", path: "/insights/rooms", status: 200),
        .init(method: "GET", template: "/insights/room-sessions", path: "/insights/room-sessions",
              query: "roomName=\(FixtureID.encodedRoomName)", status: 200),
        .init(method: "GET", template: "/insights/participants", path: "/insights/participants",
              query: "roomSessionId=\(FixtureID.roomSession)", status: 200),
        .init(method: "GET", template: "/insights/participant", path: "/insights/participant",
              query: "roomSessionId=\(FixtureID.roomSession)&participantId=\(FixtureID.participant)", status: 200),
    ]
}

@Suite struct RouteCoverageTests {
    /// The repository's spec/whereby.json: this file is in Tests/Integration/Tests/WherebyMockTests.
    static let specURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec/whereby.json")

    @Test func theTableListsEveryOperationOfTheDocumentOnce() throws {
        let spec = try JSONValue(parsing: Data(contentsOf: Self.specURL))
        let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
        var operations: [String] = []
        for (path, item) in spec["paths"]?.objectValue ?? [:] {
            for method in methods where item[method] != nil {
                operations.append("\(method.uppercased()) \(path)")
            }
        }
        let table = OperationCase.all.map(\.testDescription)
        #expect(operations.count == 27)
        #expect(table.sorted() == operations.sorted())
    }

    @Test(arguments: OperationCase.all)
    func everyOperationAnswersWithItsDocumentedSuccess(_ operation: OperationCase) async throws {
        try await withMockServer { client, _ throws in
            var path = operation.path
            if path.contains("{meetingId}") {
                let meeting = try await client.post("/meetings", json: ["endDate": "2099-02-18T14:23:00.000Z"])
                path = path.replacingOccurrences(of: "{meetingId}", with: meeting.json["meetingId"]?.stringValue ?? "")
            }
            let response = try await client.send(
                operation.method, path, query: operation.query, body: operation.body, contentType: operation.contentType
            )
            #expect(response.status == operation.status, "\(response.errorMessage)")
            if operation.status == 200 {
                #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            }
            #expect(response.header("X-RateLimit-Limit") == "1000")
        }
    }
}
