import Foundation
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// The generated models, compiled into WherebyAPI, read tolerantly and write exactly.
@Suite struct GeneratedModelTests {
    let decoder = JSONCoding.default.makeDecoder()
    let encoder = JSONCoding.default.makeEncoder()

    func json(_ value: some Encodable) throws -> JSONValue {
        try decoder.decode(JSONValue.self, from: encoder.encode(value))
    }

    @Test func decodesUnknownEnumValueAsUnknownAndEncodesItBackUnchanged() throws {
        let body = #"{"transcriptionId":"t","roomSessionId":"s","roomName":"/r","startDate":"2025-01-01T00:00:00Z","endDate":"2025-01-01T00:01:00Z","state":"archived","createdAt":"2025-01-01T00:00:00Z","type":"LIVE_TRANSCRIPTION","storageType":"SOMEWHERE_NEW"}"#
        let transcription = try decoder.decode(Transcription.self, from: Data(body.utf8))
        #expect(transcription.state == .unknown("archived"))
        #expect(transcription.storageType == .unknown("SOMEWHERE_NEW"))
        #expect(transcription.type == .liveTranscription)
        #expect(try json(transcription)["state"] == "archived")
        #expect(Transcription.State(rawValue: "ready") == .ready)
        #expect(Transcription.State.allCases == [.ready, .failed, .inProgress])
    }

    @Test func ignoresFieldsTheDocumentDoesNotDescribe() throws {
        let body = #"{"meetingId":"m","roomUrl":"https://x","endDate":"2025-05-12T17:42:49Z","brandNewField":{"nested":[1,2]}}"#
        let meeting = try decoder.decode(Meeting.self, from: Data(body.utf8))
        #expect(meeting.meetingId == "m")
    }

    @Test(arguments: [
        "2025-05-12T17:42:49Z",
        "2025-05-12T17:42:49.000Z",
        "2025-05-12T17:42:49.000000Z",
        "2025-05-12T12:42:49-05:00",
        "2025-05-12T19:42:49.000+02:00",
    ])
    func decodesDatesWithOrWithoutFractionsAndWithAnyOffset(text: String) throws {
        let body = #"{"meetingId":"m","roomUrl":"https://x","endDate":"\#(text)"}"#
        let meeting = try decoder.decode(Meeting.self, from: Data(body.utf8))
        #expect(meeting.endDate == Date(timeIntervalSince1970: 1_747_071_769))
    }

    @Test func encodesDatesAsUTC() throws {
        let request = CreateMeetingRequest(endDate: Date(timeIntervalSince1970: 1_747_071_769))
        #expect(try json(request) == ["endDate": "2025-05-12T17:42:49Z"])
    }

    @Test func requestSendsExplicitNullWhereTheAPIDefinesIt() throws {
        // `destination: null` means "inherit from the organization settings".
        let recording = CreateMeetingRequest.Recording(type: .cloud, destination: nil, startTrigger: .automatic)
        #expect(try json(recording) == ["type": "cloud", "destination": nil, "startTrigger": "automatic"])

        let inherit = CreateMeetingRequest.LiveTranscription(language: .null)
        let omit = CreateMeetingRequest.LiveTranscription()
        let set = CreateMeetingRequest.LiveTranscription(language: .value(.enUS))
        #expect(try json(inherit)["language"] == .null)
        #expect(try json(omit).objectValue?.keys.contains("language") == false)
        #expect(try json(set)["language"] == "en-US")
    }

    @Test func nullableResponseFieldsDecodeNullAndAbsenceAlike() throws {
        let withNull = try decoder.decode(MeetingPage.self, from: Data(#"{"results":[],"cursor":null}"#.utf8))
        let without = try decoder.decode(MeetingPage.self, from: Data(#"{"results":[]}"#.utf8))
        let withCursor = try decoder.decode(MeetingPage.self, from: Data(#"{"results":[],"cursor":"c2"}"#.utf8))
        #expect(withNull.cursor == nil)
        #expect(without.cursor == nil)
        #expect(withCursor.cursor == "c2")
    }

    @Test func multipartBodiesCarryTheFile() throws {
        let file = MultipartFile(data: Data([0x89, 0x50, 0x4E, 0x47]), filename: "logo.png", contentType: "image/png")
        let body = SetRoomLogoRequest.multipart(.init(image: file))
        guard case .multipart(let form) = body else {
            Issue.record("expected the multipart case")
            return
        }
        #expect(form.image?.filename == "logo.png")
    }
}
