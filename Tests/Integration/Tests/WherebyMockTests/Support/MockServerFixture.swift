import Foundation
import WherebyMock

/// Runs a stand-in on an ephemeral loopback port for the duration of `body`.
func withMockServer(
    _ configuration: WherebyMockServer.Configuration = .init(rateLimit: .growPlan),
    _ body: (TestClient, WherebyMockServer) async throws -> Void
) async throws {
    let server = WherebyMockServer(configuration: configuration)
    try await server.withRunningServer { address in
        try await body(TestClient(baseURL: address.baseURL), server)
    }
}

/// Identifiers from the bundled fixture, which are also the document's examples.
enum FixtureID {
    static let recording = "a56f6ad7-37fe-4a37-9319-3174630ba57a"
    static let selfHostedRecording = "8c12c02d-5246-5074-a601-759eac07c546"
    static let transcription = "b438fda0-83e2-4835-92f9-c845ee3d5ea7"
    static let summary = "c429ff78-9f03-49de-b427-546bcd848050"
    static let roomName = "/room-prefix-793e9ec1-c686-423d-9043-9b7a10c553fd"
    static let encodedRoomName = "%2Froom-prefix-793e9ec1-c686-423d-9043-9b7a10c553fd"
    static let roomSession = "e2f29530-46ec-4cee-8b27-e565cb5bb2e9"
    static let participant = "32ba120a-a691-4e8e-aec3-a610239271de"
}

/// A `multipart/form-data` body with one file part.
func multipartBody(
    name: String = "image",
    filename: String = "logo.png",
    contentType: String? = "image/png",
    data: Data,
    boundary: String = "whereby-mock-test-boundary"
) -> Data {
    var body = Data("--\(boundary)\r\n".utf8)
    body.append(Data("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n".utf8))
    if let contentType { body.append(Data("Content-Type: \(contentType)\r\n".utf8)) }
    body.append(Data("\r\n".utf8))
    body.append(data)
    body.append(Data("\r\n--\(boundary)--\r\n".utf8))
    return body
}

/// A few bytes that begin like a PNG file.
let pngBytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
