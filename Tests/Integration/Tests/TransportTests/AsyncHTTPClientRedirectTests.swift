import AsyncHTTPClient
import FaultServer
import NIOCore
import NIOHTTP1
import Foundation
import OpenAPIAsyncHTTPClient
import Testing
import WherebyAPI

/// A `WherebyClient` over AsyncHTTPClient configured as the README shows it, redirected by its
/// server to another origin.
@Suite struct AsyncHTTPClientRedirectTests {
    @Test(arguments: [302, 307, 308])
    func asTheReadmeShowsItNeverSendsTheKeyToAnotherOrigin(status: Int) async throws {
        let other = try await FaultServer.start { _ in
            .json(#"{"meetingId":"stolen","roomUrl":"https://x.whereby.com/a","startDate":"2030-01-01T00:00:00Z","endDate":"2030-01-01T01:00:00Z"}"#)
        }
        let server = try await FaultServer.start { _ in .redirect(status, to: other.url("/v1/meetings/1")) }
        // As in the README's "Using AsyncHTTPClient on a server".
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
        )
        let whereby = WherebyClient(apiKey: "secret-key-0123456789", configuration: .init(
            serverURL: URL(string: server.url("/v1"))!,
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient))
        ))

        await #expect(throws: (any Error).self) {
            _ = try await whereby.getMeeting(meetingId: "1")
        }
        try await httpClient.shutdown()
        await server.shutdown()
        await other.shutdown()

        #expect(server.requests.first?.header("Authorization") == "Bearer secret-key-0123456789")
        #expect(other.requests.isEmpty)
    }

    @Test func theSharedClientFollowsARedirectToAnotherOriginWhichIsWhyTheReadmeDisallowsThem() async throws {
        let other = try await FaultServer.start { _ in .json("{}") }
        let server = try await FaultServer.start { _ in .redirect(307, to: other.url("/v1/meetings/1")) }
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: server.url("/v1/meetings/1"))
        request.headers.add(name: "Authorization", value: "Bearer secret-key-0123456789")
        let response = try await httpClient.execute(request, timeout: .seconds(10))
        try await httpClient.shutdown()
        await server.shutdown()
        await other.shutdown()

        // AsyncHTTPClient drops Authorization across origins, but still follows, so the other
        // origin's body would come back as Whereby's answer.
        #expect(response.status.code == 200)
        #expect(other.requests.count == 1)
        #expect(other.requests.first?.header("Authorization") == nil)
    }
}
