import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing
import TestSupport

/// Secrets must not reach logs: descriptions, debug descriptions, `dump` and error messages.
@Suite("Redaction")
struct RedactionTests {
    private let secrets = ["s3cr3t-token", "alice", "pa55word", "k3y-value", "c00kie-value", "hunter2"]

    /// Everything a developer might log about `value`.
    private func renderings(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return ["\(value)", String(describing: value), String(reflecting: value), dumped, Mirror(reflecting: value).children.map { "\($0.value)" }.joined()]
    }

    private func expectNoSecrets(in value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        for rendering in renderings(of: value) {
            for secret in secrets {
                #expect(!rendering.contains(secret), "\(secret) leaked in: \(rendering)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("redactsBearerTokenInDescriptionAndDump")
    func redactsBearerToken() {
        let credential = Credential.bearer("s3cr3t-token")
        #expect(credential.description == "Credential.bearer(<redacted>)")
        #expect(String(reflecting: credential) == "Credential.bearer(<redacted>)")
        expectNoSecrets(in: credential)
    }

    @Test("redacts basic credentials and API keys, keeping the key's name and location")
    func redactsBasicAndAPIKey() {
        let basic = Credential.basic(username: "alice", password: "pa55word")
        expectNoSecrets(in: basic)
        let apiKey = Credential.apiKey("k3y-value", name: "X-API-Key", location: .header)
        #expect(apiKey.description == #"Credential.apiKey(<redacted>, name: "X-API-Key", location: .header)"#)
        expectNoSecrets(in: apiKey)
    }

    @Test("redacts every credential in a Credentials set and a runtime")
    func redactsCredentialsAndRuntime() {
        let credentials: Credentials = ["BearerAuth": .bearer("s3cr3t-token"), "Basic": .basic(username: "alice", password: "pa55word")]
        #expect(credentials.description == "Credentials(Basic: Credential.basic(username: <redacted>, password: <redacted>), BearerAuth: Credential.bearer(<redacted>))")
        expectNoSecrets(in: credentials)
        expectNoSecrets(in: APIRuntime.testing(credentials: credentials))
    }

    @Test("describes a request without sensitive header values, cookie values or the body")
    func redactsRequest() throws {
        struct Body: Encodable, Sendable { var password = "hunter2" }
        var request = APIRequest(operationID: "login", method: .post, path: "/rooms/{roomName}")
        try request.setPathParameter("roomName", "lobby")
        try request.addQueryParameter("limit", 5)
        request.headerFields[.authorization] = "Bearer s3cr3t-token"
        try request.setHeaderParameter("X-Api-Key", "k3y-value")
        try request.setHeaderParameter("X-Request-Id", "req-1")
        try request.addCookieParameter("session", "c00kie-value")
        request.body = .json(Body())
        #expect(request.description == "login: POST /rooms/lobby?limit=5 headers: [Authorization: <redacted>, X-Api-Key: <redacted>, X-Request-Id: req-1] cookies: [session=<redacted>] body: json(Body)")
        expectNoSecrets(in: request)
        expectNoSecrets(in: RequestBody.data(Data("hunter2".utf8), contentType: "text/plain"))
        expectNoSecrets(in: RequestBody.text("hunter2"))
    }

    @Test("describes a multipart file by its size, not its bytes")
    func describesFileBySize() {
        let file = MultipartFile(data: Data("hunter2".utf8), filename: "notes.txt", contentType: "text/plain")
        #expect(file.description == #"MultipartFile(filename: "notes.txt", contentType: text/plain, 7 bytes)"#)
        expectNoSecrets(in: file)
    }

    @Test("describes a response without Set-Cookie values")
    func redactsResponse() {
        let response = APIResponse(status: 200, headerFields: [.setCookie: "sid=c00kie-value", .contentType: "application/json"], body: Data("{}".utf8))
        #expect(response.description == "APIResponse(status: 200, headers: [Set-Cookie: <redacted>, Content-Type: application/json], 2 bytes)")
        expectNoSecrets(in: response)
        expectNoSecrets(in: APIClientError.unexpectedStatus(operationID: "op", response: response))
    }

    @Test("keeps secrets out of errors: transport errors with URLs, encoding failures")
    func redactsErrors() async throws {
        let failingURL = "https://api.example.com/v1/items?api_key=k3y-value"
        let urlError = URLError(.timedOut, userInfo: [NSURLErrorFailingURLErrorKey: URL(string: failingURL) as Any, NSLocalizedDescriptionKey: "The request timed out."])
        let runtime = APIRuntime.testing(
            FailingTransport(error: urlError),
            credentials: ["Key": .apiKey("k3y-value", name: "api_key", location: .query)]
        )
        var request = APIRequest.get()
        request.security = [["Key"]]
        let error = await #expect(throws: APIClientError.self) { try await runtime.send(request, expecting: [200]) }
        #expect(error?.description == "listItems: the request failed: URLError -1001: the request timed out")
        #expect(error?.localizedDescription == error?.description)

        struct Secret: Encodable, Sendable { var token = "hunter2"; var value = Double.infinity }
        var post = APIRequest(operationID: "post", method: .post, path: "/p")
        post.security = [["Key"]]
        post.body = .json(Secret())
        let encoding = #expect(throws: APIClientError.self) { try runtime.makeHTTPRequest(post) }
        expectNoSecrets(in: try #require(encoding))
    }
}
