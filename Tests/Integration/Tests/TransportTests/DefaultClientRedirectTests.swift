import FaultServer
import Foundation
import Testing
import WherebyAPI

/// A `WherebyClient` with its default transport, redirected by its server to another origin.
@Suite struct DefaultClientRedirectTests {
    @Test(arguments: [301, 302, 303, 307, 308])
    func neverSendsTheKeyToAnotherOrigin(status: Int) async throws {
        let other = try await FaultServer.start { _ in
            .json(#"{"meetingId":"stolen","roomUrl":"https://x.whereby.com/a","startDate":"2030-01-01T00:00:00Z","endDate":"2030-01-01T01:00:00Z"}"#)
        }
        let server = try await FaultServer.start { _ in .redirect(status, to: other.url("/v1/meetings/1")) }
        let whereby = WherebyClient(apiKey: "secret-key-0123456789", configuration: .init(serverURL: URL(string: server.url("/v1"))!))

        await #expect(throws: (any Error).self) {
            _ = try await whereby.getMeeting(meetingId: "1")
        }
        await server.shutdown()
        await other.shutdown()

        #expect(server.requests.first?.header("Authorization") == "Bearer secret-key-0123456789")
        #expect(other.requests.allSatisfy { $0.header("Authorization") == nil })
        #expect(other.requests.isEmpty)
    }
}
