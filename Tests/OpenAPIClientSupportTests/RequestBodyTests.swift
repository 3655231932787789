import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import TestSupport

@Suite("Request bodies")
struct RequestBodyTests {
    struct CreateMeeting: Codable, Sendable {
        var endDate: Date
        var roomNamePrefix: String?
        var fields: [String]
    }

    struct SetRoomLogo: Encodable, Sendable {
        var image: MultipartFile
        var caption: String
        var width: Int
        var visible: Bool
        var tags: [String]
        var thumbnail: Data
        var crop: Crop
        var note: String?
        var cleared: Nullable<String>

        struct Crop: Encodable, Sendable { var x = 1, y = 2.5, label = "a \"quoted\" name" }
    }

    @Test("encodes JSON with the runtime's coding and sets Content-Type and Content-Length")
    func encodesJSON() async throws {
        var request = APIRequest(operationID: "createMeeting", method: .post, path: "/meetings")
        request.body = .json(CreateMeeting(endDate: Date(timeIntervalSince1970: 1_747_068_169), roomNamePrefix: "/x", fields: ["a"]))
        let transport = RecordingTransport(status: .created, json: "{}")
        try await APIRuntime.testing(transport).send(request, expecting: [201])
        let recorded = try #require(await transport.lastRequest)
        #expect(recorded.header(.contentType) == "application/json")
        #expect(recorded.bodyText == #"{"endDate":"2025-05-12T16:42:49Z","fields":["a"],"roomNamePrefix":"/x"}"#)
        #expect(recorded.header(.contentLength) == "\(recorded.body?.count ?? -1)")
    }

    @Test("sends bytes and text as they are with the given content type")
    func sendsDataAndText() async throws {
        let transport = RecordingTransport(status: .noContent)
        let runtime = APIRuntime.testing(transport)
        var request = APIRequest(operationID: "upload", method: .put, path: "/blob")
        request.body = .data(Data([0, 1, 2, 255]), contentType: "application/octet-stream")
        try await runtime.send(request, expecting: [204])
        request.body = .text("héllo")
        try await runtime.send(request, expecting: [204])
        request.body = .text("<a/>", contentType: "application/xml")
        try await runtime.send(request, expecting: [204])
        let recorded = await transport.requests
        #expect(recorded.map { $0.header(.contentType) } == ["application/octet-stream", "text/plain", "application/xml"])
        #expect(recorded.map { $0.body } == [Data([0, 1, 2, 255]), Data("héllo".utf8), Data("<a/>".utf8)])
        #expect(recorded.map { $0.header(.contentLength) } == ["4", "6", "4"])
    }

    @Test("encodes a form-urlencoded body like an exploded form query")
    func encodesFormURLEncoded() async throws {
        struct Form: Encodable, Sendable {
            var name = "a b+c&d"
            var ids = [1, 2]
            var when = Date(timeIntervalSince1970: 0)
            var skipped: String? = nil
            var filter = ["exact": "x"]
        }
        let transport = RecordingTransport(status: .ok)
        var request = APIRequest(operationID: "submit", method: .post, path: "/form")
        request.body = .formURLEncoded(Form())
        try await APIRuntime.testing(transport).send(request, expecting: [200])
        let recorded = try #require(await transport.lastRequest)
        #expect(recorded.header(.contentType) == "application/x-www-form-urlencoded")
        #expect(recorded.bodyText == "name=a%20b%2Bc%26d&ids=1&ids=2&when=1970-01-01T00%3A00%3A00Z&filter%5Bexact%5D=x")
    }

    @Test("encodes multipart parts a parser can split back: files, text, repeated and JSON parts")
    func encodesMultipart() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let logo = SetRoomLogo(
            image: MultipartFile(data: png, filename: "logo \"1\".png", contentType: "image/png"),
            caption: "Our logo\r\nline two",
            width: 120,
            visible: true,
            tags: ["a", "b"],
            thumbnail: Data([1, 2, 3]),
            crop: .init(),
            note: nil,
            cleared: .null
        )
        let transport = RecordingTransport(status: .noContent)
        var request = APIRequest(operationID: "setRoomLogo", method: .put, path: "/rooms/{roomName}/theme/logo")
        try request.setPathParameter("roomName", "/r")
        request.body = .multipartForm(logo)
        try await APIRuntime.testing(transport).send(request, expecting: [204])

        let recorded = try #require(await transport.lastRequest)
        let contentType = try #require(recorded.header(.contentType))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let parts = try MultipartParser.parse(try #require(recorded.body), boundary: boundary)

        #expect(parts.map(\.disposition) == [
            #"form-data; name="image"; filename="logo %221%22.png""#,
            #"form-data; name="caption""#,
            #"form-data; name="width""#,
            #"form-data; name="visible""#,
            #"form-data; name="tags""#,
            #"form-data; name="tags""#,
            #"form-data; name="thumbnail"; filename="thumbnail""#,
            #"form-data; name="crop""#,
        ])
        #expect(parts.map(\.contentType) == ["image/png", nil, nil, nil, nil, nil, "application/octet-stream", "application/json"])
        #expect(parts[0].body == png)
        #expect(parts[1].text == "Our logo\r\nline two")
        #expect(parts[2].text == "120")
        #expect(parts[3].text == "true")
        #expect(parts[4].text == "a")
        #expect(parts[5].text == "b")
        #expect(parts[6].body == Data([1, 2, 3]))
        #expect(parts[7].text == #"{"x":1,"y":2.5,"label":"a \"quoted\" name"}"#)
    }

    @Test("chooses a boundary that does not occur in any part")
    func boundaryAvoidsContent() async throws {
        struct Upload: Encodable, Sendable { var text: String }
        let transport = RecordingTransport(status: .ok)
        var request = APIRequest(operationID: "upload", method: .post, path: "/u")
        request.body = .multipartForm(Upload(text: "--OpenAPIClientSupport-"))
        try await APIRuntime.testing(transport).send(request, expecting: [200])
        let recorded = try #require(await transport.lastRequest)
        let boundary = String(try #require(recorded.header(.contentType)).split(separator: "=").last ?? "")
        let parts = try MultipartParser.parse(try #require(recorded.body), boundary: boundary)
        #expect(parts.map(\.text) == ["--OpenAPIClientSupport-"])
    }

    @Test("reports a body that cannot be encoded without quoting it")
    func reportsEncodingFailure() throws {
        struct Ratio: Encodable, Sendable { var secret = "hunter2"; var value = Double.nan }
        var request = APIRequest(operationID: "createRatio", method: .post, path: "/r")
        request.body = .json(Ratio())
        let error = #expect(throws: APIClientError.self) { try APIRuntime.testing().makeHTTPRequest(request) }
        let description = try #require(error?.description)
        #expect(description.hasPrefix("createRatio: could not encode the request body: "))
        #expect(!description.contains("hunter2"))

        request.body = .multipartForm(["just", "an", "array"])
        let notObject = #expect(throws: APIClientError.self) { try APIRuntime.testing().makeHTTPRequest(request) }
        #expect(notObject?.description == "createRatio: could not encode the request body: a multipart body must be an object with named fields")
    }
}

/// A minimal multipart/form-data parser, independent of the encoder.
enum MultipartParser {
    struct Part {
        var headers: [String: String]
        var body: Data
        var disposition: String? { headers["content-disposition"] }
        var contentType: String? { headers["content-type"] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Malformed: Error { var reason: String }

    static func parse(_ data: Data, boundary: String) throws -> [Part] {
        let bytes = [UInt8](data)
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard bytes.starts(with: delimiter) else { throw Malformed(reason: "no opening delimiter") }
        var parts: [Part] = []
        var position = delimiter.count
        while true {
            if bytes[position...].starts(with: Array("--\r\n".utf8)) { return parts }
            guard bytes[position...].starts(with: Array("\r\n".utf8)) else { throw Malformed(reason: "no line break after delimiter") }
            position += 2
            guard let end = find(separator, in: bytes, from: position) else { throw Malformed(reason: "no closing delimiter") }
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: position), headerEnd <= end else {
                throw Malformed(reason: "no header end")
            }
            var headers: [String: String] = [:]
            for line in String(decoding: bytes[position..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n") {
                let pieces = line.split(separator: ":", maxSplits: 1)
                guard pieces.count == 2 else { throw Malformed(reason: "bad header line \(line)") }
                headers[pieces[0].lowercased()] = pieces[1].trimmingCharacters(in: .whitespaces)
            }
            parts.append(Part(headers: headers, body: Data(bytes[(headerEnd + 4)..<end])))
            position = end + separator.count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
